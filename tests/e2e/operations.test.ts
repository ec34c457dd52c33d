/**
 * The field controller's checklist and incident log, end to end: a scripted feed (real
 * socket.io server on 127.0.0.1) drives the real web host CLI; Debian Chromium shows the board.
 *
 * Before the show (the feed has not said hello yet) the checklist is filled from the keyboard:
 * one microphone reading out of range fails its row at once with the range and the contingency
 * playbook, a value that is not a number is refused where it was typed. The show starts on the
 * feed with items open and failed → the warning strip. Then ten viewers report 卡了 → the
 * stream-fault alert → I in the alert panel opens an incident (推流卡顿, linked to the alert), two
 * playbook steps are ticked (the first counts as the response), a note added, the incident
 * resolved → its response time, time to resolve and impact (online before / lowest / after from
 * the per-minute rollups the feed filled) are shown and GET /api/incidents agrees.
 */
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertView } from '../../shared/api/alerts.js';
import type { ChecklistRun, IncidentView } from '../../shared/api/operations.js';
import { formatCount } from '../../shared/format.js';
import { formatDuration } from '../../renderer/src/components/operations/incidentClock.js';
import { launchChromium } from '../helpers/browser.js';
import { stats, STREAM_FAULT_TEXTS } from '../helpers/events.js';
import { sendViewerComments, startScriptedFeed, type ScriptedFeed } from '../helpers/scripted-feed.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { waitFor, waitForAsync } from '../helpers/wait.js';
import { getWebJson, startWebCli, type WebCli } from '../helpers/web-cli.js';

const TOKEN = 'e2e-operations-token-01';
const ROOM = 'room-ops';
const MINUTE = 60_000;

let feed: ScriptedFeed;
let heartbeat: ReturnType<typeof setInterval> | undefined;
let online = 1000;
let web: WebCli;
let browser: Browser;
let page: Page;
const tmp = makeTempDir();

const nextSeq = () => feed.nextSeq();
const emit = (event: string, payload: unknown) => feed.emit(event, payload);

function sendStats(ts: number, viewers: number): void {
  emit('stats', stats(nextSeq(), 0, { ts, online: viewers }));
}

/** The show goes live: hello, the last six minutes of stats (online 1000), then a heartbeat. */
function startShow(): void {
  const now = Date.now();
  emit('hello', {
    protocol: 1,
    room: { id: ROOM, title: '场控测试间', platform: 'douyin' },
    show: { id: 'ops-e2e', title: '场控专场', startedAt: now - 7 * MINUTE },
    serverTime: now,
    lastSeq: feed.seq,
  });
  for (let m = 6; m >= 1; m -= 1) sendStats(now - m * MINUTE, 1000);
  // Stats every second keep the feed alive (no silence alert); `online` is what the test sets.
  heartbeat = setInterval(() => sendStats(Date.now(), online), 1000);
}

const sendComments = (prefix: string, texts: readonly string[]) => sendViewerComments(feed, prefix, texts);

async function readDownload(download: Download): Promise<string> {
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const byTestId = (id: string) => page.locator(`[data-testid="${id}"]`);
const row = (itemId: string) => page.locator(`[data-testid="checklist-row"][data-item-id="${itemId}"]`);
const item = (run: ChecklistRun, id: string) => run.items.find((i) => i.id === id)!;

beforeAll(async () => {
  // No hello on connect: no show runs until the test starts one.
  feed = await startScriptedFeed();
  web = await startWebCli(
    ['--data-dir', tmp.dir, '--source', 'socketio', '--url', feed.url, '--room', ROOM],
    TOKEN,
  );
  await waitFor(() => feed.socket, 'the web host to connect to the feed');

  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(`${web.url}?token=${TOKEN}`);
  await byTestId('checklist-open-progress').waitFor({ timeout: 20_000 });
});

afterAll(async () => {
  clearInterval(heartbeat);
  await browser?.close();
  await web?.stop();
  await feed?.close();
  tmp.cleanup();
});

describe('checklist before the show, warning at the start, incident from an alert', () => {
  it('fills the checklist from the keyboard; an out-of-range value fails its row at once', async () => {
    expect(await byTestId('checklist-open-progress').innerText()).toBe('0/27');
    await page.locator('body').click({ position: { x: 5, y: 740 } });
    await page.keyboard.press('F9');
    await byTestId('checklist-dialog').waitFor();
    expect(await byTestId('checklist-scope').innerText()).toBe('为下一场准备（尚未开播）');
    // The first row has the keyboard; ↓ walks the rows, Enter goes to the value.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-item-id')))
      .toBe('camera-resolution');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.keyboard.type('30');
    await page.keyboard.press('Enter');
    await expect.poll(() => row('camera-fps').getAttribute('data-status')).toBe('pass');

    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-item-id'))).toBe(
      'mic-sensitivity',
    );
    await page.keyboard.press('Enter');
    await page.keyboard.type('-30');
    await page.keyboard.press('Enter');
    // Failed at once, with the reason in the range's own words, and its contingency playbook.
    expect(await row('mic-sensitivity').getAttribute('data-status')).toBe('fail');
    expect(await row('mic-sensitivity').locator('[data-testid="checklist-reason"]').innerText()).toBe(
      '超出范围 −46…−34 dB',
    );
    const contingency = row('mic-sensitivity').locator('[data-testid="checklist-contingency"]');
    await expect.poll(() => contingency.locator('li').count()).toBeGreaterThan(1);
    expect(await contingency.innerText()).toContain('应急预案：设备故障');

    // P and N on the focused row.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('p');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('n');
    await expect.poll(() => row('audio-sync').getAttribute('data-status')).toBe('pass');
    await expect.poll(() => row('fill-light').getAttribute('data-status')).toBe('na');

    // Not a number: refused where it was typed, nothing saved.
    const uplink = row('uplink').locator('[data-testid="checklist-measured"]');
    await uplink.fill('很快');
    await uplink.press('Enter');
    expect(await row('uplink').locator('[data-testid="checklist-reason"]').innerText()).toContain(
      '请输入数字',
    );
    expect(await uplink.getAttribute('aria-invalid')).toBe('true');
    await uplink.press('Escape');
    expect(await uplink.inputValue()).toBe('');

    await expect.poll(() => byTestId('checklist-progress-figure').innerText()).toBe('4/27');
    const run = await getWebJson<ChecklistRun>(web, 'api/checklists/current');
    expect(run.showId).toBeNull();
    expect(item(run, 'mic-sensitivity')).toMatchObject({
      status: 'fail',
      autoFailed: true,
      measured: '-30',
      who: '场控',
    });
    expect(item(run, 'camera-fps')).toMatchObject({ status: 'pass', measured: '30' });
    expect(item(run, 'audio-sync').status).toBe('pass');
    expect(item(run, 'fill-light').status).toBe('na');
    expect(item(run, 'uplink')).toMatchObject({ status: 'open', measured: null });
    expect(run.progress).toMatchObject({ total: 27, done: 4, fail: 1, open: 23 });

    // The 设备调试记录表 as Markdown: one row per item, with the values typed.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      byTestId('checklist-export-md').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.md$/);
    const table = await readDownload(download);
    expect(table.split('\n').find((line) => line.includes('麦克风灵敏度'))).toMatch(/-30/);

    await page.keyboard.press('Escape');
    await byTestId('checklist-dialog').waitFor({ state: 'detached' });
    expect(await byTestId('checklist-open-progress').innerText()).toBe('4/27');
    expect(await byTestId('checklist-open').getAttribute('class')).toContain('is-fail');
  });

  it('warns when the show starts with items open and failed', async () => {
    expect(await byTestId('start-warning').count()).toBe(0);
    startShow();
    const warning = byTestId('start-warning-text');
    await warning.waitFor();
    expect(await warning.innerText()).toContain('开播时清单仍有 23 项未完成、1 项未通过');
    const run = await getWebJson<ChecklistRun>(web, 'api/checklists/current');
    expect(run.showId).toBe('ops-e2e');
    expect(run.startWarning).toMatchObject({ open: 23, failed: 1 });

    await byTestId('start-warning-open').click();
    await byTestId('checklist-dialog').waitFor();
    expect(await byTestId('checklist-scope').innerText()).toBe('本场：场控专场');
    await page.keyboard.press('Escape');
    await byTestId('start-warning-dismiss').click();
    await byTestId('start-warning').waitFor({ state: 'detached' });
  });

  it('opens an incident from the stream-fault alert, works its playbook, resolves it; the API agrees', async () => {
    sendComments('fault', STREAM_FAULT_TEXTS);
    await expect
      .poll(() => byTestId('alert-bar-rule').innerText(), { timeout: 10_000 })
      .toBe('观众反馈直播故障');
    await page.locator('body').click({ position: { x: 5, y: 740 } });
    await page.keyboard.press('F8');
    const faultCard = page.locator('[data-testid="alert-card"][data-rule-id="stream-fault"]');
    await faultCard.click();
    await page.keyboard.press('i');

    const panel = byTestId('incident-panel');
    await panel.waitFor();
    expect(await byTestId('alert-panel').count()).toBe(0);
    const card = panel.locator('[data-testid="incident-card"][data-state="open"]');
    await expect.poll(() => card.count()).toBe(1);
    expect(await card.getAttribute('data-type')).toBe('stream_stutter');
    // The stream suffers: online falls while the incident runs (after its detection minute began,
    // so "before" stays the 1000 of the minutes before).
    online = 400;
    // Opened on it: in view and focused, the clock running against the 5-minute target.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('incident-card');
    expect(await card.locator('[data-testid="incident-timer"]').getAttribute('data-phase')).toBe('waiting');
    expect(await card.locator('[data-testid="incident-response"]').innerText()).toMatch(
      /^[45]:\d\d 内需响应$/,
    );
    const alert = (await getWebJson<AlertView[]>(web, 'api/alerts')).find(
      (a) => a.ruleId === 'stream-fault',
    )!;
    expect(await card.innerText()).toContain(`来自告警 #${alert.id}`);
    // The alert's message is the first note.
    expect(await card.locator('[data-testid="incident-notes"]').innerText()).toContain(alert.message);

    const steps = card.locator('[data-testid="incident-step"]');
    expect(await steps.count()).toBeGreaterThanOrEqual(2);
    await steps.nth(0).check();
    await expect
      .poll(() => card.locator('[data-testid="incident-timer"]').getAttribute('data-phase'))
      .toBe('responded');
    await steps.nth(1).check();
    await expect.poll(() => card.locator('[data-testid="incident-step-at"]').count()).toBe(2);
    const note = card.locator('[data-testid="incident-note-input"]');
    await note.fill('已切换备用线路');
    await note.press('Enter');
    await expect
      .poll(() => card.locator('[data-testid="incident-notes"]').innerText())
      .toContain('已切换备用线路');
    // A couple of low readings in the incident's minute.
    await page.waitForTimeout(1500);

    await card.locator('[data-testid="incident-resolve"]').click();
    const resolved = panel.locator('[data-testid="incident-card"][data-state="resolved"]');
    await expect.poll(() => resolved.count()).toBe(1);
    // The keyboard follows the card into the resolved list (its ongoing card, focused, is gone).
    await expect
      .poll(() =>
        page.evaluate(
          () =>
            document.activeElement?.closest('[data-testid="incident-card"]')?.getAttribute('data-state') ??
            null,
        ),
      )
      .toBe('resolved');
    expect(await byTestId('incident-none').isVisible()).toBe(true);
    // Viewers come back in the minute after: the "after" reading.
    clearInterval(heartbeat);
    sendStats(Date.now() + MINUTE + 5000, 900);

    const stored = await waitForAsync(async () => {
      const list = await getWebJson<IncidentView[]>(web, 'api/incidents');
      const found = list.find((i) => i.alertId === alert.id);
      return found?.impact?.onlineAfter != null ? found : null;
    }, 'the stored incident with its impact after');
    expect(stored).toMatchObject({ type: 'stream_stutter', showId: 'ops-e2e', severity: 'high' });
    expect(stored.respondedAt).not.toBeNull();
    expect(stored.resolvedAt).not.toBeNull();
    expect(stored.responseMs!).toBeLessThanOrEqual(stored.resolveMs!);
    expect(stored.steps.slice(0, 2).every((s) => s.doneAt !== null)).toBe(true);
    expect(stored.steps.slice(2).every((s) => s.doneAt === null)).toBe(true);
    expect(stored.notes.map((n) => n.text)).toEqual([alert.message, '已切换备用线路']);
    expect(stored.impact).toMatchObject({ onlineBefore: 1000, onlineLowest: 400, onlineAfter: 900 });

    // Reopening the log refetches: what it shows is what was stored. Esc with the keyboard
    // nowhere (a click on the page's background) closes the drawer as well.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    await page.keyboard.press('F7');
    const shown = byTestId('incident-panel').locator(`[data-incident-id="${stored.id}"]`);
    await shown.waitFor();
    await shown.locator('[data-testid="incident-toggle"]').click();
    expect(await shown.locator('[data-testid="incident-response"]').innerText()).toBe(
      `响应用时 ${formatDuration(stored.responseMs!)}`,
    );
    expect(await shown.locator('[data-testid="incident-elapsed"]').innerText()).toBe(
      `解决用时 ${formatDuration(stored.resolveMs!)}`,
    );
    const onlineRow = shown.locator('[data-testid="impact-online"] td');
    expect(await onlineRow.allInnerTexts()).toEqual([1000, 400, 900].map((n) => formatCount(n)));
    expect(await byTestId('kpi-total').innerText()).toBe('1 起');
    expect(await byTestId('kpi-resolved').innerText()).toBe('已解决 100%');
    expect(await byTestId('kpi-within').innerText()).toBe('5 分钟内响应 100%');
  });
});
