/**
 * Chart library by measurement (issue "The live metric board"): the cost of redrawing a
 * 1200×300 chart of 4 series × 480 points (an 8-hour show by the minute) when one point is
 * appended and the oldest dropped, for uPlot and Chart.js, in Debian Chromium.
 *
 * The harness page (scripts/bench/chart-harness/) is plain JavaScript served from 127.0.0.1
 * with the two libraries' browser builds from node_modules; each library runs in a fresh page,
 * rounds alternate the order. Per update: data change → library update → its redraw (uPlot
 * commits in a microtask) → a forced layout read. Also reported: frame length around each
 * update, long tasks (> 50 ms, PerformanceObserver), mount time and JS heap.
 *
 * `npx tsx scripts/bench/chart-render.ts` alone, or as part of `npm run bench`.
 * CHART_BENCH_ROUNDS (default 2), CHART_BENCH_INTERVAL_MS (default 250; the board updates every
 * second, the shorter gap only shortens the run), CHART_BENCH_DPR (default 1).
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_PATH } from '../../tests/helpers/browser.js';
import type { Measurement as BenchResult } from './result.js';

const root = path.resolve(import.meta.dirname, '../..');
const harnessDir = path.join(import.meta.dirname, 'chart-harness');

const POINTS = 480;
const UPDATES = 60;
const WARMUP = 10;
const ROUNDS = Number(process.env.CHART_BENCH_ROUNDS ?? 2);
const INTERVAL_MS = Number(process.env.CHART_BENCH_INTERVAL_MS ?? 250);
const DPR = Number(process.env.CHART_BENCH_DPR ?? 1);

/** baseline: the same loop without a chart — the page's own frame timing, for comparison. */
type LibraryName = 'uplot' | 'chartjs' | 'baseline';
const LIBRARIES: readonly LibraryName[] = ['uplot', 'chartjs', 'baseline'];
const LABEL: Record<LibraryName, string> = { uplot: 'uPlot', chartjs: 'Chart.js', baseline: 'no chart' };

/** What the harness's window.benchChart returns for one run. */
interface RunResult {
  name: LibraryName;
  mountMs: number;
  scriptMs: number[];
  updateMs: number[];
  frameMs: number[];
  longTasks: number[];
  heapStart: number | null;
  heapEnd: number | null;
}

export interface ChartLibraryStats {
  library: LibraryName;
  updates: number;
  /** The library's own work: data change → update call → its redraw → layout (ms). */
  scriptMedian: number;
  scriptP95: number;
  scriptMin: number;
  scriptMax: number;
  /** The same plus rasterising the canvas: what one update costs the page (ms). */
  median: number;
  p95: number;
  min: number;
  max: number;
  frameP95: number;
  /** Frames longer than 1.5 × 16.7 ms (at least one frame missed). */
  missedFrames: number;
  longTasks: number;
  longTaskMs: number;
  mountMs: number;
  /** Heap held by the mounted chart and its data, after a GC (MB). */
  heapMb: number | null;
}

const FILES: Record<string, { file: string; type: string }> = {
  '/': { file: path.join(harnessDir, 'index.html'), type: 'text/html; charset=utf-8' },
  '/harness.js': { file: path.join(harnessDir, 'harness.js'), type: 'text/javascript; charset=utf-8' },
  '/uplot.js': {
    file: path.join(root, 'node_modules/uplot/dist/uPlot.iife.min.js'),
    type: 'text/javascript; charset=utf-8',
  },
  '/uplot.css': { file: path.join(root, 'node_modules/uplot/dist/uPlot.min.css'), type: 'text/css' },
  '/chart.js': {
    file: path.join(root, 'node_modules/chart.js/dist/chart.umd.min.js'),
    type: 'text/javascript; charset=utf-8',
  },
};

function serveHarness(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const entry = FILES[new URL(req.url ?? '/', 'http://x').pathname];
    if (!entry) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': entry.type, 'cache-control': 'no-store' });
    fs.createReadStream(entry.file).pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}/`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}

function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      // Exact heap figures (not bucketed) and window.gc() for heap readings after a collection.
      '--enable-precise-memory-info',
      '--js-flags=--expose-gc',
    ],
  });
}

async function runOnce(browser: Browser, url: string, library: LibraryName): Promise<RunResult> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 400 }, deviceScaleFactor: DPR });
  try {
    await page.goto(url);
    await page.waitForFunction(() => 'benchChart' in window);
    // The function is named by string so no compiled TypeScript crosses into the page.
    return (await page.evaluate(
      `window.benchChart(${JSON.stringify(library)}, ${JSON.stringify({
        points: POINTS,
        updates: UPDATES,
        warmup: WARMUP,
        intervalMs: INTERVAL_MS,
      })})`,
    )) as RunResult;
  } finally {
    await page.close();
  }
}

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index]!;
}

const median = (values: readonly number[]) =>
  quantile(
    [...values].sort((a, b) => a - b),
    0.5,
  );
const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 100) / 100;
const round2 = (n: number) => Math.round(n * 100) / 100;

function summarise(library: LibraryName, runs: readonly RunResult[]): ChartLibraryStats {
  const updates = runs.flatMap((r) => r.updateMs).sort((a, b) => a - b);
  const scripts = runs.flatMap((r) => r.scriptMs).sort((a, b) => a - b);
  const frames = runs.flatMap((r) => r.frameMs).sort((a, b) => a - b);
  const longTasks = runs.flatMap((r) => r.longTasks);
  const heaps = runs.filter((r) => r.heapStart !== null && r.heapEnd !== null);
  return {
    library,
    updates: updates.length,
    scriptMedian: round2(quantile(scripts, 0.5)),
    scriptP95: round2(quantile(scripts, 0.95)),
    scriptMin: round2(scripts[0] ?? NaN),
    scriptMax: round2(scripts.at(-1) ?? NaN),
    median: round2(quantile(updates, 0.5)),
    p95: round2(quantile(updates, 0.95)),
    min: round2(updates[0] ?? NaN),
    max: round2(updates.at(-1) ?? NaN),
    frameP95: round2(quantile(frames, 0.95)),
    missedFrames: frames.filter((ms) => ms > 25).length,
    longTasks: longTasks.length,
    longTaskMs: Math.round(longTasks.reduce((a, b) => a + b, 0)),
    mountMs: round2(median(runs.map((r) => r.mountMs))),
    heapMb: heaps.length ? mb(median(heaps.map((r) => r.heapEnd! - r.heapStart!))) : null,
  };
}

/** Runs both libraries ROUNDS times (alternating order) and summarises each. */
export async function measureChartLibraries(): Promise<ChartLibraryStats[]> {
  const harness = await serveHarness();
  const browser = await launch();
  try {
    const runs: Record<LibraryName, RunResult[]> = { uplot: [], chartjs: [], baseline: [] };
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 === 0 ? LIBRARIES : [...LIBRARIES].reverse();
      for (const library of order) runs[library].push(await runOnce(browser, harness.url, library));
    }
    return LIBRARIES.map((library) => summarise(library, runs[library]));
  } finally {
    await browser.close();
    await harness.close();
  }
}

/**
 * For `npm run bench`: per library, the script cost and the full cost (with rasterisation) of
 * one update, median ms with min–max; ratios are vs uPlot.
 */
export async function benchChartRender(): Promise<BenchResult[]> {
  const stats = await measureChartLibraries();
  const uplot = stats.find((s) => s.library === 'uplot')!;
  const baseline = stats.find((s) => s.library === 'baseline')!;
  const charts = stats.filter((s) => s.library !== 'baseline');
  const shape = `4 series × ${POINTS} points, 1200×300 @${DPR}x, ${charts[0]?.updates ?? 0} updates`;
  return [
    ...charts.map((s) => ({
      name: `chart-script-${s.library}`,
      value: s.scriptMedian,
      unit: 'ms/update',
      min: s.scriptMin,
      max: s.scriptMax,
      runs: s.updates,
      ratio: round2(s.scriptMedian / uplot.scriptMedian),
      note: `${LABEL[s.library]} (${shape}): data change → update → redraw → layout; p95 ${s.scriptP95} ms`,
    })),
    ...charts.map((s) => ({
      name: `chart-render-${s.library}`,
      value: s.median,
      unit: 'ms/update',
      min: s.min,
      max: s.max,
      runs: s.updates,
      ratio: round2(s.median / uplot.median),
      note:
        `${LABEL[s.library]} (${shape}): script + canvas rasterisation; p95 ${s.p95} ms, ` +
        `frame p95 ${s.frameP95} ms (no chart: ${baseline.frameP95} ms), long tasks ${s.longTasks} ` +
        `(${s.longTaskMs} ms), mount ${s.mountMs} ms, heap ${s.heapMb ?? '?'} MB`,
    })),
  ];
}

// Run directly: print the table the docs quote.
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  measureChartLibraries()
    .then((stats) => {
      console.table(stats);
      const [uplot, chartjs] = stats;
      if (uplot && chartjs) {
        console.log(
          `Chart.js / uPlot — script: median ×${round2(chartjs.scriptMedian / uplot.scriptMedian)}, ` +
            `p95 ×${round2(chartjs.scriptP95 / uplot.scriptP95)}; with raster: median ` +
            `×${round2(chartjs.median / uplot.median)}, p95 ×${round2(chartjs.p95 / uplot.p95)}`,
        );
      }
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
