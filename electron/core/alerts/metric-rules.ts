/**
 * The metric checks, as pure functions of the recent stats: each returns the alert's message
 * (with its numbers) when the rule's condition holds, or null — also when there are too few
 * viewers (minOnline) or too little data to judge. Rates over a window come from counter deltas
 * (shared/metrics/formulas.ts, as the board's windows do), never from cumulative totals.
 */
import type { MetricRule } from '../../../shared/alerts/rules.js';
import { computeWindowMetrics, type StatsCounters } from '../../../shared/metrics/formulas.js';
import type { ShowTargets } from '../../../shared/metrics/targets.js';
import { count, money, pct, span } from './messages.js';
import type { StatsRing } from './stats-ring.js';

/**
 * Retention "now" is the 1-minute retention of the entries of the last 15 minutes. The cumulative
 * value barely moves after the first half hour (≤ 2 % over 30 min in the simulator), and a
 * 5-minute window swings 20–28 % with every 福袋 countdown; 15 minutes stays under 11 % on normal
 * shows, so a 15 % fall (seed 002) means viewers really leave sooner.
 */
export const RETENTION_WINDOW_MS = 15 * 60_000;
/** Conversion and GPM are not judged on fewer buyers / orders than this in the earlier window. */
export const MIN_WINDOW_EVENTS = 20;

export interface MetricContext {
  ring: StatsRing;
  targets: ShowTargets;
  /** When the show started (feed clock), for the GMV pace. */
  showStartedAt: number | null;
}

/** How far back a rule needs stats. */
export function historyNeededMs(rule: MetricRule): number {
  const w = rule.windowSec * 1000;
  switch (rule.check) {
    case 'onlineDrop':
    case 'gmvPaceBehind':
      return w;
    case 'retentionDrop':
      return w + RETENTION_WINDOW_MS;
    default:
      return 2 * w;
  }
}

const fell = (before: number, now: number, rule: MetricRule): number | null => {
  if (!(before > 0)) return null;
  const drop = (before - now) / before;
  return drop * 100 >= rule.dropPct ? drop : null;
};

export function evaluateMetricRule(rule: MetricRule, ctx: MetricContext): string | null {
  const now = ctx.ring.latest();
  if (!now) return null;
  switch (rule.check) {
    case 'onlineDrop':
      return onlineDrop(rule, ctx.ring, now);
    case 'commentRateCollapse':
      return commentRateCollapse(rule, ctx.ring, now);
    case 'retentionDrop':
      return retentionDrop(rule, ctx.ring, now);
    case 'conversionDrop':
    case 'gpmDrop':
      return windowDrop(rule, ctx.ring, now);
    case 'gmvPaceBehind':
      return gmvPaceBehind(rule, ctx, now);
  }
}

/** Online now against the most online within the window. */
function onlineDrop(rule: MetricRule, ring: StatsRing, now: StatsCounters): string | null {
  const peak = ring.maxOnlineSince(now.ts - rule.windowSec * 1000);
  if (!peak || peak.online < rule.minOnline) return null;
  const drop = fell(peak.online, now.online, rule);
  if (drop === null) return null;
  return `在线人数 ${span(rule.windowSec)}内下降 ${pct(drop)}（${count(peak.online)} → ${count(now.online)}）`;
}

/** The two windows [now − 2w, now − w] and [now − w, now], or null while the stats do not reach back. */
function windows(ring: StatsRing, now: StatsCounters, windowMs: number) {
  const mid = ring.at(now.ts - windowMs);
  const start = ring.at(now.ts - 2 * windowMs);
  if (!mid || !start || mid.ts <= start.ts || now.ts <= mid.ts) return null;
  return { start, mid };
}

const perMinute = (from: StatsCounters, to: StatsCounters) =>
  (Math.max(0, to.comments - from.comments) * 60_000) / (to.ts - from.ts);

function commentRateCollapse(rule: MetricRule, ring: StatsRing, now: StatsCounters): string | null {
  if (now.online < rule.minOnline) return null;
  const w = windows(ring, now, rule.windowSec * 1000);
  if (!w) return null;
  const before = perMinute(w.start, w.mid);
  const recent = perMinute(w.mid, now);
  const drop = fell(before, recent, rule);
  if (drop === null) return null;
  return `评论速度 ${span(rule.windowSec)}内下降 ${pct(drop)}（每分钟 ${count(before)} → ${count(recent)} 条，在线 ${count(now.online)} 人）`;
}

/** 1-minute retention of the 5 minutes up to `to`. */
function retentionAt(ring: StatsRing, to: StatsCounters): number | null {
  const from = ring.at(to.ts - RETENTION_WINDOW_MS);
  if (!from || from.ts >= to.ts) return null;
  return computeWindowMetrics(from, to).retention1m;
}

function retentionDrop(rule: MetricRule, ring: StatsRing, now: StatsCounters): string | null {
  if (now.online < rule.minOnline) return null;
  const then = ring.at(now.ts - rule.windowSec * 1000);
  if (!then) return null;
  const before = retentionAt(ring, then);
  const recent = retentionAt(ring, now);
  if (before === null || recent === null) return null;
  const drop = fell(before, recent, rule);
  if (drop === null) return null;
  return `1分钟留存 ${span(rule.windowSec)}内下降 ${pct(drop)}（${pct(before, 1)} → ${pct(recent, 1)}）`;
}

/** Conversion or GPM over the last window against the window before. */
function windowDrop(rule: MetricRule, ring: StatsRing, now: StatsCounters): string | null {
  if (now.online < rule.minOnline) return null;
  const w = windows(ring, now, rule.windowSec * 1000);
  if (!w) return null;
  const previous = computeWindowMetrics(w.start, w.mid);
  const current = computeWindowMetrics(w.mid, now);
  const label = `最近 ${span(rule.windowSec)}比前 ${span(rule.windowSec)}`;
  if (rule.check === 'conversionDrop') {
    if (previous.buyers < MIN_WINDOW_EVENTS || previous.conversionRate === null) return null;
    const drop = fell(previous.conversionRate, current.conversionRate ?? 0, rule);
    if (drop === null) return null;
    return `转化率 ${label}下降 ${pct(drop)}（${pct(previous.conversionRate, 2)} → ${pct(current.conversionRate ?? 0, 2)}）`;
  }
  if (previous.orders < MIN_WINDOW_EVENTS || previous.gpm === null) return null;
  const drop = fell(previous.gpm, current.gpm ?? 0, rule);
  if (drop === null) return null;
  return `GPM ${label}下降 ${pct(drop)}（${money(previous.gpm)} → ${money(current.gpm ?? 0)}）`;
}

/** GMV so far plus the last window's pace over the rest of the planned length, against the target. */
function gmvPaceBehind(rule: MetricRule, ctx: MetricContext, now: StatsCounters): string | null {
  const { gmv: target, plannedMinutes } = ctx.targets;
  if (target === null || plannedMinutes === null || ctx.showStartedAt === null) return null;
  if (now.online < rule.minOnline) return null;
  const windowMs = rule.windowSec * 1000;
  const elapsed = now.ts - ctx.showStartedAt;
  const planned = plannedMinutes * 60_000;
  if (elapsed < windowMs || elapsed >= planned) return null;
  const from = ctx.ring.at(now.ts - windowMs);
  if (!from || from.ts >= now.ts) return null;
  const pace = Math.max(0, now.gmv - from.gmv) / (now.ts - from.ts);
  const projected = now.gmv + pace * (planned - elapsed);
  const behind = fell(target, projected, rule);
  if (behind === null) return null;
  const minutes = `${count(elapsed / 60_000)}/${count(plannedMinutes)} 分钟`;
  return `按最近 ${span(rule.windowSec)}的节奏，预计成交 ${money(projected)}，落后目标 ${money(target)} ${pct(behind)}（已播 ${minutes}）`;
}
