/**
 * What the comparison lines up: the same metrics for two shows and the relative difference
 * (this vs the other), plus the length of each show and its average comment rate.
 */
import type { ShowBoard } from '../../../../shared/api/contract.js';
import {
  METRIC_DEFINITIONS,
  TRAFFIC_SOURCES,
  type MetricUnit,
} from '../../../../shared/metrics/definitions.js';
import { relativeChange, type ScalarMetricKey } from '../../../../shared/metrics/formulas.js';
import { showDurationMs } from './showFacts.js';

/** Sales first, then audience, then engagement; live-only gauges (online) and imports are left out. */
export const COMPARED_METRICS: readonly ScalarMetricKey[] = [
  'gmv',
  'orders',
  'buyers',
  'conversionRate',
  'aov',
  'gpm',
  'uvValue',
  'clickToPay',
  'productCtr',
  'peakOnline',
  'pv',
  'uv',
  'avgWatchSec',
  'retention1m',
  'interactionRate',
  'followRate',
  'newFollowers',
  'fanClubJoins',
  'comments',
  'likes',
  'shares',
];

export type CompareKey = ScalarMetricKey | 'duration' | 'commentsPerMin';

export interface CompareRow {
  key: CompareKey;
  unit: MetricUnit | 'duration' | 'perMinute';
  value: number | null;
  other: number | null;
  /** (value − other) ÷ other; null when unknown or other is 0. */
  diff: number | null;
}

const UNITS = new Map<string, MetricUnit>(METRIC_DEFINITIONS.map((d) => [d.key, d.unit]));

function durationOf(board: ShowBoard): number | null {
  return showDurationMs(board.show, board.metrics?.at ?? null);
}

function commentsPerMinute(board: ShowBoard): number | null {
  const duration = durationOf(board);
  if (!board.metrics || !duration) return null;
  return board.metrics.values.comments / (duration / 60_000);
}

function row(
  key: CompareKey,
  unit: CompareRow['unit'],
  value: number | null,
  other: number | null,
): CompareRow {
  return { key, unit, value, other, diff: relativeChange(value, other) };
}

export function compareRows(board: ShowBoard, other: ShowBoard | null): CompareRow[] {
  const rows = COMPARED_METRICS.map((key) =>
    row(
      key,
      UNITS.get(key) ?? 'count',
      board.metrics ? board.metrics.values[key] : null,
      other?.metrics ? other.metrics.values[key] : null,
    ),
  );
  rows.push(row('duration', 'duration', durationOf(board), other ? durationOf(other) : null));
  rows.push(
    row('commentsPerMin', 'perMinute', commentsPerMinute(board), other ? commentsPerMinute(other) : null),
  );
  return rows;
}

export interface TrafficCompareRow {
  source: string;
  share: number | null;
  other: number | null;
  /** Difference in percentage points (fractions: 0.021 = +2.1 pp). */
  diff: number | null;
}

export function compareTraffic(board: ShowBoard, other: ShowBoard | null): TrafficCompareRow[] {
  const a = board.metrics?.values.trafficShare ?? {};
  const b = other?.metrics?.values.trafficShare ?? {};
  const present = new Set([...Object.keys(a), ...Object.keys(b)]);
  const known: readonly string[] = TRAFFIC_SOURCES;
  const sources = [
    ...TRAFFIC_SOURCES.filter((s) => present.has(s)),
    ...[...present].filter((s) => !known.includes(s)),
  ];
  return sources.map((source) => {
    const share = a[source] ?? (board.metrics ? 0 : null);
    const otherShare = b[source] ?? (other?.metrics ? 0 : null);
    return {
      source,
      share,
      other: otherShare,
      diff: share === null || otherShare === null ? null : share - otherShare,
    };
  });
}
