import type { Locale } from '../../../shared/i18n/messages.js';
import type { MetricUnit } from '../../../shared/metrics/definitions.js';
import { formatCount, formatMoney, formatPercent, formatSeconds, NO_DATA } from '../../../shared/format.js';

/** One scalar metric value, shown the way its unit asks; null (unknown) is "—". */
export function formatMetricValue(unit: MetricUnit, value: number | null, locale: Locale): string {
  switch (unit) {
    case 'count':
      return formatCount(value, locale);
    case 'cents':
      return formatMoney(value, locale);
    case 'fraction':
      return formatPercent(value);
    case 'seconds':
      return formatSeconds(value, locale);
    case 'shares':
      return NO_DATA;
  }
}
