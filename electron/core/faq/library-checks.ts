/**
 * Checks on entries entering the library (saveFaqEntry, importFaq): the schema, plus what the
 * schema cannot see — a trigger that can never match, a blank answer, a hotkey two entries claim.
 * Messages are Chinese first and English after " · ", like the file import's.
 */
import { FaqEntryInputSchema, type FaqEntryInput } from '../../../shared/api/replies.js';
import type { FaqEntry } from '../../../shared/faq/entry.js';
import { normaliseText } from '../../../shared/text/normalise.js';

/** The library's size limit (the contract's reorder and file limits). */
export const MAX_ENTRIES = 20_000;

/** Where in a file an entry came from: a sheet row (header = row 1) or a JSON entry (from 1). */
export interface FilePlace {
  row: number;
  zh: string;
  en: string;
}

export function filePlace(format: 'csv' | 'xlsx' | 'json', index: number): FilePlace {
  if (format === 'json') return { row: index + 1, zh: `第 ${index + 1} 条`, en: `entry ${index + 1}` };
  return { row: index + 2, zh: `第 ${index + 2} 行`, en: `row ${index + 2}` };
}

/** A rejected entry or library change; row/column when it came from a file. */
export class LibraryError extends Error {
  readonly row: number | null;

  constructor(
    zh: string,
    en: string,
    place: FilePlace | null = null,
    readonly column: string | null = null,
  ) {
    super(place ? `${place.zh}：${zh} · ${place.en}: ${en}` : `${zh} · ${en}`);
    this.name = 'LibraryError';
    this.row = place?.row ?? null;
  }
}

/** Column headers as the file import names them. */
const COLUMNS: Readonly<Record<string, string>> = {
  id: '编号',
  category: '分类',
  triggers: '触发词',
  answer: '回复',
  hotkey: '快捷键',
  enabled: '启用',
};

type ParsedEntry = Omit<FaqEntry, 'id'> & { id?: string };

/** A valid entry (hotkey in canonical form) or a LibraryError naming the field. */
export function parseEntryInput(input: FaqEntryInput, place: FilePlace | null = null): ParsedEntry {
  const parsed = FaqEntryInputSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue?.path[0] ?? 'entry');
    const where = issue?.path.join('.') || 'entry';
    const message = issue?.message ?? 'invalid';
    throw new LibraryError(`${where}：${message}`, `${where}: ${message}`, place, COLUMNS[field] ?? null);
  }
  const entry = parsed.data;
  // Only symbols, spaces or punctuation: it would match nothing, or every "!" in the room.
  const dead = entry.triggers.find((t) => normaliseText(t).replace(/[,.?!:;~/-]/g, '') === '');
  if (dead !== undefined) {
    throw new LibraryError(
      `触发词“${dead}”没有可匹配的文字（只有符号、空格或标点）`,
      `trigger "${dead}" has nothing a comment could match (only symbols, spaces or punctuation)`,
      place,
      COLUMNS.triggers,
    );
  }
  if (entry.answer.trim() === '') {
    throw new LibraryError('回复不能为空', 'the answer is blank', place, COLUMNS.answer);
  }
  return entry;
}

/**
 * Each hotkey belongs to one entry of the resulting library. `rows` maps the entries that came
 * from a file to their row, so the error points at the file's row rather than the kept entry.
 */
export function checkHotkeysUnique(
  entries: readonly { entry: FaqEntry }[],
  rows: ReadonlyMap<FaqEntry, FilePlace>,
): void {
  const owner = new Map<string, FaqEntry>();
  for (const { entry } of entries) {
    if (!entry.hotkey) continue;
    const first = owner.get(entry.hotkey);
    if (!first) {
      owner.set(entry.hotkey, entry);
      continue;
    }
    const fromFile = rows.has(entry) ? entry : first;
    const other = fromFile === entry ? first : entry;
    throw new LibraryError(
      `快捷键 ${entry.hotkey} 已被条目“${other.id}”使用（触发词“${fromFile.triggers[0] ?? ''}”）`,
      `hotkey ${entry.hotkey} is already used by entry "${other.id}" (trigger "${fromFile.triggers[0] ?? ''}")`,
      rows.get(fromFile) ?? null,
      COLUMNS.hotkey,
    );
  }
}
