/**
 * Figures derived from a show's per-minute trend: each tile's show-long sparkline, and the
 * comment rate (comments per minute).
 */
import type { TrendMinute } from '../../../../shared/api/contract.js';
import type { ScalarMetricKey } from '../../../../shared/metrics/formulas.js';
import { relativeChange } from '../../../../shared/metrics/formulas.js';

const MINUTE_MS = 60_000;

/**
 * The metric's cumulative value at the end of each minute of the show, then the newest figure
 * (replacing the minute it falls in), so the line's end moves with every update, not every 10 s.
 */
export function showSeries(
  minutes: readonly TrendMinute[],
  key: ScalarMetricKey,
  latest: { at: number; value: number | null } | null,
): number[] {
  const points: number[] = [];
  let lastMinute: number | null = null;
  for (const m of minutes) {
    const value = m.values?.[key];
    if (typeof value === 'number' && Number.isFinite(value)) {
      points.push(value);
      lastMinute = m.minute;
    }
  }
  if (latest && latest.value !== null && Number.isFinite(latest.value)) {
    if (lastMinute !== null && latest.at < lastMinute) return points;
    if (lastMinute !== null && latest.at < lastMinute + MINUTE_MS) points[points.length - 1] = latest.value;
    else points.push(latest.value);
  }
  return points;
}

export interface CommentRate {
  /** Comments in the last complete minute. */
  perMinute: number | null;
  /** vs the minute five minutes before it. */
  change: number | null;
  /** Comments per complete minute over the show. */
  series: number[];
}

/**
 * Comments per minute from the trend. The newest minute in the trend is still filling (or, for
 * an ended show, cut short by the end), so the rate is the one before it.
 */
export function commentRateFromTrend(minutes: readonly TrendMinute[]): CommentRate {
  const complete = minutes.slice(0, -1);
  const last = complete.at(-1);
  if (!last) return { perMinute: null, change: null, series: [] };
  const before = complete.find((m) => m.minute === last.minute - 5 * MINUTE_MS);
  return {
    perMinute: last.comments,
    change: before ? relativeChange(last.comments, before.comments) : null,
    series: complete.map((m) => m.comments),
  };
}
