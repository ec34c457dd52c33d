/**
 * Live metrics: the latest cumulative snapshot plus ~10 minutes of history, so the board
 * can show windowed rates (last 5 min vs the 5 min before) and change vs 5 min ago.
 * All arithmetic is in shared/metrics (one definition of every formula).
 */
import type { MetricsReport } from '../../../shared/api/contract.js';
import { METRIC_DEFINITIONS } from '../../../shared/metrics/definitions.js';
import {
  computeMetrics,
  computeProductMetrics,
  computeWindowMetrics,
  relativeChange,
  type MetricValues,
  type ScalarMetricKey,
  type StatsCounters,
} from '../../../shared/metrics/formulas.js';
import type { ProductStats, StatsEvent } from '../../../shared/protocol/feed.js';

export const WINDOW_MINUTES = 5;
const WINDOW_MS = WINDOW_MINUTES * 60_000;

export class MetricsEngine {
  private showId: string | null = null;
  private latest: StatsCounters | null = null;
  private products: ProductStats[] = [];
  private peakOnline = 0;
  private readonly productNames = new Map<string, string>();
  /** Snapshots in ts order (with the peak as it stood then), pruned to a little over two windows. */
  private history: { c: StatsCounters; peak: number }[] = [];
  private cached: MetricsReport | null = null;
  /** Bumped on every change, so hosts can tell whether to push an update. */
  version = 0;

  /** Starts a show, optionally restoring history read back from the store after a restart. */
  reset(
    showId: string,
    restored?: {
      history: StatsCounters[];
      peakOnline: number;
      products: ProductStats[];
      productNames?: ReadonlyMap<string, string>;
      /** Peak online before the first restored snapshot; each snapshot's peak is the running max from it. */
      peakBeforeHistory?: number;
    },
  ): void {
    this.showId = showId;
    this.productNames.clear();
    for (const [id, name] of restored?.productNames ?? []) this.productNames.set(id, name);
    this.peakOnline = restored?.peakOnline ?? 0;
    let running = restored?.peakBeforeHistory ?? this.peakOnline;
    this.history = (restored?.history ?? []).map((c) => {
      running = Math.max(running, c.online);
      return { c, peak: running };
    });
    this.latest = this.history.at(-1)?.c ?? null;
    this.products = restored?.products ?? [];
    this.cached = null;
    this.version++;
  }

  /** Earliest ts this engine needs history from, to restore after a restart. */
  static historyNeededSince(latestTs: number): number {
    return latestTs - 2 * WINDOW_MS - 60_000;
  }

  /** Product names arrive with `product` events; the funnel table shows them. */
  nameProduct(id: string, name: string): void {
    if (this.productNames.get(id) === name) return;
    this.productNames.set(id, name);
    this.cached = null;
    this.version++;
  }

  onStats(stats: StatsEvent): void {
    const { seq: _seq, products, ...counters } = stats;
    // Stats out of time order (a replayed old snapshot) must not move "now" backwards.
    if (this.latest && counters.ts < this.latest.ts) return;
    this.latest = counters;
    if (products) this.products = products;
    this.peakOnline = Math.max(this.peakOnline, counters.online);
    this.history.push({ c: counters, peak: this.peakOnline });
    const keepFrom = MetricsEngine.historyNeededSince(counters.ts);
    let drop = 0;
    while (drop < this.history.length && this.history[drop]!.c.ts < keepFrom) drop++;
    // Splice in chunks: cheaper than shifting one element per event.
    if (drop > 64) this.history.splice(0, drop);
    this.cached = null;
    this.version++;
  }

  /** The newest snapshot at or before `ts`, or null if history does not reach back that far. */
  private snapshotAt(ts: number): { c: StatsCounters; peak: number } | null {
    const h = this.history;
    if (h.length === 0 || h[0]!.c.ts > ts) return null;
    let lo = 0;
    let hi = h.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (h[mid]!.c.ts <= ts) lo = mid;
      else hi = mid - 1;
    }
    return h[lo]!;
  }

  report(): MetricsReport | null {
    if (this.cached) return this.cached;
    if (!this.latest || !this.showId) return null;
    const now = this.latest;
    const values = computeMetrics({ counters: now, peakOnline: this.peakOnline });
    const at5 = this.snapshotAt(now.ts - WINDOW_MS);
    const at10 = this.snapshotAt(now.ts - 2 * WINDOW_MS);
    const current = at5 ? computeWindowMetrics(at5.c, now) : null;
    const previous = at5 && at10 ? computeWindowMetrics(at10.c, at5.c) : null;
    const before = at5 ? computeMetrics({ counters: at5.c, peakOnline: at5.peak }) : null;
    this.cached = {
      showId: this.showId,
      at: now.ts,
      values,
      changes: changesOf(values, before, current, previous),
      window: { minutes: WINDOW_MINUTES, current, previous },
      products: this.products.map((p) => computeProductMetrics(p, this.productNames.get(p.id) ?? null)),
    };
    return this.cached;
  }
}

function changesOf(
  now: MetricValues,
  before: MetricValues | null,
  current: MetricValues | null,
  previous: MetricValues | null,
): Partial<Record<ScalarMetricKey, number | null>> {
  const changes: Partial<Record<ScalarMetricKey, number | null>> = {};
  for (const def of METRIC_DEFINITIONS) {
    if (def.key === 'trafficShare') continue;
    const key = def.key;
    if (def.kind === 'gauge') {
      changes[key] = before ? relativeChange(now[key], before[key]) : null;
    } else {
      changes[key] = current && previous ? relativeChange(current[key], previous[key]) : null;
    }
  }
  return changes;
}
