/**
 * 环比: every scalar metric of a show against the previous show of the same room — the newest
 * show of that room that started before this one. Values are the boards as the shows ended.
 */
import type Database from 'better-sqlite3';
import type { MetricComparison, ShowReport } from '../../../shared/api/report.js';
import { METRIC_DEFINITIONS } from '../../../shared/metrics/definitions.js';
import { relativeChange, type MetricValues, type ScalarMetricKey } from '../../../shared/metrics/formulas.js';
import type { ShowRecord } from '../store/types.js';

/** Every metric but the traffic shares (a distribution has no single change), in board order. */
export const SCALAR_METRIC_KEYS: readonly ScalarMetricKey[] = METRIC_DEFINITIONS.flatMap((d) =>
  d.key === 'trafficShare' ? [] : [d.key],
);

export function previousShowOf(db: Database.Database, show: ShowRecord): ShowReport['previousShow'] {
  const row = db
    .prepare<[string, number], { id: string; title: string; started_at: number }>(
      `SELECT id, title, started_at FROM shows WHERE room_id = ? AND started_at < ?
       ORDER BY started_at DESC, id DESC LIMIT 1`,
    )
    .get(show.roomId, show.startedAt);
  return row ? { id: row.id, title: row.title, startedAt: row.started_at } : null;
}

/** change = (value − previous) ÷ previous; null when either is unknown or previous is 0. */
export function compareMetrics(
  current: MetricValues | null,
  previous: MetricValues | null,
): MetricComparison[] {
  return SCALAR_METRIC_KEYS.map((key) => {
    const value = current?.[key] ?? null;
    const before = previous?.[key] ?? null;
    return { key, value, previous: before, change: relativeChange(value, before) };
  });
}
