/**
 * Records every raw feed event of a show, as received and before validation, to
 * `<dataDir>/recordings/<show id>.jsonl.gz`, so a show can be replayed, audited or re-imported
 * into a fresh database. Recording sits beside the pipeline, never in its way: it cannot throw
 * into it, never waits on the disk, and drops (and counts) lines rather than grow without bound.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { RecordingStatus } from '../../../shared/api/contract.js';
import type { SourceHandlers } from '../sources/types.js';
import { describeFileError } from './file-error.js';
import { recordingFileName, UNKNOWN_SHOW_FILE } from './file-name.js';
import { GzipAppendFile } from './gzip-append-file.js';
import { formatLine, type RecordedKind } from './line.js';

export interface RecorderOptions {
  /** `<dataDir>/recordings`; created when the first line is written. */
  dir: string;
  /** How often buffered lines are pushed to the file (ms): at most this much is lost in a crash. */
  flushMs?: number;
  /** Bytes allowed to wait for the disk before lines are dropped (default 16 MiB). */
  maxBacklogBytes?: number;
  now?: () => number;
}

const DEFAULT_FLUSH_MS = 1000;
const DEFAULT_MAX_BACKLOG_BYTES = 16 * 1024 * 1024;
/** After a write error (disk full …), wait this long before opening the file again. */
const REOPEN_AFTER_ERROR_MS = 5000;
export const FALLING_BEHIND = 'recording is falling behind';

function showIdOf(hello: unknown): string | null {
  if (typeof hello !== 'object' || hello === null) return null;
  const show = (hello as { show?: unknown }).show;
  if (typeof show !== 'object' || show === null) return null;
  const id = (show as { id?: unknown }).id;
  return typeof id === 'string' ? id : null;
}

export class Recorder {
  private readonly dir: string;
  private readonly maxBacklogBytes: number;
  private readonly now: () => number;
  private readonly timer: NodeJS.Timeout;
  /** The file lines go to now; opened on the next line. */
  private file: string | null = null;
  private output: GzipAppendFile | null = null;
  /** Outputs being finished (after a show switch, an error or close). */
  private readonly closing = new Set<Promise<void>>();
  private reopenAt = 0;
  private closed = false;
  private events = 0;
  private errors = 0;
  private lastError: string | null = null;

  constructor(opts: RecorderOptions) {
    this.dir = opts.dir;
    this.maxBacklogBytes = opts.maxBacklogBytes ?? DEFAULT_MAX_BACKLOG_BYTES;
    this.now = opts.now ?? Date.now;
    const flushMs = opts.flushMs ?? DEFAULT_FLUSH_MS;
    if (!(flushMs > 0)) throw new RangeError(`Recorder: flushMs must be > 0, got ${flushMs}`);
    this.timer = setInterval(() => this.flush(), flushMs);
    this.timer.unref();
  }

  /** Handlers that record each hello and event, then hand it on unchanged. */
  wrap(handlers: SourceHandlers): SourceHandlers {
    return {
      onHello: (hello) => {
        this.record('hello', 'hello', hello);
        handlers.onHello(hello);
      },
      onEvent: (type, payload) => {
        this.record('event', type, payload);
        handlers.onEvent(type, payload);
      },
      onState: (state, detail) => handlers.onState(state, detail),
    };
  }

  status(): RecordingStatus {
    return { file: this.file, events: this.events, errors: this.errors, lastError: this.lastError };
  }

  /** Finishes the current gzip member and resolves once every file is closed. */
  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    this.retire();
    while (this.closing.size > 0) await Promise.all([...this.closing]);
  }

  private record(k: RecordedKind, type: string, payload: unknown): void {
    try {
      if (this.closed) return this.drop('recording has stopped');
      const t = this.now();
      if (k === 'hello') {
        const showId = showIdOf(payload);
        if (showId !== null) this.switchTo(path.join(this.dir, recordingFileName(showId)));
      }
      if (this.file === null) this.switchTo(path.join(this.dir, UNKNOWN_SHOW_FILE));
      const output = this.open(t);
      if (!output) return this.drop(null);
      if (output.backlog > this.maxBacklogBytes) return this.drop(FALLING_BEHIND);
      output.write(formatLine(t, k, type, payload));
      this.events++;
    } catch (err) {
      this.drop(err instanceof Error ? err.message : String(err));
    }
  }

  /** Counts a line not recorded; `reason` null keeps the last error (the one that caused it). */
  private drop(reason: string | null): void {
    this.errors++;
    if (reason !== null) this.lastError = reason;
  }

  private switchTo(file: string): void {
    if (file === this.file) return;
    this.retire();
    this.file = file;
    this.reopenAt = 0;
  }

  private open(now: number): GzipAppendFile | null {
    if (this.output) return this.output;
    if (this.file === null || now < this.reopenAt) return null;
    const file = this.file;
    try {
      fs.mkdirSync(this.dir, { recursive: true });
    } catch (err) {
      this.failed(this.dir, err, now);
      return null;
    }
    const output = new GzipAppendFile(file, (err) => {
      if (this.output === output) this.retire();
      this.failed(file, err, this.now());
    });
    this.output = output;
    return output;
  }

  private failed(where: string, err: unknown, now: number): void {
    this.lastError = describeFileError(where, err);
    this.reopenAt = now + REOPEN_AFTER_ERROR_MS;
  }

  /** Lets the current output finish in the background; close() waits for it. */
  private retire(): void {
    const output = this.output;
    if (!output) return;
    this.output = null;
    const done = output.close().finally(() => this.closing.delete(done));
    this.closing.add(done);
  }

  private flush(): void {
    try {
      this.output?.flush();
    } catch (err) {
      this.lastError = err instanceof Error ? err.message : String(err);
    }
  }
}
