/**
 * The spreadsheet shape shared by CSV and XLSX: a header row, then one entry per row. Reading
 * goes through SourceRow so each format turns its own cells into text (XLSX cells can be rich
 * text, numbers or formulas) and can report a cell it cannot read with the right row and column.
 */
import type { FaqEntryInput, FaqEntryView } from '../../../../shared/api/replies.js';
import { FAQ_CATEGORY_LABELS } from '../../../../shared/faq/entry.js';
import {
  ENTRY_COLUMNS,
  STATS_COLUMNS,
  escapeFormula,
  mapHeader,
  unescapeFormula,
  type ColumnKey,
  type HeaderMap,
} from './columns.js';
import { fileError, sheetRow, type ColumnName } from './errors.js';
import {
  EntryCollector,
  TRIGGER_JOINER,
  checkAnswer,
  checkTriggers,
  parseCategory,
  parseEnabled,
  parseHotkey,
  parseId,
  splitTriggers,
  type EntryFields,
} from './fields.js';
import { checkEntryCount } from './limits.js';

export interface SourceRow {
  /** 1-based, as the spreadsheet shows it. */
  row: number;
  /** Cells in the row (the last non-empty one's index + 1). */
  width: number;
  /** The cell's text as typed (untrimmed); may throw a FaqFileError naming row and column. */
  text(index: number, column: ColumnName): string;
}

const HEADER: ColumnName = { zh: '表头', en: 'header' };

/** Trimmed, CRLF → LF, and the export's anti-formula ' taken off. */
export function cleanCell(raw: string): string {
  return unescapeFormula(raw.replace(/\r\n?/gu, '\n').trim());
}

/** Rows must already exclude blank ones; the first row is the header. */
export function entriesFromRows(rows: readonly SourceRow[]): FaqEntryInput[] {
  const [header, ...body] = rows;
  if (!header)
    throw fileError('文件是空的：没有表头也没有条目', 'the file is empty: no header and no entries');
  checkEntryCount(body.length);
  const cells = Array.from({ length: header.width }, (_, i) => cleanCell(header.text(i, HEADER)));
  const map = mapHeader(cells, sheetRow(header.row));
  const collector = new EntryCollector();
  for (const row of body) {
    const fields = readFields(row, map);
    if (fields) collector.add(fields, sheetRow(row.row));
  }
  return collector.entries;
}

/** null for a row whose entry columns are all empty (a note in an extra column, a spacer row). */
function readFields(source: SourceRow, map: HeaderMap): EntryFields | null {
  const values = new Map<ColumnKey, string>();
  for (const column of ENTRY_COLUMNS) {
    const index = map[column.key];
    values.set(column.key, index === undefined ? '' : cleanCell(source.text(index, column)));
  }
  if ([...values.values()].every((v) => v === '')) return null;
  const place = sheetRow(source.row);
  const get = (key: ColumnKey): string => values.get(key) ?? '';
  return {
    id: parseId(get('id'), place),
    category: parseCategory(get('category'), place),
    triggers: checkTriggers(splitTriggers(get('triggers')), place),
    answer: checkAnswer(get('answer'), place),
    hotkey: parseHotkey(get('hotkey'), place),
    enabled: parseEnabled(get('enabled'), place),
  };
}

export type ExportCell = string | number;

export const EXPORT_HEADER: readonly string[] = [...ENTRY_COLUMNS, ...STATS_COLUMNS].map((c) => c.zh);

/** yyyy-mm-dd HH:MM in the machine's local time (what the user's clock showed). */
export function formatLocalTime(ms: number): string {
  const d = new Date(ms);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** One export row per entry, in EXPORT_HEADER order; text cells are formula-escaped. */
export function entryRow(entry: FaqEntryView): ExportCell[] {
  const text = [
    entry.id,
    FAQ_CATEGORY_LABELS[entry.category],
    entry.triggers.join(TRIGGER_JOINER),
    entry.answer,
    entry.hotkey ?? '',
    entry.enabled ? '是' : '否',
  ].map(escapeFormula);
  const lastUsed = entry.usage.lastUsedAt === null ? '' : formatLocalTime(entry.usage.lastUsedAt);
  return [...text, entry.usage.suggested, entry.usage.used, lastUsed];
}
