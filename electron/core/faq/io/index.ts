/**
 * FAQ library (话术库) files: import and export as CSV, XLSX or JSON. Import is all-or-nothing:
 * the first bad row throws a FaqFileError naming the row (as the spreadsheet shows it, header =
 * row 1) and the column, and nothing is returned. The column format is in docs/faq-files.md.
 */
import type {
  FaqEntryInput,
  FaqEntryView,
  FaqExportFile,
  FaqFileFormat,
} from '../../../../shared/api/replies.js';
import { writeCsv, readCsv } from './csv.js';
import { FaqFileError, fileError } from './errors.js';
import { readJson, writeJson } from './json.js';
import { formatLocalTime } from './table.js';
import { readXlsx, writeXlsx } from './xlsx.js';

export { FaqFileError } from './errors.js';

export interface ParsedFaqFile {
  entries: FaqEntryInput[];
  /** Absent when the file has none (CSV never has): the caller keeps the current values. */
  variables?: Record<string, string>;
}

/** data: string for csv/json (utf8), Buffer for xlsx (a string is taken as base64). */
export async function readFaqFile(format: FaqFileFormat, data: Buffer | string): Promise<ParsedFaqFile> {
  try {
    switch (format) {
      case 'csv':
        return { entries: readCsv(data) };
      case 'json':
        return readJson(data);
      case 'xlsx':
        return await readXlsx(data);
      default:
        throw fileError(`不支持的格式“${String(format)}”`, `unsupported format "${String(format)}"`);
    }
  } catch (error) {
    if (error instanceof FaqFileError) throw error;
    // A bug or a library error must still reach the user as "this file", never as a crash.
    const detail = error instanceof Error ? error.message : String(error);
    throw fileError(`无法读取文件（${detail}）`, `the file cannot be read (${detail})`);
  }
}

const MIME: Readonly<Record<FaqFileFormat, string>> = {
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json',
};

/** 话术库-2025-03-08.xlsx (the local date of the export). */
function exportFileName(format: FaqFileFormat, now: number): string {
  return `话术库-${formatLocalTime(now).slice(0, 10)}.${format}`;
}

export async function writeFaqFile(
  format: FaqFileFormat,
  entries: readonly FaqEntryView[],
  variables: Record<string, string>,
): Promise<FaqExportFile> {
  const file = { fileName: exportFileName(format, Date.now()), mime: MIME[format] };
  switch (format) {
    case 'csv':
      return { ...file, encoding: 'utf8', data: writeCsv(entries) };
    case 'json':
      return { ...file, encoding: 'utf8', data: writeJson(entries, variables) };
    case 'xlsx':
      return { ...file, encoding: 'base64', data: (await writeXlsx(entries, variables)).toString('base64') };
  }
}
