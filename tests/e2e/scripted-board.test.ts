/**
 * A scripted show with known totals, fed over socket.io to the real web host CLI and read off the
 * board in Chromium: every tile's value, its change vs 5 minutes ago (windowed), and zero
 * denominators shown as "—". The expected figures are worked out by hand below, not with the
 * app's own formulas, so a wrong formula fails here.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { Server } from 'socket.io';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser.js';
import { get } from '../helpers/http.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { startWebCli, type WebCli } from '../helpers/web-cli.js';

const MIN = 60_000;
const T = Date.now() - 11 * MIN;
const zero = { gmv: 0, orders: 0, buyers: 0, productExposures: 0, productClicks: 0, clickUsers: 0 };
// Three snapshots 5 minutes apart. No sales and no product exposures: AOV, CTR and click-to-pay
// have zero denominators.
const SNAPSHOTS = [
  {
    seq: 1,
    ts: T,
    online: 1000,
    pv: 2000,
    uv: 1000,
    interactUsers: 100,
    likes: 500,
    comments: 300,
    shares: 10,
    newFollowers: 20,
    fanClubJoins: 5,
    stayed1m: 500,
    ...zero,
  },
  {
    seq: 2,
    ts: T + 5 * MIN,
    online: 1200,
    pv: 3000,
    uv: 2000,
    interactUsers: 300,
    likes: 900,
    comments: 600,
    shares: 20,
    newFollowers: 60,
    fanClubJoins: 10,
    stayed1m: 1200,
    ...zero,
  },
  {
    seq: 3,
    ts: T + 10 * MIN,
    online: 900,
    pv: 4000,
    uv: 2500,
    interactUsers: 500,
    likes: 1500,
    comments: 1000,
    shares: 40,
    newFollowers: 80,
    fanClubJoins: 15,
    stayed1m: 2000,
    ...zero,
  },
];

/** key → [tile value, change vs 5 min] as the zh-CN board must show them. */
const EXPECTED: Record<string, [string, string]> = {
  online: ['900', '−25.0%'], // 900 vs 1,200 five minutes ago
  peakOnline: ['1,200', '+0.0%'],
  pv: ['4,000', '+0.0%'], // +1,000 in each window
  uv: ['2,500', '−50.0%'], // +500 vs +1,000
  interactionRate: ['20.00%', '+100.0%'], // 500/2,500; window 200/500 = 40 % vs 200/1,000 = 20 %
  followRate: ['3.20%', '+0.0%'], // 80/2,500; 20/500 vs 40/1,000
  conversionRate: ['0.00%', '—'], // 0 vs 0: no relative change
  aov: ['—', '—'], // no buyers
  gpm: ['¥0.00', '—'],
  uvValue: ['¥0.00', '—'],
  retention1m: ['50.00%', '+14.3%'], // 2,000/4,000; 800/1,000 vs 700/1,000
  productCtr: ['—', '—'], // no exposures
  clickToPay: ['—', '—'], // no clicking users
  gmv: ['¥0.00', '—'],
  orders: ['0', '—'],
  buyers: ['0', '—'],
  newFollowers: ['80', '−50.0%'], // +20 vs +40
  fanClubJoins: ['15', '+0.0%'],
  likes: ['1,500', '+50.0%'], // +600 vs +400
  comments: ['1,000', '+33.3%'], // +400 vs +300
  shares: ['40', '+100.0%'],
  avgWatchSec: ['—', '—'], // the feed does not send it
  returnRate: ['—', '—'], // known only after the show
};

let io: Server;
let feedUrl = '';
let web: WebCli;
let browser: Browser;
let page: Page;
const tmp = makeTempDir();

beforeAll(async () => {
  const server = http.createServer();
  io = new Server(server, { transports: ['websocket'] });
  io.on('connection', (socket) => {
    socket.emit('hello', {
      protocol: 1,
      room: { id: 'room-s', title: '脚本直播间', platform: 'douyin' },
      show: { id: 'scripted-1', title: '脚本场', startedAt: T - MIN },
      serverTime: Date.now(),
      lastSeq: 3,
    });
    for (const s of SNAPSHOTS) socket.emit('stats', s);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  feedUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  web = await startWebCli(
    ['--data-dir', tmp.dir, '--source', 'socketio', '--url', feedUrl, '--room', 'room-s'],
    'scripted-token-123',
  );
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(`${web.url}?token=${web.token}`);
  await page
    .locator('[data-metric="online"] [data-testid="metric-value"]')
    .filter({ hasText: '900' })
    .waitFor();
});

afterAll(async () => {
  await browser?.close();
  await web?.stop();
  await new Promise<void>((resolve) => io?.close(() => resolve()));
  tmp.cleanup();
});

describe('scripted show: every tile, windowed changes and zero denominators', () => {
  it('shows each tile’s value and change exactly', async () => {
    for (const [key, [value, change]] of Object.entries(EXPECTED)) {
      const tile = page.locator(`[data-metric="${key}"]`).first();
      expect
        .soft(await tile.locator('[data-testid="metric-value"]').first().innerText(), `${key} value`)
        .toBe(value);
      expect
        .soft(await tile.locator('[data-testid="metric-change"]').first().innerText(), `${key} change`)
        .toContain(change);
    }
    const body = await page.locator('body').innerText();
    expect(body).not.toMatch(/NaN|Infinity/);
  });

  it('serves the same figures on /api/metrics, with null for zero denominators', async () => {
    const res = await get(`${web.url}api/metrics?token=${web.token}`);
    const m = JSON.parse(res.body) as Record<string, unknown>;
    expect(m).toMatchObject({
      online: 900,
      peakOnline: 1200,
      uv: 2500,
      pv: 4000,
      interactionRate: 0.2,
      followRate: 0.032,
      conversionRate: 0,
      aov: null,
      productCtr: null,
      clickToPay: null,
      retention1m: 0.5,
      gmv: 0,
      avgWatchSec: null,
      returnRate: null,
    });
    const changes = m.changes as Record<string, number | null>;
    expect(changes.online).toBeCloseTo(-0.25);
    expect(changes.interactionRate).toBeCloseTo(1);
    expect(changes.retention1m).toBeCloseTo(0.8 / 0.7 - 1);
    expect(changes.aov).toBeNull();
  });
});
