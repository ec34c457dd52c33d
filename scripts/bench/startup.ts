/**
 * Start-up with the big show's database present (a copy of it, ~2 GB, 14.7 M comments):
 *
 * - `npm run web` exactly as typed (npm, the renderer check, tsx, the core, the web host) with a
 *   browser already open: from the spawn to the first metric value on screen in Chromium (the page
 *   is opened as soon as the host prints its URL; the figure ends at the next frame);
 * - the app's own start path (startup-child.ts, a fresh process per run): startLiveDesk → the first
 *   board snapshot with data, as either host's window gets it.
 *
 * One warm-up run of each excluded; median with min/max. Every run starts the demo, which adds a
 * show of a few seconds to the copy.
 */
import { execFileSync, spawn } from 'node:child_process';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from '../../tests/helpers/browser.js';
import { workingCopy } from './big-show.js';
import { ROOT, spawnScript } from './child-process.js';
import type { BenchContext } from './context.js';
import { atMost, summarise, type Measurement } from './result.js';
import type { StartupTimes } from './startup-child.js';

const TOKEN = 'startup-bench-token';

/** In the page: resolves (wall-clock ms) at the frame after a metric tile first shows a value. */
const FIRST_VALUE = `() => new Promise((resolve) => {
  const has = () => [...document.querySelectorAll('[data-testid="metric-value"]')]
    .some((el) => /\\d/.test(el.textContent || ''));
  const frame = () => has()
    ? requestAnimationFrame(() => resolve(performance.timeOrigin + performance.now()))
    : requestAnimationFrame(frame);
  frame();
})`;

/** One `npm run web` start: ms from spawn to the first value on screen, and the host's own "ready in". */
async function npmWebRun(page: Page, dataDir: string): Promise<{ ms: number; readyMs: number }> {
  const started = Date.now();
  // Its own process group, so npm, its shell and the host stop together.
  const child = spawn(
    'npm',
    ['run', 'web', '--', '--data-dir', dataDir, '--port', '0', '--web-token', TOKEN],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  );
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (s: string) => (output += s));
  child.stderr.setEncoding('utf8').on('data', (s: string) => (output += s));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`npm run web did not start in 60 s:\n${output}`)),
        60_000,
      );
      const check = () => {
        const match = /Open: (http:\/\/\S+)/.exec(output);
        if (!match) return;
        clearTimeout(timer);
        resolve(match[1]!);
      };
      child.stdout.on('data', check);
      void exited.then(() => reject(new Error(`npm run web exited:\n${output}`)));
    });
    await page.goto(url);
    const shownAt = (await page.evaluate(`(${FIRST_VALUE})()`)) as number;
    const readyMs = Number(/ready in (\d+) ms/.exec(output)?.[1] ?? NaN);
    return { ms: shownAt - started, readyMs };
  } finally {
    await page.goto('about:blank');
    if (child.exitCode === null && child.pid !== undefined) {
      process.kill(-child.pid, 'SIGTERM');
      const timer = setTimeout(() => child.pid !== undefined && process.kill(-child.pid, 'SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
  }
}

async function corePathRun(dataDir: string): Promise<StartupTimes> {
  const child = spawnScript('scripts/bench/startup-child.ts', ['--data-dir', dataDir]);
  try {
    return await child.message<StartupTimes>('startup', 60_000);
  } finally {
    await child.exited;
  }
}

export async function benchStartup(ctx: BenchContext): Promise<Measurement[]> {
  const show = await ctx.bigShow();
  const runs = ctx.quick ? 1 : 3;
  const copy = workingCopy(show);
  // What `npm run web` checks first; built now so no run pays a renderer build.
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/ensure-renderer.mjs')], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await npmWebRun(page, copy.dir); // warm-up
    const web: { ms: number; readyMs: number }[] = [];
    for (let i = 0; i < runs; i++) web.push(await npmWebRun(page, copy.dir));
    await corePathRun(copy.dir); // warm-up
    const core: StartupTimes[] = [];
    for (let i = 0; i < runs; i++) core.push(await corePathRun(copy.dir));
    const ms = (xs: number[]) => xs.map((x) => Math.round(x)).join(', ');
    const present = `${show.comments.toLocaleString('en-US')}-comment database present (${show.dbMB.toLocaleString('en-US')} MB)`;
    return [
      {
        name: 'startup-npm-web',
        ...summarise(web.map((r) => r.ms)),
        unit: 'ms',
        target: atMost(2000, 'ms'),
        note: `spawn of \`npm run web\` → first metric value painted in Chromium (already open); ${present}; the host printed "ready in" ${ms(web.map((r) => r.readyMs))} ms`,
      },
      {
        name: 'startup-core',
        ...summarise(core.map((r) => r.firstDataMs)),
        unit: 'ms',
        target: atMost(2000, 'ms'),
        note: `startLiveDesk → first getSnapshot() with a show and metrics (demo source), fresh process per run; open ${ms(core.map((r) => r.openMs))} ms, the snapshot call ${core.map((r) => r.snapshotMs.toFixed(1)).join(', ')} ms; ${present}`,
      },
    ];
  } finally {
    await browser.close();
    copy.remove();
  }
}
