/** A group's suggestions as the view shows them: entries that still exist, answers filled. */
import type { FaqSuggestion } from '../../../../shared/api/replies.js';
import type { FaqCategory, FaqEntry } from '../../../../shared/faq/entry.js';
import { answerSnippet, buildReplyText } from './buildReply.js';

export interface ReplyChip {
  faqId: string;
  category: FaqCategory;
  hotkey: string | null;
  /** The filled answer (without any @mention), and the {变量} it still lacks. */
  text: string;
  missing: string[];
  snippet: string;
}

/** At most three, best first; a suggestion whose entry was deleted or disabled is left out. */
export function groupChips(
  suggestions: readonly FaqSuggestion[],
  byId: ReadonlyMap<string, FaqEntry>,
  vars: Readonly<Record<string, string>>,
): ReplyChip[] {
  const chips: ReplyChip[] = [];
  for (const { faqId } of suggestions) {
    const entry = byId.get(faqId);
    if (!entry || !entry.enabled || chips.some((c) => c.faqId === faqId)) continue;
    const { text, missing } = buildReplyText(entry.answer, vars);
    chips.push({
      faqId,
      category: entry.category,
      hotkey: entry.hotkey ?? null,
      text,
      missing,
      snippet: answerSnippet(text),
    });
    if (chips.length === 3) break;
  }
  return chips;
}
