/**
 * Alerts for the field controller, end to end: a scripted feed (real socket.io server on
 * 127.0.0.1) drives the real web host CLI; Debian Chromium shows the board. A pile-on of 假货
 * before the page opens is an alert that already existed (no notification); then ten viewers
 * report 卡了/没声音 within seconds → the bar shows the stream-fault alert with its hint and ×count,
 * one desktop notification; F8 opens the panel, Enter shows the evidence as literal text, A
 * acknowledges with the operator name (GET /api/alerts agrees); the older alert is snoozed with S
 * and its rule muted with M, then unmuted in the rule editor; the editor refuses a broken regex
 * and an impossible threshold with the message next to the field, and a bad import names the
 * rule and field. The browser's Notification is replaced by a recorder (headless Chromium shows
 * none); everything else is real.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertRulesView, AlertView } from '../../shared/api/alerts.js';
import { launchChromium } from '../helpers/browser.js';
import { stats } from '../helpers/events.js';
import {
  helloOnConnect,
  sendViewerComments,
  startScriptedFeed,
  type ScriptedFeed,
} from '../helpers/scripted-feed.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { waitFor, waitForAsync } from '../helpers/wait.js';
import { callWebApi, getWebJson, startWebCli, type WebCli } from '../helpers/web-cli.js';

const TOKEN = 'e2e-alerts-token-0123';
const ROOM = 'room-a';
const HTML_TEXT = '卡了 <b>html</b> 主播';
const ODD_TEXT = `\u202e没声音了\u200b${'啊'.repeat(600)}`;
const FAULT_TEXTS = [
  '卡了',
  '卡了卡了',
  '没声音',
  '主播没声音了',
  HTML_TEXT,
  '又卡了',
  ODD_TEXT,
  '卡了吗',
  '没声音？',
  '画面卡了',
];
/** complaint-fraud: ≥ 12 comments from ≥ 10 viewers in 60 s. */
const FRAUD_TEXTS = Array.from({ length: 12 }, (_, i) => (i % 2 ? '假货吧这是' : '骗子主播，假货'));

let feed: ScriptedFeed;
let heartbeat: ReturnType<typeof setInterval> | undefined;
let web: WebCli;
let browser: Browser;
let page: Page;
const tmp = makeTempDir();

const sendComments = (prefix: string, texts: readonly string[]) => sendViewerComments(feed, prefix, texts);

/** One call over the web host's socket, as the page's own client makes it. */
const callApi = <T>(method: string, args: unknown[]) => callWebApi<T>(web, method, args);

const apiAlerts = () => getWebJson<AlertView[]>(web, 'api/alerts');

async function alertOf(ruleId: string): Promise<AlertView> {
  const alert = (await apiAlerts()).find((a) => a.ruleId === ruleId);
  if (!alert) throw new Error(`no ${ruleId} alert`);
  return alert;
}

const byTestId = (id: string) => page.locator(`[data-testid="${id}"]`);
const card = (ruleId: string) => page.locator(`[data-testid="alert-card"][data-rule-id="${ruleId}"]`);
const selectedCard = () => page.locator('[data-testid="alert-card"][aria-selected="true"]');
const beeps = () => page.evaluate(() => (window as unknown as { __beeps: number[] }).__beeps);
const notices = () => page.evaluate(() => (window as unknown as { __notices: { tag: string }[] }).__notices);

/** Records notifications instead of showing them; permission as if the user had allowed it. */
const NOTIFICATION_RECORDER = `
  window.__notices = [];
  window.Notification = class {
    static permission = 'granted';
    static requestPermission() { return Promise.resolve('granted'); }
    constructor(title, options) { window.__notices.push({ title, body: options?.body ?? '', tag: options?.tag ?? '' }); }
    close() {}
  };
  // The WebAudio beep is real; only its oscillators are counted.
  window.__beeps = [];
  const createOscillator = AudioContext.prototype.createOscillator;
  AudioContext.prototype.createOscillator = function () {
    const osc = createOscillator.call(this);
    queueMicrotask(() => window.__beeps.push(osc.frequency.value));
    return osc;
  };
`;

beforeAll(async () => {
  feed = await startScriptedFeed(
    helloOnConnect({ id: ROOM, title: '告警测试间' }, { id: 'alerts-e2e', title: '告警专场' }),
  );
  web = await startWebCli(
    ['--data-dir', tmp.dir, '--source', 'socketio', '--url', feed.url, '--room', ROOM],
    TOKEN,
  );
  await waitFor(() => feed.socket, 'the web host to connect to the feed');
  // Stats every second keep the feed alive (no silence alert); 100 online keeps metric rules
  // (≥ 200 online) out of it.
  heartbeat = setInterval(() => {
    feed.socket?.emit('stats', stats(feed.nextSeq(), 0, { ts: Date.now(), online: 100 }));
  }, 1000);

  // An alert that exists before the page opens: never notified.
  sendComments('fraud', FRAUD_TEXTS);
  await waitForAsync(
    async () => (await apiAlerts()).some((a) => a.ruleId === 'complaint-fraud'),
    'the fraud alert',
  );

  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  await context.addInitScript(NOTIFICATION_RECORDER);
  page = await context.newPage();
  // A step that cannot happen fails with Playwright's message, well inside the test's time.
  page.setDefaultTimeout(10_000);
  await page.goto(`${web.url}?token=${TOKEN}`);
  await byTestId('alert-bar').waitFor({ timeout: 20_000 });
});

afterAll(async () => {
  clearInterval(heartbeat);
  await browser?.close();
  await web?.stop();
  await feed?.close();
  tmp.cleanup();
});

describe('alerts: bar, panel, delivery and rule editor', () => {
  it('shows the alert that existed at load in the bar, without a notification', async () => {
    expect(await byTestId('alert-bar').getAttribute('data-severity')).toBe('critical');
    expect(await byTestId('alert-bar-rule').innerText()).toBe('投诉/欺诈言论');
    expect(await byTestId('alert-bar-open-critical').innerText()).toContain('1');
    expect(await notices()).toEqual([]);
  });

  it('a burst of 卡了/没声音 from ten viewers puts the stream fault in the bar, notified once', async () => {
    // A click first: browsers start audio only after a user gesture.
    await page.locator('.brand').click();
    sendComments('fault', FAULT_TEXTS);
    const bar = byTestId('alert-bar');
    await expect
      .poll(() => byTestId('alert-bar-rule').innerText(), { timeout: 10_000 })
      .toBe('观众反馈直播故障');
    expect(await byTestId('alert-bar-count').innerText()).toBe('×10');
    expect(await byTestId('alert-bar-hint').innerText()).toContain('查推流/切备用线路');
    expect(await byTestId('alert-bar-open-critical').innerText()).toContain('2');
    // The bar is a row of its own: the metric tiles start below it.
    const barBox = (await bar.boundingBox())!;
    const firstTile = (await page.locator('[data-metric="online"]').first().boundingBox())!;
    expect(firstTile.y).toBeGreaterThanOrEqual(barBox.y + barBox.height);

    const fault = await alertOf('stream-fault');
    await expect.poll(notices).toHaveLength(1);
    expect((await notices())[0]!.tag).toBe(`livedesk-alert-${fault.id}`);
    // Critical: the double, higher beep.
    await expect.poll(beeps).toEqual([880, 880]);
    // The alert grows: same id, no second notification.
    sendComments('more', ['又卡了', '卡了']);
    await expect.poll(() => byTestId('alert-bar-count').innerText()).toBe('×12');
    expect(await notices()).toHaveLength(1);
    expect(await beeps()).toHaveLength(2);
  });

  it('F8 opens the panel; Enter shows the evidence as literal text', async () => {
    await page.locator('body').click({ position: { x: 5, y: 740 } });
    await page.keyboard.press('F8');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('alert-list');
    // Newest first: the stream fault is selected.
    expect(await selectedCard().getAttribute('data-rule-id')).toBe('stream-fault');
    expect(await card('stream-fault').locator('[data-testid="alert-severity"]').innerText()).toContain(
      '严重',
    );
    await page.keyboard.press('Enter');
    const evidence = card('stream-fault').locator('[data-testid="alert-evidence-text"]');
    await expect.poll(() => evidence.count()).toBe(12);
    const texts = await evidence.allInnerTexts();
    expect(texts).toContain(HTML_TEXT);
    expect(await card('stream-fault').locator('[data-testid="alert-evidence"] b').count()).toBe(0);
    // The 600-character comment is clamped inside the card, not stretching the panel.
    const panel = (await byTestId('alert-panel').boundingBox())!;
    const long = (await evidence.filter({ hasText: '啊啊啊' }).boundingBox())!;
    expect(long.x + long.width).toBeLessThanOrEqual(panel.x + panel.width);
    expect(long.height).toBeLessThan(80);
  });

  it('A acknowledges with the operator name; GET /api/alerts agrees', async () => {
    const operator = byTestId('alert-operator');
    await operator.fill('小王');
    await operator.press('Enter');
    await card('stream-fault').click();
    await page.keyboard.press('a');
    // 未处理 (the default filter) lists open alerts only: the handled one leaves the list.
    await expect.poll(() => card('stream-fault').count()).toBe(0);
    const acked = await alertOf('stream-fault');
    expect(acked.state).toBe('acked');
    expect(acked.ackedBy).toBe('小王');
    expect(acked.ackedAt).not.toBeNull();
    await byTestId('alert-filter-all').click();
    expect(await card('stream-fault').getAttribute('data-state')).toBe('acked');
    expect(await card('stream-fault').locator('[data-testid="alert-card-acked"]').innerText()).toContain(
      '小王',
    );
    // The bar moves on to the other open critical alert.
    await expect.poll(() => byTestId('alert-bar-rule').innerText()).toBe('投诉/欺诈言论');
  });

  it('S snoozes the other rule’s alert, M mutes its rule; the bar goes', async () => {
    await card('stream-fault').click();
    await page.keyboard.press('ArrowDown');
    expect(await selectedCard().getAttribute('data-rule-id')).toBe('complaint-fraud');
    const before = Date.now();
    await page.keyboard.press('s');
    await expect.poll(() => card('complaint-fraud').getAttribute('data-state')).toBe('snoozed');
    const snoozed = await alertOf('complaint-fraud');
    expect(snoozed.state).toBe('snoozed');
    expect(snoozed.snoozedUntil! - before).toBeGreaterThanOrEqual(5 * 60_000 - 1000);
    expect(snoozed.snoozedUntil! - before).toBeLessThanOrEqual(5 * 60_000 + 10_000);
    // Nothing urgent is open any more.
    await expect.poll(() => byTestId('alert-bar').count()).toBe(0);

    await page.keyboard.press('m');
    await expect
      .poll(() => card('complaint-fraud').locator('[data-testid="alert-card-muted"]').count())
      .toBe(1);
    expect((await callApi<AlertRulesView>('listAlertRules', [])).muted).toEqual(['complaint-fraud']);
  });

  it('the rule editor refuses a broken regex and an impossible threshold, names a bad import, unmutes', async () => {
    await byTestId('alert-rules-open').click();
    const dialog = byTestId('alert-rules');
    await dialog.waitFor();
    await dialog
      .locator('[data-testid="alert-rule-row"][data-rule-id="stream-fault"] .rule-row__main')
      .click();
    const form = byTestId('alert-rule-form');
    await expect.poll(() => form.locator('[data-testid="rule-name"]').inputValue()).toBe('观众反馈直播故障');

    await form.locator('[data-testid="rule-pattern"]').fill('(卡了');
    await expect.poll(() => byTestId('rule-pattern-problem').innerText()).toContain('正则表达式有误');
    expect(await byTestId('rule-save').isDisabled()).toBe(true);
    await form.locator('[data-testid="rule-pattern"]').press('Control+Enter');
    await form.locator('[data-testid="rule-pattern"]').fill('');
    await expect.poll(() => byTestId('rule-pattern-problem').count()).toBe(0);

    await form.locator('[data-testid="rule-minDistinctUsers"]').fill('20');
    await expect.poll(() => byTestId('rule-minDistinctUsers-problem').innerText()).toContain('不可能');
    expect(await byTestId('rule-save').isDisabled()).toBe(true);
    // Nothing of it reached the core.
    const saved = (await callApi<AlertRulesView>('listAlertRules', [])).rules.find(
      (r) => r.id === 'stream-fault',
    );
    expect(saved).toMatchObject({ kind: 'keyword', minDistinctUsers: 8 });
    expect(saved && 'pattern' in saved ? saved.pattern : undefined).toBeUndefined();

    const badFile = { version: 1, rules: [{ id: 'ok-rule' }, { id: 'bad' }] };
    const good = (await callApi<AlertRulesView>('listAlertRules', [])).rules[0]!;
    badFile.rules[0] = { ...good, id: 'ok-rule' };
    badFile.rules[1] = { ...good, id: 'bad', kind: 'keyword', anyOf: ['卡了'], pattern: '([' } as never;
    await byTestId('alert-rules-file').setInputFiles({
      name: 'bad.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(badFile)),
    });
    const result = byTestId('alert-rules-io-result');
    await expect.poll(() => result.innerText()).toContain('第 2 条规则');
    expect(await result.innerText()).toContain('pattern');
    expect((await callApi<AlertRulesView>('listAlertRules', [])).rules.some((r) => r.id === 'ok-rule')).toBe(
      false,
    );

    // Discard the edit, then unmute the muted rule from its row.
    await dialog
      .locator('[data-testid="alert-rule-row"][data-rule-id="complaint-fraud"] .rule-row__main')
      .click();
    await byTestId('alert-rules-discard-yes').click();
    await byTestId('alert-rule-unmute').click();
    await expect.poll(async () => (await callApi<AlertRulesView>('listAlertRules', [])).muted).toEqual([]);
    await expect.poll(() => byTestId('alert-rule-unmute').count()).toBe(0);
  });
});
