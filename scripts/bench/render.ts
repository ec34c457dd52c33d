/**
 * The board in Debian Chromium while the demo feed streams 2,000 comments/s through the web host:
 * frame times (requestAnimationFrame deltas), long tasks (> 50 ms), DOM node count at the start
 * and the end (flat = virtualisation works), and how often the board's last-seq figure changes
 * (the board must update at least once a second).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchChromium } from '../../tests/helpers/browser.js';
import { startWebCli } from '../../tests/helpers/web-cli.js';
import type { BenchResult } from './ingest.js';

const SECONDS = Number(process.env.RENDER_SECONDS ?? 30);

interface PageStats {
  frames: number[];
  longTasks: number[];
  nodesStart: number;
  nodesEnd: number;
  tileChanges: number;
  commentRows: number;
}

/**
 * Runs in the page. Plain JavaScript text on purpose: a function passed to page.evaluate from a
 * tsx-compiled file would carry the compiler's helper calls, which the page does not have.
 */
const PAGE_PROBE = `async (seconds) => {
  const frames = [];
  const longTasks = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) longTasks.push(e.duration); })
    .observe({ type: 'longtask', buffered: false });
  const online = document.querySelector('[data-testid="feed-last-seq"]');
  let tileChanges = 0;
  if (online) new MutationObserver(() => tileChanges++).observe(online, { childList: true, characterData: true, subtree: true });
  const nodesStart = document.getElementsByTagName('*').length;
  await new Promise((resolve) => {
    let last = performance.now();
    const end = last + seconds * 1000;
    const tick = (now) => {
      frames.push(now - last);
      last = now;
      if (now < end) requestAnimationFrame(tick); else resolve();
    };
    requestAnimationFrame(tick);
  });
  return {
    frames, longTasks, nodesStart, tileChanges,
    nodesEnd: document.getElementsByTagName('*').length,
    commentRows: document.querySelectorAll('[data-testid="comment-row"]').length,
  };
}`;

export async function benchRender(rate = 2000): Promise<BenchResult[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'livedesk-render-'));
  const web = await startWebCli(
    ['--data-dir', dataDir, '--rate', String(rate), '--seed', '3'],
    'render-bench-token',
  );
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(`${web.url}?token=${web.token}`);
    await page.locator('[data-testid="comment-row"]').first().waitFor();
    await page.waitForTimeout(3000); // warm-up
    const stats = (await page.evaluate(`(${PAGE_PROBE})(${SECONDS})`)) as PageStats;
    const sorted = [...stats.frames].sort((a, b) => a - b);
    const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
    const note = `${rate} comments/s for ${SECONDS} s at 1366×768; ${stats.frames.length} frames; DOM ${stats.nodesStart}→${stats.nodesEnd} nodes; ${stats.commentRows} comment rows in the DOM`;
    return [
      {
        name: 'render-frame-p95',
        value: Number(pct(95).toFixed(1)),
        unit: 'ms',
        min: Number(sorted[0]!.toFixed(1)),
        max: Number(sorted.at(-1)!.toFixed(1)),
        runs: 1,
        note,
      },
      {
        name: 'render-frame-p50',
        value: Number(pct(50).toFixed(1)),
        unit: 'ms',
        min: Number(sorted[0]!.toFixed(1)),
        max: Number(sorted.at(-1)!.toFixed(1)),
        runs: 1,
      },
      {
        name: 'render-long-tasks',
        value: stats.longTasks.length,
        unit: 'tasks > 50 ms',
        min: 0,
        max: Math.round(Math.max(0, ...stats.longTasks)),
        runs: 1,
        note: 'max = longest task in ms',
      },
      {
        name: 'render-dom-growth',
        value: stats.nodesEnd - stats.nodesStart,
        unit: 'nodes',
        min: stats.nodesStart,
        max: stats.nodesEnd,
        runs: 1,
      },
      {
        name: 'board-updates',
        value: Number((stats.tileChanges / SECONDS).toFixed(2)),
        unit: 'board updates/s (last-seq figure changes)',
        min: 0,
        max: stats.tileChanges,
        runs: 1,
        note: 'must be ≥ 1/s',
      },
    ];
  } finally {
    await browser.close();
    await web.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('render.ts')) {
  benchRender()
    .then((results) =>
      console.table(
        results.map(({ name, value, unit, min, max, note }) => ({ name, value, unit, min, max, note })),
      ),
    )
    .catch((err: unknown) => {
      console.error(err);
      process.exit(1);
    });
}
