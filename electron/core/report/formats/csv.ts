/**
 * CSV (RFC 4180, CRLF, UTF-8 with a BOM so Excel opens Chinese correctly). A show: its raw
 * comments, streamed batch by batch with backpressure. A period: the shows table (there are no
 * per-show comments to list across a period; each show's comments are one show export away).
 * Every text cell goes through neutraliseCell (formula injection); most cells need nothing, and
 * one regex test says so. Lines are encoded into 4 MB buffers as they are made (utf8-chunks.ts)
 * and written while the next ones are built.
 *
 * Speed, measured on a 14.7 M-comment show (2 shared cores): what bounds it is getting rows out
 * of SQLite into JavaScript — ~1.7 µs per comment in better-sqlite3 (SQLite alone scans them at
 * ~0.1 µs; building the whole CSV line in SQL with group_concat costs ~1.75 µs, no gain), i.e.
 * ~25 s of one core before a byte is formatted. Splitting the show over both cores would still
 * leave ≥ 12 s, so it is not done here; see the report of issue 8 for the options.
 */
import type { CommentRow } from '../../../../shared/api/contract.js';
import type { PeriodReport, ShowReport } from '../../../../shared/api/report.js';
import { neutraliseCell } from './cells.js';
import { SHOW_COLUMNS, showRow } from './period-sections.js';
import { end, write, writeAhead, type RowCounts, type WriterContext } from './sink.js';
import { formatClock } from '../../../../shared/format.js';
import { CHUNK_BYTES, Utf8Chunks } from './utf8-chunks.js';
import { localDateTime, type Value } from './values.js';

export const COMMENT_COLUMNS = ['时间', '评论ID', '用户ID', '昵称', '内容', '粉丝团', '截断'] as const;
const BOM = '\uFEFF';
const EOL = '\r\n';
/** Comments per batch: large enough to amortise, small enough to abort quickly. */
export const COMMENT_BATCH = 5_000;
/** How much may wait in the file stream while the next chunk is built. */
const MAX_QUEUED_BYTES = 16 * 2 ** 20;

/** One field: quoted when it holds a comma, quote or line break (quotes doubled). */
export function csvField(text: string): string {
  return /[",\r\n]/u.test(text) ? `"${text.replace(/"/gu, '""')}"` : text;
}

/** Anything that needs more than copying: a quoting character anywhere, or a formula-like start. */
const NEEDS_WORK = /[",\r\n]|^[=+\-@\t＝＋－＠]/u;

/** A text cell: neutralised (formula injection), then quoted if needed — one regex test for most. */
export const csvText = (text: string) => (NEEDS_WORK.test(text) ? csvField(neutraliseCell(text)) : text);

const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

/**
 * "2026-11-11 20:03:07" in local time, fast: comments come in time order, so the date-hour-minute
 * prefix is computed once per minute and only the seconds change.
 */
export function localSecondsFormatter(): (ms: number) => string {
  let minuteStart = NaN;
  let prefix = '';
  return (ms) => {
    const minute = Math.floor(ms / 60_000) * 60_000;
    if (minute !== minuteStart) {
      minuteStart = minute;
      prefix = `${localDateTime(minute)}:`;
    }
    return prefix + pad(Math.floor((ms - minute) / 1000));
  };
}

export async function writeCsv(ctx: WriterContext): Promise<RowCounts> {
  return ctx.report.kind === 'show' ? writeComments(ctx, ctx.report) : writeShows(ctx, ctx.report);
}

function commentLine(c: CommentRow, time: (ms: number) => string): string {
  return `${time(c.ts)},${csvText(c.id)},${csvText(c.userId)},${csvText(c.nickname)},${csvText(c.text)},${c.fanClub ? '是' : '否'},${c.truncated ? '是' : '否'}${EOL}`;
}

async function writeComments(ctx: WriterContext, report: ShowReport): Promise<RowCounts> {
  const { out, rows, signal } = ctx;
  const total = rows.commentCount(report.show.id);
  const step = ctx.progress.phase('comments', 0, 0.99);
  const time = localSecondsFormatter();
  const text = new Utf8Chunks();
  text.add(BOM + COMMENT_COLUMNS.join(',') + EOL);
  let written = 0;
  for (const batch of rows.comments(report.show.id, COMMENT_BATCH)) {
    signal?.throwIfAborted();
    for (const c of batch) text.add(commentLine(c, time));
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
