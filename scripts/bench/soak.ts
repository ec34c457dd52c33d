/**
 * `npm run bench:soak` (and the soak row of `npm run bench`, in a child process of its own so no
 * other benchmark's garbage is in its heap): an 8-hour show at 500 comments/s, run accelerated
 * through the real core (recorder → pipeline → SQLite → FAQ questions → keyword alerts, with a
 * subscribed service pushing updates), sampling heap and RSS after a GC every 10 simulated minutes.
 * Growth after the first (warm-up) hour is fitted by least squares, in MB per simulated hour.
 *
 * The database it leaves (with --keep) is the benchmarks' big finished show: history, export and
 * startup open it (big-show.ts).
 *
 * Flags: --hours (8) --rate (500) --seed (8) --data-dir DIR (default: a temp dir, removed)
 * --keep (leave the database in --data-dir) --report (messages for the bench harness)
 * --recording FILE (the show recorded by record-show.ts; without it the simulator runs in this
 * process and its own growing state is in the figures).
 * SOAK_HOURS and SOAK_RATE still work for the first two.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { ShowModel } from '../../electron/core/sim/show-model.js';
import { readRecording } from '../../electron/core/recording/reader.js';
import type { SourceHandlers } from '../../electron/core/sources/types.js';
import { ThreadStoreWriter } from '../../electron/core/store/writer-thread.js';
import { openStore } from '../../electron/core/store/open-store.js';
import { DB_FILE_NAME } from '../../electron/core/store/store.js';
import { tellParent } from './child-process.js';
import { BENCH_SHOW_START } from './show-data.js';
import { benchCore } from './bench-core.js';

const MB = 1024 * 1024;

export interface SoakOptions {
  hours: number;
  rate: number;
  seed: number;
  dataDir: string;
  /** The show as a recording (record-show.ts): replayed from the file instead of generated here. */
  recording?: string;
  onHour?: (sample: SoakSample) => void;
}

export interface SoakSample {
  hour: number;
  heapMB: number;
  rssMB: number;
  comments: number;
  wallSeconds: number;
}

export interface SoakResult {
  /** Where the events came from: a recording replayed, or the simulator in this process. */
  feed: 'recording' | 'in-process';
  hours: number;
  rate: number;
  seed: number;
  showId: string;
  comments: number;
  wallSeconds: number;
  heapGrowthMBPerHour: number;
  rssGrowthMBPerHour: number;
  dbMB: number;
  recordingMB: number;
  updates: number;
  samples: SoakSample[];
}

/** Least-squares slope of y over x. */
export function slope(points: readonly (readonly [number, number])[]): number {
  const n = points.length;
  if (n < 2) return 0;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const num = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const den = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return den === 0 ? 0 : num / den;
}

function dirSize(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    total += entry.isDirectory() ? dirSize(full) : fs.statSync(full).size;
  }
  return total;
}

/**
 * RSS swings by tens of MB from one sample to the next (SQLite's page cache, the allocator
 * keeping freed pages): six samples an hour instead of one steady the fitted slope.
 */
const SAMPLES_PER_HOUR = 6;

export async function runSoak(opts: SoakOptions): Promise<SoakResult> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc (npm run bench:soak does)');
  const { hours, rate, seed, dataDir } = opts;
  const { store } = openStore(dataDir);
  // As the app runs (runtime.ts): comment batches and questions written on the writer thread.
  const writer = await ThreadStoreWriter.start(store);
  const { recorder, pipeline, service } = benchCore({ store, dataDir, rate, seed: 1, writer });
  let updates = 0;
  const unsubscribe = service.onUpdate(() => updates++);

  const handlers = recorder.wrap(pipeline.handlers());
  const samples: SoakSample[] = [];
  let comments = 0;
  /** Samples are taken every 1/SAMPLES_PER_HOUR simulated hour; this counts them. */
  let nextSample = 1;
  let showId = '';
  const wallStart = performance.now();
  /** Called with the feed time after each event: samples memory every 10 simulated minutes. */
  const atFeedTime = async (ts: number) => {
    if (ts - BENCH_SHOW_START < (nextSample * 3600_000) / SAMPLES_PER_HOUR) return;
    pipeline.flush();
    await yieldToLoop();
    gc();
    const m = process.memoryUsage();
    const sample = {
      hour: nextSample / SAMPLES_PER_HOUR,
      heapMB: m.heapUsed / MB,
      rssMB: m.rss / MB,
      comments,
      wallSeconds: (performance.now() - wallStart) / 1000,
    };
    samples.push(sample);
    if (nextSample % SAMPLES_PER_HOUR === 0) opts.onHour?.(sample);
    nextSample++;
  };
  const feed = opts.recording
    ? replayRecording(opts.recording, handlers)
    : generateHere({ seed, rate, hours }, handlers);
  for await (const { type, payload, ts } of feed) {
    if (type === 'hello') {
      showId = (payload as { show: { id: string } }).show.id;
      continue;
    }
    if (type === 'comments') comments += (payload as { items: unknown[] }).items.length;
    if (type === 'stats') await atFeedTime(ts);
  }
  const wallSeconds = (performance.now() - wallStart) / 1000;
  unsubscribe();
  pipeline.stop();
  service.stop();
  await writer.close();
  await recorder.close();
  const dbBytes = ['', '-wal'].reduce((s, suffix) => {
    const file = path.join(dataDir, DB_FILE_NAME + suffix);
    return s + (fs.existsSync(file) ? fs.statSync(file).size : 0);
  }, 0);
  store.close();
  const recordingBytes = dirSize(path.join(dataDir, 'recordings'));

  const afterWarmup = samples.filter((s) => s.hour >= 2);
  return {
    feed: opts.recording ? 'recording' : 'in-process',
    hours,
    rate,
    seed,
    showId,
    comments,
    wallSeconds,
    heapGrowthMBPerHour: slope(afterWarmup.map((s) => [s.hour, s.heapMB])),
    rssGrowthMBPerHour: slope(afterWarmup.map((s) => [s.hour, s.rssMB])),
    dbMB: dbBytes / MB,
    recordingMB: recordingBytes / MB,
    updates,
    samples,
  };
}

interface FedEvent {
  type: string;
  payload: unknown;
  /** The event's feed time (stats: its ts), for the hourly samples. */
  ts: number;
}

const tsOf = (payload: unknown): number => {
  const ts = (payload as { ts?: unknown } | null)?.ts;
  return typeof ts === 'number' ? ts : 0;
};

/** Replays a recording into the handlers as fast as they take it (timers get their turn). */
async function* replayRecording(file: string, handlers: SourceHandlers): AsyncGenerator<FedEvent> {
  let lines = 0;
  for await (const line of readRecording(file)) {
    if (line.k === 'hello') handlers.onHello(line.p);
    else handlers.onEvent(line.type, line.p);
    yield { type: line.k === 'hello' ? 'hello' : line.type, payload: line.p, ts: tsOf(line.p) };
    // Let timers (flushes, update pushes, recorder flushes) run, as they would in real time.
    if (++lines % 20 === 0) await yieldToLoop();
  }
}

/** The simulator in this process (`npm run bench:soak` without --recording). */
async function* generateHere(
  spec: { seed: number; rate: number; hours: number },
  handlers: SourceHandlers,
): AsyncGenerator<FedEvent> {
  const model = new ShowModel({ ...spec, startedAt: BENCH_SHOW_START, durationMs: spec.hours * 3600_000 });
  const hello = model.hello(BENCH_SHOW_START);
  handlers.onHello(hello);
  yield { type: 'hello', payload: hello, ts: BENCH_SHOW_START };
  let steps = 0;
  while (!model.done) {
    for (const { type, ...payload } of model.step()) {
      handlers.onEvent(type, payload);
      yield { type, payload, ts: tsOf(payload) };
    }
    if (++steps % 20 === 0) await yieldToLoop();
  }
}

function positive(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!(Number.isFinite(n) && n > 0))
    throw new Error(`soak: --${flag} must be a positive number, got "${value}"`);
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      hours: { type: 'string' },
      rate: { type: 'string' },
      seed: { type: 'string' },
      'data-dir': { type: 'string' },
      keep: { type: 'boolean' },
      report: { type: 'boolean' },
      recording: { type: 'string' },
    },
  });
  const hours = positive('hours', values.hours ?? process.env.SOAK_HOURS, 8);
  const rate = positive('rate', values.rate ?? process.env.SOAK_RATE, 500);
  const seed = positive('seed', values.seed, 8);
  if (values.keep && !values['data-dir']) throw new Error('soak: --keep needs --data-dir');
  const dataDir = values['data-dir'] ?? fs.mkdtempSync(path.join(os.tmpdir(), 'livedesk-soak-'));
  fs.mkdirSync(dataDir, { recursive: true });
  try {
    const result = await runSoak({
      hours,
      rate,
      seed,
      dataDir,
      recording: values.recording,
      onHour: (s) => {
        console.error(
          `soak hour ${s.hour}: ${s.comments.toLocaleString('en-US')} comments, heap ${s.heapMB.toFixed(1)} MB, rss ${s.rssMB.toFixed(1)} MB, ${s.wallSeconds.toFixed(0)} s`,
        );
        if (values.report) tellParent('hour', s);
      },
    });
    if (values.report) tellParent('done', result);
    console.error(
      `soak: ${result.hours} h at ${result.rate}/s = ${result.comments.toLocaleString('en-US')} comments in ${result.wallSeconds.toFixed(0)} s; ` +
        `heap ${result.heapGrowthMBPerHour.toFixed(2)} MB/h, rss ${result.rssGrowthMBPerHour.toFixed(2)} MB/h after warm-up; ` +
        `db ${result.dbMB.toFixed(0)} MB, recording ${result.recordingMB.toFixed(0)} MB; ${result.updates} updates pushed`,
    );
  } finally {
    // The recording is not part of the big show the other benchmarks reuse: only the database is.
    if (values.keep) fs.rmSync(path.join(dataDir, 'recordings'), { recursive: true, force: true });
    else fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('soak.ts')) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
