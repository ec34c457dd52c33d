/**
 * The building blocks of the report's Excel sheets (exceljs streaming): a data sheet with a bold,
 * frozen header and column formats, cell helpers ("—" for unknown, text neutralised), and the
 * wait between batches that keeps memory bounded.
 */
import type ExcelJS from 'exceljs';
import type { WriterContext } from './sink.js';
import { durationDays, excelSerial, excelText } from './xlsx-values.js';

export const EXCEL_MAX_ROWS = 1_048_576;
export type Cell = string | number | null;

export interface ColumnDef {
  header: string;
  width: number;
  numFmt?: string;
}

export const col = (header: string, width: number, numFmt?: string): ColumnDef => ({
  header,
  width,
  ...(numFmt ? { numFmt } : {}),
});

export type Workbook = ExcelJS.stream.xlsx.WorkbookWriter;
export type Sheet = ExcelJS.Worksheet;

/** A data sheet: `add` appends one row of cells (text neutralised) in the column formats. */
export interface DataSheet {
  ws: Sheet;
  add(cells: Cell[]): void;
}

/**
 * A sheet with a bold, frozen header row (below an optional note row). Each column's style is
 * ONE shared object given to every cell of it: exceljs caches style ids by object identity, so
 * this is what keeps it from re-rendering a style per cell (≈1.5× faster on a million rows).
 */
export function dataSheet(wb: Workbook, name: string, cols: ColumnDef[], note?: string): DataSheet {
  const headerRow = note ? 2 : 1;
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: headerRow }] });
  ws.columns = cols.map((c) => ({ width: c.width }));
  const styles: Partial<ExcelJS.Style>[] = cols.map((c) => (c.numFmt ? { numFmt: c.numFmt } : {}));
  if (note) {
    const row = ws.addRow([note]);
    row.font = { bold: true, color: { argb: 'FFC00000' } };
    row.commit();
  }
  const header = ws.addRow(cols.map((c) => c.header));
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E2F3' } };
  header.commit();
  return {
    ws,
    add(cells) {
      const row = ws.addRow(cells.map(cellOf));
      for (let i = 0; i < cells.length; i++) row.getCell(i + 1).style = styles[i]!;
      row.commit();
    },
  };
}

/** Text cells neutralised; numbers as they are. */
export const cellOf = (v: Cell): Cell => (typeof v === 'string' ? excelText(v).value : v);

/** Unknown numbers in data sheets: "—", as in every other format. */
export const num = (n: number | null | undefined): Cell =>
  n === null || n === undefined || !Number.isFinite(n) ? '—' : n;
export const yuan = (cents: number | null | undefined): Cell =>
  cents === null || cents === undefined ? '—' : num(cents / 100);
export const moment = (ms: number | null | undefined): Cell =>
  ms === null || ms === undefined ? '—' : excelSerial(ms);
export const span = (ms: number | null | undefined): Cell =>
  ms === null || ms === undefined ? '—' : durationDays(ms);

/**
 * exceljs's sheet stream ignores backpressure (its write() always says yes) and archiver reads
 * it through a PassThrough: without a wait, rows pile up in memory faster than deflate takes them
 * (≈30 MB/s measured). So between batches wait for that PassThrough to drain — it drains only as
 * fast as deflate and the file take the data — which keeps a few MB in memory. The
 * PassThrough is reached through exceljs/archiver internals; if a version changes them, the
 * fallback is to yield to the event loop (slower to bound, still correct).
 */
interface Drainable {
  _writableState?: { needDrain?: boolean; length?: number };
  _readableState?: { length?: number };
  once(event: 'drain', listener: () => void): unknown;
}

/** What may wait for deflate: enough to keep it busy while the next batch is made. */
const MAX_BACKLOG = 8 * 2 ** 20;

function zipInputOf(ws: Sheet): Drainable | null {
  const stream = (ws as unknown as { stream?: { pipes?: unknown[] } }).stream;
  const dest = stream?.pipes?.[0] as Drainable | undefined;
  return dest && typeof dest.once === 'function' && dest._writableState ? dest : null;
}

export async function drained(ctx: WriterContext, ws: Sheet): Promise<void> {
  const input = zipInputOf(ws);
  const backlog = (input?._writableState?.length ?? 0) + (input?._readableState?.length ?? 0);
  if (input?._writableState?.needDrain && backlog > MAX_BACKLOG)
    await new Promise<void>((resolve) => input.once('drain', resolve));
  else await new Promise<void>((resolve) => setImmediate(resolve));
  if (ctx.out.writableNeedDrain) await new Promise<void>((resolve) => ctx.out.once('drain', resolve));
  ctx.signal?.throwIfAborted();
}
