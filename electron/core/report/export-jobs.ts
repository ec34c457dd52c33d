/**
 * Export jobs: each runs in a worker thread (export-worker.ts) so the thread that ingests and
 * serves the UI never waits on a writer; at most MAX_RUNNING at once, the rest queue. Jobs are
 * kept in memory until the app stops (the newest MAX_KEPT finished ones).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import {
  StartExportArgs,
  type ExportJobView,
  type Report,
  type ReportFormat,
  type ReportScope,
} from '../../../shared/api/report.js';
import type { Store } from '../store/store.js';
import { spawnWorker } from '../worker-spawn.js';
import { buildReport } from './build-report.js';
import { EXPORTS_DIR, exportFileName, leftoverTempFiles, uniqueExportPath } from './export-file-name.js';
import { describeError } from './report-error.js';
import { isWorkerMessage, type ExportWorkerData, type WorkerToMain } from './export-worker-protocol.js';

export const MAX_RUNNING = 2;
export const MAX_KEPT = 50;
/** A cancelled worker that has not stopped by then (stuck in one long write) is terminated. */
export const CANCEL_GRACE_MS = 2000;

export interface ExportJobsOptions {
  /** The app's connection: the scope is checked (and the report built) on it before a job starts. */
  store: Store;
  dataDir: string;
  nativeBinding?: string;
  now?: () => number;
  /** Starts the worker; tests pass one that misbehaves. Default: the export worker. */
  spawnWorker?: (data: ExportWorkerData) => Worker;
  cancelGraceMs?: number;
}

interface Job {
  view: ExportJobView;
  /** Handed to the worker; let go once the job has ended. */
  report: Report | null;
  outPath: string;
  worker: Worker | null;
  /** Counts towards MAX_RUNNING. */
  holdsSlot: boolean;
  cancelRequested: boolean;
  killTimer: NodeJS.Timeout | null;
  /** Settles when the job has finished (any state): stop() waits for it. */
  finished: Promise<void>;
  markFinished: () => void;
}

const here = path.dirname(fileURLToPath(import.meta.url));

/** out/main/export-worker.js in the built app; the TypeScript source under tsx (worker-spawn.ts). */
export function defaultSpawnWorker(data: ExportWorkerData): Worker {
  return spawnWorker('export-worker.js', path.join(here, 'export-worker.ts'), data);
}

export class ExportJobs {
  private readonly jobs = new Map<string, Job>();
  private readonly queue: Job[] = [];
  private running = 0;
  private counter = 0;
  private stopped = false;
  private readonly now: () => number;
  private readonly spawnWorker: (data: ExportWorkerData) => Worker;
  readonly exportsDir: string;

  constructor(private readonly options: ExportJobsOptions) {
    this.now = options.now ?? Date.now;
    this.spawnWorker = options.spawnWorker ?? defaultSpawnWorker;
    this.exportsDir = path.join(options.dataDir, EXPORTS_DIR);
  }

  /**
   * Checks the arguments and builds the report at once (an unknown show or an empty period fails
   * here, with the report builder's message), then queues the job.
   */
  start(scope: ReportScope, format: ReportFormat): ExportJobView {
    if (this.stopped) throw new Error('exports are stopped (the app is closing)');
    const args = StartExportArgs.parse({ scope, format });
    const report = buildReport(this.options.store, args.scope, { now: this.now() });
    const show = report.kind === 'show' ? report.show : null;
    const taken = new Set([...this.jobs.values()].filter((j) => !j.view.finishedAt).map((j) => j.outPath));
    const outPath = uniqueExportPath(this.exportsDir, exportFileName(args.scope, show, args.format), taken);
    const startedAt = this.now();
    let markFinished = () => {};
    const finished = new Promise<void>((resolve) => (markFinished = resolve));
    const job: Job = {
      view: {
        jobId: `exp-${startedAt}-${++this.counter}`,
        scope: args.scope,
        format: args.format,
        state: 'running',
        progress: 0,
        phase: 'queued',
        startedAt,
        finishedAt: null,
        file: null,
        error: null,
      },
      report,
      outPath,
      worker: null,
      holdsSlot: false,
      cancelRequested: false,
      killTimer: null,
      finished,
      markFinished,
    };
    this.jobs.set(job.view.jobId, job);
    this.queue.push(job);
    this.pump();
    return this.viewOf(job);
  }

  get(jobId: string): ExportJobView | null {
    const job = this.jobs.get(jobId);
    return job ? this.viewOf(job) : null;
  }

  /** The finished file of a job that is done (and still on disk), else null. */
  finishedFile(jobId: string): { name: string; path: string; format: ReportFormat } | null {
    const job = this.jobs.get(jobId);
    if (job?.view.state !== 'done' || !job.view.file || !fs.existsSync(job.view.file.path)) return null;
    return { name: job.view.file.name, path: job.view.file.path, format: job.view.format };
  }

  /** A queued job is dropped; a running one is asked to stop (terminated if it does not). */
  cancel(jobId: string): ExportJobView | null {
    const job = this.jobs.get(jobId);
    if (!job) return null;
    if (job.view.state !== 'running') return this.viewOf(job);
    const queued = this.queue.indexOf(job);
    if (queued >= 0) {
      this.queue.splice(queued, 1);
      this.finish(job, { type: 'cancelled' });
    } else {
      this.requestStop(job);
    }
    return this.viewOf(job);
  }

  /** Cancels everything and waits for the workers to end (temp files removed). */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const job of this.jobs.values()) if (job.view.state === 'running') this.cancel(job.view.jobId);
    await Promise.all([...this.jobs.values()].map((j) => j.finished));
  }

  private pump(): void {
    while (this.running < MAX_RUNNING && this.queue.length > 0) {
      const job = this.queue.shift()!;
      this.launch(job);
    }
  }

  private launch(job: Job): void {
    this.running++;
    job.holdsSlot = true;
    job.view.phase = 'starting';
    let worker: Worker;
    try {
      worker = this.spawnWorker({
        dataDir: this.options.dataDir,
        ...(this.options.nativeBinding ? { nativeBinding: this.options.nativeBinding } : {}),
        report: job.report!,
        format: job.view.format,
        outPath: job.outPath,
      });
    } catch (err) {
      this.finish(job, { type: 'failed', error: `cannot start the export: ${describeError(err)}` });
      return;
    }
    job.worker = worker;
    worker.on('message', (message: unknown) => {
      if (!isWorkerMessage(message)) return;
      if (message.type === 'progress') {
        if (job.view.state !== 'running') return;
        job.view.progress = Math.max(job.view.progress, Math.min(1, Math.max(0, message.fraction)));
        if (!job.cancelRequested) job.view.phase = message.phase;
        return;
      }
      this.finish(job, message);
    });
    worker.on('error', (err) => this.finish(job, { type: 'failed', error: err.message }));
    worker.on('exit', (code) => {
      // Ended without a word: terminated after a cancel, or crashed.
      this.finish(
        job,
        job.cancelRequested
          ? { type: 'cancelled' }
          : { type: 'failed', error: `the export stopped unexpectedly (exit code ${code})` },
      );
    });
  }

  private requestStop(job: Job): void {
    if (job.cancelRequested) return;
    job.cancelRequested = true;
    job.view.phase = 'cancelling';
    const worker = job.worker;
    if (!worker) return;
    worker.postMessage({ type: 'abort' });
    job.killTimer = setTimeout(() => void worker.terminate(), this.options.cancelGraceMs ?? CANCEL_GRACE_MS);
  }

  /** The job's end, once: state, file, temp files removed unless done, next queued job started. */
  private finish(job: Job, outcome: Exclude<WorkerToMain, { type: 'progress' }>): void {
    if (job.view.state !== 'running') return;
    if (job.killTimer) clearTimeout(job.killTimer);
    job.killTimer = null;
    if (job.holdsSlot) this.running--;
    job.holdsSlot = false;
    // The worker ends by itself after its last message; terminate covers one that errored mid-way.
    void job.worker?.terminate();
    job.worker = null;
    job.report = null;
    job.view.finishedAt = this.now();
    if (outcome.type === 'done') {
      job.view.state = 'done';
      job.view.progress = 1;
      job.view.phase = 'done';
      job.view.file = {
        name: path.basename(outcome.result.path),
        path: outcome.result.path,
        bytes: outcome.result.bytes,
      };
    } else {
      job.view.state = outcome.type;
      job.view.phase = outcome.type;
      if (outcome.type === 'failed') job.view.error = outcome.error;
      for (const tmp of leftoverTempFiles(job.outPath)) fs.rmSync(tmp, { force: true });
    }
    job.markFinished();
    this.prune();
    if (!this.stopped) this.pump();
  }

  /** Keeps at most MAX_KEPT finished jobs (Map order is start order: the oldest go first). */
  private prune(): void {
    let finished = [...this.jobs.values()].filter((j) => j.view.state !== 'running').length;
    for (const [id, job] of this.jobs) {
      if (finished <= MAX_KEPT) break;
      if (job.view.state === 'running') continue;
      this.jobs.delete(id);
      finished--;
    }
  }

  private viewOf(job: Job): ExportJobView {
    return { ...job.view, file: job.view.file ? { ...job.view.file } : null };
  }
}
