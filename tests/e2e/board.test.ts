/**
 * The board in Debian Chromium against the real web host CLI on a fixed-seed demo show:
 * every tile shows the figure computed offline from the same seed, comments stream in,
 * and the language switch works. Screenshots go to test-results/.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ShowModel } from '../../electron/core/sim/show-model.js';
import { formatMetricValue, formatPercent } from '../../shared/format.js';
import { METRIC_DEFINITIONS } from '../../shared/metrics/definitions.js';
import { computeMetrics, type MetricValues } from '../../shared/metrics/formulas.js';
import type { StatsEvent } from '../../shared/protocol/feed.js';
import { launchChromium } from '../helpers/browser.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { startWebCli, type WebCli } from '../helpers/web-cli.js';

const SEED = 5;
const RATE = 100;
const MINUTES = 10;
const SPEED = 60; // the 10-minute show runs in 10 s
const ARTIFACTS = path.resolve(import.meta.dirname, '../../test-results');

/** The show's final figures, from the simulator run offline with the same seed. */
function expectedShow(): { values: MetricValues; lastComment: string; comments: number } {
  const model = new ShowModel({
    seed: SEED,
    rate: RATE,
    startedAt: Date.now(),
    durationMs: MINUTES * 60_000,
  });
  let peak = 0;
  let last: StatsEvent | null = null;
  let lastComment = '';
  while (!model.done) {
    for (const e of model.step()) {
      if (e.type === 'stats') {
        peak = Math.max(peak, e.online);
        last = e;
      } else if (e.type === 'comments') {
        lastComment = e.items.at(-1)!.text;
      }
    }
  }
  const { seq: _s, products: _p, ...counters } = last!;
  return { values: computeMetrics({ counters, peakOnline: peak }), lastComment, comments: counters.comments };
}

let tmp: ReturnType<typeof makeTempDir>;
let web: WebCli;
let browser: Browser;
let page: Page;
let firstDataMs = 0;

beforeAll(async () => {
  tmp = makeTempDir();
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  web = await startWebCli(
    [
      '--data-dir',
      tmp.dir,
      '--seed',
      String(SEED),
      '--rate',
      String(RATE),
      '--speed',
      String(SPEED),
      '--duration',
      String(MINUTES),
    ],
    'e2e-token-0123456789',
  );
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(`${web.url}?token=${web.token}`);
  await page
    .locator('[data-metric="online"] [data-testid="metric-value"]')
    .filter({ hasNotText: '—' })
    .waitFor();
  firstDataMs = Date.now() - web.startedAt;
  console.log(`e2e: web host start → first data on screen: ${firstDataMs} ms`);
});

afterAll(async () => {
  await browser?.close();
  await web?.stop();
  tmp?.cleanup();
});

const tileValue = (key: string) =>
  page.locator(`[data-metric="${key}"] [data-testid="metric-value"]`).first();

describe('live board in Chromium (web host)', () => {
  it('streams Chinese comments while the show runs', async () => {
    await page.locator('[data-testid="comment-row"]').first().waitFor();
    expect(await page.locator('[data-testid="comment-row"]').count()).toBeGreaterThan(5);
    expect(await page.locator('[data-testid="show-title"]').innerText()).not.toBe('');
  });

  it('shows every metric of the fixed-seed show exactly as computed offline', async () => {
    const expected = expectedShow();
    await page.locator('[data-testid="feed-state"][data-state="ended"]').waitFor({ timeout: 30_000 });
    // The last update after `end` carries the final stats.
    const commentsTile = formatMetricValue('count', expected.values.comments, 'zh-CN');
    await expect.poll(() => tileValue('comments').innerText(), { timeout: 5000 }).toBe(commentsTile);

    for (const def of METRIC_DEFINITIONS) {
      if (def.key === 'trafficShare') continue;
      const want = formatMetricValue(def.unit, expected.values[def.key], 'zh-CN');
      expect.soft(await tileValue(def.key).innerText(), def.key).toBe(want);
    }
    for (const [source, share] of Object.entries(expected.values.trafficShare)) {
      const row = page.locator(`[data-metric="trafficShare"] [data-source="${source}"] .traffic-list__share`);
      expect.soft(await row.innerText(), source).toBe(formatPercent(share, 1));
    }
    expect(await tileValue('returnRate').innerText()).toBe('—');

    // Newest comment at the bottom, as the simulator sent it.
    const rows = page.locator('[data-testid="comment-row"]');
    expect(await rows.last().getAttribute('title')).toContain(expected.lastComment);
    await page.screenshot({ path: path.join(ARTIFACTS, 'e2e-board-zh-1366.png'), animations: 'disabled' });
  });

  it('switches the whole board to English and back', async () => {
    const label = page.locator('[data-metric="online"] .metric-tile__label');
    expect(await label.innerText()).toBe('在线人数');
    await page.locator('[data-testid="lang-toggle"]').click();
    await expect.poll(() => label.innerText()).toBe('Online');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('[data-metric="conversionRate"] .metric-tile__label').innerText()).toBe(
      'Conversion',
    );
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.screenshot({ path: path.join(ARTIFACTS, 'e2e-board-en-1920.png'), animations: 'disabled' });
    await page.locator('[data-testid="lang-toggle"]').click();
    await expect.poll(() => label.innerText()).toBe('在线人数');
  });

  it('refuses the page a wrong token, visibly', async () => {
    const other = await browser.newPage();
    await other.goto(`${web.url}?token=wrong`);
    await other.locator('[data-testid="connection-status"][data-status="rejected"]').waitFor();
    await other.close();
  });
});
