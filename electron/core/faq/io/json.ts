/**
 * 话术库 as JSON: the FaqLibrarySchema shape ({version: 1, entries, variables}), the same as
 * resources/faq/default-library.json; usage stats are not exported. Import also takes a bare
 * array of entries, and checks each entry with the same rules (and messages) as a sheet row.
 */
import type { FaqEntryInput, FaqEntryView } from '../../../../shared/api/replies.js';
import type { FaqLibrary } from '../../../../shared/faq/entry.js';
import { columnOf, type ColumnKey } from './columns.js';
import { FaqFileError, cellError, fileError, jsonEntry, type Place } from './errors.js';
import {
  EntryCollector,
  checkAnswer,
  checkTriggers,
  parseCategory,
  parseEnabled,
  parseHotkey,
  parseId,
  splitTriggers,
} from './fields.js';
import { checkEntryCount } from './limits.js';
import { readTextFile } from './text-file.js';
import { VariableCollector } from './variables.js';

export interface JsonLibraryFile {
  entries: FaqEntryInput[];
  variables?: Record<string, string>;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw fileError(`不是有效的 JSON 文件（${detail}）`, `not a valid JSON file (${detail})`);
  }
}

/** A text field: strings trimmed, numbers as typed, null/absent → ''; anything else is an error. */
function textField(entry: Record<string, unknown>, key: ColumnKey, place: Place): string {
  const value = entry[key];
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw cellError(place, columnOf(key), '应为文字', 'expected text');
}

function triggersField(entry: Record<string, unknown>, place: Place): string[] {
  const value = entry.triggers;
  if (typeof value === 'string') return splitTriggers(value);
  if (Array.isArray(value) && value.every((t): t is string => typeof t === 'string')) return value;
  if (value === undefined || value === null) return [];
  throw cellError(place, columnOf('triggers'), '应为文字列表', 'expected a list of strings');
}

function readEntry(raw: unknown, place: Place, collector: EntryCollector): void {
  if (!isRecord(raw)) {
    throw new FaqFileError(
      `${place.zh}：应为 {category, triggers, answer, …} · ${place.en}: expected an object`,
      place.row,
      null,
    );
  }
  collector.add(
    {
      id: parseId(textField(raw, 'id', place), place),
      category: parseCategory(textField(raw, 'category', place), place),
      triggers: checkTriggers(triggersField(raw, place), place),
      answer: checkAnswer(textField(raw, 'answer', place), place),
      hotkey: parseHotkey(textField(raw, 'hotkey', place), place),
      enabled: parseEnabled(textField(raw, 'enabled', place), place),
    },
    place,
  );
}

function readVariables(raw: unknown): Record<string, string> | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!isRecord(raw))
    throw fileError('“variables”应为 {变量名: 值}', '"variables" must be an object of name → value');
  const collector = new VariableCollector();
  for (const [name, value] of Object.entries(raw)) {
    if (typeof value !== 'string' && typeof value !== 'number') {
      throw fileError(`变量“${name}”的值应为文字`, `the value of variable "${name}" must be text`);
    }
    collector.add(name, String(value), null);
  }
  return collector.values;
}

export function readJson(data: Buffer | string): JsonLibraryFile {
  const json = parseJson(readTextFile(data, 'JSON'));
  const library = Array.isArray(json) ? { entries: json } : json;
  if (!isRecord(library) || !Array.isArray(library.entries)) {
    throw fileError(
      'JSON 文件应为 {"version": 1, "entries": [...], "variables": {...}}',
      'the JSON file must look like {"version": 1, "entries": [...], "variables": {...}}',
    );
  }
  if (library.version !== undefined && library.version !== 1) {
    throw fileError(
      `不支持的版本 ${JSON.stringify(library.version)}：请用新版 LiveDesk 打开`,
      `unsupported version ${JSON.stringify(library.version)}: it was written by a newer LiveDesk`,
    );
  }
  checkEntryCount(library.entries.length);
  const collector = new EntryCollector();
  library.entries.forEach((raw, index) => readEntry(raw, jsonEntry(index + 1), collector));
  const variables = readVariables(library.variables);
  return variables === undefined ? { entries: collector.entries } : { entries: collector.entries, variables };
}

export function writeJson(entries: readonly FaqEntryView[], variables: Record<string, string>): string {
  const library: FaqLibrary = {
    version: 1,
    entries: entries.map((e) => ({
      id: e.id,
      category: e.category,
      triggers: [...e.triggers],
      answer: e.answer,
      ...(e.hotkey === undefined ? {} : { hotkey: e.hotkey }),
      enabled: e.enabled,
    })),
    variables: { ...variables },
  };
  return `${JSON.stringify(library, null, 2)}\n`;
}
