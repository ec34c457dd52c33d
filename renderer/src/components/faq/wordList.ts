/**
 * The 违禁词 tab's text areas, one word per line, checked against SetComplianceWordsArgs's
 * limits before sending, with the offending line named.
 */
import type { MessageKey } from '../../../../shared/i18n/messages.js';

export const MAX_WORD_CHARS = 20;
export const MAX_WORDS = 2000;

export type WordListResult =
  | { ok: true; words: string[] }
  | { ok: false; error: { key: MessageKey; vars: Record<string, string | number> } };

/** Lines trimmed, blanks dropped, repeats kept once. */
export function parseWordList(text: string): WordListResult {
  const words: string[] = [];
  const lines = text.split(/\r?\n/);
  for (const [index, line] of lines.entries()) {
    const word = line.trim();
    if (word === '') continue;
    if (word.length > MAX_WORD_CHARS) {
      return {
        ok: false,
        error: { key: 'faq.words.tooLong', vars: { line: index + 1, max: MAX_WORD_CHARS } },
      };
    }
    if (!words.includes(word)) words.push(word);
  }
  if (words.length > MAX_WORDS)
    return { ok: false, error: { key: 'faq.words.tooMany', vars: { max: MAX_WORDS } } };
  return { ok: true, words };
}
