/**
 * One export, start to end, on whatever thread calls it: the export worker (the app) and the
 * CLI (its own process) both run this against a read-only connection, so neither can disturb the
 * app's writer.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Report, ReportFormat } from '../../../shared/api/report.js';
import { DB_FILE_NAME, Store } from '../store/store.js';
import { describeError } from './report-error.js';
import { exportReport } from './export-report.js';
import { reportRows } from './report-rows.js';
import type { ExportProgress, ExportResult } from './types.js';

/** The data directory's database, read-only, beside a running app (WAL readers never block it). */
export function openReadonlyStore(dataDir: string, nativeBinding?: string): Store {
  const file = path.join(dataDir, DB_FILE_NAME);
  if (!fs.existsSync(file)) throw new Error(`no LiveDesk database in ${dataDir} (${DB_FILE_NAME} not found)`);
  return new Store(file, { readonly: true, ...(nativeBinding ? { nativeBinding } : {}) });
}

export interface RunExportArgs {
  store: Store;
  report: Report;
  format: ReportFormat;
  outPath: string;
  onProgress?: ExportProgress;
  signal?: AbortSignal;
  /** The binary `store` was opened with, for the threads that open their own connection. */
  nativeBinding?: string;
}

export async function runExport(args: RunExportArgs): Promise<ExportResult> {
  const dir = path.dirname(args.outPath);
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (err) {
    throw new Error(`cannot create the folder ${dir}: ${describeError(err)}`, { cause: err });
  }
  return exportReport({
    report: args.report,
    rows: reportRows(args.store),
    format: args.format,
    outPath: args.outPath,
    ...(args.onProgress ? { onProgress: args.onProgress } : {}),
    ...(args.signal ? { signal: args.signal } : {}),
    ...(args.store.db.memory
      ? {}
      : {
          source: {
            file: args.store.db.name,
            ...(args.nativeBinding ? { nativeBinding: args.nativeBinding } : {}),
          },
        }),
  });
}

export { describeError, isAbortError } from './report-error.js';

/**
 * Progress at most every `minMs` (and on every change of phase): a writer reports per batch,
 * thousands of times; the UI polls a few times a second.
 */
export function throttledProgress(
  send: ExportProgress,
  minMs: number,
  now: () => number = () => performance.now(),
): ExportProgress {
  let lastPhase = '';
  let lastAt = -Infinity;
  return (phase, fraction) => {
    const t = now();
    if (phase === lastPhase && t - lastAt < minMs && fraction < 1) return;
    lastPhase = phase;
    lastAt = t;
    send(phase, fraction);
  };
}
