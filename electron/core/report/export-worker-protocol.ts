/** What the job registry and the export worker say to each other (structured-cloned messages). */
import type { Report, ReportFormat } from '../../../shared/api/report.js';
import type { ExportResult } from './types.js';

/** The worker's input: the report the main thread already built (and so checked), and where to write. */
export interface ExportWorkerData {
  dataDir: string;
  /** better-sqlite3 binary for this runtime's ABI (Electron's), as the app's own connection uses. */
  nativeBinding?: string;
  report: Report;
  format: ReportFormat;
  outPath: string;
  /** Under tsx only: the worker's TypeScript source, loaded by ts-worker-boot.mjs. */
  entry?: string;
}

export type MainToWorker = { type: 'abort' };

export type WorkerToMain =
  | { type: 'progress'; phase: string; fraction: number }
  | { type: 'done'; result: ExportResult }
  | { type: 'failed'; error: string }
  | { type: 'cancelled' };

export function isWorkerMessage(value: unknown): value is WorkerToMain {
  if (typeof value !== 'object' || value === null) return false;
  const type = (value as { type?: unknown }).type;
  return type === 'progress' || type === 'done' || type === 'failed' || type === 'cancelled';
}
