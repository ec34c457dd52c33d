/**
 * Errors of FAQ file import. One error stops the whole import (nothing is half-applied), so the
 * message must let the user find the cell: it names the row as the spreadsheet shows it (header =
 * row 1) and the column, Chinese first and English after " · " like the rest of the app.
 */

export class FaqFileError extends Error {
  constructor(
    message: string,
    readonly row: number | null,
    readonly column: string | null,
  ) {
    super(message);
    this.name = 'FaqFileError';
  }
}

/** Where a problem is: a spreadsheet row, an entry of a JSON file, or a row of the 变量 sheet. */
export interface Place {
  row: number;
  zh: string;
  en: string;
}

export const sheetRow = (row: number): Place => ({ row, zh: `第 ${row} 行`, en: `row ${row}` });
export const jsonEntry = (index: number): Place => ({
  row: index,
  zh: `第 ${index} 条`,
  en: `entry ${index}`,
});
export const variablesRow = (row: number): Place => ({
  row,
  zh: `「变量」表第 ${row} 行`,
  en: `variables sheet row ${row}`,
});

/** A column as messages name it: its Chinese header and its English key. */
export interface ColumnName {
  zh: string;
  en: string;
}

/** 第 7 行「分类」：未知分类“颜色” · row 7, category: unknown category "颜色" */
export function cellError(place: Place, column: ColumnName, zh: string, en: string): FaqFileError {
  return new FaqFileError(
    `${place.zh}「${column.zh}」：${zh} · ${place.en}, ${column.en}: ${en}`,
    place.row,
    column.zh,
  );
}

/** A problem with the file as a whole (wrong format, too big, not UTF-8): no row to point at. */
export function fileError(zh: string, en: string): FaqFileError {
  return new FaqFileError(`${zh} · ${en}`, null, null);
}

/** Cells quoted in messages are cut short so a 500-character answer does not flood the dialog. */
export function quote(text: string, max = 20): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : text;
}
