/**
 * CSV (RFC 4180, CRLF, UTF-8 with a BOM so Excel opens Chinese correctly). A show: its raw
 * comments; a period: the shows table (there are no per-show comments to list across a period;
 * each show's comments are one show export away). Every text cell goes through neutraliseCell
 * (formula injection).
 *
 * A show's comments come from its CSV log when the log is whole (store/comment-csv-log.ts: the
 * same lines, written as the comments were stored), which makes the export a file copy; else
 * from the database, streamed batch by batch with backpressure, lines encoded into 4 MB buffers
 * (utf8-chunks.ts) and written while the next ones are built. Reading from the database is bound
 * by better-sqlite3 handing rows to JavaScript — ~1.7 µs per comment, 25 s of one core for the
 * 14.7 M comments of an 8-hour show; building the lines in SQL is no faster (measured).
 */
import fs from 'node:fs';
import type { PeriodReport, ShowReport } from '../../../../shared/api/report.js';
import type { CommentCsvFile } from '../../store/comment-csv-log.js';
import { COMMENT_COLUMNS, commentCsvLine, csvText, EOL, localSecondsFormatter } from './csv-line.js';
import { SHOW_COLUMNS, showRow } from './period-sections.js';
import { end, write, writeAhead, type RowCounts, type WriterContext } from './sink.js';
import { formatClock } from '../../../../shared/format.js';
import { CHUNK_BYTES, Utf8Chunks } from './utf8-chunks.js';
import { localDateTime, type Value } from './values.js';

export { COMMENT_COLUMNS, csvField, csvText } from './csv-line.js';

const BOM = '\uFEFF';
const HEAD = BOM + COMMENT_COLUMNS.join(',') + EOL;
/** Comments per batch: large enough to amortise, small enough to abort quickly. */
export const COMMENT_BATCH = 5_000;
/** How much may wait in the file stream while the next chunk is built. */
const MAX_QUEUED_BYTES = 16 * 2 ** 20;

export async function writeCsv(ctx: WriterContext): Promise<RowCounts> {
  return ctx.report.kind === 'show' ? writeComments(ctx, ctx.report) : writeShows(ctx, ctx.report);
}

async function writeComments(ctx: WriterContext, report: ShowReport): Promise<RowCounts> {
  const total = ctx.rows.commentCount(report.show.id);
  const log = total > 0 ? ctx.rows.commentLog?.(report.show.id, total) : null;
  if (log && (await logIsWhole(log, ctx.signal))) {
    await copyLog(ctx, log);
    return { comments: total };
  }
  return writeCommentsFromDb(ctx, report, total);
}

/** Reads a log's bytes [start, bytes) in 4 MB chunks, each handed to `each`; aborts between chunks. */
async function readLog(
  log: CommentCsvFile,
  start: number,
  signal: AbortSignal | undefined,
  each: (chunk: Buffer, done: number) => Promise<void> | void,
): Promise<void> {
  if (start >= log.bytes) return;
  const stream = fs.createReadStream(log.file, { start, end: log.bytes - 1, highWaterMark: CHUNK_BYTES });
  let done = start;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    signal?.throwIfAborted();
    done += chunk.length;
    await each(chunk, done);
  }
  if (done !== log.bytes) throw new Error(`comment CSV log ${log.file}: read ${done} of ${log.bytes} bytes`);
}

/**
 * A log is copied only if its committed part reads back as text lines: no NUL bytes after what
 * was fsynced (a power cut leaves NULs where the file system had not written the data yet) and a
 * last line that ends. A finished show's log was synced at its end: only its last two bytes are
 * read here, and the file is read once, by the copy. Any doubt → the database.
 */
async function logIsWhole(log: CommentCsvFile, signal: AbortSignal | undefined): Promise<boolean> {
  let whole = true;
  let tail: Buffer = Buffer.alloc(0);
  const start = Math.max(0, Math.min(log.syncedBytes, log.bytes - EOL.length));
  try {
    await readLog(log, start, signal, (chunk) => {
      if (chunk.includes(0)) whole = false;
      tail = (chunk.length >= EOL.length ? chunk : Buffer.concat([tail, chunk])).subarray(-EOL.length);
    });
  } catch (err) {
    if (signal?.aborted) throw err;
    return false;
  }
  return whole && tail.toString('latin1') === EOL;
}

async function copyLog(ctx: WriterContext, log: CommentCsvFile): Promise<void> {
  const step = ctx.progress.phase('comments', 0, 0.99);
  await write(ctx.out, HEAD);
  await readLog(log, 0, ctx.signal, async (chunk, done) => {
    await writeAhead(ctx.out, chunk, MAX_QUEUED_BYTES);
    step(done, log.bytes);
  });
  ctx.signal?.throwIfAborted();
  ctx.progress.phase('writing', 0.99, 1);
  await end(ctx.out);
}

async function writeCommentsFromDb(
  ctx: WriterContext,
  report: ShowReport,
  total: number,
): Promise<RowCounts> {
  const { out, rows, signal } = ctx;
  const step = ctx.progress.phase('comments', 0, 0.99);
  const time = localSecondsFormatter();
  const text = new Utf8Chunks();
  text.add(HEAD);
  let written = 0;
  for (const batch of rows.comments(report.show.id, COMMENT_BATCH)) {
    signal?.throwIfAborted();
    for (const c of batch) text.add(commentCsvLine(c, time));
    written += batch.length;
    if (text.bytes >= CHUNK_BYTES) {
      for (const chunk of text.take()) await writeAhead(out, chunk, MAX_QUEUED_BYTES);
      step(written, total);
    }
  }
  for (const chunk of text.take()) await write(out, chunk);
  signal?.throwIfAborted();
  ctx.progress.phase('writing', 0.99, 1);
  await end(out);
  return { comments: written };
}

/** A typed value as CSV text Excel reads back as the same number (¥ and 万 left out; durations h:mm:ss). */
export function csvValue(v: Value): string {
  if (v.kind === 'text') return csvText(v.value);
  if (v.value === null) return '—';
  switch (v.kind) {
    case 'money':
      return (v.value / 100).toFixed(2);
    case 'percent':
    case 'change':
      return `${(v.value * 100).toFixed(2)}%`;
    case 'count':
      return String(Math.round(v.value));
    case 'number':
      return v.value.toFixed(v.digits);
    case 'duration':
      return formatClock(v.value);
    case 'time':
    case 'datetime':
      return localDateTime(v.value);
  }
}

async function writeShows(ctx: WriterContext, report: PeriodReport): Promise<RowCounts> {
  const step = ctx.progress.phase('shows', 0, 0.99);
  let text = BOM + SHOW_COLUMNS.map((c) => csvText(c.header)).join(',') + EOL;
  report.shows.forEach((s, i) => {
    text += showRow(s).map(csvValue).join(',') + EOL;
    step(i + 1, report.shows.length);
  });
  ctx.signal?.throwIfAborted();
  await end(ctx.out, text);
  return { shows: report.shows.length };
}
