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

export interface WriterContext {
  report: Report;
  rows: ReportRows;
  out: Writable;
  progress: ProgressTracker;
  signal: AbortSignal | undefined;
}

/** Rows written per table, for logs and tests (ExportResult.rows). */
export type RowCounts = Record<string, number>;

/** Writes and, when the stream's buffer is full, waits until it drains (rejects on a stream error). */
export async function write(out: Writable, chunk: string | Buffer): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}

/** Ends the stream and waits until the data is handed to the file. */
export async function end(out: Writable, chunk?: string | Buffer): Promise<void> {
  const finished = once(out, 'finish');
  if (chunk === undefined) out.end();
  else out.end(chunk);
  await finished;
}
