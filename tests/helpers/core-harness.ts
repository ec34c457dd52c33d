/**
 * The core without a network source: a real SQLite file in a temp dir, the ingest pipeline
 * driven by hand (handleHello / handleEvent / flush) and the service on top, with a wall clock
 * the test moves. Reopen to simulate a restart on the same data directory.
 */
import { MetricsEngine } from '../../electron/core/engines/metrics-engine.js';
import { IngestPipeline } from '../../electron/core/ingest/pipeline.js';
import { Recorder } from '../../electron/core/recording/recorder.js';
import { CoreService } from '../../electron/core/service.js';
import { SourceController } from '../../electron/core/source-controller.js';
import { openStore } from '../../electron/core/store/open-store.js';
import type { Store } from '../../electron/core/store/store.js';
import type { MonoClock } from '../../electron/core/operations/monotonic.js';
import { comment, hello, T0 } from './events.js';

export interface CoreHarness {
  store: Store;
  pipeline: IngestPipeline;
  service: CoreService;
  /** now: the wall clock; mono: the monotonic clock incident durations use (moves with now unless set). */
  clock: { now: number; mono?: number };
  /** One comments event per call, stored at once (one flush → one onStored). */
  say(texts: readonly string[], nickname?: string): void;
  close(): Promise<void>;
}

let harnessBoots = 0;

export function openCore(
  dataDir: string,
  opts: { showId?: string; resourcesDir?: string } = {},
): CoreHarness {
  const { store } = openStore(dataDir);
  const clock: { now: number; mono?: number } = { now: T0 };
  const now = () => clock.now;
  // One boot id per harness: reopening the data directory is a restart (durations fall back to wall).
  const monoClock: MonoClock = {
    bootId: `harness-${process.pid}-${++harnessBoots}`,
    now: () => clock.mono ?? clock.now,
  };
  const metrics = new MetricsEngine();
  const recorder = new Recorder({ dir: `${dataDir}/recordings` });
  let service: CoreService | null = null;
  const pipeline = new IngestPipeline({
    store,
    metrics,
    sourceKind: 'socketio',
    storageRetryMs: 60_000, // tests retry by hand
    onStored: (rows, showId) => service?.onStored(rows, showId),
    now,
  });
  const controller = new SourceController(
    { pipeline, recorder },
    { kind: 'socketio', url: 'http://127.0.0.1:1', room: 'room-1' },
  );
  service = new CoreService({
    store,
    pipeline,
    metrics,
    controller,
    recorder,
    now,
    monoClock,
    questionRetryMs: 60_000,
    resourcesDir: opts.resourcesDir,
  });
  const core = service;
  if (opts.showId !== undefined) pipeline.handleHello({ ...hello(opts.showId), lastSeq: 0 });
  let counter = 0;
  return {
    store,
    pipeline,
    service: core,
    clock,
    say(texts, nickname) {
      const seq = pipeline.seq + 1;
      const items = texts.map((text) => {
        counter++;
        return comment(seq * 1000 + counter, {
          id: `c-${seq}-${counter}`,
          text,
          ...(nickname ? { nickname } : { nickname: `观众${counter}` }),
        });
      });
      pipeline.handleEvent('comments', { seq, items });
      pipeline.flush();
    },
    async close() {
      pipeline.stop();
      core.stop();
      await recorder.close();
      store.close();
    },
  };
}
