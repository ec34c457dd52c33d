/** Past shows: the list, and any show's board as it stands (a finished show: as it ended). */
import type { ShowBoard, ShowInfo, ShowSummary } from '../../shared/api/contract.js';
import { NO_TARGETS } from '../../shared/metrics/targets.js';
import { MetricsEngine } from './engines/metrics-engine.js';
import { restoreMetrics } from './engines/restore-metrics.js';
import type { Store } from './store/store.js';
import type { ShowRecord } from './store/types.js';

export function showInfo({ lastSeq: _l, source: _s, ...info }: ShowRecord): ShowInfo {
  return info;
}

export function listShowSummaries(store: Store): ShowSummary[] {
  return store.listShows().map((show) => {
    const latest = store.latestStats(show.id)?.counters;
    return {
      ...showInfo(show),
      gmv: latest?.gmv ?? 0,
      orders: latest?.orders ?? 0,
      buyers: latest?.buyers ?? 0,
      uv: latest?.uv ?? 0,
      pv: latest?.pv ?? 0,
      peakOnline: store.peakOnline(show.id),
      comments: latest?.comments ?? 0,
      lastAt: latest?.ts ?? null,
    };
  });
}

/** Rebuilds a show's metrics from what the store kept (its last ~11 minutes of stats). */
export function showBoard(store: Store, showId: string): ShowBoard | null {
  const show = store.getShow(showId);
  if (!show) return null;
  const engine = new MetricsEngine();
  restoreMetrics(engine, store, showId);
  return { show: showInfo(show), metrics: engine.report(), targets: store.getTargets(showId) ?? NO_TARGETS };
}
