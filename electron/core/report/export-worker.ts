/**
 * The export worker (a worker_threads Worker): its own read-only connection to the database, the
 * report's rows streamed to the format writer, progress posted (throttled), an abort message
 * stops it between batches. The thread that serves the UI and ingests never waits for it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import {
  describeError,
  isAbortError,
  openReadonlyStore,
  runExport,
  throttledProgress,
} from './export-run.js';
import type { ExportWorkerData, MainToWorker, WorkerToMain } from './export-worker-protocol.js';
import type { Store } from '../store/store.js';

/** Progress messages at most this often; the UI polls every few hundred ms. */
const PROGRESS_MS = 100;

async function run(port: NonNullable<typeof parentPort>, data: ExportWorkerData): Promise<void> {
  const post = (message: WorkerToMain) => port.postMessage(message);
  const controller = new AbortController();
  port.on('message', (message: MainToWorker) => {
    if (message?.type === 'abort') controller.abort();
  });
  let outcome: WorkerToMain;
  let store: Store | null = null;
  try {
    store = openReadonlyStore(data.dataDir, data.nativeBinding);
    const result = await runExport({
      store,
      report: data.report,
      format: data.format,
      outPath: data.outPath,
      signal: controller.signal,
      ...(data.nativeBinding ? { nativeBinding: data.nativeBinding } : {}),
      onProgress: throttledProgress(
        (phase, fraction) => post({ type: 'progress', phase, fraction }),
        PROGRESS_MS,
      ),
    });
    outcome = { type: 'done', result };
  } catch (err) {
    outcome =
      controller.signal.aborted || isAbortError(err)
        ? { type: 'cancelled' }
        : { type: 'failed', error: describeError(err) };
  }
  // Closed before the last word, so the main thread may end this thread as soon as it hears it.
  try {
    store?.close();
  } catch {
    // A read-only connection has nothing to lose.
  }
  post(outcome);
  // Nothing more to say: let the thread end (messages already posted are still delivered).
  port.close();
}

if (parentPort) void run(parentPort, workerData as ExportWorkerData);
