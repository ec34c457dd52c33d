/**
 * 待回复, keyboard only, end to end: a scripted feed (real socket.io server on 127.0.0.1) sends a
 * show's comments to the real web host CLI; Debian Chromium shows the pending questions. Similar
 * questions are one row ×3, chatter (666) is no row; F6, arrows and Enter copy the filled answer
 * (a variable set through the API first, overriding the feed's product name) to the clipboard,
 * the row goes and the KPI strip agrees with GET /api/kpis/replies. Also: an FAQ hotkey answers
 * the selected group; a hotkey with nothing selected copies after the 广告法 confirmation;
 * hostile text stays text inside the panel; a question turns amber, then red at 30 s (the one
 * real wait, overlapped with the rest).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser.js';
import { get } from '../helpers/http.js';
import { helloOnConnect, startScriptedFeed, type ScriptedFeed } from '../helpers/scripted-feed.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { waitFor, waitForAsync } from '../helpers/wait.js';
import { callWebApi, getWebJson, startWebCli, type WebCli } from '../helpers/web-cli.js';

const TOKEN = 'e2e-replies-token-0123';
const ROOM = 'room-r';
const ARTIFACTS = path.resolve(import.meta.dirname, '../../test-results');
const LIBRARY = JSON.parse(
  fs.readFileSync(path.resolve(import.meta.dirname, '../../resources/faq/default-library.json'), 'utf8'),
) as { entries: { id: string; answer: string; hotkey?: string }[] };

/** Values set through the API before the page opens; 商品 overrides the feed's product name. */
const VARS = { 商品: '加绒卫衣', 发货时间: '48小时', 品牌: '暖冬' };
const RED_STOCK = ['红色还有吗', '主播红色有货吗??', '红色还有货吗'];
const SIZE_QUESTION = '身高160体重100斤穿什么码';
const LONG_QUESTION = `什么时候发货${'W'.repeat(9_994)}`;
const RTL_QUESTION = '\u202e有赠品吗\u200b\u200b\u200f\u2067abc\u2069\u200d?';
const XSS_QUESTION = '<img src=x onerror="window.__xss=1">怎么洗';
/** A question no default entry matches. */
const UNMATCHED_QUESTION = '可以开发票吗';

let feed: ScriptedFeed;
let web: WebCli;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let sizeSentAt = 0;
const tmp = makeTempDir();

function answerOf(id: string): string {
  const entry = LIBRARY.entries.find((e) => e.id === id);
  if (!entry) throw new Error(`no FAQ entry ${id}`);
  return entry.answer;
}

/** Fills {name} the plain way, independently of the app's fillAnswer. */
function filled(id: string): string {
  return answerOf(id).replace(
    /\{([^{}]+)\}/g,
    (whole, name: string) => VARS[name as keyof typeof VARS] ?? whole,
  );
}

function sendComments(texts: string[]): void {
  const seq = feed.nextSeq();
  const now = Date.now();
  feed.emit('comments', {
    seq,
    items: texts.map((text, i) => ({
      id: `c-${seq}-${i}`,
      ts: now + i,
      userId: `u-${seq}-${i}`,
      nickname: `观众${seq}${i}`,
      text,
    })),
  });
}

/** One call over the web host's socket, as the page's own client makes it. */
const callApi = (method: string, args: unknown[]) => callWebApi<unknown>(web, method, args);

interface KpisBody {
  questions: number;
  answered: number;
  dismissed: number;
  resolutionRate: number | null;
}

const replyKpis = () => getWebJson<KpisBody>(web, 'api/kpis/replies');

const byTestId = (id: string) => page.locator(`[data-testid="${id}"]`);
const rowWith = (text: string) => byTestId('pending-row').filter({ hasText: text });
const selectedRow = () => page.locator('[data-testid="pending-row"][aria-selected="true"]');
const clipboard = () => page.evaluate(() => navigator.clipboard.readText());

/** Arrow keys until `row` is the selected one (the list is oldest first; at most a few presses). */
async function selectWithKeys(text: string): Promise<void> {
  await page.keyboard.press('Home');
  for (let i = 0; i < 10; i++) {
    if ((await selectedRow().filter({ hasText: text }).count()) === 1) return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`could not select the row with "${text}"`);
}

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  feed = await startScriptedFeed((f) => {
    helloOnConnect({ id: ROOM, title: '回复测试间' }, { id: 'replies-e2e', title: '话术专场' })(f);
    // The feed's product name; the user's 商品 value must win over it.
    f.emit('product', {
      seq: f.nextSeq(),
      ts: Date.now(),
      id: 'p1',
      name: '秒杀抽纸',
      price: 990,
      stock: 50,
    });
  });
  web = await startWebCli(
    ['--data-dir', tmp.dir, '--source', 'socketio', '--url', feed.url, '--room', ROOM],
    TOKEN,
  );
  await waitFor(() => feed.socket, 'the web host to connect to the feed');
  // The show exists once hello is stored; then its variables and a word list can be set.
  await waitForAsync(async () => {
    const snapshot = JSON.parse((await get(`${web.url}api/snapshot?token=${TOKEN}`)).body) as {
      show: unknown;
    };
    return snapshot.show !== null;
  }, 'the show to start');
  await callApi('setFaqVars', [{ values: VARS }]);
  await callApi('setComplianceWords', [{ words: ['官方', '假一赔十'], exceptions: [] }]);

  // The question whose age is watched: sent first, so it is the oldest row all along.
  sizeSentAt = Date.now();
  sendComments([SIZE_QUESTION]);
  sendComments([...RED_STOCK, '666', LONG_QUESTION, RTL_QUESTION, XSS_QUESTION, UNMATCHED_QUESTION]);

  browser = await launchChromium();
  context = await browser.newContext({
    viewport: { width: 1366, height: 768 },
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  page = await context.newPage();
  await page.goto(`${web.url}?token=${TOKEN}`);
  await rowWith('怎么洗').waitFor({ timeout: 20_000 });
});

afterAll(async () => {
  await browser?.close();
  await web?.stop();
  await feed?.close();
  tmp.cleanup();
});

describe('待回复: the keyboard reply workflow', () => {
  it('shows the three red-stock questions as one row ×3 and no row for 666', async () => {
    const red = rowWith('红色');
    await expect.poll(() => red.count()).toBe(1);
    expect(await red.getAttribute('data-count')).toBe('3');
    expect(await red.locator('[data-testid="pending-count"]').innerText()).toBe('×3');
    expect(await rowWith('666').count()).toBe(0);
    // 666 reached the comment stream, so it was not lost: it is just not a question.
    await expect.poll(() => byTestId('comment-stream').innerText()).toContain('666');
    await page.screenshot({ path: path.join(ARTIFACTS, 'e2e-replies-1366.png') });
  });

  it('copies the filled answer with F6, arrows and Enter, and marks the group answered', async () => {
    await page.keyboard.press('F6');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'pending-list',
    );
    await selectWithKeys('红色');
    const red = selectedRow();
    const chip = red.locator('[data-testid="reply-chip"]').first();
    const faqId = (await chip.getAttribute('data-faq-id')) ?? '';
    expect(faqId).toBe('stock_available');
    const expected = filled(faqId);
    expect(expected).toContain('加绒卫衣');
    expect(await byTestId('reply-preview-text').innerText()).toBe(expected);

    await page.keyboard.press('Enter');
    await expect.poll(clipboard).toBe(expected);
    await expect.poll(() => rowWith('红色').count()).toBe(0);
    expect(await byTestId('reply-toast').innerText()).toContain('×3');
    // The selection moved on to the next group, and the list still has the keyboard.
    expect(await selectedRow().count()).toBe(1);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'pending-list',
    );
  });

  it('shows the same reply KPIs as GET /api/kpis/replies', async () => {
    const kpis = await replyKpis();
    expect(kpis.answered).toBe(3);
    // Size, red ×3, long, RTL, <img> and 发票: the questions sent; 666 is not one.
    expect(kpis.questions).toBe(8);
    expect(kpis.resolutionRate).toBeCloseTo(3 / 8);
    const value = (id: string) =>
      byTestId(`reply-kpi-${id}`).locator('[data-testid="reply-kpi-value"]').innerText();
    await expect.poll(() => value('answered')).toBe('3');
    expect(await byTestId('reply-kpi-questions').innerText()).toBe('8');
    expect(await value('resolution')).toBe(`${((3 / 8) * 100).toFixed(1)}%`);
    expect(await byTestId('reply-kpi-resolution').getAttribute('data-tone')).toBe('bad');
  });

  it('answers the selected group with an FAQ hotkey', async () => {
    await selectWithKeys('WWW');
    await page.keyboard.press('Alt+2');
    await expect.poll(clipboard).toBe(filled('ship_time'));
    await expect.poll(() => rowWith('WWW').count()).toBe(0);
    await expect.poll(async () => (await replyKpis()).answered).toBe(4);
  });

  it('holds back a copy with restricted words until Enter, with no question selected', async () => {
    await page.keyboard.press('Escape');
    expect(await selectedRow().count()).toBe(0);
    const before = await clipboard();
    await page.keyboard.press('Alt+8');
    const confirm = byTestId('reply-confirm');
    await confirm.waitFor();
    expect(await confirm.locator('mark').allInnerTexts()).toEqual(['官方', '假一赔十']);
    expect(await clipboard()).toBe(before);
    await page.keyboard.press('Enter');
    await expect.poll(clipboard).toBe(filled('quality_authentic'));
    expect(await confirm.count()).toBe(0);
    // Nothing was answered by a copy without a question.
    expect((await replyKpis()).answered).toBe(4);
  });

  it('keeps hostile text as text inside the panel', async () => {
    const panel = (await byTestId('pending-panel').boundingBox())!;
    for (const text of ['有赠品吗', '怎么洗']) {
      const row = rowWith(text);
      const box = (await row.locator('[data-testid="pending-text"]').boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(panel.x);
      expect(box.x + box.width).toBeLessThanOrEqual(panel.x + panel.width);
      expect((await row.boundingBox())!.height).toBeLessThanOrEqual(80);
    }
    expect(await rowWith('怎么洗').locator('[data-testid="pending-text"]').innerText()).toBe(XSS_QUESTION);
    expect(await byTestId('pending-panel').locator('img').count()).toBe(0);
    expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
  });

  it('says when nothing matches, searches the library with /, marks by hand and dismisses', async () => {
    await page.keyboard.press('F6');
    await selectWithKeys(UNMATCHED_QUESTION);
    expect(await selectedRow().locator('[data-testid="reply-chip"]').count()).toBe(0);
    const before = await clipboard();
    await page.keyboard.press('Enter');
    await expect.poll(() => byTestId('reply-toast').innerText()).toContain('无匹配话术');
    expect(await clipboard()).toBe(before);

    await page.keyboard.press('/');
    const library = page.locator('[role="dialog"][aria-modal="true"]');
    await library.waitFor();
    // A modal owns the keyboard: an FAQ hotkey inside it copies nothing.
    await page.keyboard.press('Alt+2');
    await page.keyboard.press('Escape');
    await library.waitFor({ state: 'detached' });
    expect(await clipboard()).toBe(before);

    await page.keyboard.press('F6');
    await selectWithKeys(UNMATCHED_QUESTION);
    await page.keyboard.press('Shift+Enter');
    await expect.poll(() => rowWith(UNMATCHED_QUESTION).count()).toBe(0);
    await selectWithKeys('怎么洗');
    await page.keyboard.press('d');
    await expect.poll(() => rowWith('怎么洗').count()).toBe(0);
    const kpis = await replyKpis();
    // By hand counts as answered; dismissed leaves the denominator.
    expect(kpis).toMatchObject({ answered: 5, dismissed: 1, questions: 7 });
    expect(await clipboard()).toBe(before);
  });

  it('colours a waiting question amber at 20 s and red at 30 s, with a label', async () => {
    const size = rowWith('身高160');
    await expect
      .poll(() => size.getAttribute('data-age-level'), { timeout: 25_000, interval: 250 })
      .toBe('amber');
    // Not before 20 s: the question reached LiveDesk after it was sent.
    expect(Date.now() - sizeSentAt).toBeGreaterThanOrEqual(20_000);
    await expect
      .poll(() => size.getAttribute('data-age-level'), { timeout: 15_000, interval: 250 })
      .toBe('red');
    expect(await size.getAttribute('class')).toContain('is-red');
    const age = await size.locator('[data-testid="pending-age"]').innerText();
    expect(age).toMatch(/^3\d s\s*超时$/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'e2e-replies-red-1366.png') });
  });

  it('sits below the comment stream on narrow windows and beside it on wide ones', async () => {
    const boxes = async () => ({
      stream: (await byTestId('comment-stream').boundingBox())!,
      pending: (await byTestId('pending-panel').boundingBox())!,
    });
    const narrow = await boxes();
    expect(narrow.pending.y).toBeGreaterThan(narrow.stream.y + narrow.stream.height - 1);
    for (const [width, height, theme] of [
      [1920, 1080, 'dark'],
      [2560, 1440, 'light'],
    ] as const) {
      await page.setViewportSize({ width, height });
      if (theme === 'light') await byTestId('theme-toggle').click();
      await expect.poll(async () => (await boxes()).pending.x).toBeGreaterThan(narrow.pending.x);
      const wide = await boxes();
      expect(wide.pending.x).toBeGreaterThanOrEqual(wide.stream.x + wide.stream.width);
      expect(wide.pending.x + wide.pending.width).toBeLessThanOrEqual(width);
      await page.screenshot({ path: path.join(ARTIFACTS, `e2e-replies-${theme}-${width}.png`) });
    }
  });
});
