/**
 * Formatting at the edge: numbers are stored raw (cents, fractions, ms) and formatted only
 * for display. zh-CN uses 万/亿 for large counts; en uses K/M.
 */
import type { Locale } from './i18n/messages.js';
import type { MetricUnit } from './metrics/definitions.js';

export const NO_DATA = '—';

function trimmed(value: number, digits: number): string {
  return value.toFixed(digits).replace(/\.?0+$/, '');
}

/** 12,345 → "1.23万" (zh) / "12.3K" (en); small numbers with separators. */
export function formatCount(value: number | null, locale: Locale = 'zh-CN'): string {
  if (value === null || !Number.isFinite(value)) return NO_DATA;
  const abs = Math.abs(value);
  if (locale === 'zh-CN') {
    if (abs >= 1e8) return `${trimmed(value / 1e8, 2)}亿`;
    if (abs >= 1e4) return `${trimmed(value / 1e4, 2)}万`;
  } else {
    if (abs >= 1e9) return `${trimmed(value / 1e9, 2)}B`;
    if (abs >= 1e6) return `${trimmed(value / 1e6, 2)}M`;
    if (abs >= 1e4) return `${trimmed(value / 1e3, 1)}K`;
  }
  return Math.round(value).toLocaleString('en-US');
}

/** Cents → "¥1,234.50"; large amounts "¥12.35万" (zh) / "¥123.5K" (en). */
export function formatMoney(cents: number | null, locale: Locale = 'zh-CN'): string {
  if (cents === null || !Number.isFinite(cents)) return NO_DATA;
  const yuan = cents / 100;
  const abs = Math.abs(yuan);
  if (locale === 'zh-CN' && abs >= 1e8) return `¥${(yuan / 1e8).toFixed(2)}亿`;
  if (locale === 'zh-CN' && abs >= 1e5) return `¥${(yuan / 1e4).toFixed(2)}万`;
  if (locale === 'en' && abs >= 1e6) return `¥${(yuan / 1e6).toFixed(2)}M`;
  return `¥${yuan.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** 0.0288 → "2.88%". */
export function formatPercent(fraction: number | null, digits = 2): string {
  if (fraction === null || !Number.isFinite(fraction)) return NO_DATA;
  return `${(fraction * 100).toFixed(digits)}%`;
}

/** Seconds → "3分25秒" / "3m 25s". */
export function formatSeconds(seconds: number | null, locale: Locale = 'zh-CN'): string {
  if (seconds === null || !Number.isFinite(seconds)) return NO_DATA;
  const s = Math.round(seconds);
  const m = Math.floor(s / 60);
  const rest = s % 60;
  if (locale === 'zh-CN') return m > 0 ? `${m}分${rest}秒` : `${rest}秒`;
  return m > 0 ? `${m}m ${rest}s` : `${rest}s`;
}

/** Duration in ms → "1:02:03". */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${h}:${pad(m)}:${pad(s)}`;
}

/** Signed relative change → "+12.3%" / "−4.0%"; null → "—". */
export function formatChange(change: number | null): string {
  if (change === null || !Number.isFinite(change)) return NO_DATA;
  const pct = (change * 100).toFixed(1);
  return change >= 0 ? `+${pct}%` : `−${pct.slice(1)}%`;
}

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
