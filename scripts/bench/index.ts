/**
 * `npm run bench`: every benchmark of issue 9's table in one go, a table on stdout and
 * bench/results.json (+ bench/results.md, the same table in Markdown).
 *
 *   npm run bench                          all of the issue's table (under 10 minutes on 2 cores)
 *   npm run bench -- --only ingest,match   a subset (merged into results.json; others kept)
 *   npm run bench -- --quick               everything at small sizes, to check the harness
 *                                          (written to bench/results.quick.json, marked quick)
 *   npm run bench -- --seed 8 --list       the data generator's seed; the benchmarks' names
 *   npm run bench -- --fresh               re-run the soak even if its cached figure ran the same code
 *
 * Benchmarks outside the table (faq-match, replies, chart, alert-latency) run when named in --only.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { benchAlertLatency } from './alert-latency.js';
import { bigShowSpec, ensureBigShow, type BigShow } from './big-show.js';
import { benchChartRender } from './chart-render.js';
import { ROOT } from './child-process.js';
import type { BenchContext, Benchmark } from './context.js';
import { benchExport } from './export.js';
import { benchFaqMatch, benchFaqSearch } from './faq.js';
import { benchHistory } from './history.js';
import { benchIngest } from './ingest.js';
import { benchMatch } from './keywords.js';
import { benchLatency } from './latency.js';
import { benchRender } from './render.js';
import { benchReplies } from './replies.js';
import {
  benchmarkPass,
  formatMarkdown,
  formatTable,
  isResultsFile,
  mergeResults,
  toResult,
  type BenchResult,
  type BenchmarkSummary,
  type ResultsFile,
} from './result.js';
import { benchSoak } from './soak-bench.js';
import { benchStartup } from './startup.js';

/** In run order: soak first (it makes the big show the later ones open), browsers after the CPU-bound ones. */
export const BENCHMARKS: readonly Benchmark[] = [
  {
    name: 'soak',
    what: '8 h at 500 comments/s accelerated: heap and RSS growth after warm-up',
    inDefault: true,
    run: benchSoak,
  },
  {
    name: 'ingest',
    what: 'comments/s through the whole app pipeline, feed in another process; vs raw SQLite',
    inDefault: true,
    run: benchIngest,
  },
  {
    name: 'match',
    what: 'keyword matching, 2,000 phrases × 1 M comments, vs @monyone/aho-corasick and mint-filter',
    inDefault: true,
    run: benchMatch,
  },
  {
    name: 'faq-search',
    what: 'type-ahead search over 5,000 FAQ entries, p99 per query',
    inDefault: true,
    run: benchFaqSearch,
  },
  {
    name: 'export',
    what: 'the big show’s report in every format through the export CLI; peak RSS',
    inDefault: true,
    run: benchExport,
  },
  {
    name: 'latency',
    what: 'feed emit → comment in the renderer’s DOM at 2,000 comments/s (p50, p99)',
    inDefault: true,
    run: benchLatency,
  },
  {
    name: 'render',
    what: 'frames, long tasks and DOM size in Chromium, 60 s at 2,000 comments/s',
    inDefault: true,
    run: benchRender,
  },
  {
    name: 'history',
    what: 'open the finished 8-hour show’s board: tiles and sparklines painted',
    inDefault: true,
    run: benchHistory,
  },
  {
    name: 'startup',
    what: '`npm run web` and startLiveDesk to first data, with the big database present',
    inDefault: true,
    run: benchStartup,
  },
  {
    name: 'faq-match',
    what: 'FAQ suggestion throughput (5,000 entries) and matcher build',
    inDefault: false,
    run: benchFaqMatch,
  },
  {
    name: 'replies',
    what: 'the reply workflow at show scale (100,000 questions)',
    inDefault: false,
    run: () => benchReplies(),
  },
  {
    name: 'chart',
    what: 'uPlot vs Chart.js redraw cost (the chart library pick)',
    inDefault: false,
    run: () => benchChartRender(),
  },
  {
    name: 'alert-latency',
    what: 'keyword alert: crossing comment sent → alert in the DOM',
    inDefault: false,
    run: () => benchAlertLatency(),
  },
];

export class UsageError extends Error {}

export interface RunOptions {
  only: string[] | null;
  quick: boolean;
  seed: number;
  list: boolean;
  fresh: boolean;
}

export function parseOptions(argv: string[]): RunOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        only: { type: 'string' },
        quick: { type: 'boolean' },
        seed: { type: 'string' },
        list: { type: 'boolean' },
        fresh: { type: 'boolean' },
      },
    }));
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  const seed = values.seed === undefined ? 8 : Number(values.seed);
  if (!Number.isSafeInteger(seed) || seed < 1)
    throw new UsageError(`--seed must be a positive integer, got "${values.seed}"`);
  let only: string[] | null = null;
  if (values.only !== undefined) {
    only = values.only
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const known = new Set(BENCHMARKS.map((b) => b.name));
    const unknown = only.filter((name) => !known.has(name));
    if (only.length === 0) throw new UsageError('--only needs benchmark names, e.g. --only ingest,match');
    if (unknown.length > 0)
      throw new UsageError(`unknown benchmark ${unknown.join(', ')}; known: ${[...known].join(', ')}`);
  }
  return {
    only,
    quick: values.quick === true,
    seed,
    list: values.list === true,
    fresh: values.fresh === true,
  };
}

function machine(): string {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model.trim() ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}, ${os.type()} ${os.release()}`;
}

const load = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

function readPrevious(file: string): ResultsFile | null {
  try {
    const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    return isResultsFile(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (options.list) {
    for (const b of BENCHMARKS) console.log(`${b.name.padEnd(14)} ${b.inDefault ? '   ' : '(*)'} ${b.what}`);
    console.log('(*) only when named in --only');
    return;
  }
  const selected = BENCHMARKS.filter((b) => (options.only ? options.only.includes(b.name) : b.inDefault));
  const started = performance.now();
  const log = (line: string) =>
    console.error(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);
  const spec = bigShowSpec(options.seed, options.quick);
  let bigShow: Promise<BigShow> | null = null;
  const ctx: BenchContext = {
    quick: options.quick,
    fresh: options.fresh,
    seed: options.seed,
    bigShow: () => (bigShow ??= ensureBigShow(spec, log)),
    log,
  };
  log(`machine: ${machine()}; load average ${load()}${options.quick ? '; QUICK sizes' : ''}`);

  const results: BenchResult[] = [];
  const summaries: BenchmarkSummary[] = [];
  let failed = false;
  for (const benchmark of selected) {
    log(`${benchmark.name}: ${benchmark.what}`);
    const t0 = performance.now();
    let rows: BenchResult[];
    try {
      rows = (await benchmark.run(ctx)).map((m) => toResult(benchmark.name, m));
    } catch (err) {
      failed = true;
      const reason = err instanceof Error ? (err.stack ?? err.message) : String(err);
      console.error(reason);
      rows = [
        toResult(benchmark.name, {
          name: benchmark.name,
          value: null,
          unit: '',
          min: null,
          max: null,
          runs: 0,
          note: `failed: ${reason.split('\n')[0]}`,
        }),
      ];
      rows[0]!.pass = false;
    }
    const seconds = Math.round((performance.now() - t0) / 1000);
    results.push(...rows);
    summaries.push({
      name: benchmark.name,
      pass: rows.some((r) => r.note?.startsWith('failed:')) ? false : benchmarkPass(rows),
      seconds,
      date: new Date().toISOString(),
      quick: options.quick,
    });
    log(`${benchmark.name}: done in ${seconds} s`);
  }

  const run: ResultsFile = {
    date: new Date().toISOString(),
    machine: `${machine()}; load average at the end ${load()}`,
    command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
    quick: options.quick,
    seconds: Math.round((performance.now() - started) / 1000),
    benchmarks: summaries,
    results,
  };
  const file = path.join(ROOT, options.quick ? 'bench/results.quick.json' : 'bench/results.json');
  const written = options.only ? mergeResults(readPrevious(file), run) : run;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(written, null, 2) + '\n');
  fs.writeFileSync(file.replace(/\.json$/, '.md'), formatMarkdown(written.results) + '\n');

  console.log(`\n${formatTable(results)}\n`);
  for (const s of summaries)
    console.log(`${s.name.padEnd(14)} ${s.pass === null ? '—' : s.pass ? 'pass' : 'MISS'}  (${s.seconds} s)`);
  console.log(
    `\n${run.machine}\n${run.seconds} s in all${options.quick ? ' (quick sizes)' : ''}; written: ${path.relative(ROOT, file)}`,
  );
  if (failed) process.exitCode = 1;
}

if (process.argv[1]?.endsWith(path.join('bench', 'index.ts'))) {
  main().catch((err: unknown) => {
    if (err instanceof UsageError) {
      console.error(`bench: ${err.message}`);
      process.exit(2);
    }
    console.error(err);
    process.exit(1);
  });
}
