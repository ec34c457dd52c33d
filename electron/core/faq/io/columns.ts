/**
 * The columns of a 话术库 spreadsheet (CSV or XLSX) and how a header row maps onto them. Headers
 * are matched by name, not position: teams reorder and add columns in Excel, so Chinese or English
 * names in any order are accepted and unknown columns are ignored.
 */
import { FaqFileError, type ColumnName, type Place } from './errors.js';

export type ColumnKey = 'id' | 'category' | 'triggers' | 'answer' | 'hotkey' | 'enabled';

export interface EntryColumn extends ColumnName {
  key: ColumnKey;
  required: boolean;
  /** Other names users give the column. */
  aliases: readonly string[];
  /** Export width in characters (XLSX). */
  width: number;
}

/** In export order. */
export const ENTRY_COLUMNS: readonly EntryColumn[] = [
  { key: 'id', zh: '编号', en: 'id', required: false, aliases: [], width: 20 },
  { key: 'category', zh: '分类', en: 'category', required: true, aliases: ['类别'], width: 10 },
  { key: 'triggers', zh: '触发词', en: 'triggers', required: true, aliases: ['关键词'], width: 40 },
  { key: 'answer', zh: '回复', en: 'answer', required: true, aliases: ['话术', '答案'], width: 60 },
  { key: 'hotkey', zh: '快捷键', en: 'hotkey', required: false, aliases: [], width: 10 },
  { key: 'enabled', zh: '启用', en: 'enabled', required: false, aliases: [], width: 8 },
];

/** Read-only usage columns added on export; import ignores them like any unknown column. */
export const STATS_COLUMNS: readonly (ColumnName & { width: number })[] = [
  { zh: '推荐次数', en: 'suggested', width: 10 },
  { zh: '使用次数', en: 'used', width: 10 },
  { zh: '最近使用', en: 'last used', width: 17 },
];

export function columnOf(key: ColumnKey): EntryColumn {
  const column = ENTRY_COLUMNS.find((c) => c.key === key);
  if (!column) throw new Error(`unknown column ${key}`);
  return column;
}

/** "回复 (必填)" → "回复", "ID" → "id", "编号/id" kept whole (matched as its own alias). */
function headerKey(raw: string): string {
  return raw
    .trim()
    .replace(/[（(][^）)]*[）)]$/u, '')
    .replace(/[*＊]+$/u, '')
    .replace(/\s+/gu, '')
    .toLowerCase();
}

const BY_HEADER = new Map<string, EntryColumn>(
  ENTRY_COLUMNS.flatMap((c) =>
    [c.zh, c.en, `${c.zh}/${c.en}`, `${c.en}/${c.zh}`, ...c.aliases].map(
      (name) => [headerKey(name), c] as const,
    ),
  ),
);

/** A, B, … Z, AA: how Excel names the column, so a CSV error can be found in Excel too. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** Column key → 0-based index in the file. */
export type HeaderMap = Partial<Record<ColumnKey, number>>;

/** Maps a header row; throws naming the header row and the column that is missing or doubled. */
export function mapHeader(cells: readonly string[], place: Place): HeaderMap {
  const map: HeaderMap = {};
  cells.forEach((cell, index) => {
    const column = BY_HEADER.get(headerKey(cell));
    if (!column) return;
    const first = map[column.key];
    if (first !== undefined) {
      const a = columnLetter(first);
      const b = columnLetter(index);
      throw new FaqFileError(
        `${place.zh}「${column.zh}」：第 ${a} 列和第 ${b} 列都是“${column.zh}”，请删掉一列 · ` +
          `${place.en}, ${column.en}: columns ${a} and ${b} are both "${column.en}"; remove one`,
        place.row,
        column.zh,
      );
    }
    map[column.key] = index;
  });
  const missing = ENTRY_COLUMNS.filter((c) => c.required && map[c.key] === undefined);
  const [first] = missing;
  if (first) {
    const zh = missing.map((c) => `“${c.zh}”`).join('、');
    const en = missing.map((c) => `"${c.en}"`).join(', ');
    throw new FaqFileError(
      `${place.zh}「${first.zh}」：表头缺少 ${zh} 列（表头应为：编号、分类、触发词、回复、快捷键、启用） · ` +
        `${place.en}, ${first.en}: the header has no ${en} column (expected: id, category, triggers, answer, hotkey, enabled)`,
      place.row,
      first.zh,
    );
  }
  return map;
}

/**
 * Excel runs a cell that starts with = + - @ as a formula (CSV injection). Export puts a ' in
 * front (Excel shows it as text); import takes exactly that ' off again. Cells that already start
 * with quotes before such a character get one more, so every text survives the round trip.
 */
const FORMULA_START = /^'*[=+\-@]/u;
const ESCAPED_FORMULA = /^'+[=+\-@]/u;

export function escapeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function unescapeFormula(text: string): string {
  return ESCAPED_FORMULA.test(text) ? text.slice(1) : text;
}
