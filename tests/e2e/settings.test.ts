/**
 * The settings drawer in Debian Chromium against the real web host CLI: opened with the
 * keyboard, a closed port is refused in words, then a running feed on 127.0.0.1 is tested,
 * saved and switched to — the board follows the new show. Diagnostics open from the strip.
 * Screenshots go to test-results/.
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimFeedServer, type SimFeedServer } from '../../electron/core/sim/feed-server.js';
import { ShowModel } from '../../electron/core/sim/show-model.js';
import { launchChromium } from '../helpers/browser.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { startWebCli, type WebCli } from '../helpers/web-cli.js';

const ARTIFACTS = path.resolve(import.meta.dirname, '../../test-results');
const NEW_SHOW_TITLE = '双十二返场专场';

let tmp: ReturnType<typeof makeTempDir>;
let web: WebCli;
let browser: Browser;
let page: Page;
let feed: SimFeedServer | null = null;

beforeAll(async () => {
  tmp = makeTempDir();
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  web = await startWebCli(
    ['--data-dir', tmp.dir, '--seed', '3', '--rate', '50', '--speed', '5'],
    'e2e-settings-token-0123',
  );
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(`${web.url}?token=${web.token}`);
  await page.locator('[data-testid="feed-state"][data-state="live"]').waitFor();
});

afterAll(async () => {
  await browser?.close();
  await web?.stop();
  await feed?.stop();
  tmp?.cleanup();
});

async function closedPort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

const byTestId = (id: string) => page.locator(`[data-testid="${id}"]`);

describe('settings: feed source (web host, Chromium)', () => {
  it('opens with Ctrl+, and picks Socket.IO with the keyboard', async () => {
    expect(await byTestId('settings-panel').count()).toBe(0);
    await page.keyboard.press('Control+Comma');
    await byTestId('settings-panel').waitFor();
    // The running source (the demo show) is chosen and has the keyboard.
    await expect.poll(() => byTestId('source-kind-sim').isChecked()).toBe(true);
    await expect
      .poll(() => byTestId('source-kind-sim').evaluate((el) => el === document.activeElement))
      .toBe(true);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => byTestId('source-kind-socketio').isChecked()).toBe(true);
    await byTestId('source-url').waitFor();
    expect(await byTestId('source-token').getAttribute('type')).toBe('password');
  });

  it('refuses a bad URL before asking the service', async () => {
    await byTestId('source-url').fill('ftp://nowhere');
    await byTestId('source-room').fill('');
    await byTestId('source-test').click();
    expect(await byTestId('source-url').getAttribute('aria-invalid')).toBe('true');
    expect(await byTestId('source-room').getAttribute('aria-invalid')).toBe('true');
    expect(await byTestId('source-test-result').count()).toBe(0);
  });

  it('says "connection refused" for a closed port', async () => {
    const port = await closedPort();
    await byTestId('source-url').fill(`http://127.0.0.1:${port}`);
    await byTestId('source-room').fill('demo-room');
    await byTestId('source-test').click();
    const result = byTestId('source-test-result');
    await result.waitFor({ timeout: 10_000 });
    expect(await result.getAttribute('data-ok')).toBe('false');
    expect(await result.innerText()).toContain('✗');
    expect(await result.innerText()).toContain('connection refused');
    await page.screenshot({
      path: path.join(ARTIFACTS, 'e2e-settings-refused-zh-1366.png'),
      animations: 'disabled',
    });
  });

  it('tests a running feed, saves it and switches the board to its show', async () => {
    const model = new ShowModel({
      seed: 9,
      rate: 50,
      startedAt: Date.now(),
      durationMs: 30 * 60_000,
      title: NEW_SHOW_TITLE,
      roomId: 'e2e-room',
    });
    feed = await startSimFeedServer({ model, speed: 20 });
    expect(await byTestId('show-title').innerText()).not.toBe(NEW_SHOW_TITLE);

    await byTestId('source-url').fill(feed.url);
    await byTestId('source-room').fill(feed.room);
    await byTestId('source-test').click();
    const tested = byTestId('source-test-result');
    await page.locator('[data-testid="source-test-result"][data-ok="true"]').waitFor({ timeout: 10_000 });
    expect(await tested.innerText()).toContain('✓');
    expect(await tested.innerText()).toContain(NEW_SHOW_TITLE);

    await byTestId('source-apply').click();
    const applied = page.locator('[data-testid="source-apply-result"]');
    await applied.waitFor({ timeout: 15_000 });
    expect(await applied.getAttribute('data-ok')).toBe('true');
    await page.screenshot({
      path: path.join(ARTIFACTS, 'e2e-settings-applied-zh-1366.png'),
      animations: 'disabled',
    });

    await page.keyboard.press('Escape');
    await byTestId('settings-panel').waitFor({ state: 'detached' });
    await page.locator('[data-testid="feed-state"][data-state="live"]').waitFor();
    await expect.poll(() => byTestId('feed-state').innerText(), { timeout: 10_000 }).toContain('Socket.IO');
    await expect.poll(() => byTestId('show-title').innerText(), { timeout: 10_000 }).toBe(NEW_SHOW_TITLE);
    // Focus went back to where it was before the drawer opened, not lost.
    expect(
      await page.evaluate(() => document.activeElement?.closest('[data-testid="settings-panel"]')),
    ).toBeNull();
  });

  it('shows the saved source when opened again', async () => {
    await byTestId('settings-open').click();
    await byTestId('settings-panel').waitFor();
    await expect.poll(() => byTestId('source-kind-socketio').isChecked()).toBe(true);
    expect(await byTestId('source-url').inputValue()).toBe(feed!.url);
    expect(await byTestId('source-room').inputValue()).toBe(feed!.room);
    await byTestId('settings-close').click();
    await byTestId('settings-panel').waitFor({ state: 'detached' });
  });

  it('opens diagnostics in one click from the feed-health strip', async () => {
    await byTestId('feed-gaps-open').click();
    await byTestId('diagnostics-panel').waitFor();
    expect(await page.locator('[data-testid="settings-tab-diagnostics"]').getAttribute('aria-selected')).toBe(
      'true',
    );
    await page.screenshot({
      path: path.join(ARTIFACTS, 'e2e-diagnostics-zh-1366.png'),
      animations: 'disabled',
    });
    await page.keyboard.press('Escape');
    await byTestId('settings-panel').waitFor({ state: 'detached' });
  });
});
