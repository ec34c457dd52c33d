/**
 * Starts LiveDesk's core for a host: opens the store (safely), starts the source and the
 * pipeline, and returns the service facade the host exposes. Both hosts call this.
 */
import path from 'node:path';
import type { LiveDeskService } from '../../shared/api/contract.js';
import type { AppConfig } from './config.js';
import { MetricsEngine } from './engines/metrics-engine.js';
import { IngestPipeline } from './ingest/pipeline.js';
import { Recorder } from './recording/recorder.js';
import { CoreService } from './service.js';
import { savedSource } from './settings.js';
import { SourceController } from './source-controller.js';
import { openStore } from './store/open-store.js';
import { InlineStoreWriter, type StoreWriter } from './store/writer.js';
import { ThreadStoreWriter } from './store/writer-thread.js';
import { ShareController, type ShareControllerDeps } from './share/share-controller.js';
import { defaultRendererDir, startLanHost } from '../web/lan-host.js';

export { createSource } from './source-controller.js';

export interface RuntimeOptions {
  /** Path to a better-sqlite3 binary built for this runtime's ABI (Electron's). */
  nativeBinding?: string;
  /** The app's resources folder (`sim/` corpus, `faq/` default library, `compliance/` word list). */
  resourcesDir?: string;
  /**
   * The LAN board (docs/lan-board.md): the built renderer it serves (default: beside the bundle,
   * or out/web), and for tests the interfaces, port and limits.
   */
  share?: Omit<ShareControllerDeps, 'startListener' | 'now'> & { staticDir?: string };
}

export interface LiveDeskRuntime {
  readonly config: AppConfig;
  readonly service: LiveDeskService;
  /** Stops the source, flushes what is pending and closes the database. */
  stop(): Promise<void>;
}

export async function startLiveDesk(
  config: AppConfig & { sourceFromCli?: boolean },
  options: RuntimeOptions = {},
): Promise<LiveDeskRuntime> {
  const { store, movedAside } = openStore(config.dataDir, { nativeBinding: options.nativeBinding });
  // Comment batches, questions and alerts are written on a thread of their own (its own
  // connection): SQLite's inserts were the biggest share of this thread's time while ingesting.
  // It boots while the rest starts; writes handed over meanwhile wait for it.
  let writer: StoreWriter;
  try {
    writer = ThreadStoreWriter.launch(store, options.nativeBinding);
  } catch (err) {
    console.error(`store writer thread did not start, writing on the main thread: ${String(err)}`);
    writer = new InlineStoreWriter(store);
  }
  const metrics = new MetricsEngine();
  const recorder = new Recorder({ dir: path.join(config.dataDir, 'recordings') });
  let service: CoreService | null = null;
  const pipeline = new IngestPipeline({
    store,
    metrics,
    sourceKind: config.source.kind,
    writer,
    onStored: (rows, showId) => service?.onStored(rows, showId),
  });
  if (movedAside) {
    pipeline.storage.notice = `数据库已损坏，已移至 ${movedAside} 并新建空库 · The database was damaged: moved aside to ${movedAside}; a fresh one was created.`;
  }
  // Flags on the command line win; otherwise what the user saved in settings; otherwise the demo.
  const initial = config.sourceFromCli ? config.source : (savedSource(store) ?? config.source);
  const controller = new SourceController(
    { pipeline, recorder, resourcesDir: options.resourcesDir },
    initial,
  );
  try {
    controller.start();
  } catch (err) {
    await recorder.close();
    await writer.close();
    store.close();
    throw err;
  }
  const { staticDir = defaultRendererDir(), ...shareDeps } = options.share ?? {};
  // The LAN listener serves the same service; `service` is set just below, before any start.
  const share = new ShareController({
    ...shareDeps,
    startListener: (listener) => startLanHost({ ...listener, service: coreService, staticDir }),
  });
  service = new CoreService({
    share,
    store,
    writer,
    pipeline,
    metrics,
    controller,
    recorder,
    resourcesDir: options.resourcesDir,
    dataDir: config.dataDir,
    nativeBinding: options.nativeBinding,
  });

  let stopped = false;
  const coreService: CoreService = service;
  return {
    config,
    service: coreService,
    async stop() {
      if (stopped) return;
      stopped = true;
      await share.stop(); // LAN devices go first: nothing may call in while the store closes
      await coreService.stopExports();
      await controller.stop();
      pipeline.stop();
      coreService.stop();
      await writer.close(); // after the last writes above: it waits for them
      await recorder.close();
      store.close();
    },
  };
}
