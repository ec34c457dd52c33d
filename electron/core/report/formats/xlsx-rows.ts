/**
 * The two sheets that can hold a million rows — 评论 and 问题与回复 — streamed from the row
 * source, each row built as one XML string (no cell objects), capped at Excel's sheet limit.
 *
 * The cap keeps the first (oldest) rows: all of them when they fit under the header, else
 * maxRows − 2 under a red first-row note that says how many there were and, for comments, points
 * to the CSV export, which has them all. Reading stops at the cap.
 */
import type { CommentRow } from '../../../../shared/api/contract.js';
import type { QuestionExportRow, ReportRows } from '../types.js';
import { COMMENT_BATCH, COMMENT_COLUMNS } from './csv.js';
import { QUESTION_STATE_LABELS } from './labels.js';
import { col, dataSheet, drained, EXCEL_MAX_ROWS, type ColumnDef } from './xlsx-sheet.js';
import { durationDays, excelString, NUM_FMT, serialFormatter } from './xlsx-values.js';
import type { SheetBook, SheetWriter } from './xlsx-workbook.js';
import { viewerTextCell } from './xlsx-xml.js';

export interface CapPlan {
  /** Rows the sheet takes. */
  limit: number;
  /** The first-row note when rows are left out. */
  note?: string;
}

const n = (x: number) => x.toLocaleString('en-US');

/**
 * How many comments the 评论 sheet takes: all of them when they fit under the header; else as
 * many as fit under a note row and the header, the note saying so and pointing to the CSV.
 */
export function commentsPlan(total: number, maxRows = EXCEL_MAX_ROWS): CapPlan {
  if (total <= maxRows - 1) return { limit: total };
  const limit = maxRows - 2;
  return {
    limit,
    note: `本场共 ${n(total)} 条评论，超过 Excel 单表上限（${n(maxRows)} 行）：本表只含最早的 ${n(limit)} 条。完整评论请导出 CSV。`,
  };
}

/** The same for 问题与回复 (there is no other export of every question: the note says so plainly). */
export function questionsPlan(total: number, maxRows = EXCEL_MAX_ROWS): CapPlan {
  if (total <= maxRows - 1) return { limit: total };
  const limit = maxRows - 2;
  return {
    limit,
    note: `本场共 ${n(total)} 个问题，超过 Excel 单表上限（${n(maxRows)} 行）：本表只含最早的 ${n(limit)} 个。`,
  };
}

/** What a big sheet reads from: the rows (this thread's connection) and the abort signal. */
export interface RowSource {
  rows: ReportRows;
  signal: AbortSignal | undefined;
}

/** Rows written so far of how many the sheet takes (after each batch). */
export type RowStep = (done: number, of: number) => void;

/** A text cell of the rows (viewer text, ids, FAQ text): neutralised, escaped; fast when plain. */
const text = (ref: string, value: string) => viewerTextCell(ref, value, excelString);

export const COMMENTS_SHEET = '评论';
export const COMMENTS_COLUMNS: readonly ColumnDef[] = [
  col(COMMENT_COLUMNS[0], 20, NUM_FMT.second),
  col(COMMENT_COLUMNS[1], 14),
  col(COMMENT_COLUMNS[2], 14),
  col(COMMENT_COLUMNS[3], 16),
  col(COMMENT_COLUMNS[4], 48),
  col(COMMENT_COLUMNS[5], 8),
  col(COMMENT_COLUMNS[6], 8),
];

export const QUESTIONS_SHEET = '问题与回复';
export const QUESTIONS_COLUMNS: readonly ColumnDef[] = [
  col('时间', 20, NUM_FMT.second),
  col('昵称', 16),
  col('问题', 40),
  col('分组', 16),
  col('状态', 8),
  col('回复时间', 20, NUM_FMT.second),
  col('回复用时', 10, NUM_FMT.duration),
  col('话术ID', 14),
  col('话术', 24),
];

const YES = '是';
const NO = '否';
const UNKNOWN = '—';
/** The labels the two sheets repeat in millions of cells: shared strings (SheetBook.sharedString). */
export const SHARED_LABELS: readonly string[] = [YES, NO, ...Object.values(QUESTION_STATE_LABELS), UNKNOWN];

/** A cell of a fixed label in `column` with style `s` (0: none): built once, the row number spliced in. */
function labelCell(wb: SheetBook, column: string, text: string, s = 0): (r: number) => string {
  const head = `" ${s === 0 ? '' : `s="${s}" `}t="s"><v>${wb.sharedString(text)}</v></c>`;
  return (r) => `<c r="${column}${r}${head}`;
}

/** Rows from `batches` into `sheet` until `limit` (reading stops there); returns how many. */
async function writeCapped<T>(
  ctx: RowSource,
  sheet: SheetWriter,
  batches: Iterable<readonly T[]>,
  limit: number,
  row: (item: T, at: number) => string,
  step: RowStep,
): Promise<number> {
  let written = 0;
  if (limit === 0) return 0;
  for (const batch of batches) {
    const take = Math.min(batch.length, limit - written);
    for (let i = 0; i < take; i++) sheet.rawRow(row(batch[i]!, sheet.rows + 1));
    written += take;
    step(written, limit);
    await drained(ctx, sheet);
    if (written >= limit) break;
  }
  return written;
}

export async function commentsSheet(
  wb: SheetBook,
  ctx: RowSource,
  showId: string,
  total: number,
  step: RowStep,
  maxRows: number,
): Promise<number> {
  const { limit, note } = commentsPlan(total, maxRows);
  const { sheet, styles } = await dataSheet(wb, COMMENTS_SHEET, COMMENTS_COLUMNS, note);
  const timeStyle = styles[0]!;
  const serial = serialFormatter();
  const [yesF, noF, yesG, noG] = [
    labelCell(wb, 'F', YES),
    labelCell(wb, 'F', NO),
    labelCell(wb, 'G', YES),
    labelCell(wb, 'G', NO),
  ];
  const row = (c: CommentRow, at: number) =>
    `<row r="${at}"><c r="A${at}" s="${timeStyle}"><v>${serial(c.ts)}</v></c>` +
    text(`B${at}`, c.id) +
    text(`C${at}`, c.userId) +
    text(`D${at}`, c.nickname) +
    text(`E${at}`, c.text) +
    (c.fanClub ? yesF(at) : noF(at)) +
    (c.truncated ? yesG(at) : noG(at)) +
    '</row>';
  return writeCapped(ctx, sheet, ctx.rows.comments(showId, COMMENT_BATCH), limit, row, step);
}

export async function questionsSheet(
  wb: SheetBook,
  ctx: RowSource,
  showId: string,
  total: number,
  step: RowStep,
  maxRows: number,
): Promise<number> {
  const { limit, note } = questionsPlan(total, maxRows);
  const { sheet, styles } = await dataSheet(wb, QUESTIONS_SHEET, QUESTIONS_COLUMNS, note);
  const [timeStyle, , , , , answeredStyle, durationStyle] = styles;
  const serial = serialFormatter();
  // Its own formatter for answeredAt: it runs a little behind ts, and one shared per-minute cache
  // would flip between the two.
  const answeredSerial = serialFormatter();
  const unknownF = labelCell(wb, 'F', UNKNOWN, answeredStyle);
  const unknownG = labelCell(wb, 'G', UNKNOWN, durationStyle);
  const stateE = {
    pending: labelCell(wb, 'E', QUESTION_STATE_LABELS.pending),
    answered: labelCell(wb, 'E', QUESTION_STATE_LABELS.answered),
    dismissed: labelCell(wb, 'E', QUESTION_STATE_LABELS.dismissed),
  };
  const row = (q: QuestionExportRow, at: number) =>
    `<row r="${at}"><c r="A${at}" s="${timeStyle}"><v>${serial(q.ts)}</v></c>` +
    text(`B${at}`, q.nickname) +
    text(`C${at}`, q.text) +
    text(`D${at}`, q.groupKey) +
    stateE[q.state](at) +
    (q.answeredAt === null
      ? unknownF(at)
      : `<c r="F${at}" s="${answeredStyle}"><v>${answeredSerial(q.answeredAt)}</v></c>`) +
    (q.responseMs === null
      ? unknownG(at)
      : `<c r="G${at}" s="${durationStyle}"><v>${durationDays(q.responseMs)}</v></c>`) +
    text(`H${at}`, q.faqId ?? '') +
    text(`I${at}`, q.faqQuestion ?? '') +
    '</row>';
  return writeCapped(ctx, sheet, ctx.rows.questions(showId, COMMENT_BATCH), limit, row, step);
}
