/**
 * The plain figures of a show's report that need no engine: when it ran (first and last stats,
 * feed clock), traffic sources from the final counters, the funnel table by GMV, and the comment
 * totals from the rollups (the stored comments, counted as they were written: no scan of the
 * comments table).
 */
import type Database from 'better-sqlite3';
import type { TrendMinute } from '../../../shared/api/contract.js';
import type { Peak, ShowReport, TrafficRow } from '../../../shared/api/report.js';
import { ratio, type ProductMetrics, type StatsCounters } from '../../../shared/metrics/formulas.js';
import type { ShowRecord } from '../store/types.js';

export interface ShowSpan {
  startAt: number;
  endAt: number;
  durationMs: number;
}

/**
 * First and last stats on the feed clock (two indexed look-ups). Without stats: the show's own
 * start and end (or start), so a show that never sent stats reads as 0 long, not negative.
 */
export function showSpan(db: Database.Database, show: ShowRecord): ShowSpan {
  const row = db
    .prepare<[{ id: string }], { first: number | null; last: number | null }>(
      `SELECT (SELECT min(ts) FROM stats WHERE show_id = @id) AS first,
              (SELECT max(ts) FROM stats WHERE show_id = @id) AS last`,
    )
    .get({ id: show.id });
  const startAt = row?.first ?? show.startedAt;
  const endAt = row?.last ?? show.endedAt ?? show.startedAt;
  return { startAt, endAt: Math.max(startAt, endAt), durationMs: Math.max(0, endAt - startAt) };
}

/** uv per source from the final counters, most viewers first; share = source uv ÷ uv. */
export function trafficRows(counters: StatsCounters | null): TrafficRow[] {
  if (!counters?.traffic) return [];
  return Object.entries(counters.traffic)
    .map(([source, uv]) => ({ source, uv, share: ratio(uv, counters.uv) ?? 0 }))
    .sort((a, b) => b.uv - a.uv || a.source.localeCompare(b.source));
}

/** Highest GMV first; equal GMV in id order (stable across runs). */
export function productsByGmv(products: readonly ProductMetrics[]): ProductMetrics[] {
  return [...products].sort((a, b) => b.gmv - a.gmv || a.id.localeCompare(b.id));
}

/** Total stored comments, the average per minute that had stats, and the busiest minute. */
export function commentFigures(minutes: readonly TrendMinute[], peak: Peak | null): ShowReport['comments'] {
  let total = 0;
  let withStats = 0;
  for (const m of minutes) {
    total += m.comments;
    if (m.values !== null) withStats++;
  }
  return { total, perMinuteAvg: withStats === 0 ? null : total / withStats, peakPerMin: peak };
}
