/**
 * Reads a recording line by line, streaming (never the whole file in memory). Accepts gzip
 * (detected by its magic bytes; several members, as appended by restarts) and plain JSONL, and
 * tolerates what a crash leaves behind: a member cut short ends where its last flush ended, a
 * partial last line is dropped, and reading carries on with any member appended after it.
 *
 * Damage is reported, never thrown: pass a ReadSummary and it is filled in as lines are read.
 * Only a file that cannot be opened or read throws (a RecordingFileError, said in words).
 */
import { open, type FileHandle } from 'node:fs/promises';
import { describeFileError } from './file-error.js';
import { CUT, gzipChunks, isGzip, plainChunks } from './gzip-members.js';
import { parseLine, type RecordedLine } from './line.js';
import { LineSplitter, TOO_LONG } from './line-splitter.js';

export type { RecordedLine } from './line.js';

export interface ReadSummary {
  /** Good lines read so far. */
  lines: number;
  /** Lines skipped: not JSON, not of the recorded shape, or over-long. */
  badLines: number;
  /** The data ended early somewhere: a gzip member cut short or damaged, or a partial last line. */
  truncated: boolean;
}

export function emptyReadSummary(): ReadSummary {
  return { lines: 0, badLines: 0, truncated: false };
}

/** A recording that cannot be opened or read; `message` is "<file>: no such file" and the like. */
export class RecordingFileError extends Error {
  constructor(
    readonly file: string,
    cause: unknown,
  ) {
    super(describeFileError(file, cause), { cause });
    this.name = 'RecordingFileError';
  }
}

/** Longer lines are skipped as bad (a recorded payload is at most a few MB in practice). */
const MAX_LINE_BYTES = 64 * 1024 * 1024;

async function openRecording(file: string): Promise<FileHandle> {
  try {
    return await open(file, 'r');
  } catch (err) {
    throw new RecordingFileError(file, err);
  }
}

/**
 * The recording's lines in file order. `summary` (optional) is updated as lines are read, so it
 * is complete once the iteration ends; stopping the iteration early closes the file.
 */
export async function* readRecording(
  file: string,
  summary: ReadSummary = emptyReadSummary(),
): AsyncGenerator<RecordedLine> {
  const fh = await openRecording(file);
  const splitter = new LineSplitter(MAX_LINE_BYTES);
  const take = (text: string): RecordedLine | null => {
    if (text.trim() === '') return null;
    const line = parseLine(text);
    if (line) summary.lines++;
    else summary.badLines++;
    return line;
  };
  try {
    let chunks: AsyncIterable<Buffer | typeof CUT>;
    try {
      chunks = (await isGzip(fh)) ? gzipChunks(fh) : plainChunks(fh);
    } catch (err) {
      throw new RecordingFileError(file, err);
    }
    for await (const chunk of guardReads(file, chunks)) {
      if (chunk === CUT) {
        splitter.cut();
        summary.truncated = true;
        continue;
      }
      for (const text of splitter.push(chunk)) {
        if (text === TOO_LONG) {
          summary.badLines++;
          continue;
        }
        const line = take(text);
        if (line) yield line;
      }
    }
    const rest = splitter.end();
    if (rest !== null) {
      // A last line without its newline: kept if it is whole, else the tail of a crash.
      const line = parseLine(rest);
      if (line) {
        summary.lines++;
        yield line;
      } else if (rest.trim() !== '') {
        summary.truncated = true;
      }
    }
  } finally {
    await fh.close().catch(() => undefined);
  }
}

/** Read errors (EIO, the file vanished …) become RecordingFileError, said in words. */
async function* guardReads<T>(file: string, source: AsyncIterable<T>): AsyncGenerator<T> {
  const iterator = source[Symbol.asyncIterator]();
  try {
    for (;;) {
      let next: IteratorResult<T>;
      try {
        next = await iterator.next();
      } catch (err) {
        throw new RecordingFileError(file, err);
      }
      if (next.done) return;
      yield next.value;
    }
  } finally {
    await iterator.return?.();
  }
}
