/**
 * A show's reply KPIs with the service's definitions (reply-kpis.ts: ReplyKpiAccumulator), and
 * the slowest question group (highest mean response among groups answered ≥ 3 times, else among
 * all), which the observations name.
 *
 * Read from aggregates, never a scan of the show's questions (an 8-hour show can hold 7 M; the
 * scan took ~10 s): counts, the top groups and the unanswered ones from question_groups (kept in
 * the write path, migration 008), response times from the answered questions alone (the
 * (show_id, state) index — people answer at human pace, so thousands, not millions), and the text
 * and FAQ entry of the few groups shown by row id. The result equals computeReplyKpis over the
 * stored records (tests check it).
 */
import { REPLY_TARGET_MS, type ReplyKpis } from '../../../shared/api/replies.js';
import { MAX_UNANSWERED, TOP_GROUPS, nearestRank } from '../faq/reply-kpis.js';
import { parseSuggestions } from '../store/questions-repo.js';
import type Database from 'better-sqlite3';

export interface SlowGroup {
  text: string;
  answered: number;
  meanResponseMs: number;
}

/** The slowest group is looked for among groups answered at least this often first. */
export const SLOW_GROUP_MIN_ANSWERED = 3;

interface Totals {
  total: number | null;
  pending: number | null;
  answered: number | null;
  dismissed: number | null;
}

interface FirstQuestion {
  text: string;
  suggestions: string;
  seen_at: number;
}

/** Response time as the accumulator counts it: seen → answered, never negative. */
const RESPONSE_MS = 'max(0, coalesce(answered_at, seen_at) - seen_at)';

export function showReplyFigures(
  db: Database.Database,
  showId: string,
): { replies: ReplyKpis; slowest: SlowGroup | null } {
  const totals = db
    .prepare<[string], Totals>(
      `SELECT sum(total) AS total, sum(pending) AS pending, sum(answered) AS answered, sum(dismissed) AS dismissed
       FROM question_groups WHERE show_id = ?`,
    )
    .get(showId);
  const dismissed = totals?.dismissed ?? 0;
  const questions = (totals?.total ?? 0) - dismissed;
  const answeredCount = totals?.answered ?? 0;

  const question = db.prepare<[number], FirstQuestion>(
    'SELECT text, suggestions, seen_at FROM questions WHERE id = ?',
  );
  const describe = (id: number | null, fallback: string) => {
    const row = id === null ? undefined : question.get(id);
    return {
      text: row?.text ?? fallback,
      faqId: row ? (parseSuggestions(row.suggestions)[0]?.faqId ?? null) : null,
      seenAt: row?.seen_at ?? 0,
    };
  };

  // Most asked first; equal counts: the group asked first (as the accumulator's Map order).
  const top = db
    .prepare<[string, number], { group_key: string; first_id: number; count: number; answered: number }>(
      `SELECT group_key, first_id, total - dismissed AS count, answered FROM question_groups
       WHERE show_id = ? AND total - dismissed > 0
       ORDER BY count DESC, first_seen_at, first_id LIMIT ?`,
    )
    .all(showId, TOP_GROUPS)
    .map((g) => {
      const { text, faqId } = describe(g.first_id, g.group_key);
      return { groupKey: g.group_key, text, faqId, count: g.count, answered: g.answered };
    });

  // By when the group's oldest pending question arrived, as the live pending list.
  const unanswered = db
    .prepare<[string, number], { group_key: string; first_pending_id: number; pending: number }>(
      `SELECT group_key, first_pending_id, pending FROM question_groups
       WHERE show_id = ? AND pending > 0 ORDER BY first_pending_id LIMIT ?`,
    )
    .all(showId, MAX_UNANSWERED)
    .map((g) => {
      const { text, faqId, seenAt } = describe(g.first_pending_id, g.group_key);
      return { groupKey: g.group_key, text, faqId, count: g.pending, firstSeenAt: seenAt };
    });

  const responses: number[] = [];
  const byGroup = new Map<string, { count: number; totalMs: number }>();
  if (answeredCount > 0) {
    const rows = db
      .prepare<[string], [groupKey: string, ms: number]>(
        `SELECT group_key, ${RESPONSE_MS} FROM questions WHERE show_id = ? AND state = 'answered'`,
      )
      .raw(true)
      .iterate(showId) as Iterable<[string, number]>;
    for (const [groupKey, ms] of rows) {
      responses.push(ms);
      const group = byGroup.get(groupKey);
      if (group) {
        group.count++;
        group.totalMs += ms;
      } else byGroup.set(groupKey, { count: 1, totalMs: ms });
    }
    responses.sort((a, b) => a - b);
  }
  const within = responses.filter((ms) => ms <= REPLY_TARGET_MS).length;
  const ratio = (n: number) => (questions > 0 ? n / questions : null);
  const replies: ReplyKpis = {
    showId,
    questions,
    answered: answeredCount,
    dismissed,
    pending: totals?.pending ?? 0,
    resolutionRate: ratio(answeredCount),
    medianResponseMs: nearestRank(responses, 0.5),
    p90ResponseMs: nearestRank(responses, 0.9),
    within30sRate: ratio(within),
    top,
    unanswered,
  };
  return { replies, slowest: slowestGroup(db, showId, byGroup, describe) };
}

/** A group asked a few times says more than one question that waited long; fall back to any. */
function slowestGroup(
  db: Database.Database,
  showId: string,
  byGroup: ReadonlyMap<string, { count: number; totalMs: number }>,
  describe: (id: number | null, fallback: string) => { text: string },
): SlowGroup | null {
  let slowest: { groupKey: string; count: number; mean: number } | null = null;
  for (const minCount of [SLOW_GROUP_MIN_ANSWERED, 1]) {
    for (const [groupKey, g] of byGroup) {
      const mean = g.totalMs / g.count;
      if (g.count >= minCount && (!slowest || mean > slowest.mean))
        slowest = { groupKey, count: g.count, mean };
    }
    if (slowest) break;
  }
  if (!slowest) return null;
  const firstId = db
    .prepare<[string, string], number>(
      'SELECT first_id FROM question_groups WHERE show_id = ? AND group_key = ?',
    )
    .pluck()
    .get(showId, slowest.groupKey);
  return {
    text: describe(firstId ?? null, slowest.groupKey).text,
    answered: slowest.count,
    meanResponseMs: slowest.mean,
  };
}
