/**
 * A simulated show stored in a real data directory through the real ingest pipeline
 * (validation, dedupe, rollups, SQLite), without the clock: the deterministic ShowModel is
 * stepped as fast as it goes. Same options, same show.
 */
import { MetricsEngine } from '../../electron/core/engines/metrics-engine.js';
import { IngestPipeline } from '../../electron/core/ingest/pipeline.js';
import { ShowModel } from '../../electron/core/sim/show-model.js';
import { openStore } from '../../electron/core/store/open-store.js';

export interface SimShowOptions {
  seed: number;
  /** Mean comments per second. */
  rate: number;
  minutes: number;
  startedAt?: number;
  showId?: string;
  title?: string;
  roomId?: string;
}

export const SIM_STARTED_AT = Date.UTC(2026, 10, 23, 12);

/** Stores the whole show in `dataDir` (created if missing) and closes the database. */
export function storeSimShow(dataDir: string, opts: SimShowOptions): { showId: string; comments: number } {
  const startedAt = opts.startedAt ?? SIM_STARTED_AT;
  const model = new ShowModel({
    seed: opts.seed,
    rate: opts.rate,
    startedAt,
    durationMs: opts.minutes * 60_000,
    ...(opts.showId ? { showId: opts.showId } : {}),
    ...(opts.title ? { title: opts.title } : {}),
    ...(opts.roomId ? { roomId: opts.roomId } : {}),
  });
  const { store } = openStore(dataDir);
  const pipeline = new IngestPipeline({ store, metrics: new MetricsEngine(), sourceKind: 'sim' });
  try {
    pipeline.handleHello(model.hello(startedAt));
    const showId = pipeline.currentShow!.id;
    while (!model.done) {
      for (const event of model.step()) {
        const { type, ...payload } = event;
        pipeline.handleEvent(type, payload);
      }
    }
    pipeline.flush();
    return { showId, comments: store.countComments(showId) };
  } finally {
    pipeline.stop();
    store.close();
  }
}
