/**
 * RFC 4180 CSV as Excel reads and writes it: fields in double quotes may hold the delimiter,
 * line breaks and doubled quotes (""); records end with CRLF, LF or CR. Lenient where Excel is
 * (a quote inside an unquoted field is kept as a character); strict where data would be lost
 * (a quote left open to the end of the file).
 */
import { FaqFileError } from './errors.js';
import { columnLetter } from './columns.js';

export interface CsvRecord {
  /** 1-based record number = the row Excel shows (a quoted line break stays in its row). */
  row: number;
  cells: string[];
}

const DELIMITERS = [',', ';', '\t'] as const;
export type CsvDelimiter = (typeof DELIMITERS)[number];

/**
 * Excel saves with the list separator of the Windows region (";" in much of Europe) and offers
 * tab-separated text: pick whichever of , ; tab occurs most in the first record, comma on a tie.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts = new Map<CsvDelimiter, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch as CsvDelimiter)) {
      counts.set(ch as CsvDelimiter, (counts.get(ch as CsvDelimiter) ?? 0) + 1);
    }
  }
  let best: CsvDelimiter = ',';
  for (const d of DELIMITERS) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d;
  return best;
}

export function parseCsv(text: string, delimiter: CsvDelimiter = ','): CsvRecord[] {
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let field = '';
  let fieldStart = true;
  let quoted = false;
  let quoteOpenedAt = { row: 1, column: 0 };
  let row = 1;
  const endRecord = (): void => {
    cells.push(field);
    records.push({ row, cells });
    cells = [];
    field = '';
    fieldStart = true;
    row += 1;
  };
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (quoted) {
      if (ch !== '"') {
        // Copy the run up to the next quote in one slice: fields can be long answers.
        const next = text.indexOf('"', i);
        const end = next === -1 ? text.length : next;
        field += text.slice(i, end);
        i = end - 1;
      } else if (text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else {
        quoted = false;
      }
      continue;
    }
    if (ch === '"' && fieldStart) {
      quoted = true;
      fieldStart = false;
      quoteOpenedAt = { row, column: cells.length };
    } else if (ch === delimiter) {
      cells.push(field);
      field = '';
      fieldStart = true;
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      endRecord();
    } else {
      field += ch;
      fieldStart = false;
    }
  }
  if (quoted) {
    const { row: at, column } = quoteOpenedAt;
    const letter = columnLetter(column);
    throw new FaqFileError(
      `第 ${at} 行第 ${letter} 列：引号没有闭合（单元格以 " 开头却没有结束的 "） · ` +
        `row ${at}, column ${letter}: a quoted cell is never closed (missing ")`,
      at,
      null,
    );
  }
  // The last record needs no line break after it.
  if (!fieldStart || cells.length > 0) endRecord();
  return records;
}

function csvField(value: string | number, delimiter: CsvDelimiter): string {
  const text = String(value);
  // Quote what would otherwise split the cell or lose its outer spaces.
  const needsQuotes = text.includes(delimiter) || /["\r\n]/u.test(text) || text !== text.trim();
  return needsQuotes ? `"${text.replaceAll('"', '""')}"` : text;
}

/** CRLF between records (what Excel writes); line breaks inside a cell stay LF. */
export function stringifyCsv(
  rows: readonly (readonly (string | number)[])[],
  delimiter: CsvDelimiter = ',',
): string {
  return rows.map((cells) => cells.map((c) => csvField(c, delimiter)).join(delimiter) + '\r\n').join('');
}
