/**
 * What an incident cost, measured from the show's per-minute rollups, on the feed clock:
 *
 * - before: the 5 whole minutes before the minute of detection (feedTs);
 * - during: the minute of detection through the minute of resolution (or of now);
 * - after:  the 5 minutes after the minute of resolution (those stored so far; null until one is).
 *
 * The feed time of resolution is feedTs + the incident's duration (monotonic while the app kept
 * running): the wall clock is mapped to the feed clock by the offset at detection, so a wall
 * clock changed mid-incident does not move it. Online: the mean of each minute's last reading
 * (before / after) and the lowest reading (during). Rates: comments and GMV (cents) per minute
 * over the minutes that have a rollup. The store sums each window in SQL: three indexed range
 * aggregates per incident, however long it lasts.
 */
import type { IncidentImpact } from '../../../shared/api/operations.js';
import type { MinuteRollup } from '../store/types.js';

export const MINUTE = 60_000;
export const IMPACT_WINDOW_MINUTES = 5;

export interface ImpactSpan {
  /** Feed time of detection. */
  feedTs: number;
  /** Feed time of resolution, or of now while unresolved. */
  endFeedTs: number;
  resolved: boolean;
}

/** What the impact needs of a run of minutes (SQL aggregates in the store, or totalsOf in memory). */
export interface WindowTotals {
  /** Minutes that have a rollup. */
  minutes: number;
  comments: number;
  gmv: number;
  /** Lowest online reading. */
  onlineLowest: number | null;
  /** Mean of each minute's last online reading. */
  onlineMean: number | null;
}

/** Inclusive [first, last] minute starts. */
export type MinuteWindow = readonly [first: number, last: number];

const minuteOf = (ts: number) => Math.floor(ts / MINUTE) * MINUTE;

export function impactWindows(span: ImpactSpan): {
  before: MinuteWindow;
  during: MinuteWindow;
  after: MinuteWindow | null;
} {
  const start = minuteOf(span.feedTs);
  const end = Math.max(start, minuteOf(span.endFeedTs));
  const window = IMPACT_WINDOW_MINUTES * MINUTE;
  return {
    before: [start - window, start - MINUTE],
    during: [start, end],
    after: span.resolved ? [end + MINUTE, end + window] : null,
  };
}

export function totalsOf(rows: readonly MinuteRollup[], [first, last]: MinuteWindow): WindowTotals {
  const inside = rows.filter((r) => r.minute >= first && r.minute <= last);
  const lows = inside.flatMap((r) => (r.onlineMin === null ? [] : [r.onlineMin]));
  const lasts = inside.flatMap((r) => (r.onlineLast === null ? [] : [r.onlineLast]));
  return {
    minutes: inside.length,
    comments: inside.reduce((sum, r) => sum + r.comments, 0),
    gmv: inside.reduce((sum, r) => sum + r.gmv, 0),
    onlineLowest: lows.length === 0 ? null : Math.min(...lows),
    onlineMean: lasts.length === 0 ? null : lasts.reduce((a, b) => a + b, 0) / lasts.length,
  };
}

const round = (value: number | null, digits = 0): number | null =>
  value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits;
const perMinute = (t: WindowTotals, total: number, digits: number) =>
  t.minutes === 0 ? null : round(total / t.minutes, digits);

export function impactFrom(
  before: WindowTotals,
  during: WindowTotals,
  after: WindowTotals | null,
): IncidentImpact {
  return {
    onlineBefore: round(before.onlineMean),
    onlineLowest: during.onlineLowest,
    onlineAfter: round(after?.onlineMean ?? null),
    commentsPerMinBefore: perMinute(before, before.comments, 1),
    commentsPerMinDuring: perMinute(during, during.comments, 1),
    gmvPerMinBefore: perMinute(before, before.gmv, 0),
    gmvPerMinDuring: perMinute(during, during.gmv, 0),
  };
}

/** The impact from rows in memory (the store answers the same from SQL aggregates). */
export function computeImpact(rows: readonly MinuteRollup[], span: ImpactSpan): IncidentImpact {
  const w = impactWindows(span);
  return impactFrom(totalsOf(rows, w.before), totalsOf(rows, w.during), w.after && totalsOf(rows, w.after));
}
