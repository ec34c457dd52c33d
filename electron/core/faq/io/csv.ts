/**
 * 话术库 as CSV: the sheet's columns, no variables (CSV has one table only). Exported with a
 * UTF-8 BOM, without which Excel on Windows opens the file as GBK and shows 乱码.
 */
import type { FaqEntryInput, FaqEntryView } from '../../../../shared/api/replies.js';
import { detectDelimiter, parseCsv, stringifyCsv, type CsvRecord } from './csv-codec.js';
import { EXPORT_HEADER, entriesFromRows, entryRow, type SourceRow } from './table.js';
import { readTextFile } from './text-file.js';

const BOM = '\uFEFF';

function sourceRow(record: CsvRecord): SourceRow {
  return { row: record.row, width: record.cells.length, text: (index) => record.cells[index] ?? '' };
}

const isBlank = (record: CsvRecord): boolean => record.cells.every((c) => c.trim() === '');

export function readCsv(data: Buffer | string): FaqEntryInput[] {
  const text = readTextFile(data, 'CSV');
  const records = parseCsv(text, detectDelimiter(text)).filter((r) => !isBlank(r));
  return entriesFromRows(records.map(sourceRow));
}

export function writeCsv(entries: readonly FaqEntryView[]): string {
  return BOM + stringifyCsv([EXPORT_HEADER, ...entries.map(entryRow)]);
}
