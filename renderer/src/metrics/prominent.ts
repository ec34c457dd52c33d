import type { MetricKey, ScalarMetricKey } from '../../../shared/metrics/formulas.js';

/**
 * The metrics the assistant watches during a show (DOMAIN.md: the 8 core metrics, plus GMV),
 * drawn larger and with a trend line.
 */
export const PROMINENT_SCALARS: readonly ScalarMetricKey[] = [
  'online',
  'gmv',
  'conversionRate',
  'aov',
  'gpm',
  'interactionRate',
  'retention1m',
  'productCtr',
];

export function isProminent(key: MetricKey): boolean {
  return key === 'trafficShare' || (PROMINENT_SCALARS as readonly string[]).includes(key);
}
