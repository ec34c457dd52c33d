/**
 * Recent values of the headline metrics, sampled from each metrics report this window has seen,
 * for the tiles' sparklines. Client-side only: it starts empty when the window opens.
 */
import type { MetricsReport } from '../../../shared/api/contract.js';
import type { ScalarMetricKey } from '../../../shared/metrics/formulas.js';

export const HISTORY_POINTS = 180;

export type MetricHistory = Partial<Record<ScalarMetricKey, readonly number[]>>;

export interface HistoryState {
  at: number;
  series: MetricHistory;
}

export const emptyHistory: HistoryState = { at: 0, series: {} };

export function recordReport(
  history: HistoryState,
  report: MetricsReport,
  keys: readonly ScalarMetricKey[],
): HistoryState {
  if (report.at <= history.at) return history;
  const series: MetricHistory = { ...history.series };
  for (const key of keys) {
    const value = report.values[key];
    if (value === null) continue;
    const previous = series[key] ?? [];
    const next = previous.length >= HISTORY_POINTS ? previous.slice(1 - HISTORY_POINTS) : previous.slice();
    next.push(value);
    series[key] = next;
  }
  return { at: report.at, series };
}
