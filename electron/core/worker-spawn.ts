/**
 * The app's worker threads (the store's writer, the export, the big XLSX sheets) start the same
 * way: the built app ships each as `out/main/<built>` beside its main bundle; under tsx (tests,
 * `npm run web`, the CLIs, benchmarks) the TypeScript source is loaded through ts-worker-boot.mjs,
 * which registers tsx first (Node's Worker cannot load .ts by itself; tsx stays a devDependency).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

const here = path.dirname(fileURLToPath(import.meta.url));

export function spawnWorker(
  /** The bundle's file name in out/main, e.g. "store-writer.js". */
  built: string,
  /** The TypeScript source's absolute path, for runs under tsx. */
  source: string,
  workerData: object,
  options: Omit<WorkerOptions, 'workerData'> = {},
): Worker {
  const bundle = path.join(here, built);
  if (fs.existsSync(bundle)) return new Worker(bundle, { ...options, workerData });
  return new Worker(path.join(here, 'ts-worker-boot.mjs'), {
    ...options,
    workerData: { ...workerData, entry: pathToFileURL(source).href },
  });
}
