/**
 * Typed values of the report's document model: each keeps its raw number (cents, fraction, ms)
 * and its kind, so Markdown/Word show text ("¥12.35万", "2.88%", "3小时12分", "20:13") and
 * Excel writes a real number with a number format — from the same value.
 */
import { formatChange, formatCount, formatMoney, formatPercent, NO_DATA } from '../../../../shared/format.js';

export type Value =
  | { kind: 'text'; value: string }
  /** Cents. */
  | { kind: 'money'; value: number | null }
  /** A fraction (0.0288 → 2.88%). */
  | { kind: 'percent'; value: number | null }
  /** A signed relative change (0.123 → +12.3%). */
  | { kind: 'change'; value: number | null }
  /** A whole count (large ones as 万/亿 in text). */
  | { kind: 'count'; value: number | null }
  /** A plain number with fixed decimals (an average per minute). */
  | { kind: 'number'; value: number | null; digits: number }
  /** Milliseconds. */
  | { kind: 'duration'; value: number | null }
  /** A moment, ms since epoch, shown as local HH:mm. */
  | { kind: 'time'; value: number | null }
  /** A moment, ms since epoch, shown as local YYYY-MM-DD HH:mm. */
  | { kind: 'datetime'; value: number | null };

export type ValueKind = Value['kind'];

/** Unknown, NaN and ±Infinity are all "unknown": never shown as NaN. */
const known = (n: number | null | undefined): number | null =>
  n === null || n === undefined || !Number.isFinite(n) ? null : n;

export const text = (value: string | null | undefined): Value => ({ kind: 'text', value: value ?? '' });
export const money = (cents: number | null | undefined): Value => ({ kind: 'money', value: known(cents) });
export const percent = (f: number | null | undefined): Value => ({ kind: 'percent', value: known(f) });
export const change = (f: number | null | undefined): Value => ({ kind: 'change', value: known(f) });
export const count = (n: number | null | undefined): Value => ({ kind: 'count', value: known(n) });
export const decimal = (n: number | null | undefined, digits = 1): Value => ({
  kind: 'number',
  value: known(n),
  digits,
});
export const duration = (ms: number | null | undefined): Value => ({ kind: 'duration', value: known(ms) });
export const time = (ms: number | null | undefined): Value => ({ kind: 'time', value: known(ms) });
export const datetime = (ms: number | null | undefined): Value => ({ kind: 'datetime', value: known(ms) });

const pad = (n: number) => String(n).padStart(2, '0');

/** "2026-11-23" in local time. */
export function localDay(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** "20:13" in local time. */
export function localTime(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** "2026-11-23 20:13" in local time. */
export function localDateTime(ms: number): string {
  return `${localDay(ms)} ${localTime(ms)}`;
}

/**
 * A duration the way a work summary says it: "3小时12分", "12分5秒", "25秒", "4.2秒" (one
 * decimal under 10 s, where reply times live).
 */
export function formatDuration(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return NO_DATA;
  const abs = Math.max(0, ms);
  if (abs < 10_000) return `${trimDecimal(abs / 1000)}秒`;
  const totalSec = Math.round(abs / 1000);
  const h = Math.floor(totalSec / 3600);
  const m = Math.floor((totalSec % 3600) / 60);
  const s = totalSec % 60;
  if (h > 0) return m > 0 ? `${h}小时${m}分` : `${h}小时`;
  if (m > 0) return s > 0 ? `${m}分${s}秒` : `${m}分`;
  return `${s}秒`;
}

function trimDecimal(n: number): string {
  return n.toFixed(1).replace(/\.0$/, '');
}

/** The value as text for Markdown and Word ("—" when unknown). */
export function formatValue(v: Value): string {
  switch (v.kind) {
    case 'text':
      return v.value;
    case 'money':
      return formatMoney(v.value);
    case 'percent':
      return formatPercent(v.value);
    case 'change':
      return formatChange(v.value);
    case 'count':
      return formatCount(v.value);
    case 'number':
      return v.value === null
        ? NO_DATA
        : v.value.toLocaleString('en-US', {
            minimumFractionDigits: v.digits,
            maximumFractionDigits: v.digits,
          });
    case 'duration':
      return formatDuration(v.value);
    case 'time':
      return v.value === null ? NO_DATA : localTime(v.value);
    case 'datetime':
      return v.value === null ? NO_DATA : localDateTime(v.value);
  }
}

/** A key-value's value as text: "1,012条/分（21:03）"; no unit after an unknown value. */
export function keyValueText(row: { value: Value; unit?: string; note?: string }): string {
  const value = formatValue(row.value);
  const unit = row.unit && value !== NO_DATA ? row.unit : '';
  return `${value}${unit}${row.note ? `（${row.note}）` : ''}`;
}
