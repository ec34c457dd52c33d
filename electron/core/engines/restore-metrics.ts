/** Puts a show's metrics back into an engine from what the store kept (after a restart, or for history). */
import type { Store } from '../store/store.js';
import { MetricsEngine } from './metrics-engine.js';

export function restoreMetrics(engine: MetricsEngine, store: Store, showId: string): void {
  const latest = store.latestStats(showId);
  const since = latest ? MetricsEngine.historyNeededSince(latest.counters.ts) : 0;
  const history = latest ? store.statsSince(showId, since) : [];
  engine.reset(showId, {
    history,
    peakBeforeHistory: store.peakOnlineBefore(showId, history[0]?.ts ?? since),
    peakOnline: store.peakOnline(showId),
    products: latest?.products ?? [],
    productNames: store.productNames(showId),
  });
}
