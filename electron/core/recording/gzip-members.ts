/**
 * Decompresses a recording that may be damaged the way a crash damages it: a gzip member cut
 * short (kill -9 between two flushes), possibly followed by new members appended after the
 * restart. A plain gunzip stops at the cut and loses everything after it, so the file is split
 * at every member header LiveDesk writes and each part is inflated on its own: a cut part gives
 * what was flushed before the cut, and reading carries on with the next part.
 */
import type { FileHandle } from 'node:fs/promises';
import zlib from 'node:zlib';

const CHUNK_BYTES = 64 * 1024;
/**
 * How every member Node's zlib writes begins: magic, deflate, no flags, no mtime, default level.
 * (The OS byte after it varies.) Recorded JSON text never contains bytes 0x00 or 0x1f, and in
 * compressed data these 9 bytes occur by chance about once in 2^72 positions.
 */
const MEMBER_HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0]);

/** Yielded between chunks where the data was cut short: a partial line before it is garbage. */
export const CUT = Symbol('cut');

interface Cursor {
  fh: FileHandle;
  pos: number;
}

async function readAt(cursor: Cursor, bytes: number): Promise<Buffer> {
  // A fresh buffer per read: gunzip may still hold the previous one.
  const buffer = Buffer.allocUnsafe(bytes);
  const { bytesRead } = await cursor.fh.read(buffer, 0, bytes, cursor.pos);
  return buffer.subarray(0, bytesRead);
}

/** Whether the file starts like gzip (anything else is read as plain JSONL). */
export async function isGzip(fh: FileHandle): Promise<boolean> {
  const head = await readAt({ fh, pos: 0 }, 2);
  return head.length === 2 && head[0] === 0x1f && head[1] === 0x8b;
}

/** The file's bytes as they are (plain JSONL). */
export async function* plainChunks(fh: FileHandle): AsyncGenerator<Buffer> {
  const cursor = { fh, pos: 0 };
  for (;;) {
    const chunk = await readAt(cursor, CHUNK_BYTES);
    if (chunk.length === 0) return;
    cursor.pos += chunk.length;
    yield chunk;
  }
}

/** The raw bytes of one member, from the cursor up to the next member header or the end. */
async function* memberBytes(cursor: Cursor): AsyncGenerator<Buffer> {
  let searchFrom = 1; // past this member's own header
  for (;;) {
    const chunk = await readAt(cursor, CHUNK_BYTES);
    if (chunk.length === 0) return;
    const next = chunk.indexOf(MEMBER_HEADER, searchFrom);
    if (next >= 0) {
      if (next > 0) yield chunk.subarray(0, next);
      cursor.pos += next;
      return;
    }
    const atEnd = chunk.length < CHUNK_BYTES;
    // Hold back the last few bytes: a header may straddle this chunk and the next.
    const take = atEnd ? chunk.length : chunk.length - (MEMBER_HEADER.length - 1);
    yield chunk.subarray(0, take);
    cursor.pos += take;
    if (atEnd) return;
    searchFrom = 0;
  }
}

/** Resolves once `chunk` is processed, or once the stream fails (never hangs on an error). */
function writeChunk(gunzip: zlib.Gunzip, chunk: Buffer): Promise<void> {
  return new Promise((resolve) => {
    const onError = () => resolve();
    gunzip.once('error', onError);
    gunzip.write(chunk, () => {
      gunzip.off('error', onError);
      resolve();
    });
  });
}

/** Inflates one member's bytes; returns false when the member was cut short or damaged. */
async function* inflateMember(bytes: AsyncIterable<Buffer>): AsyncGenerator<Buffer, boolean> {
  const gunzip = zlib.createGunzip();
  const output: Buffer[] = [];
  let failed = false;
  const finished = new Promise<void>((resolve) => {
    gunzip.on('end', resolve);
    gunzip.on('error', () => {
      failed = true;
      resolve();
    });
  });
  gunzip.on('data', (data: Buffer) => output.push(data));
  try {
    for await (const chunk of bytes) {
      // After a failure, the rest of this member's bytes are read past (to the next header).
      if (!failed) await writeChunk(gunzip, chunk);
      yield* output.splice(0);
    }
    if (!failed) gunzip.end();
    await finished;
    yield* output.splice(0);
    return !failed;
  } finally {
    gunzip.destroy();
  }
}

/** Decompressed data of every member in order, with CUT where a member was cut short. */
export async function* gzipChunks(fh: FileHandle): AsyncGenerator<Buffer | typeof CUT> {
  const cursor = { fh, pos: 0 };
  for (;;) {
    const start = cursor.pos;
    const complete = yield* inflateMember(memberBytes(cursor));
    if (!complete) yield CUT;
    if (cursor.pos === start) return; // nothing left
    const more = await readAt(cursor, 1);
    if (more.length === 0) return;
  }
}
