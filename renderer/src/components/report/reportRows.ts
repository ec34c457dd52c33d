/**
 * The report's figures as table rows: formatted the way the board formats them (万 in Chinese,
 * K/M in English, money from cents), with the exact figure kept for the tooltip, and the
 * direction of a change read as good or bad for that metric. Pure, so every rule is tested.
 */
import type { IncidentView } from '../../../../shared/api/operations.js';
import type {
  MetricComparison,
  Peak,
  PeriodShowRow,
  ShowReport,
  TrafficRow,
} from '../../../../shared/api/report.js';
import {
  formatChange,
  formatCount,
  formatMetricValue,
  formatMoney,
  formatPercent,
  NO_DATA,
} from '../../../../shared/format.js';
import type { Locale, MessageKey } from '../../../../shared/i18n/messages.js';
import { METRIC_DEFINITIONS, type MetricUnit } from '../../../../shared/metrics/definitions.js';
import type { MetricValues, ProductMetrics, ScalarMetricKey } from '../../../../shared/metrics/formulas.js';
import { TARGET_KEYS, type ShowTargets, type TargetKey } from '../../../../shared/metrics/targets.js';

export type Tone = 'good' | 'bad' | 'neutral';

const pad2 = (n: number) => String(n).padStart(2, '0');

/** ms → local "20:15". */
export function clockTime(ts: number): string {
  const d = new Date(ts);
  if (Number.isNaN(d.getTime())) return NO_DATA;
  return `${pad2(d.getHours())}:${pad2(d.getMinutes())}`;
}

/** ms → local "2026-11-23 20:15". */
export function dateTime(ts: number): string {
  const d = new Date(ts);
  if (Number.isNaN(d.getTime())) return NO_DATA;
  return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())} ${clockTime(ts)}`;
}

/** A length of time as a reader says it: "3小时05分" / "3h 05m", "4分20秒" / "4m 20s", "9秒" / "9s". */
export function formatSpan(ms: number | null, locale: Locale): string {
  if (ms === null || !Number.isFinite(ms) || ms < 0) return NO_DATA;
  const total = Math.round(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const zh = locale === 'zh-CN';
  if (h > 0) return zh ? `${h}小时${pad2(m)}分` : `${h}h ${pad2(m)}m`;
  if (m > 0) return zh ? `${m}分${pad2(s)}秒` : `${m}m ${pad2(s)}s`;
  return zh ? `${s}秒` : `${s}s`;
}

/** Hours with one decimal ("12.5"). */
export function formatHours(hours: number | null): string {
  if (hours === null || !Number.isFinite(hours)) return NO_DATA;
  return (Math.round(hours * 10) / 10).toFixed(1);
}

/** A rate per minute: one decimal while small (0.2 per minute is not 0), whole from 10 on. */
export function formatRate(value: number | null, locale: Locale): string {
  if (value === null || !Number.isFinite(value)) return NO_DATA;
  return value < 10 ? value.toFixed(1) : formatCount(Math.round(value), locale);
}

/** The figure without 万 or K, for the tooltip: "123,456" or "¥1,234,567.80". */
export function exactFigure(unit: MetricUnit, value: number | null): string | null {
  if (value === null || !Number.isFinite(value)) return null;
  if (unit === 'count') return Math.round(value).toLocaleString('en-US');
  if (unit === 'cents') {
    const yuan = (value / 100).toLocaleString('en-US', {
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    });
    return `¥${yuan}`;
  }
  return null;
}

const UNIT_OF = new Map(METRIC_DEFINITIONS.map((d) => [d.key, d.unit]));
/** A rise is bad news for these. */
const LOWER_IS_BETTER: ReadonlySet<ScalarMetricKey> = new Set(['returnRate']);

export function unitOf(key: ScalarMetricKey): MetricUnit {
  return UNIT_OF.get(key) ?? 'count';
}

export function formatMetric(key: ScalarMetricKey, value: number | null, locale: Locale): string {
  return formatMetricValue(unitOf(key), value, locale);
}

export function changeTone(key: ScalarMetricKey, change: number | null): Tone {
  if (change === null || !Number.isFinite(change) || change === 0) return 'neutral';
  const up = change > 0;
  return up !== LOWER_IS_BETTER.has(key) ? 'good' : 'bad';
}

export interface MetricRow {
  key: ScalarMetricKey;
  label: MessageKey;
  value: string;
  /** The unabbreviated figure (tooltip), when it differs in kind from the shown one. */
  exact: string | null;
  previous: string;
  change: string;
  tone: Tone;
}

/** Every metric the report compares, in the board's order (DOMAIN.md), traffic sources aside. */
export function metricRows(comparisons: readonly MetricComparison[], locale: Locale): MetricRow[] {
  const byKey = new Map(comparisons.map((c) => [c.key, c]));
  const rows: MetricRow[] = [];
  for (const def of METRIC_DEFINITIONS) {
    if (def.key === 'trafficShare') continue;
    const c = byKey.get(def.key);
    if (!c) continue;
    rows.push({
      key: c.key,
      label: `metric.${c.key}`,
      value: formatMetric(c.key, c.value, locale),
      exact: exactFigure(def.unit, c.value),
      previous: formatMetric(c.key, c.previous, locale),
      change: formatChange(c.change),
      tone: changeTone(c.key, c.change),
    });
  }
  return rows;
}

export interface TargetRow {
  key: TargetKey;
  label: MessageKey;
  target: string;
  actual: string;
  achieved: string;
  met: boolean;
}

/** The targets that were set, against the final figures. */
export function targetRows(targets: ShowTargets, final: MetricValues | null, locale: Locale): TargetRow[] {
  const rows: TargetRow[] = [];
  for (const key of TARGET_KEYS) {
    const target = targets[key];
    if (target === null || target <= 0) continue;
    const actual = final ? final[key] : null;
    const money = key === 'gmv';
    rows.push({
      key,
      label: `report.target.${key}`,
      target: money ? formatMoney(target, locale) : formatCount(target, locale),
      actual: money ? formatMoney(actual, locale) : formatCount(actual, locale),
      achieved: actual === null ? NO_DATA : formatPercent(actual / target, 1),
      met: actual !== null && actual >= target,
    });
  }
  return rows;
}

export interface PeakRow {
  key: keyof ShowReport['peaks'];
  label: MessageKey;
  value: string;
  at: string;
}

export function peakRows(peaks: ShowReport['peaks'], locale: Locale): PeakRow[] {
  const row = (key: keyof ShowReport['peaks'], peak: Peak | null, money: boolean): PeakRow => ({
    key,
    label: `report.peak.${key}`,
    value:
      peak === null ? NO_DATA : money ? formatMoney(peak.value, locale) : formatCount(peak.value, locale),
    at: peak === null ? NO_DATA : clockTime(peak.at),
  });
  return [
    row('online', peaks.online, false),
    row('commentsPerMin', peaks.commentsPerMin, false),
    row('gmvPerMin', peaks.gmvPerMin, true),
    row('ordersPerMin', peaks.ordersPerMin, false),
  ];
}

export interface TrafficDisplayRow {
  source: string;
  uv: string;
  share: string;
  /** 0…1, for the bar. */
  fraction: number;
}

/** Largest source first. */
export function trafficRows(traffic: readonly TrafficRow[], locale: Locale): TrafficDisplayRow[] {
  return [...traffic]
    .sort((a, b) => b.uv - a.uv)
    .map((r) => ({
      source: r.source,
      uv: formatCount(r.uv, locale),
      share: formatPercent(r.share, 1),
      fraction: Number.isFinite(r.share) ? Math.min(1, Math.max(0, r.share)) : 0,
    }));
}

export interface ProductRow {
  id: string;
  name: string;
  exposures: string;
  clicks: string;
  ctr: string;
  clickUsers: string;
  buyers: string;
  clickToPay: string;
  orders: string;
  gmv: string;
}

export function productRows(products: readonly ProductMetrics[], locale: Locale): ProductRow[] {
  return products.map((p) => ({
    id: p.id,
    name: p.name ?? p.id,
    exposures: formatCount(p.exposures, locale),
    clicks: formatCount(p.clicks, locale),
    ctr: formatPercent(p.ctr),
    clickUsers: formatCount(p.clickUsers, locale),
    buyers: formatCount(p.buyers, locale),
    clickToPay: formatPercent(p.clickToPay),
    orders: formatCount(p.orders, locale),
    gmv: formatMoney(p.gmv, locale),
  }));
}

/** Response and resolve times the way the incident log measures them (monotonic when known). */
export function incidentTimes(incident: IncidentView): {
  responseMs: number | null;
  resolveMs: number | null;
} {
  const responseMs =
    incident.respondedAt === null
      ? null
      : (incident.responseMs ?? Math.max(0, incident.respondedAt - incident.detectedAt));
  const resolveMs =
    incident.resolvedAt === null
      ? null
      : (incident.resolveMs ?? Math.max(0, incident.resolvedAt - incident.detectedAt));
  return { responseMs, resolveMs };
}

export interface ImpactParts {
  online: { before: string; lowest: string; after: string } | null;
  comments: { before: string; during: string } | null;
  gmv: { before: string; during: string } | null;
}

/** Only the measured parts of an incident's impact (a part with nothing known is left out). */
export function impactParts(impact: IncidentView['impact'], locale: Locale): ImpactParts {
  if (!impact) return { online: null, comments: null, gmv: null };
  const count = (n: number | null) => formatCount(n === null ? null : Math.round(n), locale);
  const known = (...values: (number | null)[]) => values.some((v) => v !== null);
  return {
    online: known(impact.onlineBefore, impact.onlineLowest, impact.onlineAfter)
      ? {
          before: count(impact.onlineBefore),
          lowest: count(impact.onlineLowest),
          after: count(impact.onlineAfter),
        }
      : null,
    comments: known(impact.commentsPerMinBefore, impact.commentsPerMinDuring)
      ? { before: count(impact.commentsPerMinBefore), during: count(impact.commentsPerMinDuring) }
      : null,
    gmv: known(impact.gmvPerMinBefore, impact.gmvPerMinDuring)
      ? {
          before: formatMoney(impact.gmvPerMinBefore, locale),
          during: formatMoney(impact.gmvPerMinDuring, locale),
        }
      : null,
  };
}

export function stepsDone(incident: Pick<IncidentView, 'steps'>): string {
  const done = incident.steps.filter((s) => s.doneAt !== null).length;
  return `${done}/${incident.steps.length}`;
}

export interface PeriodShowDisplayRow {
  id: string;
  date: string;
  title: string;
  room: string;
  duration: string;
  gmv: string;
  orders: string;
  uv: string;
  peakOnline: string;
  conversion: string;
  comments: string;
  answered: string;
  incidents: string;
}

export function periodShowRows(shows: readonly PeriodShowRow[], locale: Locale): PeriodShowDisplayRow[] {
  return shows.map((s) => ({
    id: s.id,
    date: dateTime(s.startedAt),
    title: s.title,
    room: s.roomTitle || s.roomId,
    duration: formatSpan(s.durationMs, locale),
    gmv: formatMoney(s.gmv, locale),
    orders: formatCount(s.orders, locale),
    uv: formatCount(s.uv, locale),
    peakOnline: formatCount(s.peakOnline, locale),
    conversion: formatPercent(s.conversion),
    comments: formatCount(s.comments, locale),
    answered: `${formatCount(s.answered, locale)}/${formatCount(s.questions, locale)}`,
    incidents: formatCount(s.incidents, locale),
  }));
}

/** Did a reply figure meet the 30 s target? null when unknown. */
export function withinTarget(ms: number | null, targetMs: number): boolean | null {
  return ms === null || !Number.isFinite(ms) ? null : ms <= targetMs;
}
