/**
 * The app's core wired as startLiveDesk wires it (recorder → pipeline → SQLite → FAQ questions →
 * keyword alerts, one CoreService), minus the source and the hosts: for benchmarks that feed the
 * events themselves, on the wall clock or on the show's own.
 */
import path from 'node:path';
import { MetricsEngine } from '../../electron/core/engines/metrics-engine.js';
import { IngestPipeline } from '../../electron/core/ingest/pipeline.js';
import { Recorder } from '../../electron/core/recording/recorder.js';
import { CoreService } from '../../electron/core/service.js';
import { SourceController } from '../../electron/core/source-controller.js';
import type { Store } from '../../electron/core/store/store.js';
import type { StoreWriter } from '../../electron/core/store/writer.js';

export interface BenchCoreOptions {
  store: Store;
  dataDir: string;
  /** The idle sim source's settings (it is never started: the benchmark feeds the pipeline). */
  rate: number;
  seed: number;
  /** The app's writer thread; default: writes on this thread. */
  writer?: StoreWriter;
  now?: () => number;
}

export function benchCore(o: BenchCoreOptions) {
  const metrics = new MetricsEngine();
  const recorder = new Recorder({ dir: path.join(o.dataDir, 'recordings') });
  let service: CoreService | null = null;
  const pipeline = new IngestPipeline({
    store: o.store,
    metrics,
    sourceKind: 'sim',
    ...(o.writer ? { writer: o.writer } : {}),
    ...(o.now ? { now: o.now } : {}),
    onStored: (rows, showId) => service?.onStored(rows, showId),
  });
  const controller = new SourceController(
    { pipeline, recorder },
    { kind: 'sim', rate: o.rate, seed: o.seed, speed: 1, durationMs: 1 },
  );
  const core = new CoreService({
    store: o.store,
    ...(o.writer ? { writer: o.writer } : {}),
    pipeline,
    metrics,
    controller,
    recorder,
    dataDir: o.dataDir,
    ...(o.now ? { now: o.now } : {}),
  });
  service = core;
  return { metrics, recorder, pipeline, controller, service: core };
}
