/**
 * The summary view (直播工作总结) end to end: a scripted show on a real socket.io feed server
 * (127.0.0.1) drives the real web host CLI; Debian Chromium shows it.
 *
 * Thirty minutes of stats with products, orders and a few viewers' questions → F4 opens the
 * view → the figures equal /api/metrics' → the host's name and 存在问题 are typed → the page is
 * reloaded (right after typing: the local backup or the save keeps it) → the edits are there and
 * the core has them → Markdown export: progress to done, downloaded through the link, the file
 * holds the edited text and the GMV → an Excel export ends without its cancel button → Esc
 * closes. Screenshots (zh/en, dark/light, 1366×768 and 1920×1080) go to test-results/.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertView } from '../../shared/api/alerts.js';
import type { IncidentView } from '../../shared/api/operations.js';
import type { ShowReport } from '../../shared/api/report.js';
import { formatCount, formatMoney } from '../../shared/format.js';
import { REPORT_KEY } from '../../renderer/src/components/report/useReportShortcut.js';
import { launchChromium } from '../helpers/browser.js';
import { stats, STREAM_FAULT_TEXTS } from '../helpers/events.js';
import { startScriptedFeed, type ScriptedFeed } from '../helpers/scripted-feed.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { waitFor, waitForAsync } from '../helpers/wait.js';
import { callWebApi, getWebJson, startWebCli, type WebCli } from '../helpers/web-cli.js';

const ARTIFACTS = path.resolve(import.meta.dirname, '../../test-results');
const TOKEN = 'e2e-report-token-0123456789';
const ROOM = 'room-report';
const SHOW = 'report-e2e';
const MINUTE = 60_000;
const SHOW_MINUTES = 30;
const HOST = '小雅';
const PROBLEMS = '- 库存提问集中在开播后 20 分钟，需提前备货';

const QUESTIONS = [
  '什么时候发货？',
  '几号发货呀',
  '什么时候发货',
  '有红色吗？',
  '有没有红色的',
  '这个多少钱？',
];

let feed: ScriptedFeed;
let web: WebCli;
let browser: Browser;
let page: Page;
const tmp = makeTempDir();

const nextSeq = () => feed.nextSeq();
const emit = (event: string, payload: unknown) => feed.emit(event, payload);

/** Counters that grow minute by minute; online peaks at minute 18. */
function statsAt(minute: number, ts: number) {
  const online = 800 + 40 * Math.min(minute, 18) - 25 * Math.max(0, minute - 18);
  return stats(nextSeq(), 0, {
    ts,
    online,
    pv: 3000 + 400 * minute,
    uv: 2000 + 250 * minute,
    interactUsers: 300 + 20 * minute,
    likes: 1000 * minute,
    comments: 40 * minute,
    shares: 3 * minute,
    newFollowers: 5 * minute,
    fanClubJoins: minute,
    gmv: 1_280_00 * minute,
    orders: 8 * minute,
    buyers: 7 * minute,
    productExposures: 1500 * minute,
    productClicks: 150 * minute,
    clickUsers: 90 * minute,
    stayed1m: 1200 + 150 * minute,
    traffic: {
      homepage_hot: 1200 + 150 * minute,
      general_search: 500 + 60 * minute,
      paid: 300 + 40 * minute,
    },
    products: [
      {
        id: 'p-coat',
        exposures: 1000 * minute,
        clicks: 100 * minute,
        clickUsers: 60 * minute,
        orders: 6 * minute,
        buyers: 5 * minute,
        gmv: 1_000_00 * minute,
      },
      {
        id: 'p-scarf',
        exposures: 500 * minute,
        clicks: 50 * minute,
        clickUsers: 30 * minute,
        orders: 2 * minute,
        buyers: 2 * minute,
        gmv: 280_00 * minute,
      },
    ],
  });
}

/** The whole show in one go: hello, products, 30 minutes of stats, orders, questions. */
function playShow(): void {
  const now = Date.now();
  const start = now - SHOW_MINUTES * MINUTE;
  emit('hello', {
    protocol: 1,
    room: { id: ROOM, title: '总结测试间', platform: 'douyin' },
    show: { id: SHOW, title: '冬季外套专场', startedAt: start },
    serverTime: now,
    lastSeq: feed.seq,
  });
  emit('product', {
    seq: nextSeq(),
    ts: start + 1000,
    id: 'p-coat',
    name: '羊毛大衣',
    price: 1_000_00,
    stock: 500,
  });
  emit('product', {
    seq: nextSeq(),
    ts: start + 2000,
    id: 'p-scarf',
    name: '羊绒围巾',
    price: 140_00,
    stock: 300,
  });
  for (let m = 1; m <= SHOW_MINUTES; m += 1) emit('stats', statsAt(m, start + m * MINUTE - 500));
  emit('orders', {
    seq: nextSeq(),
    items: Array.from({ length: 12 }, (_, i) => ({
      id: `o-${i}`,
      ts: start + (i + 2) * MINUTE,
      productId: i % 3 === 0 ? 'p-scarf' : 'p-coat',
      qty: 1,
      amount: i % 3 === 0 ? 140_00 : 1_000_00,
      buyerId: `buyer-${i}`,
    })),
  });
  emit('comments', {
    seq: nextSeq(),
    items: QUESTIONS.map((text, i) => ({
      id: `q-${i}`,
      ts: now - 60_000 + i * 1000,
      userId: `viewer-${i}`,
      nickname: `观众${i}`,
      text,
    })),
  });
  // Ten viewers report a stutter: the stream-fault alert (each from a viewer of their own).
  emit('comments', {
    seq: nextSeq(),
    items: STREAM_FAULT_TEXTS.map((text, i) => ({
      id: `f-${i}`,
      ts: Date.now() + i,
      userId: `fault-${i}`,
      nickname: `卡顿观众${i}`,
      text,
    })),
  });
}

/** The field controller acknowledges the alert and works an incident from it to the end. */
async function handleFault(): Promise<void> {
  const alert = await waitForAsync(
    async () => (await getWebJson<AlertView[]>(web, 'api/alerts')).find((a) => a.ruleId === 'stream-fault'),
    'the stream-fault alert',
  );
  await callWebApi(web, 'ackAlert', [{ id: alert.id }]);
  const incident = await callWebApi<IncidentView>(web, 'openIncident', [
    { type: 'stream_stutter', severity: 'high', alertId: alert.id },
  ]);
  await callWebApi(web, 'updateIncident', [{ id: incident.id, step: { index: 0, done: true } }]);
  await callWebApi(web, 'updateIncident', [{ id: incident.id, note: '已切换备用推流' }]);
  await callWebApi(web, 'updateIncident', [{ id: incident.id, resolved: true }]);
}

async function readDownload(download: Download): Promise<string> {
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const byTestId = (id: string, on: Page = page) => on.locator(`[data-testid="${id}"]`);

/** Opens the view with its key, from the board. */
async function openReport(on: Page = page): Promise<void> {
  await byTestId('report-open', on).waitFor({ timeout: 20_000 });
  await on.locator('body').click({ position: { x: 5, y: 5 } });
  await on.keyboard.press(REPORT_KEY);
  await byTestId('report-doc', on).waitFor({ timeout: 15_000 });
}

interface MetricsBody {
  gmv: number;
  orders: number;
  uv: number;
  at: number | null;
}

let metrics: MetricsBody;

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  feed = await startScriptedFeed();
  web = await startWebCli(
    ['--data-dir', tmp.dir, '--source', 'socketio', '--url', feed.url, '--room', ROOM],
    TOKEN,
  );
  await waitFor(() => feed.socket, 'the web host to connect to the feed');
  playShow();
  // Every figure stored before the view reads it.
  metrics = await waitForAsync(async () => {
    const body = await getWebJson<MetricsBody>(web, 'api/metrics');
    return body.orders === 8 * SHOW_MINUTES ? body : null;
  }, 'the last stats to reach /api/metrics');
  await handleFault();
  await waitForAsync(async () => {
    const report = await getWebJson<ShowReport>(web, `api/report?show=${SHOW}`);
    return report.replies.questions >= 3 && report.incidents.length === 1 ? report : null;
  }, 'the questions and the incident to be in the report');

  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(`${web.url}?token=${TOKEN}`);
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await web?.stop();
  await feed?.close();
  tmp.cleanup();
});

describe('直播工作总结: review, edit, export', () => {
  it('opens with its key on this show, with the figures /api/metrics serves', async () => {
    await openReport();
    expect(await byTestId('report-scope-title').innerText()).toBe('冬季外套专场');
    expect(await byTestId('report-metric-gmv').innerText()).toBe(formatMoney(metrics.gmv, 'zh-CN'));
    expect(await byTestId('report-metric-orders').innerText()).toBe(formatCount(metrics.orders, 'zh-CN'));
    expect(await byTestId('report-metric-uv').innerText()).toBe(formatCount(metrics.uv, 'zh-CN'));
    // The funnel names the products the feed presented, best seller first.
    const products = byTestId('report-products').locator('tbody tr');
    expect(await products.first().locator('[data-col="name"]').innerText()).toBe('羊毛大衣');
    // Every section of the document, in order.
    const titles = await page.locator('.report-sec__title').allInnerTexts();
    expect(titles).toEqual([
      '一、工作概述',
      '二、核心数据指标分析',
      '三、直播前筹备',
      '四、直播中执行',
      '五、事故与应急',
      '六、存在问题',
      '七、改进计划',
    ]);
    expect(Number(await byTestId('report-kpi-replies-questions').innerText())).toBeGreaterThanOrEqual(3);
    // 四: the alert by its rule, acknowledged; 五: the incident worked from it, resolved.
    const rule = byTestId('report-alert-rules').locator('tbody tr[data-row="stream-fault"]');
    expect(await rule.locator('[data-col="acked"]').innerText()).toBe('1');
    const incident = byTestId('report-incidents').locator('tbody tr');
    expect(await incident.count()).toBe(1);
    expect(await incident.locator('[data-col="type"]').innerText()).toContain('推流卡顿');
    expect(await incident.locator('[data-col="steps"]').innerText()).toMatch(/^1\/\d+$/);
    expect(await incident.locator('[data-col="resolve"]').innerText()).not.toBe('未解决');
    // Prefilled, not yet edited: 恢复预填 has nothing to restore.
    expect(await byTestId('report-text-state').innerText()).toBe('文字为预填');
    expect(await byTestId('report-reset').isDisabled()).toBe(true);
  });

  it('keeps what was typed across a reload, and the core has it', async () => {
    await byTestId('report-person-host').click();
    await page.keyboard.type(HOST);
    const problems = byTestId('report-text-problems');
    await problems.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type(PROBLEMS);
    // No waiting for the save: the reload comes right after the typing.
    await page.reload();
    await openReport();
    expect(await byTestId('report-person-host').inputValue()).toBe(HOST);
    expect(await byTestId('report-text-problems').inputValue()).toBe(PROBLEMS);
    await expect.poll(() => byTestId('report-save-state').getAttribute('data-state')).toBe('saved');
    const saved = await waitForAsync(async () => {
      const report = await getWebJson<ShowReport>(web, `api/report?show=${SHOW}`);
      return report.textEdited && report.people.host === HOST ? report : null;
    }, 'the edits to reach the core');
    expect(saved.text.problems).toBe(PROBLEMS);
    expect(await byTestId('report-text-state').innerText()).toBe('文字已编辑');
  });

  it('Ctrl+S saves at once; an edit made then is in the core', async () => {
    const note = byTestId('report-text-metricsNote');
    await note.click();
    await page.keyboard.type('GMV 主要来自羊毛大衣');
    await page.keyboard.press('Control+S');
    await expect.poll(() => byTestId('report-save-state').getAttribute('data-state')).toBe('saved');
    const report = await getWebJson<ShowReport>(web, `api/report?show=${SHOW}`);
    expect(report.text.metricsNote).toBe('GMV 主要来自羊毛大衣');
  });

  it('exports Markdown: progress to done, downloaded through the link, with the edits and the GMV', async () => {
    await byTestId('report-export-md').click();
    const job = page.locator('[data-testid="report-job"]').first();
    await expect.poll(() => job.getAttribute('data-state'), { timeout: 20_000 }).toBe('done');
    expect(await job.locator('[data-testid="report-job-file"]').innerText()).toMatch(/^直播工作总结_.*\.md$/);
    expect(await job.locator('[data-testid="report-job-size"]').innerText()).toMatch(
      /^\d+(\.\d)? (B|KB|MB)$/,
    );
    // The web host has no file manager to open: a download link instead.
    expect(await job.locator('[data-testid="report-job-reveal"]').count()).toBe(0);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      job.locator('[data-testid="report-job-download"]').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.md$/);
    const markdown = await readDownload(download);
    expect(markdown).toContain(PROBLEMS.slice(2));
    expect(markdown).toContain(HOST);
    expect(markdown).toContain('GMV 主要来自羊毛大衣');
    expect(markdown).toContain(formatMoney(metrics.gmv, 'zh-CN'));
  });

  it('exports Excel after it; the list keeps both and the cancel button goes when the job ends', async () => {
    await byTestId('report-export-xlsx').click();
    const jobs = page.locator('[data-testid="report-job"]');
    await expect.poll(() => jobs.count()).toBe(2);
    const xlsx = jobs.first();
    // A small show may finish before a click lands: cancel while it still runs, if it does.
    const cancel = xlsx.locator('[data-testid="report-job-cancel"]');
    if (await cancel.isVisible().catch(() => false)) await cancel.click().catch(() => undefined);
    await expect
      .poll(() => xlsx.getAttribute('data-state'), { timeout: 20_000 })
      .toMatch(/^(done|cancelled)$/);
    expect(await cancel.count()).toBe(0);
    expect(await jobs.nth(1).getAttribute('data-state')).toBe('done');
  });

  it('reports a period: the shows of those days, in one room or all', async () => {
    await byTestId('report-scope-period').click();
    await page.locator('[data-testid="report-doc"][data-period]').waitFor();
    expect(await byTestId('report-kpi-total-shows').innerText()).toBe('1');
    expect(await byTestId('report-kpi-total-gmv').innerText()).toBe(formatMoney(metrics.gmv, 'zh-CN'));
    expect(await byTestId('report-period-shows').locator('tbody tr').count()).toBe(1);
    await byTestId('report-scope-room').selectOption(ROOM);
    await expect
      .poll(() => byTestId('report-facts').locator('[data-fact="room"] dd').innerText())
      .toBe('总结测试间');
    await page.screenshot({
      path: path.join(ARTIFACTS, 'e2e-report-period-zh-dark-1366.png'),
      animations: 'disabled',
    });
    // The first day after the last: said in words, nothing asked of the core.
    await byTestId('report-scope-from').fill('2099-01-01');
    expect(await byTestId('report-scope-problem').innerText()).toBe('开始日期晚于结束日期');
    expect(await byTestId('report-doc').count()).toBe(0);
    expect(await byTestId('report-export-md').isDisabled()).toBe(true);
    await byTestId('report-scope-current').click();
    await page.locator(`[data-testid="report-doc"][data-show-id="${SHOW}"]`).waitFor();
  });

  it('restores the prefilled text only after a confirmation; Esc there cancels, not the view', async () => {
    await byTestId('report-reset').click();
    await byTestId('report-reset-confirm').waitFor();
    await page.keyboard.press('Escape');
    await byTestId('report-reset-confirm').waitFor({ state: 'detached' });
    expect(await byTestId('report-view').count()).toBe(1);
    expect(await byTestId('report-text-problems').inputValue()).toBe(PROBLEMS);

    await byTestId('report-reset').click();
    // The confirming button has the focus: Enter restores.
    await page.keyboard.press('Enter');
    await expect.poll(() => byTestId('report-text-state').innerText()).toBe('文字为预填');
    await expect.poll(() => byTestId('report-text-problems').inputValue()).not.toBe(PROBLEMS);
    const report = await getWebJson<ShowReport>(web, `api/report?show=${SHOW}`);
    expect(report.textEdited).toBe(false);
    expect(report.people.host).toBe(HOST);
    expect(await byTestId('report-text-problems').inputValue()).toBe(report.text.problems);
  });

  it('closes with Esc, back to the board; the exports are still listed when it opens again', async () => {
    await page.locator('.report-doc').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Escape');
    await byTestId('report-view').waitFor({ state: 'detached' });
    expect(await page.locator('main.board').count()).toBe(1);
    await openReport();
    expect(await page.locator('[data-testid="report-job"]').count()).toBe(2);
  });
});

describe('直播工作总结: screenshots', () => {
  const sizes = [
    { width: 1366, height: 768 },
    { width: 1920, height: 1080 },
  ];
  for (const locale of ['zh-CN', 'en'] as const) {
    for (const theme of ['dark', 'light'] as const) {
      for (const size of sizes) {
        it(`renders in ${locale}, ${theme}, ${size.width}×${size.height}`, async () => {
          const context = await browser.newContext({ viewport: size });
          await context.addInitScript(
            ([t, l]) => {
              localStorage.setItem('livedesk.theme', t!);
              localStorage.setItem('livedesk.locale', l!);
            },
            [theme, locale],
          );
          const shot = await context.newPage();
          try {
            await shot.goto(`${web.url}?token=${TOKEN}`);
            await openReport(shot);
            await expect.poll(() => shot.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
            if (locale === 'en')
              expect(await shot.locator('.report-sec__title').first().innerText()).toBe('1. Overview');
            const name = `e2e-report-${locale === 'en' ? 'en' : 'zh'}-${theme}-${size.width}.png`;
            await shot.screenshot({ path: path.join(ARTIFACTS, name), animations: 'disabled' });
            if (size.width === 1366) {
              // The whole document at this width: the window grown to its height, to read every section.
              const height = await shot
                .locator('.report-editor__scroll')
                .evaluate((el) => el.scrollHeight + el.getBoundingClientRect().top + 8);
              await shot.setViewportSize({ width: size.width, height: Math.ceil(height) });
              await shot.screenshot({
                path: path.join(ARTIFACTS, name.replace('.png', '-full.png')),
                animations: 'disabled',
              });
            }
          } finally {
            await context.close();
          }
        });
      }
    }
  }
});
