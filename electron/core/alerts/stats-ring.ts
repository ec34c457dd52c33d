/**
 * Recent stats of the current show for the metric rules: bounded by time (the longest window the
 * enabled rules need, at most MAX_SPAN_MS) and by spacing (a feed sending stats ten times a
 * second keeps one per MIN_SPACING_MS, plus always the newest), so it never grows past
 * MAX_SPAN_MS ÷ MIN_SPACING_MS samples.
 */
import { COUNTER_KEYS, type StatsCounters } from '../../../shared/metrics/formulas.js';

export const MAX_SPAN_MS = 4 * 3600_000;
export const MIN_SPACING_MS = 250;

/**
 * The counters and gauges alone: a stats event also carries per-product and traffic tables, and
 * hours of them would be kept alive for nothing.
 */
export function slimStats(stats: StatsCounters): StatsCounters {
  const slim: StatsCounters = { ...pick(stats), ts: stats.ts, online: stats.online };
  if (stats.avgWatchSec !== undefined) slim.avgWatchSec = stats.avgWatchSec;
  return slim;
}

function pick(stats: StatsCounters): Omit<StatsCounters, 'ts' | 'online' | 'avgWatchSec' | 'traffic'> {
  const counters = {} as Record<(typeof COUNTER_KEYS)[number], number>;
  for (const key of COUNTER_KEYS) counters[key] = stats[key];
  return counters;
}

export class StatsRing {
  private samples: StatsCounters[] = [];
  private head = 0;

  constructor(private spanMs: number) {}

  /** How far back samples are kept (the rules changed). */
  setSpan(spanMs: number): void {
    this.spanMs = Math.min(MAX_SPAN_MS, Math.max(0, spanMs));
  }

  clear(): void {
    this.samples = [];
    this.head = 0;
  }

  get size(): number {
    return this.samples.length - this.head;
  }

  /** Adds a snapshot (slimmed); one older than the newest is ignored (the feed replayed an old one). */
  push(event: StatsCounters): boolean {
    const latest = this.latest();
    if (latest && event.ts < latest.ts) return false;
    const stats = slimStats(event);
    const previous = this.size >= 2 ? (this.samples[this.samples.length - 2] as StatsCounters) : null;
    // The newest was kept only for being the newest (too close to the one before): replace it.
    if (previous && latest && latest.ts - previous.ts < MIN_SPACING_MS)
      this.samples[this.samples.length - 1] = stats;
    else this.samples.push(stats);
    const keepFrom = stats.ts - this.spanMs;
    while (this.size > 2 && (this.samples[this.head + 1] as StatsCounters).ts <= keepFrom) this.head++;
    if (this.head > 512 && this.head * 2 > this.samples.length) {
      this.samples = this.samples.slice(this.head);
      this.head = 0;
    }
    return true;
  }

  latest(): StatsCounters | null {
    return this.size > 0 ? (this.samples[this.samples.length - 1] as StatsCounters) : null;
  }

  oldest(): StatsCounters | null {
    return this.size > 0 ? (this.samples[this.head] as StatsCounters) : null;
  }

  /** The newest snapshot at or before `ts`, or null when the ring does not reach back that far. */
  at(ts: number): StatsCounters | null {
    let lo = this.head;
    let hi = this.samples.length - 1;
    if (hi < lo || (this.samples[lo] as StatsCounters).ts > ts) return null;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.samples[mid] as StatsCounters).ts <= ts) lo = mid;
      else hi = mid - 1;
    }
    return this.samples[lo] as StatsCounters;
  }

  /** The snapshot with the most viewers online since `ts` (inclusive), or null. */
  maxOnlineSince(ts: number): StatsCounters | null {
    let best: StatsCounters | null = null;
    for (let i = this.samples.length - 1; i >= this.head; i--) {
      const s = this.samples[i] as StatsCounters;
      if (s.ts < ts) break;
      if (!best || s.online > best.online) best = s;
    }
    return best;
  }
}
