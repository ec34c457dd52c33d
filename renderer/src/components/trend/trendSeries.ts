/**
 * The trend chart's series: what each plots from a TrendMinute, on which scale, how it is drawn
 * and how its values read. Pure data, so the chart, its legend and the big screen agree.
 */
import type { TrendMinute } from '../../../../shared/api/contract.js';
import { formatCount, formatMoney, formatPercent } from '../../../../shared/format.js';
import type { Locale, MessageKey } from '../../../../shared/i18n/messages.js';

export const TREND_SERIES_KEYS = ['online', 'gmv', 'comments', 'conversion'] as const;
export type TrendSeriesKey = (typeof TREND_SERIES_KEYS)[number];

/** Scales: online on the left axis, GMV on the right; the other two read from the legend. */
export type TrendScale = 'count' | 'money' | 'perMinute' | 'fraction';

export interface TrendSeriesDef {
  key: TrendSeriesKey;
  label: MessageKey;
  /** For a narrow chart's legend. */
  shortLabel: MessageKey;
  /** CSS variable holding the series colour (so both themes apply). */
  colorVar: string;
  scale: TrendScale;
  style: 'area' | 'bars' | 'line' | 'dashed';
  /**
   * Counts within the minute (GMV, comments): the newest minute is still filling, so at rest the
   * legend shows the last complete one (as the board's comment-rate tile does).
   */
  perMinute: boolean;
  value(minute: TrendMinute): number | null;
  format(value: number | null, locale: Locale): string;
}

export const TREND_SERIES: Record<TrendSeriesKey, TrendSeriesDef> = {
  online: {
    key: 'online',
    label: 'trend.series.online',
    shortLabel: 'trend.short.online',
    colorVar: '--trend-online',
    scale: 'count',
    style: 'area',
    perMinute: false,
    value: (m) => m.online,
    format: (v, locale) => formatCount(v, locale),
  },
  gmv: {
    key: 'gmv',
    label: 'trend.series.gmv',
    shortLabel: 'trend.short.gmv',
    colorVar: '--trend-gmv',
    scale: 'money',
    style: 'bars',
    perMinute: true,
    value: (m) => m.gmv,
    // Compact like the axis ("¥6,043", "¥1.2万"): the legend has little room.
    format: (v, locale) => (v === null ? formatMoney(null, locale) : formatAxisValue('money', v, locale)),
  },
  comments: {
    key: 'comments',
    label: 'trend.series.comments',
    shortLabel: 'trend.short.comments',
    colorVar: '--trend-comments',
    scale: 'perMinute',
    style: 'line',
    perMinute: true,
    value: (m) => m.comments,
    format: (v, locale) => formatCount(v, locale),
  },
  conversion: {
    key: 'conversion',
    label: 'trend.series.conversion',
    shortLabel: 'trend.short.conversion',
    colorVar: '--trend-conversion',
    scale: 'fraction',
    style: 'dashed',
    perMinute: false,
    value: (m) => m.conversion5m,
    format: (v) => formatPercent(v),
  },
};

/** Columnar data as uPlot wants it: x in seconds, then one array per series. */
export type TrendColumns = [number[], ...(number | null)[][]];

export function trendColumns(minutes: readonly TrendMinute[], keys: readonly TrendSeriesKey[]): TrendColumns {
  const xs = new Array<number>(minutes.length);
  const columns = keys.map(() => new Array<number | null>(minutes.length));
  for (let i = 0; i < minutes.length; i++) {
    const minute = minutes[i]!;
    xs[i] = minute.minute / 1000;
    for (let k = 0; k < keys.length; k++) columns[k]![i] = TREND_SERIES[keys[k]!].value(minute);
  }
  return [xs, ...columns];
}

/** Compact axis ticks: "1.2万" / "12.3K"; money as "¥1.2万" (cents in, yuan shown). */
export function formatAxisValue(scale: TrendScale, value: number, locale: Locale): string {
  switch (scale) {
    case 'money':
      return `¥${formatCount(value / 100, locale)}`;
    case 'fraction':
      return formatPercent(value, 1);
    default:
      return formatCount(value, locale);
  }
}
