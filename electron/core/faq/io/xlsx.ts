/**
 * 话术库 as an Excel workbook (exceljs): sheet 话术库 with the entry columns, sheet 变量 with the
 * {变量} defaults. Before exceljs sees the bytes they are checked to be a workbook of sane size,
 * so a renamed PNG, an old .xls or a zip bomb gets a clear error instead of a crash.
 */
import type ExcelJS from 'exceljs';
import { loadExcelJS } from '../../load-exceljs.js';
import type { FaqEntryInput, FaqEntryView } from '../../../../shared/api/replies.js';
import { ENTRY_COLUMNS, STATS_COLUMNS, columnOf, escapeFormula } from './columns.js';
import { cellError, fileError, sheetRow, variablesRow, type ColumnName, type Place } from './errors.js';
import { checkEntryCount, checkFileSize } from './limits.js';
import { cleanCell, entriesFromRows, entryRow, type SourceRow } from './table.js';
import { VARIABLES_SHEET, NAME_COLUMN, VALUE_COLUMN, VariableCollector } from './variables.js';
import { cellText } from './xlsx-cells.js';
import { readZipDirectory } from './zip-directory.js';

export const ENTRIES_SHEET = '话术库';
/** Inflated size of all parts together; a 20,000-entry library is well under 50 MB. */
const MAX_UNZIPPED_BYTES = 200 * 1024 * 1024;
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** Throws unless the bytes are an .xlsx exceljs can read within the limits. */
function checkWorkbookBytes(bytes: Buffer): void {
  checkFileSize(bytes.byteLength);
  if (bytes.subarray(0, 8).equals(OLE_MAGIC)) {
    throw fileError(
      '这是旧版 .xls 或设了密码的工作簿：请在 Excel 中取消密码并另存为 .xlsx',
      'this is an old .xls or a password-protected workbook: remove the password and save it as .xlsx in Excel',
    );
  }
  const entries = readZipDirectory(bytes);
  if (!entries) throw fileError('这不是 XLSX 文件', 'this is not an XLSX file');
  const names = new Set(entries.map((e) => e.name.replace(/^\//u, '')));
  if (!names.has('xl/workbook.xml')) {
    throw names.has('xl/workbook.bin')
      ? fileError(
          '不支持 .xlsb：请在 Excel 中另存为 .xlsx',
          '.xlsb is not supported: save it as .xlsx in Excel',
        )
      : fileError(
          '这是压缩包，不是 Excel 工作簿（.xlsx）',
          'this is a zip archive, not an Excel workbook (.xlsx)',
        );
  }
  const unzipped = entries.reduce((sum, e) => sum + (e.uncompressedBytes ?? 0), 0);
  if (unzipped > MAX_UNZIPPED_BYTES) {
    throw fileError(
      '工作簿解压后太大，上限 200 MB',
      'the workbook is too large once unzipped; the limit is 200 MB',
    );
  }
}

async function loadWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  checkWorkbookBytes(bytes);
  const workbook = new (await loadExcelJS()).Workbook();
  try {
    // exceljs types its input as an ArrayBuffer; hand it exactly the file's bytes.
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    await workbook.xlsx.load(buffer);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw fileError(`无法读取工作簿（${detail}）`, `the workbook cannot be read (${detail})`);
  }
  return workbook;
}

function readCell(row: ExcelJS.Row, index: number, place: Place, column: ColumnName): string {
  const result = cellText(row.getCell(index + 1).value);
  if (!result.ok) throw cellError(place, column, result.zh, result.en);
  return result.text;
}

/** Rows with any text, in sheet order; exceljs already skips rows that were never written. */
function nonBlankRows(sheet: ExcelJS.Worksheet): ExcelJS.Row[] {
  const rows: ExcelJS.Row[] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    let blank = true;
    row.eachCell({ includeEmpty: false }, (cell) => {
      const result = cellText(cell.value);
      if (!result.ok || result.text.trim() !== '') blank = false;
    });
    if (!blank) rows.push(row);
  });
  return rows;
}

function entrySheet(workbook: ExcelJS.Workbook): ExcelJS.Worksheet {
  const named = workbook.worksheets.find((s) => s.name.trim() === ENTRIES_SHEET);
  const sheet = named ?? workbook.worksheets[0];
  if (!sheet) throw fileError('工作簿里没有工作表', 'the workbook has no worksheet');
  return sheet;
}

function readEntries(sheet: ExcelJS.Worksheet): FaqEntryInput[] {
  // Refuse before reading every cell: actualRowCount is known once the sheet is loaded.
  checkEntryCount(sheet.actualRowCount - 1);
  const rows: SourceRow[] = nonBlankRows(sheet).map((row) => ({
    row: row.number,
    width: row.cellCount,
    text: (index, column) => readCell(row, index, sheetRow(row.number), column),
  }));
  return entriesFromRows(rows);
}

const VARIABLE_HEADERS = new Set(['变量名', '变量', 'name', 'variable']);

function readVariables(sheet: ExcelJS.Worksheet): Record<string, string> {
  const collector = new VariableCollector();
  nonBlankRows(sheet).forEach((row, index) => {
    const place = variablesRow(row.number);
    const name = cleanCell(readCell(row, 0, place, NAME_COLUMN));
    const value = cleanCell(readCell(row, 1, place, VALUE_COLUMN));
    if (index === 0 && VARIABLE_HEADERS.has(name.toLowerCase())) return;
    collector.add(name, value, place);
  });
  return collector.values;
}

export async function readXlsx(
  data: Buffer | string,
): Promise<{ entries: FaqEntryInput[]; variables?: Record<string, string> }> {
  // A string is the base64 the API carries (ImportFaqArgs.encoding = 'base64').
  const bytes = typeof data === 'string' ? Buffer.from(data, 'base64') : data;
  const workbook = await loadWorkbook(bytes);
  const sheet = entrySheet(workbook);
  const entries = readEntries(sheet);
  const variableSheet = workbook.worksheets.find(
    (s) => s !== sheet && [VARIABLES_SHEET, 'variables'].includes(s.name.trim().toLowerCase()),
  );
  return variableSheet ? { entries, variables: readVariables(variableSheet) } : { entries };
}

function styleHeader(sheet: ExcelJS.Worksheet): void {
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle' };
}

export async function writeXlsx(
  entries: readonly FaqEntryView[],
  variables: Record<string, string>,
): Promise<Buffer> {
  const workbook = new (await loadExcelJS()).Workbook();
  workbook.creator = 'LiveDesk';
  const frozenHeader: Partial<ExcelJS.AddWorksheetOptions> = { views: [{ state: 'frozen', ySplit: 1 }] };

  const sheet = workbook.addWorksheet(ENTRIES_SHEET, frozenHeader);
  const columns = [...ENTRY_COLUMNS, ...STATS_COLUMNS];
  sheet.columns = columns.map((c) => ({ header: c.zh, width: c.width }));
  for (const entry of entries) sheet.addRow(entryRow(entry));
  for (const key of ['triggers', 'answer'] as const) {
    const index = ENTRY_COLUMNS.indexOf(columnOf(key)) + 1;
    sheet.getColumn(index).alignment = { wrapText: true, vertical: 'top' };
  }
  styleHeader(sheet);
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };

  const vars = workbook.addWorksheet(VARIABLES_SHEET, frozenHeader);
  vars.columns = [
    { header: NAME_COLUMN.zh, width: 16 },
    { header: VALUE_COLUMN.zh, width: 40 },
  ];
  for (const [name, value] of Object.entries(variables)) vars.addRow([name, value].map(escapeFormula));
  styleHeader(vars);

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
