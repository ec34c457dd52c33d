/**
 * One entry's fields as typed in a file → a validated FaqEntryInput. Each check has its own
 * message (Chinese · English) naming the place and column; FaqEntryInputSchema runs last as the
 * contract's own check and canonicalises the hotkey. EntryCollector adds the checks across rows
 * (an id or hotkey used twice in one file).
 */
import { FaqEntryInputSchema, type FaqEntryInput } from '../../../../shared/api/replies.js';
import { FAQ_CATEGORIES, FAQ_CATEGORY_LABELS, type FaqCategory } from '../../../../shared/faq/entry.js';
import { HOTKEY_HINT, normaliseHotkey } from '../../../../shared/faq/hotkey.js';
import { columnOf, type ColumnKey } from './columns.js';
import { cellError, quote, type Place } from './errors.js';

const MAX_TRIGGER_CHARS = 40;
const MAX_TRIGGERS = 200;
const MAX_ANSWER_CHARS = 500;

/** 、 | ；; or a line break (Alt+Enter in Excel) between triggers. */
const TRIGGER_SEPARATORS = /[、|｜；;\r\n]+/u;
export const TRIGGER_JOINER = '、';

function fail(place: Place, key: ColumnKey, zh: string, en: string): never {
  throw cellError(place, columnOf(key), zh, en);
}

/** Label or key, spaces and slashes ignored: 优惠价格, 优惠/价格, price, Price. */
function categoryKey(text: string): string {
  return text.replace(/[\s/／、]+/gu, '').toLowerCase();
}

const CATEGORY_BY_NAME = new Map<string, FaqCategory>(
  FAQ_CATEGORIES.flatMap((key) => [
    [categoryKey(key), key] as const,
    [categoryKey(FAQ_CATEGORY_LABELS[key]), key] as const,
  ]),
);

export function parseCategory(text: string, place: Place): FaqCategory {
  if (text === '') fail(place, 'category', '分类不能为空', 'the category is empty');
  const category = CATEGORY_BY_NAME.get(categoryKey(text));
  if (category) return category;
  const known = FAQ_CATEGORIES.map((k) => FAQ_CATEGORY_LABELS[k]).join('、');
  return fail(
    place,
    'category',
    `未知分类“${quote(text)}”（可用：${known}）`,
    `unknown category "${quote(text)}" (use one of: ${FAQ_CATEGORIES.join(', ')})`,
  );
}

export function splitTriggers(text: string): string[] {
  return text
    .split(TRIGGER_SEPARATORS)
    .map((t) => t.trim())
    .filter((t) => t !== '');
}

/** Trims and drops empty pieces, then checks count and length. */
export function checkTriggers(raw: readonly string[], place: Place): string[] {
  const triggers = raw.map((t) => t.trim()).filter((t) => t !== '');
  if (triggers.length === 0) fail(place, 'triggers', '至少需要一个触发词', 'at least one trigger is needed');
  if (triggers.length > MAX_TRIGGERS) {
    fail(
      place,
      'triggers',
      `触发词太多（${triggers.length} 个），上限 ${MAX_TRIGGERS} 个`,
      `too many triggers (${triggers.length}); the limit is ${MAX_TRIGGERS}`,
    );
  }
  for (const trigger of triggers) {
    const length = [...trigger].length;
    if (length > MAX_TRIGGER_CHARS) {
      fail(
        place,
        'triggers',
        `触发词“${quote(trigger)}”太长（${length} 字），上限 ${MAX_TRIGGER_CHARS} 字`,
        `trigger "${quote(trigger)}" is too long (${length} characters); the limit is ${MAX_TRIGGER_CHARS}`,
      );
    }
  }
  return triggers;
}

export function checkAnswer(text: string, place: Place): string {
  if (text === '') fail(place, 'answer', '回复不能为空', 'the answer is empty');
  // The schema counts UTF-16 units; so does this check, so a file the check passes also passes it.
  if (text.length > MAX_ANSWER_CHARS) {
    fail(
      place,
      'answer',
      `回复太长（${text.length} 字），上限 ${MAX_ANSWER_CHARS} 字`,
      `the answer is too long (${text.length} characters); the limit is ${MAX_ANSWER_CHARS}`,
    );
  }
  return text;
}

/** Empty → none; anything else must be a hotkey the app allows, returned canonical (alt+1 → Alt+1). */
export function parseHotkey(text: string, place: Place): string | undefined {
  if (text === '') return undefined;
  const hotkey = normaliseHotkey(text);
  if (hotkey === null) {
    fail(
      place,
      'hotkey',
      `快捷键“${quote(text)}”不可用：请用 F1–F12，或 Ctrl/Alt（可加 Shift）+ 字母或数字，如 Alt+1`,
      `hotkey "${quote(text)}" is not allowed: use ${HOTKEY_HINT}`,
    );
  }
  return hotkey;
}

const ENABLED_WORDS = new Map<string, boolean>([
  ...['是', 'true', '1', 'yes', 'y', '启用'].map((w) => [w, true] as const),
  ...['否', 'false', '0', 'no', 'n', '停用', '禁用'].map((w) => [w, false] as const),
]);

/** 是/否, true/false, 1/0, yes/no, 启用/停用 (any case); empty = 是. */
export function parseEnabled(text: string, place: Place): boolean {
  if (text === '') return true;
  const enabled = ENABLED_WORDS.get(text.toLowerCase());
  if (enabled === undefined) {
    fail(
      place,
      'enabled',
      `无法识别“${quote(text)}”：请填 是 或 否`,
      `"${quote(text)}" is not a yes/no value: use 是/否, true/false, 1/0 or yes/no`,
    );
  }
  return enabled;
}

const ID_PATTERN = /^[a-z0-9_-]{1,64}$/u;

/** Empty → a new entry; ids are matched case-insensitively (Excel users type SIZE_GUIDE too). */
export function parseId(text: string, place: Place): string | undefined {
  if (text === '') return undefined;
  const id = text.toLowerCase();
  if (!ID_PATTERN.test(id)) {
    fail(
      place,
      'id',
      `编号“${quote(text)}”无效：只能用小写英文字母、数字、_ 或 -，最多 64 个字符（新条目请留空）`,
      `id "${quote(text)}" is invalid: use lower-case letters, digits, _ or -, at most 64 characters (leave empty for a new entry)`,
    );
  }
  return id;
}

export interface EntryFields {
  id: string | undefined;
  category: FaqCategory;
  triggers: string[];
  answer: string;
  hotkey: string | undefined;
  enabled: boolean;
}

/** Runs the contract's schema over fields already checked above; maps any issue to its column. */
export function toEntryInput(fields: EntryFields, place: Place): FaqEntryInput {
  const input: FaqEntryInput = {
    ...(fields.id === undefined ? {} : { id: fields.id }),
    category: fields.category,
    triggers: fields.triggers,
    answer: fields.answer,
    ...(fields.hotkey === undefined ? {} : { hotkey: fields.hotkey }),
    enabled: fields.enabled,
  };
  const parsed = FaqEntryInputSchema.safeParse(input);
  if (parsed.success) return input;
  const issue = parsed.error.issues[0];
  const key = issue?.path[0];
  const column: ColumnKey =
    key === 'id' || key === 'category' || key === 'triggers' || key === 'hotkey' || key === 'enabled'
      ? key
      : 'answer';
  const message = issue?.message ?? 'invalid';
  return fail(place, column, `内容无效：${message}`, `invalid value: ${message}`);
}

/** Collects a file's entries in order; rejects an id or hotkey a previous row already has. */
export class EntryCollector {
  readonly entries: FaqEntryInput[] = [];
  private readonly idPlaces = new Map<string, Place>();
  private readonly hotkeyPlaces = new Map<string, Place>();

  add(fields: EntryFields, place: Place): void {
    const entry = toEntryInput(fields, place);
    if (fields.id !== undefined) this.claim(this.idPlaces, fields.id, place, 'id', '编号', 'id');
    if (fields.hotkey !== undefined) {
      this.claim(this.hotkeyPlaces, fields.hotkey, place, 'hotkey', '快捷键', 'hotkey');
    }
    this.entries.push(entry);
  }

  private claim(
    seen: Map<string, Place>,
    value: string,
    place: Place,
    key: ColumnKey,
    zhName: string,
    enName: string,
  ): void {
    const first = seen.get(value);
    if (first) {
      fail(
        place,
        key,
        `${zhName}“${value}”与${first.zh}重复`,
        `${enName} "${value}" is already used in ${first.en}`,
      );
    }
    seen.set(value, place);
  }
}
