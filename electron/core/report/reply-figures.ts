/**
 * A show's reply KPIs with the service's definitions — the same ReplyKpiAccumulator that
 * getReplyKpis feeds for a stored show — and in the same pass the slowest question group (highest
 * mean response among groups answered ≥ 3 times, else among all), which the observations name.
 *
 * Read lean: questions can be half of all comments (the 8-hour simulated show has millions), so
 * the pass reads only what the numbers need (group, state, times: one raw row each, no text, no
 * suggestions JSON) and the few groups the report shows get their text and FAQ entry afterwards
 * by index look-ups. The result equals computeReplyKpis(storedRecords(...)) (tests check it).
 */
import type { ReplyKpis } from '../../../shared/api/replies.js';
import { ReplyKpiAccumulator } from '../faq/reply-kpis.js';
import { parseSuggestions, type QuestionRecord } from '../store/questions-repo.js';
import type Database from 'better-sqlite3';

export interface SlowGroup {
  text: string;
  answered: number;
  meanResponseMs: number;
}

/** The slowest group is looked for among groups answered at least this often first. */
export const SLOW_GROUP_MIN_ANSWERED = 3;

type LeanRow = [groupKey: string, state: string, seenAt: number, answeredAt: number | null];

const STATES: readonly QuestionRecord['state'][] = ['pending', 'answered', 'dismissed'];
const stateOf = (s: string): QuestionRecord['state'] =>
  (STATES as readonly string[]).includes(s) ? (s as QuestionRecord['state']) : 'pending';

export function showReplyFigures(
  db: Database.Database,
  showId: string,
): { replies: ReplyKpis; slowest: SlowGroup | null } {
  const acc = new ReplyKpiAccumulator();
  const answered = new Map<string, { count: number; totalMs: number }>();
  const lean = db
    .prepare<[string], LeanRow>(
      'SELECT group_key, state, seen_at, answered_at FROM questions WHERE show_id = ? ORDER BY id',
    )
    .raw(true);
  for (const row of lean.iterate(showId) as Iterable<LeanRow>) {
    const [groupKey, rawState, seenAt, answeredAt] = row;
    const state = stateOf(rawState);
    acc.add({ groupKey, text: '', faqId: null, state, seenAt, answeredAt });
    if (state !== 'answered') continue;
    const ms = Math.max(0, (answeredAt ?? seenAt) - seenAt);
    const group = answered.get(groupKey);
    if (group) {
      group.count++;
      group.totalMs += ms;
    } else answered.set(groupKey, { count: 1, totalMs: ms });
  }
  const result = acc.result(showId);

  // The group's first question (the top list) or its first pending one (the unanswered list),
  // as the accumulator would have kept them: text and top suggestion.
  const first = db.prepare<[string, string], { text: string; suggestions: string }>(
    'SELECT text, suggestions FROM questions WHERE show_id = ? AND group_key = ? ORDER BY id LIMIT 1',
  );
  const firstPending = db.prepare<[string, string], { text: string; suggestions: string }>(
    "SELECT text, suggestions FROM questions WHERE show_id = ? AND group_key = ? AND state = 'pending' ORDER BY id LIMIT 1",
  );
  const fill = <T extends { groupKey: string; text: string; faqId: string | null }>(
    item: T,
    row: { text: string; suggestions: string } | undefined,
  ): T =>
    row ? { ...item, text: row.text, faqId: parseSuggestions(row.suggestions)[0]?.faqId ?? null } : item;
  const replies: ReplyKpis = {
    ...result,
    top: result.top.map((t) => fill(t, first.get(showId, t.groupKey))),
    unanswered: result.unanswered.map((u) => fill(u, firstPending.get(showId, u.groupKey))),
  };

  // A group asked a few times says more than one question that waited long; fall back to any.
  let slowest: { groupKey: string; count: number; mean: number } | null = null;
  for (const minCount of [SLOW_GROUP_MIN_ANSWERED, 1]) {
    for (const [groupKey, g] of answered) {
      const mean = g.totalMs / g.count;
      if (g.count >= minCount && (!slowest || mean > slowest.mean))
        slowest = { groupKey, count: g.count, mean };
    }
    if (slowest) break;
  }
  return {
    replies,
    slowest: slowest && {
      text: first.get(showId, slowest.groupKey)?.text ?? slowest.groupKey,
      answered: slowest.count,
      meanResponseMs: slowest.mean,
    },
  };
}
