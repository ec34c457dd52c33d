/**
 * One comment as a line of the comments CSV (RFC 4180, CRLF), shared by the export (csv.ts) and
 * the store's per-show CSV log (store/comment-csv-log.ts), which must produce the same bytes.
 * Every text cell goes through neutraliseCell (formula injection); most cells need nothing, and
 * one regex test says so.
 */
import { neutraliseCell } from './cells.js';
import { localDateTime } from './values.js';

export const COMMENT_COLUMNS = ['时间', '评论ID', '用户ID', '昵称', '内容', '粉丝团', '截断'] as const;
export const EOL = '\r\n';

/** The fields of a comment a CSV line holds. */
export interface CsvComment {
  ts: number;
  id: string;
  userId: string;
  nickname: string;
  text: string;
  fanClub: boolean;
  truncated: boolean;
}

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

/** The comment's CSV line, CRLF included; `time` from localSecondsFormatter. */
export function commentCsvLine(c: CsvComment, time: (ms: number) => string): string {
  return `${time(c.ts)},${csvText(c.id)},${csvText(c.userId)},${csvText(c.nickname)},${csvText(c.text)},${c.fanClub ? '是' : '否'},${c.truncated ? '是' : '否'}${EOL}`;
}
