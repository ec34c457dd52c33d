/**
 * `npm run bench:soak`: an 8-hour show at 500 comments/s, run accelerated through the real
 * core (recorder → pipeline → SQLite, with a subscribed service pushing updates), sampling
 * heap and RSS after a GC at every simulated hour. Growth after the first (warm-up) hour is
 * fitted by least squares and reported in MB per simulated hour, with database and recording sizes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { MetricsEngine } from '../../electron/core/engines/metrics-engine.js';
import { IngestPipeline } from '../../electron/core/ingest/pipeline.js';
import { Recorder } from '../../electron/core/recording/recorder.js';
import { CoreService } from '../../electron/core/service.js';
import { SourceController } from '../../electron/core/source-controller.js';
import { ShowModel } from '../../electron/core/sim/show-model.js';
import { openStore } from '../../electron/core/store/open-store.js';
import { DB_FILE_NAME } from '../../electron/core/store/store.js';

const HOURS = Number(process.env.SOAK_HOURS ?? 8);
const RATE = Number(process.env.SOAK_RATE ?? 500);
const MB = 1024 * 1024;

function slope(points: [number, number][]): number {
  const n = points.length;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const num = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const den = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return den === 0 ? 0 : num / den;
}

function dirSize(dir: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    total += entry.isDirectory() ? dirSize(full) : fs.statSync(full).size;
  }
  return total;
}

export async function runSoak() {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc (npm run bench:soak does)');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'livedesk-soak-'));
  const { store } = openStore(dataDir);
  const metrics = new MetricsEngine();
  const recorder = new Recorder({ dir: path.join(dataDir, 'recordings') });
  let service: CoreService | null = null;
  const pipeline = new IngestPipeline({
    store,
    metrics,
    sourceKind: 'sim',
    onStored: (rows, showId) => service?.onStored(rows, showId),
  });
  const controller = new SourceController(
    { pipeline, recorder },
    { kind: 'sim', rate: RATE, seed: 1, speed: 1, durationMs: 1 },
  );
  service = new CoreService({ store, pipeline, metrics, controller, recorder });
  let updates = 0;
  const unsubscribe = service.onUpdate(() => updates++);

  const startedAt = Date.UTC(2026, 10, 23, 12);
  const model = new ShowModel({ seed: 8, rate: RATE, startedAt, durationMs: HOURS * 3600_000 });
  const handlers = recorder.wrap(pipeline.handlers());
  handlers.onHello(model.hello(startedAt));

  const samples: { hour: number; heapMB: number; rssMB: number; comments: number }[] = [];
  let comments = 0;
  let nextHour = 1;
  const wallStart = performance.now();
  let steps = 0;
  while (!model.done) {
    for (const { type, ...payload } of model.step()) {
      if (type === 'comments') comments += (payload as { items: unknown[] }).items.length;
      handlers.onEvent(type, payload);
    }
    // Let timers (flushes, update pushes, recorder flushes) run, as they would in real time.
    if (++steps % 20 === 0) await yieldToLoop();
    if (model.simTime - startedAt >= nextHour * 3600_000) {
      pipeline.flush();
      await yieldToLoop();
      gc();
      const m = process.memoryUsage();
      samples.push({ hour: nextHour, heapMB: m.heapUsed / MB, rssMB: m.rss / MB, comments });
      console.log(
        `hour ${nextHour}: ${comments.toLocaleString('en-US')} comments, heap ${(m.heapUsed / MB).toFixed(1)} MB, rss ${(m.rss / MB).toFixed(1)} MB, ${((performance.now() - wallStart) / 1000).toFixed(0)} s`,
      );
      nextHour++;
    }
  }
  unsubscribe();
  pipeline.stop();
  service.stop();
  await recorder.close();
  const dbBytes = ['', '-wal'].reduce((s, suffix) => {
    const file = path.join(dataDir, DB_FILE_NAME + suffix);
    return s + (fs.existsSync(file) ? fs.statSync(file).size : 0);
  }, 0);
  store.close();
  const recordingBytes = dirSize(path.join(dataDir, 'recordings'));
  fs.rmSync(dataDir, { recursive: true, force: true });

  const afterWarmup = samples.filter((s) => s.hour >= 2);
  const heapGrowth = slope(afterWarmup.map((s) => [s.hour, s.heapMB]));
  const rssGrowth = slope(afterWarmup.map((s) => [s.hour, s.rssMB]));
  return {
    hours: HOURS,
    rate: RATE,
    comments,
    wallSeconds: (performance.now() - wallStart) / 1000,
    heapGrowthMBPerHour: heapGrowth,
    rssGrowthMBPerHour: rssGrowth,
    dbMB: dbBytes / MB,
    recordingMB: recordingBytes / MB,
    updates,
    samples,
  };
}

const isMain = import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('soak.ts');
if (isMain) {
  runSoak()
    .then((r) => {
      console.log(
        `soak: ${r.hours} h at ${r.rate}/s = ${r.comments.toLocaleString('en-US')} comments in ${r.wallSeconds.toFixed(0)} s; ` +
          `heap ${r.heapGrowthMBPerHour.toFixed(2)} MB/h, rss ${r.rssGrowthMBPerHour.toFixed(2)} MB/h after warm-up; ` +
          `db ${r.dbMB.toFixed(0)} MB, recording ${r.recordingMB.toFixed(0)} MB; ${r.updates} updates pushed`,
      );
    })
    .catch((err: unknown) => {
      console.error(err);
      process.exit(1);
    });
}
