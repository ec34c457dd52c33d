/**
 * A ZIP entry's data deflated into a file of its own (a sheet built in a worker thread, copied
 * into the package later by ZipWriter.deflated): the same raw deflate, CRC-32 and sizes the ZIP
 * writer would take, with the same bound on memory (writes wait while deflate or the file lag).
 */
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { drainOf } from './sink.js';
import type { ZipEntry } from './zip-writer.js';

/** Uncompressed bytes that may wait for deflate (as in zip-writer.ts). */
const MAX_PENDING = 8 * 2 ** 20;

export interface SpillSums {
  crc: number;
  size: number;
  compressed: number;
}

export class DeflateSpill implements ZipEntry {
  private crc = 0;
  private size = 0;
  private failure: unknown = null;
  private closed: Promise<SpillSums> | null = null;

  private constructor(
    private readonly deflate: zlib.DeflateRaw,
    private readonly file: fs.WriteStream,
    private readonly piped: Promise<void>,
  ) {
    piped.catch((err: unknown) => {
      this.failure ??= err;
    });
  }

  /** Creates `path` (it must not exist) and deflates into it at zlib `level`. */
  static async open(path: string, level: number): Promise<DeflateSpill> {
    const file = fs.createWriteStream(path, { flags: 'wx' });
    await new Promise<void>((resolve, reject) => {
      file.once('open', () => resolve());
      file.once('error', reject);
    });
    const deflate = zlib.createDeflateRaw({ level, chunkSize: 256 * 1024 });
    return new DeflateSpill(deflate, file, pipeline(deflate, file));
  }

  async write(data: string | Buffer): Promise<void> {
    if (this.failure) throw this.failure;
    const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    if (buf.length === 0) return;
    this.crc = zlib.crc32(buf, this.crc);
    this.size += buf.length;
    this.deflate.write(buf);
    if (this.deflate.writableLength > MAX_PENDING) await drainOf(this.deflate);
  }

  close(): Promise<void> {
    return this.finish().then(() => undefined);
  }

  /** Ends the data; resolves once it is all in the file, with its sums. */
  finish(): Promise<SpillSums> {
    this.closed ??= (async () => {
      this.deflate.end();
      await this.piped;
      return { crc: this.crc, size: this.size, compressed: this.file.bytesWritten };
    })();
    return this.closed;
  }
}
