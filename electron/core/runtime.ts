/**
 * Starts LiveDesk's core for a host: opens the store, starts the source and the pipeline,
 * and returns the service facade the host exposes. Both hosts (Electron, web) call this.
 */
import path from 'node:path';
import type { LiveDeskService } from '../../shared/api/contract.js';
import type { AppConfig, SourceConfig } from './config.js';
import { MetricsEngine } from './engines/metrics-engine.js';
import { IngestPipeline } from './ingest/pipeline.js';
import { CoreService } from './service.js';
import { SimSource } from './sources/sim-source.js';
import { SocketIoSource } from './sources/socketio-source.js';
import type { FeedSource } from './sources/types.js';
import { Store } from './store/store.js';

export interface RuntimeOptions {
  /** Path to a better-sqlite3 binary built for this runtime's ABI (Electron's). */
  nativeBinding?: string;
  /** The app's resources folder (the simulator's corpus lives in `sim/` below it). */
  resourcesDir?: string;
}

export interface LiveDeskRuntime {
  readonly config: AppConfig;
  readonly service: LiveDeskService;
  /** Stops the source, flushes what is pending and closes the database. */
  stop(): Promise<void>;
}

export function createSource(config: SourceConfig, resourcesDir?: string): FeedSource {
  switch (config.kind) {
    case 'sim':
      return new SimSource({
        seed: config.seed,
        rate: config.rate,
        speed: config.speed,
        durationMs: config.durationMs,
        ...(resourcesDir ? { resourcesDir: path.join(resourcesDir, 'sim') } : {}),
      });
    case 'socketio':
      return new SocketIoSource({ url: config.url, room: config.room, token: config.token });
  }
}

export async function startLiveDesk(
  config: AppConfig,
  options: RuntimeOptions = {},
): Promise<LiveDeskRuntime> {
  // The source first: a bad corpus path must not leave the database open.
  const source = createSource(config.source, options.resourcesDir);
  const store = Store.open(config.dataDir, { nativeBinding: options.nativeBinding });
  const metrics = new MetricsEngine();
  let service: CoreService | null = null;
  const pipeline = new IngestPipeline({
    store,
    metrics,
    sourceKind: source.kind,
    onStored: (rows) => service?.onStored(rows),
  });
  service = new CoreService({ store, pipeline, metrics, sourceKind: source.kind });
  // After a restart, continue the room's unfinished show from the seq we had stored.
  if (config.source.kind === 'socketio') pipeline.resumeRoom(config.source.room);
  source.start(pipeline.handlers(), () => pipeline.seq);

  let stopped = false;
  const coreService = service;
  return {
    config,
    service: coreService,
    async stop() {
      if (stopped) return;
      stopped = true;
      await source.stop();
      pipeline.stop();
      coreService.stop();
      store.close();
    },
  };
}
