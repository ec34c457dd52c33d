/**
 * The entry editor's form: what the user types, checked before it is sent with the same limits
 * the core's schema applies (shared/faq/entry.ts), so mistakes are named next to their field in
 * the user's language. Lengths count UTF-16 units, as zod's .max does. What only the core can check comes back as a message; fieldOfServerError
 * finds the field it is about.
 */
import type { FaqEntryInput, FaqEntryView } from '../../../../shared/api/contract.js';
import type { FaqCategory, FaqEntry } from '../../../../shared/faq/entry.js';
import { normaliseHotkey } from '../../../../shared/faq/hotkey.js';
import type { MessageKey } from '../../../../shared/i18n/messages.js';

export const MAX_TRIGGER_CHARS = 40;
export const MAX_TRIGGERS = 200;
export const MAX_ANSWER_CHARS = 500;

export type EntryField = 'category' | 'triggers' | 'answer' | 'hotkey';

export interface FormError {
  key: MessageKey;
  vars?: Record<string, string | number>;
}

export type EntryFormErrors = Partial<Record<EntryField, FormError>>;

export interface EntryFormValues {
  category: FaqCategory;
  /** One trigger phrase per line. */
  triggers: string;
  answer: string;
  /** Canonical hotkey ("Alt+1") or "" for none. */
  hotkey: string;
  enabled: boolean;
}

export function formFromEntry(entry: FaqEntry | undefined, category: FaqCategory = 'other'): EntryFormValues {
  if (!entry) return { category, triggers: '', answer: '', hotkey: '', enabled: true };
  return {
    category: entry.category,
    triggers: entry.triggers.join('\n'),
    answer: entry.answer,
    hotkey: entry.hotkey ?? '',
    enabled: entry.enabled,
  };
}

/** The lines as triggers: trimmed, blank lines dropped, repeats kept once. */
export function parseTriggers(text: string): string[] {
  const seen = new Set<string>();
  for (const line of text.split(/\r?\n/)) {
    const trigger = line.trim();
    if (trigger !== '') seen.add(trigger);
  }
  return [...seen];
}

/** The other entry that already owns this hotkey, if any. */
export function hotkeyOwner(
  hotkey: string,
  entries: readonly FaqEntryView[],
  selfId: string | null,
): FaqEntryView | undefined {
  if (hotkey === '') return undefined;
  return entries.find((e) => e.hotkey === hotkey && e.id !== selfId);
}

export type EntryFormResult = { ok: true; entry: FaqEntryInput } | { ok: false; errors: EntryFormErrors };

export function validateEntryForm(
  values: EntryFormValues,
  id: string | null,
  entries: readonly FaqEntryView[],
): EntryFormResult {
  const errors: EntryFormErrors = {};
  const triggers = parseTriggers(values.triggers);
  const longLine = values.triggers.split(/\r?\n/).findIndex((line) => line.trim().length > MAX_TRIGGER_CHARS);
  if (triggers.length === 0) errors.triggers = { key: 'faq.error.triggersEmpty' };
  else if (longLine >= 0)
    errors.triggers = {
      key: 'faq.error.triggerTooLong',
      vars: { line: longLine + 1, max: MAX_TRIGGER_CHARS },
    };
  else if (triggers.length > MAX_TRIGGERS)
    errors.triggers = { key: 'faq.error.tooManyTriggers', vars: { max: MAX_TRIGGERS } };

  const answer = values.answer.trim();
  if (answer === '') errors.answer = { key: 'faq.error.answerEmpty' };
  else if (answer.length > MAX_ANSWER_CHARS)
    errors.answer = { key: 'faq.error.answerTooLong', vars: { max: MAX_ANSWER_CHARS } };

  let hotkey: string | undefined;
  if (values.hotkey !== '') {
    const canonical = normaliseHotkey(values.hotkey);
    if (canonical === null) errors.hotkey = { key: 'faq.hotkey.notAllowed' };
    else {
      const owner = hotkeyOwner(canonical, entries, id);
      if (owner)
        errors.hotkey = { key: 'faq.hotkey.clash', vars: { trigger: owner.triggers[0] ?? owner.id } };
      else hotkey = canonical;
    }
  }

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    entry: {
      ...(id ? { id } : {}),
      category: values.category,
      triggers,
      answer,
      ...(hotkey ? { hotkey } : {}),
      enabled: values.enabled,
    },
  };
}

/** Words that name a field in the core's messages (Chinese first, English after " · "). */
const FIELD_WORDS: readonly [RegExp, EntryField][] = [
  [/快捷键|\bhotkey/i, 'hotkey'],
  [/触发词|\btriggers?\b/i, 'triggers'],
  [/回复|话术|\banswer\b/i, 'answer'],
  [/分类|\bcategory\b/i, 'category'],
];

/**
 * The field a core error is about. The hosts report zod issues as
 * "invalid arguments: 0.entry.triggers.2: …"; the library's own checks name the field in words
 * ("触发词“！！”没有可匹配的文字 · trigger "！！" has nothing …").
 */
export function fieldOfServerError(message: string): EntryField | null {
  const path = /\bentry\.([a-z]+)/.exec(message)?.[1];
  const byPath = FIELD_WORDS.find(([, field]) => field === path)?.[1];
  if (byPath) return byPath;
  return FIELD_WORDS.find(([words]) => words.test(message))?.[1] ?? null;
}

/** The core writes "中文 · English": the half in the user's language, or all of it. */
export function messageInLocale(message: string, locale: 'zh-CN' | 'en'): string {
  const parts = message.split(' · ');
  if (parts.length !== 2) return message;
  return (locale === 'zh-CN' ? parts[0] : parts[1]) ?? message;
}
