/**
 * 共享看板到局域网 in Debian Chromium against the real web host CLI: the share dialog starts
 * sharing and shows a link and a QR code per role; the viewer's link, opened in a second page,
 * lands on the big screen without any write control and stays there; revoking its token cuts
 * it off. The LAN listener is bound to 127.0.0.1 through LIVEDESK_LAN_ADDRESS (no private
 * interface here). Screenshots go to test-results/.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { startWebCli, type WebCli } from '../helpers/web-cli.js';

const ARTIFACTS = path.resolve(import.meta.dirname, '../../test-results');

/** Buttons that change something: none may show on a viewer's page. */
const WRITE_CONTROLS = [
  'settings-open',
  'targets-open',
  'share-open',
  'alerts-open',
  'incidents-open',
  'checklist-open',
  'faq-open',
  'report-open',
  'history-open',
  'tile-layout-open',
  'bigscreen-back',
];

let tmp: ReturnType<typeof makeTempDir>;
let web: WebCli;
let browser: Browser;
let page: Page;
let viewerPage: Page;
let viewerUrl = '';

beforeAll(async () => {
  tmp = makeTempDir();
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  process.env.LIVEDESK_LAN_ADDRESS = '127.0.0.1'; // this test file's own process and its CLI child
  web = await startWebCli(['--data-dir', tmp.dir, '--seed', '7', '--rate', '40'], 'e2e-share-token-0123');
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1366, height: 860 } });
  await page.goto(`${web.url}?token=${web.token}`);
  await page.locator('[data-testid="feed-state"][data-state="live"]').waitFor();
});

afterAll(async () => {
  await browser?.close();
  await web?.stop();
  tmp?.cleanup();
});

const byTestId = (p: Page, id: string) => p.locator(`[data-testid="${id}"]`);

describe('share the board to this network (web host, Chromium)', () => {
  it('starts sharing from the top bar and shows a link and a QR code for both roles', async () => {
    await byTestId(page, 'share-open').click();
    await byTestId(page, 'share-dialog').waitFor();
    await expect.poll(() => byTestId(page, 'share-state').getAttribute('data-active')).toBe('false');
    expect(await byTestId(page, 'share-interface').inputValue()).toBe('LIVEDESK_LAN_ADDRESS');
    await byTestId(page, 'share-start').click();
    await expect.poll(() => byTestId(page, 'share-state').getAttribute('data-active')).toBe('true');
    for (const role of ['viewer', 'controller']) {
      const url = await byTestId(page, `share-url-${role}`).inputValue();
      expect(url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/\\?token=[\\w-]{32}&role=${role}`));
      expect(new URL(url).origin).not.toBe(new URL(web.url).origin); // its own listener
      const qr = byTestId(page, `share-qr-${role}`);
      expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
      await expect
        .poll(() => qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0))
        .toBe(true);
    }
    viewerUrl = await byTestId(page, 'share-url-viewer').inputValue();
    expect(viewerUrl).toMatch(/#\/big$/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'share-dialog.png') });
  });

  it('opens the viewer link on the big screen, without write controls, and keeps it there', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    viewerPage = await context.newPage();
    await viewerPage.goto(viewerUrl);
    await byTestId(viewerPage, 'bigscreen').waitFor();
    await expect.poll(() => byTestId(viewerPage, 'big-show-title').textContent()).not.toBe('');
    for (const id of WRITE_CONTROLS) expect(await byTestId(viewerPage, id).count(), id).toBe(0);
    // Clearing the hash (the board's address) still shows the big screen.
    await viewerPage.evaluate(() => {
      window.location.hash = '';
    });
    await byTestId(viewerPage, 'bigscreen').waitFor();
    expect(await viewerPage.locator('.topbar').count()).toBe(0);
    await expect.poll(() => byTestId(page, 'share-clients-viewer').textContent()).toMatch(/^1 /);
    await viewerPage.screenshot({ path: path.join(ARTIFACTS, 'share-viewer-bigscreen.png') });
  });

  it('revoking the viewer token disconnects the big screen at once', async () => {
    await byTestId(page, 'share-revoke-viewer').click();
    await byTestId(page, 'share-reissue-viewer').waitFor();
    await expect.poll(() => byTestId(viewerPage, 'bigscreen').getAttribute('class')).toMatch(/is-stale/);
    await byTestId(page, 'share-stop').click();
    await expect.poll(() => byTestId(page, 'share-state').getAttribute('data-active')).toBe('false');
  });
});
