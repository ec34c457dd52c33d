/** A stored question as listQuestions shows it: suggestions with their answer filled for the show. */
import type { FaqVariables, QuestionView } from '../../../shared/api/replies.js';
import { fillAnswer } from '../../../shared/faq/answer.js';
import type { FaqEntry } from '../../../shared/faq/entry.js';
import { mergeVariables } from '../../../shared/faq/variables.js';
import type { StoredQuestion } from '../store/questions-repo.js';

export function questionView(
  q: StoredQuestion,
  entryOf: (faqId: string) => FaqEntry | null,
  vars: FaqVariables,
): QuestionView {
  const values = mergeVariables(vars.values, vars.auto);
  const answered = q.state === 'answered' && q.answeredAt !== null;
  return {
    id: q.id,
    showId: q.showId,
    commentId: q.commentId,
    ts: q.ts,
    seenAt: q.seenAt,
    nickname: q.nickname,
    text: q.text,
    groupKey: q.groupKey,
    state: q.state,
    answeredAt: answered ? q.answeredAt : null,
    responseMs: answered ? Math.max(0, (q.answeredAt as number) - q.seenAt) : null,
    answeredFaqId: q.answeredFaqId,
    // An entry deleted since is left out: there is no answer to show for it.
    suggestions: q.suggestions.flatMap((s) => {
      const entry = entryOf(s.faqId);
      return entry ? [{ ...s, category: entry.category, answer: fillAnswer(entry.answer, values).text }] : [];
    }),
  };
}
