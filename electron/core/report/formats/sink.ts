/**
 * What every writer gets: the report, its rows, the open temp file as a stream, progress and
 * the abort signal — and a write that respects backpressure (a full stream buffer waits for
 * 'drain' instead of piling up millions of rows in memory).
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { Report } from '../../../../shared/api/report.js';
import type { ReportRows } from '../types.js';
import type { ProgressTracker } from './progress.js';

/** The database file the rows come from, for worker threads that open their own connection. */
export interface DatabaseSource {
  file: string;
  /** better-sqlite3 binary for this runtime's ABI (Electron's), as the caller's connection uses. */
  nativeBinding?: string;
}

export interface WriterContext {
  report: Report;
  rows: ReportRows;
  out: Writable;
  progress: ProgressTracker;
  signal: AbortSignal | undefined;
  /** Set when the rows can also be read on other threads (a database file, not in memory). */
  source?: DatabaseSource;
  /** Temporary files of the writer start with this (beside the output; removed by the writer). */
  tmpPrefix?: string;
}

/** Rows written per table, for logs and tests (ExportResult.rows). */
export type RowCounts = Record<string, number>;

/** Writes and, when the stream's buffer is full, waits until it drains (rejects on a stream error). */
export async function write(out: Writable, chunk: string | Buffer): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}

/**
 * Writes, and waits for 'drain' only once more than `maxQueued` bytes wait in the stream: the
 * file writes (on the thread pool) then overlap with building the next chunk, while memory
 * stays bounded by maxQueued plus one chunk.
 */
export async function writeAhead(out: Writable, chunk: string | Buffer, maxQueued: number): Promise<void> {
  out.write(chunk);
  if (out.writableLength > maxQueued) await drainOf(out);
}

/** Waits for 'drain'; rejects when the stream fails or closes first (never hangs on a dead stream). */
export function drainOf(stream: Writable): Promise<void> {
  if (stream.destroyed) return Promise.reject(new Error('the output stream is closed'));
  return new Promise((resolve, reject) => {
    const done = (err?: Error) => {
      stream.off('drain', onDrain);
      stream.off('error', onError);
      stream.off('close', onClose);
      if (err) reject(err);
      else resolve();
    };
    const onDrain = () => done();
    const onError = (err: Error) => done(err);
    const onClose = () => done(new Error('the output stream closed'));
    stream.on('drain', onDrain);
    stream.on('error', onError);
    stream.on('close', onClose);
  });
}

/** Ends the stream and waits until the data is handed to the file. */
export async function end(out: Writable, chunk?: string | Buffer): Promise<void> {
  const finished = once(out, 'finish');
  if (chunk === undefined) out.end();
  else out.end(chunk);
  await finished;
}
