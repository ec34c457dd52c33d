/**
 * The building blocks of the report's Excel sheets: a data sheet with a bold, filled, frozen
 * header (below an optional red note row) and per-column number formats, and cell helpers
 * ("—" for unknown, text neutralised).
 */
import type { WriterContext } from './sink.js';
import type { CellValue } from './xlsx-xml.js';
import type { CellStyle, SheetBook, SheetWriter, XlsxWorkbook } from './xlsx-workbook.js';
import { durationDays, excelSerial, excelText } from './xlsx-values.js';

export const EXCEL_MAX_ROWS = 1_048_576;
export type Cell = CellValue;
export type Workbook = XlsxWorkbook;

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

export const HEADER_FILL = 'FFD9E2F3';
const NOTE_COLOR = 'FFC00000';

/** A data sheet: `add` appends one row of cells (text neutralised) in the column formats. */
export interface DataSheet {
  sheet: SheetWriter;
  /** Each column's style id (0: none), for rows built by hand. */
  styles: number[];
  add(cells: Cell[]): void;
}

const noteStyle: CellStyle = { bold: true, color: NOTE_COLOR };
const headerStyle: CellStyle = { bold: true, fill: HEADER_FILL };

/**
 * The styles dataSheet asks for, in its order: a sheet built in a worker thread has them
 * registered in the workbook beforehand, so the ids (and styles.xml) are those of building it here.
 */
export function dataSheetStyles(cols: readonly ColumnDef[], note?: string): CellStyle[] {
  const styles: CellStyle[] = cols.flatMap((c) => (c.numFmt ? [{ numFmt: c.numFmt }] : []));
  if (note) styles.push(noteStyle);
  styles.push(headerStyle);
  return styles;
}

export async function dataSheet(
  wb: SheetBook,
  name: string,
  cols: readonly ColumnDef[],
  note?: string,
): Promise<DataSheet> {
  const headerRow = note ? 2 : 1;
  const sheet = await wb.addSheet(name, { widths: cols.map((c) => c.width), frozenRows: headerRow });
  const styles = cols.map((c) => (c.numFmt ? wb.style({ numFmt: c.numFmt }) : 0));
  if (note) sheet.row([note], undefined, wb.style(noteStyle));
  sheet.row(
    cols.map((c) => c.header),
    undefined,
    wb.style(headerStyle),
  );
  return {
    sheet,
    styles,
    add(cells) {
      sheet.row(cells.map(cellOf), styles);
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
 * Between batches: hand the buffered XML on (waiting while the file and deflate catch up, which
 * is what bounds memory) and stop if the export was cancelled.
 */
export async function drained(ctx: Pick<WriterContext, 'signal'>, sheet: SheetWriter): Promise<void> {
  await sheet.flush();
  ctx.signal?.throwIfAborted();
}
