/**
 * A streaming ZIP writer (APPNOTE 6.3.x), just what the report's XLSX needs: entries written one
 * after another, each deflated as it arrives (zlib on the libuv thread pool, so compression runs
 * beside the thread that builds the XML), the CRC taken with zlib.crc32, sizes in a data
 * descriptor after the data (flag bit 3), names in UTF-8 (bit 11), the central directory at the
 * end. Nothing is held but the chunk in flight and one small record per entry; writes to `out`
 * wait for 'drain'.
 *
 * ZIP64 as needed, decided per entry when it ends (as Java's ZipOutputStream does): an entry
 * whose sizes pass 4 GiB gets 8-byte sizes in its data descriptor and a ZIP64 extra field in the
 * central directory; offsets past 4 GiB and more than 65,535 entries get the ZIP64 end records.
 * The local header cannot know in advance, so it never carries the ZIP64 field; readers that go by
 * the central directory (Excel, LibreOffice, 7-Zip, Info-ZIP, JSZip) read such files. A sheet of
 * Excel's 1,048,576 rows of ≤ 500-character comments stays well under 4 GiB, so in practice the
 * report's workbooks are plain ZIP.
 */
import type { Writable } from 'node:stream';
import zlib from 'node:zlib';
import { drainOf } from './sink.js';

const MAX_32 = 0xffffffff;
const MAX_16 = 0xffff;
/** Bit 3: sizes and CRC follow the data; bit 11: the name is UTF-8. */
const FLAGS = 0x0808;
const DEFLATE = 8;
/** Uncompressed bytes that may wait for deflate. */
const MAX_PENDING = 8 * 2 ** 20;

export interface ZipOptions {
  /** zlib level 0–9 (default 1: the XML compresses ~6× at a fraction of level 6's time). */
  level?: number;
  /** Modification time stamped on every entry. */
  modified?: Date;
  /** Sizes at or above this use ZIP64 (tests lower it to exercise ZIP64 without 4 GiB files). */
  zip64Threshold?: number;
}

interface EntryRecord {
  name: Buffer;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
}

function dosDateTime(d: Date): { time: number; date: number } {
  const year = Math.min(2107, Math.max(1980, d.getFullYear()));
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

/** An entry deflated elsewhere (a sheet built in a worker thread): its raw-deflate bytes and sums. */
export interface DeflatedData {
  crc: number;
  /** Bytes before compression. */
  size: number;
  /** Bytes of `chunks` in all (checked: a short copy would make a corrupt file). */
  compressed: number;
  chunks: AsyncIterable<Buffer>;
}

/** One entry being written: write() its data in order, then close(). */
export interface ZipEntry {
  write(data: string | Buffer): Promise<void>;
  close(): Promise<void>;
}

export class ZipWriter {
  private offset = 0;
  private readonly entries: EntryRecord[] = [];
  private busy = false;
  private finished = false;
  private readonly level: number;
  private readonly stamp: { time: number; date: number };
  private readonly zip64At: number;

  constructor(
    private readonly out: Writable,
    options: ZipOptions = {},
  ) {
    this.level = options.level ?? 1;
    this.stamp = dosDateTime(options.modified ?? new Date());
    this.zip64At = options.zip64Threshold ?? MAX_32;
  }

  /** Bytes handed to `out` so far. */
  get bytesWritten(): number {
    return this.offset;
  }

  private async put(chunk: Buffer): Promise<void> {
    this.offset += chunk.length;
    if (!this.out.write(chunk)) await drainOf(this.out);
  }

  /** A whole entry at once (the small parts of a package). */
  async file(name: string, data: string | Buffer): Promise<void> {
    const entry = await this.entry(name);
    await entry.write(data);
    await entry.close();
  }

  /** Starts an entry; the previous one must be closed. */
  async entry(name: string): Promise<ZipEntry> {
    if (this.busy || this.finished) throw new Error(`zip: cannot start ${name} while another entry is open`);
    this.busy = true;
    const record: EntryRecord = {
      name: Buffer.from(name, 'utf8'),
      crc: 0,
      compressed: 0,
      size: 0,
      offset: this.offset,
    };
    await this.put(this.localHeader(record.name));

    const deflate = zlib.createDeflateRaw({ level: this.level, chunkSize: 256 * 1024 });
    // Compressed output goes straight to `out`; a full `out` pauses deflate, which in turn makes
    // deflate.write() report backpressure to the writer of the entry.
    let failure: Error | null = null;
    deflate.on('data', (chunk: Buffer) => {
      record.compressed += chunk.length;
      this.offset += chunk.length;
      if (!this.out.write(chunk)) {
        deflate.pause();
        drainOf(this.out).then(
          () => deflate.resume(),
          (err: Error) => deflate.destroy(err),
        );
      }
    });
    const ended = new Promise<void>((resolve, reject) => {
      deflate.once('end', resolve);
      deflate.once('error', (err) => {
        failure = err;
        reject(err);
      });
      deflate.once('close', () => reject(failure ?? new Error('zip: the compressor closed early')));
    });
    ended.catch(() => undefined); // observed in write()/close(); never unhandled

    return {
      write: async (data) => {
        if (failure) throw failure;
        const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
        if (buf.length === 0) return;
        record.crc = zlib.crc32(buf, record.crc);
        record.size += buf.length;
        // One chunk may wait while deflate works on the one before: the caller builds the next
        // meanwhile (two cores busy), and memory stays bounded by MAX_PENDING plus a chunk.
        deflate.write(buf);
        if (deflate.writableLength > MAX_PENDING) await drainOf(deflate);
      },
      close: async () => {
        deflate.end();
        await ended;
        await this.put(this.dataDescriptor(record));
        this.entries.push(record);
        this.busy = false;
      },
    };
  }

  /** Adds an entry whose data is already raw-deflated (copied as it is, not compressed again). */
  async deflated(name: string, data: DeflatedData): Promise<void> {
    if (this.busy || this.finished) throw new Error(`zip: cannot start ${name} while another entry is open`);
    this.busy = true;
    const record: EntryRecord = {
      name: Buffer.from(name, 'utf8'),
      crc: data.crc,
      compressed: 0,
      size: data.size,
      offset: this.offset,
    };
    await this.put(this.localHeader(record.name));
    for await (const chunk of data.chunks) {
      record.compressed += chunk.length;
      await this.put(chunk);
    }
    if (record.compressed !== data.compressed)
      throw new Error(`zip: ${name} has ${record.compressed} deflated bytes, expected ${data.compressed}`);
    await this.put(this.dataDescriptor(record));
    this.entries.push(record);
    this.busy = false;
  }

  private needs64(n: number): boolean {
    return n >= this.zip64At || n >= MAX_32;
  }

  private localHeader(name: Buffer): Buffer {
    const b = Buffer.alloc(30);
    b.writeUInt32LE(0x04034b50, 0);
    b.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    b.writeUInt16LE(FLAGS, 6);
    b.writeUInt16LE(DEFLATE, 8);
    b.writeUInt16LE(this.stamp.time, 10);
    b.writeUInt16LE(this.stamp.date, 12);
    // CRC and sizes: 0 here, in the data descriptor.
    b.writeUInt16LE(name.length, 26);
    return Buffer.concat([b, name]);
  }

  private dataDescriptor(r: EntryRecord): Buffer {
    if (this.needs64(r.size) || this.needs64(r.compressed)) {
      const b = Buffer.alloc(24);
      b.writeUInt32LE(0x08074b50, 0);
      b.writeUInt32LE(r.crc, 4);
      b.writeBigUInt64LE(BigInt(r.compressed), 8);
      b.writeBigUInt64LE(BigInt(r.size), 16);
      return b;
    }
    const b = Buffer.alloc(16);
    b.writeUInt32LE(0x08074b50, 0);
    b.writeUInt32LE(r.crc, 4);
    b.writeUInt32LE(r.compressed, 8);
    b.writeUInt32LE(r.size, 12);
    return b;
  }

  private centralHeader(r: EntryRecord): Buffer {
    // The ZIP64 extra holds, in this order, only the fields that overflow.
    const extra: bigint[] = [];
    const size64 = this.needs64(r.size);
    const compressed64 = this.needs64(r.compressed);
    const offset64 = this.needs64(r.offset);
    if (size64) extra.push(BigInt(r.size));
    if (compressed64) extra.push(BigInt(r.compressed));
    if (offset64) extra.push(BigInt(r.offset));
    const extraBytes = extra.length ? 4 + 8 * extra.length : 0;
    const version = extra.length ? 45 : 20;
    const b = Buffer.alloc(46 + r.name.length + extraBytes);
    b.writeUInt32LE(0x02014b50, 0);
    b.writeUInt16LE(version, 4); // made by (MS-DOS attributes)
    b.writeUInt16LE(version, 6); // needed
    b.writeUInt16LE(FLAGS, 8);
    b.writeUInt16LE(DEFLATE, 10);
    b.writeUInt16LE(this.stamp.time, 12);
    b.writeUInt16LE(this.stamp.date, 14);
    b.writeUInt32LE(r.crc, 16);
    b.writeUInt32LE(compressed64 ? MAX_32 : r.compressed, 20);
    b.writeUInt32LE(size64 ? MAX_32 : r.size, 24);
    b.writeUInt16LE(r.name.length, 28);
    b.writeUInt16LE(extraBytes, 30);
    // comment length, disk, internal and external attributes: 0
    b.writeUInt32LE(offset64 ? MAX_32 : r.offset, 42);
    r.name.copy(b, 46);
    if (extra.length) {
      let at = 46 + r.name.length;
      b.writeUInt16LE(0x0001, at);
      b.writeUInt16LE(8 * extra.length, at + 2);
      at += 4;
      for (const v of extra) {
        b.writeBigUInt64LE(v, at);
        at += 8;
      }
    }
    return b;
  }

  /** Writes the central directory and the end records; `out` is left open for the caller to end. */
  async finish(): Promise<void> {
    if (this.busy) throw new Error('zip: an entry is still open');
    if (this.finished) return;
    this.finished = true;
    const start = this.offset;
    for (const r of this.entries) await this.put(this.centralHeader(r));
    const size = this.offset - start;
    const count = this.entries.length;
    const zip64 = count >= MAX_16 || this.needs64(start) || this.needs64(size) || this.needs64(this.offset);
    if (zip64) {
      const record = Buffer.alloc(56);
      const at = this.offset;
      record.writeUInt32LE(0x06064b50, 0);
      record.writeBigUInt64LE(44n, 4); // size of the rest of the record
      record.writeUInt16LE(45, 12);
      record.writeUInt16LE(45, 14);
      // this disk, the directory's disk: 0
      record.writeBigUInt64LE(BigInt(count), 24);
      record.writeBigUInt64LE(BigInt(count), 32);
      record.writeBigUInt64LE(BigInt(size), 40);
      record.writeBigUInt64LE(BigInt(start), 48);
      const locator = Buffer.alloc(20);
      locator.writeUInt32LE(0x07064b50, 0);
      locator.writeBigUInt64LE(BigInt(at), 8);
      locator.writeUInt32LE(1, 16); // total disks
      await this.put(Buffer.concat([record, locator]));
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(zip64 ? MAX_16 : count, 8);
    end.writeUInt16LE(zip64 ? MAX_16 : count, 10);
    end.writeUInt32LE(zip64 ? MAX_32 : size, 12);
    end.writeUInt32LE(zip64 ? MAX_32 : start, 16);
    await this.put(end);
  }
}
