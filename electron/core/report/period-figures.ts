/**
 * A period's per-show rows and reply figures in a handful of statements, however many shows:
 * the shows with their stats and rollup figures (correlated sub-queries, each an index look-up),
 * then questions and alerts GROUP BY show over the same filter. Per show, the figures are the
 * board's: the latest stats (by seq) and the rollups' peak online.
 */
import type Database from 'better-sqlite3';
import type { PeriodReport, PeriodShowRow } from '../../../shared/api/report.js';
import { REPLY_TARGET_MS } from '../../../shared/api/replies.js';
import { conversionRate, type StatsCounters } from '../../../shared/metrics/formulas.js';
import { PERIOD_SHOW_IDS, PERIOD_SHOWS_WHERE, type ShowFilter } from './show-filter.js';

interface ShowFiguresRow {
  id: string;
  title: string;
  room_id: string;
  room_title: string;
  started_at: number;
  first_ts: number | null;
  last_ts: number | null;
  counters: string | null;
  peak: number | null;
  comments: number;
}

interface QuestionCountsRow {
  show_id: string;
  questions: number;
  answered: number;
  faq_uses: number;
}

function parseCounters(json: string | null): StatsCounters | null {
  if (json === null) return null;
  try {
    return JSON.parse(json) as StatsCounters;
  } catch {
    return null;
  }
}

/** Every show of the period, oldest first; incidents per show come from the caller. */
export function periodShowRows(
  db: Database.Database,
  filter: ShowFilter,
  incidentsPerShow: ReadonlyMap<string, number>,
): PeriodShowRow[] {
  const shows = db
    .prepare<[ShowFilter], ShowFiguresRow>(
      `SELECT sh.id, sh.title, sh.room_id, sh.room_title, sh.started_at,
         (SELECT min(ts) FROM stats WHERE show_id = sh.id) AS first_ts,
         (SELECT max(ts) FROM stats WHERE show_id = sh.id) AS last_ts,
         (SELECT counters FROM stats WHERE show_id = sh.id ORDER BY seq DESC LIMIT 1) AS counters,
         (SELECT max(online_max) FROM minute_rollups WHERE show_id = sh.id) AS peak,
         (SELECT coalesce(sum(comments), 0) FROM minute_rollups WHERE show_id = sh.id) AS comments
       FROM shows sh WHERE ${PERIOD_SHOWS_WHERE} ORDER BY sh.started_at, sh.id`,
    )
    .all(filter);
  // Dismissed questions leave the count, as in the reply KPIs.
  const questions = new Map(
    db
      .prepare<[ShowFilter], QuestionCountsRow>(
        // Counts from the groups' running totals; FAQ uses from the answered questions alone.
        `SELECT show_id, sum(total - dismissed) AS questions, sum(answered) AS answered,
           (SELECT count(*) FROM questions q WHERE q.show_id = g.show_id AND q.state = 'answered'
              AND q.answered_faq IS NOT NULL) AS faq_uses
         FROM question_groups g WHERE show_id IN (${PERIOD_SHOW_IDS}) GROUP BY show_id`,
      )
      .all(filter)
      .map((r) => [r.show_id, r]),
  );
  const alerts = new Map(
    db
      .prepare<[ShowFilter], { show_id: string; n: number }>(
        `SELECT show_id, count(*) AS n FROM alerts WHERE show_id IN (${PERIOD_SHOW_IDS}) GROUP BY show_id`,
      )
      .all(filter)
      .map((r) => [r.show_id, r.n]),
  );
  return shows.map((s) => {
    const c = parseCounters(s.counters);
    const q = questions.get(s.id);
    const first = s.first_ts ?? s.started_at;
    return {
      id: s.id,
      title: s.title,
      roomId: s.room_id,
      roomTitle: s.room_title,
      startedAt: s.started_at,
      durationMs: Math.max(0, (s.last_ts ?? first) - first),
      gmv: c?.gmv ?? 0,
      orders: c?.orders ?? 0,
      buyers: c?.buyers ?? 0,
      uv: c?.uv ?? 0,
      // As the board: the rollups' peak, or the latest reading if higher.
      peakOnline: Math.max(s.peak ?? 0, c?.online ?? 0),
      comments: s.comments,
      conversion: c ? conversionRate(c.buyers, c.uv) : null,
      questions: q?.questions ?? 0,
      answered: q?.answered ?? 0,
      faqUses: q?.faq_uses ?? 0,
      alerts: alerts.get(s.id) ?? 0,
      incidents: incidentsPerShow.get(s.id) ?? 0,
    };
  });
}

/**
 * Reply KPIs over every question of the period, with the per-show definitions (reply-kpis.ts):
 * dismissed questions leave the count; response = seen → answered, never negative; the median
 * is the ⌈n/2⌉-th smallest response of all answered questions.
 */
export function periodReplies(db: Database.Database, filter: ShowFilter): PeriodReport['replies'] {
  const RESPONSE = 'max(0, coalesce(answered_at, seen_at) - seen_at)';
  const totals = db
    .prepare<
      [ShowFilter & { target: number }],
      { questions: number | null; answered: number | null; within: number | null }
    >(
      `SELECT (SELECT sum(total - dismissed) FROM question_groups WHERE show_id IN (${PERIOD_SHOW_IDS})) AS questions,
         count(*) AS answered, sum(${RESPONSE} <= @target) AS within
       FROM questions WHERE show_id IN (${PERIOD_SHOW_IDS}) AND state = 'answered'`,
    )
    .get({ ...filter, target: REPLY_TARGET_MS });
  const questions = totals?.questions ?? 0;
  const answered = totals?.answered ?? 0;
  let medianResponseMs: number | null = null;
  if (answered > 0) {
    const rank = Math.max(1, Math.ceil(0.5 * answered));
    medianResponseMs =
      db
        .prepare<[ShowFilter & { offset: number }], { ms: number }>(
          `SELECT ${RESPONSE} AS ms FROM questions
           WHERE show_id IN (${PERIOD_SHOW_IDS}) AND state = 'answered' ORDER BY ms LIMIT 1 OFFSET @offset`,
        )
        .get({ ...filter, offset: rank - 1 })?.ms ?? null;
  }
  return {
    questions,
    resolutionRate: questions > 0 ? answered / questions : null,
    medianResponseMs,
    within30sRate: questions > 0 ? (totals?.within ?? 0) / questions : null,
  };
}
