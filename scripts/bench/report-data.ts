/**
 * `tsx scripts/bench/report-data.ts [--db FILE --show ID] [--minutes 60] [--rate 500] [--runs 5]`
 *
 * How long buildReport takes for one show (the data behind the 直播工作总结 export), and how fast
 * its rows stream (reportRows). With --db it reads an existing database (e.g. the benchmarks'
 * 8-hour, 14 M-comment show); without, it first generates a simulated show through the real core
 * — pipeline → SQLite → FAQ questions → keyword alerts — on the show's own clock, answering the
 * oldest pending question groups every few seconds, so the report has replies, alerts and FAQ use
 * to read. Generation is not measured. Not a test: figures go to stdout.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseFlags } from '../../electron/core/cli-flags.js';
import { buildReport } from '../../electron/core/report/build-report.js';
import { reportRows } from '../../electron/core/report/report-rows.js';
import { ShowModel } from '../../electron/core/sim/show-model.js';
import { openStore } from '../../electron/core/store/open-store.js';
import { DB_FILE_NAME, Store } from '../../electron/core/store/store.js';
import { benchCore } from './bench-core.js';

const USAGE = `usage: tsx scripts/bench/report-data.ts [--db FILE --show ID] [--minutes N] [--rate N] [--seed N] [--runs N] [--keep DIR]`;
const ANSWER_EVERY_MS = 5_000;
const GROUPS_PER_ANSWER = 3;

interface Options {
  db: string | null;
  show: string | null;
  minutes: number;
  rate: number;
  seed: number;
  runs: number;
  /** Generate into this directory and keep it (to measure it again with --db). */
  keep: string | null;
}

function parseOptions(argv: string[]): Options {
  const v = parseFlags(
    argv,
    {
      db: { type: 'string' },
      show: { type: 'string' },
      minutes: { type: 'string' },
      rate: { type: 'string' },
      seed: { type: 'string' },
      runs: { type: 'string' },
      keep: { type: 'string' },
    },
    (message) => new Error(`${message}\n${USAGE}`),
  );
  const int = (name: string, raw: string | undefined, fallback: number, max: number) => {
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1 || n > max)
      throw new Error(`--${name} must be a whole number from 1 to ${max}`);
    return n;
  };
  if ((v.db === undefined) !== (v.show === undefined))
    throw new Error(`--db and --show go together\n${USAGE}`);
  return {
    db: v.db ?? null,
    show: v.show ?? null,
    minutes: int('minutes', v.minutes, 60, 24 * 60),
    rate: int('rate', v.rate, 500, 10_000),
    seed: int('seed', v.seed, 8, 2 ** 31),
    runs: int('runs', v.runs, 5, 100),
    keep: v.keep ?? null,
  };
}

/** A simulated show stored through the real core, on the show's clock; returns its id. */
async function generate(dataDir: string, o: Options): Promise<string> {
  const { store } = openStore(dataDir);
  const startedAt = Date.UTC(2026, 10, 23, 12);
  let clock = startedAt;
  const now = () => clock;
  const { recorder, pipeline, service } = benchCore({ store, dataDir, rate: o.rate, seed: o.seed, now });
  const model = new ShowModel({ seed: o.seed, rate: o.rate, startedAt, durationMs: o.minutes * 60_000 });
  pipeline.handleHello(model.hello(startedAt));
  const showId = pipeline.currentShow!.id;
  let nextAnswer = startedAt + ANSWER_EVERY_MS;
  let steps = 0;
  while (!model.done) {
    for (const { type, ...payload } of model.step()) pipeline.handleEvent(type, payload);
    clock = model.simTime;
    if (++steps % 10 === 0) pipeline.flush();
    if (clock >= nextAnswer) {
      nextAnswer += ANSWER_EVERY_MS;
      for (const group of service.getReplies().pending.slice(0, GROUPS_PER_ANSWER))
        service.answerQuestions({ groupKey: group.key, faqId: group.suggestions[0]?.faqId ?? null });
    }
    if (steps % 6000 === 0)
      console.log(`  generated ${Math.round((clock - startedAt) / 60_000)} of ${o.minutes} min`);
  }
  pipeline.flush();
  service.alerts.flush();
  service.tracker.writeWaiting();
  pipeline.stop();
  service.stop();
  await recorder.close();
  store.close();
  return showId;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function measure(file: string, showId: string, runs: number): void {
  const store = new Store(file, { readonly: true });
  try {
    const times: number[] = [];
    let report = buildReport(store, { kind: 'show', showId }); // warm-up (page cache, statements)
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      report = buildReport(store, { kind: 'show', showId });
      times.push(performance.now() - t);
    }
    if (report.kind !== 'show') throw new Error('expected a show report');
    const rows = reportRows(store);
    let t = performance.now();
    const count = rows.commentCount(showId);
    const countMs = performance.now() - t;
    t = performance.now();
    let streamed = 0;
    for (const batch of rows.comments(showId)) streamed += batch.length;
    const streamMs = performance.now() - t;
    t = performance.now();
    let questions = 0;
    for (const batch of rows.questions(showId)) questions += batch.length;
    const questionsMs = performance.now() - t;
    const mb = fs.statSync(file).size / 2 ** 20;
    console.log(
      [
        `database: ${file} (${mb.toFixed(0)} MB), show ${showId}: ${report.comments.total.toLocaleString('en-US')} comments, ` +
          `${report.replies.questions.toLocaleString('en-US')} questions (${report.replies.answered.toLocaleString('en-US')} answered), ` +
          `${report.alerts.total} alerts, ${report.trend.minutes.length} minutes, ${report.observations.length} observations`,
        `buildReport: median ${median(times).toFixed(1)} ms (min ${Math.min(...times).toFixed(1)}, max ${Math.max(...times).toFixed(1)}, ${runs} runs)`,
        `commentCount: ${count.toLocaleString('en-US')} in ${countMs.toFixed(2)} ms`,
        `comments streamed: ${streamed.toLocaleString('en-US')} in ${streamMs.toFixed(0)} ms (${Math.round(streamed / (streamMs / 1000)).toLocaleString('en-US')} rows/s)`,
        `questions streamed: ${questions.toLocaleString('en-US')} in ${questionsMs.toFixed(0)} ms`,
      ].join('\n'),
    );
  } finally {
    store.close();
  }
}

async function main(): Promise<void> {
  const o = parseOptions(process.argv.slice(2));
  if (o.db !== null && o.show !== null) {
    measure(o.db, o.show, o.runs);
    return;
  }
  const dataDir = o.keep ?? fs.mkdtempSync(path.join(os.tmpdir(), 'livedesk-report-bench-'));
  if (o.keep !== null && fs.existsSync(path.join(dataDir, DB_FILE_NAME)))
    throw new Error(`--keep ${dataDir}: it already holds a database`);
  try {
    console.log(
      `generating a ${o.minutes}-minute show at ${o.rate} comments/s (seed ${o.seed}) in ${dataDir}`,
    );
    const t = performance.now();
    const showId = await generate(dataDir, o);
    console.log(`  generated in ${((performance.now() - t) / 1000).toFixed(0)} s`);
    measure(path.join(dataDir, DB_FILE_NAME), showId, o.runs);
  } finally {
    if (o.keep === null) fs.rmSync(dataDir, { recursive: true, force: true });
    else console.log(`kept: ${path.join(dataDir, DB_FILE_NAME)}`);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
