/**
 * The assistant's board in Debian Chromium against the real web host CLI: the tile layout
 * editor (hide a tile, survive a reload, reorder from the keyboard), show targets set in the
 * dialog and shown as progress on the GMV tile, the product table sorted by clicks, and — after
 * a restart on the same data directory with another seed — the show history: two shows listed,
 * the first one's final GMV exactly as /api/metrics gave it at its end, and the comparison.
 * Screenshots go to test-results/.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMetricValue } from '../../shared/format.js';
import { launchChromium } from '../helpers/browser.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { getWebJson, startWebCli, type WebCli } from '../helpers/web-cli.js';

const TOKEN = 'e2e-board-ux-token-0123';
const ARTIFACTS = path.resolve(import.meta.dirname, '../../test-results');
/** 20 feed minutes at ×60: long enough to set targets while the show runs. */
const FIRST_SHOW = ['--seed', '5', '--rate', '100', '--speed', '60', '--duration', '20'];
const SECOND_SHOW = ['--seed', '9', '--rate', '100', '--speed', '60', '--duration', '10'];
const LAYOUT_KEY = 'livedesk.tileLayout.v1';

interface MetricsBody {
  gmv: number;
  at: number;
  show: { id: string; endedAt: number | null } | null;
  products: { id: string; clicks: number; gmv: number }[];
}

let tmp: ReturnType<typeof makeTempDir>;
let web: WebCli;
let browser: Browser;
let page: Page;

async function openBoard(cli: WebCli, hash = ''): Promise<void> {
  await page.goto(`${cli.url}?token=${cli.token}${hash}`);
}

/** The first figures are on screen (GMV: the one tile these tests never hide). */
async function waitForFigures(): Promise<void> {
  await page
    .locator('[data-metric="gmv"] [data-testid="metric-value"]')
    .filter({ hasNotText: '—' })
    .waitFor({ timeout: 20_000 });
}

const metrics = (cli: WebCli) => getWebJson<MetricsBody>(cli, 'api/metrics');

const byTestId = (id: string) => page.locator(`[data-testid="${id}"]`);
const shot = (name: string) =>
  page.screenshot({ path: path.join(ARTIFACTS, `e2e-ux-${name}.png`), animations: 'disabled' });

/** The data-metric keys of the grid's tiles, in document (= display) order. */
const tileOrder = () =>
  page.$$eval('[data-testid="metric-grid"] > [data-metric]', (tiles) =>
    tiles.map((tile) => (tile as HTMLElement).dataset.metric ?? ''),
  );

beforeAll(async () => {
  tmp = makeTempDir();
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  web = await startWebCli(['--data-dir', tmp.dir, ...FIRST_SHOW], TOKEN);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await openBoard(web);
  await waitForFigures();
});

afterAll(async () => {
  await browser?.close();
  await web?.stop();
  tmp?.cleanup();
});

describe('board UX in Chromium (web host)', () => {
  it('sets show targets in the dialog and shows them as progress on the GMV tile', async () => {
    await byTestId('targets-open').click();
    const dialog = byTestId('targets-dialog');
    await dialog.waitFor();
    // Focus starts in the GMV field; an invalid amount is refused in words.
    await page.keyboard.type('12.345');
    await byTestId('targets-save').click();
    await expect.poll(() => dialog.locator('.target-field__error').count()).toBe(1);

    await byTestId('target-gmv').fill('10000');
    await byTestId('target-peak').fill('50000');
    await byTestId('target-followers').fill('2000');
    await byTestId('target-minutes').fill('20');
    await byTestId('targets-save').click();
    await dialog.waitFor({ state: 'detached' });

    const gmvProgress = page.locator('[data-metric="gmv"] [data-testid="target-progress"]');
    await gmvProgress.waitFor();
    expect(await gmvProgress.getAttribute('data-target')).toBe('gmv');
    // A planned length is set and the show has run a while: the pace is known either way.
    await expect.poll(() => gmvProgress.getAttribute('data-on-track')).toMatch(/^(true|false)$/);
    expect(await gmvProgress.locator('.target-progress__goal').innerText()).toContain('¥10,000.00');
    expect(await gmvProgress.innerText()).toMatch(/预计 ¥[\d,.万]+ · (可达成|落后)/);
    const bar = gmvProgress.locator('[role="progressbar"]');
    // GMV grows with the show; on a loaded machine the first seconds may still round to 0 %.
    await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow'))).toBeGreaterThan(0);
    expect(Number(await bar.getAttribute('aria-valuenow'))).toBeLessThanOrEqual(100);

    // Peak online has no pace (a level, not a rate); new followers has one.
    await page.locator('[data-metric="peakOnline"] [data-testid="target-progress"]').waitFor();
    expect(
      await page
        .locator('[data-metric="newFollowers"] [data-testid="target-progress"]')
        .getAttribute('data-on-track'),
    ).toMatch(/^(true|false)$/);
    await shot('targets-zh-1366');

    // Reopened, the dialog shows what was saved (GMV back in yuan).
    await byTestId('targets-open').click();
    expect(await byTestId('target-gmv').inputValue()).toBe('10000');
    expect(await byTestId('target-minutes').inputValue()).toBe('20');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('hides a tile in the layout editor, and the choice survives a reload', async () => {
    await page.locator('[data-metric="likes"]').waitFor();
    await byTestId('tile-layout-open').click();
    const editor = byTestId('tile-editor');
    await editor.waitFor();
    await editor.locator('[data-tile="likes"] input[type="checkbox"]').click();
    await page.locator('[data-metric="likes"]').waitFor({ state: 'detached' });
    await shot('tile-editor-zh-1366');
    await page.keyboard.press('Escape');
    await editor.waitFor({ state: 'detached' });

    const stored = await page.evaluate((key) => localStorage.getItem(key), LAYOUT_KEY);
    expect(JSON.parse(stored ?? '{}')).toMatchObject({ hidden: ['likes'] });

    await page.reload();
    await waitForFigures();
    expect(await page.locator('[data-metric="likes"]').count()).toBe(0);
    expect(await page.locator('[data-metric="comments"]').count()).toBe(1);
  });

  it('reorders tiles from the keyboard (Alt+↑/↓), then resets to the default', async () => {
    const focusedTile = () => page.evaluate(() => document.activeElement?.getAttribute('data-tile') ?? null);
    const before = await tileOrder();
    expect(before.slice(0, 3)).toEqual(['online', 'gmv', 'conversionRate']);
    await byTestId('tile-layout-open').click();
    const row = byTestId('tile-editor').locator('[data-tile="conversionRate"]');
    await row.focus();
    await page.keyboard.press('Alt+ArrowUp');
    await expect
      .poll(async () => (await tileOrder()).slice(0, 3))
      .toEqual(['online', 'conversionRate', 'gmv']);
    // Focus stays on the moved row (put back on the next frame), so it can keep moving.
    await expect.poll(focusedTile).toBe('conversionRate');
    await page.keyboard.press('Alt+ArrowUp');
    await expect
      .poll(async () => (await tileOrder()).slice(0, 3))
      .toEqual(['conversionRate', 'online', 'gmv']);
    await expect.poll(focusedTile).toBe('conversionRate');
    // Plain arrows move the focus; Space hides the focused tile.
    await page.keyboard.press('ArrowDown');
    await expect.poll(focusedTile).toBe('online');
    await page.keyboard.press('Space');
    await expect.poll(async () => (await tileOrder()).includes('online')).toBe(false);

    await page.reload();
    await waitForFigures();
    expect((await tileOrder()).slice(0, 2)).toEqual(['conversionRate', 'gmv']);

    await byTestId('tile-layout-open').click();
    await byTestId('tile-editor-reset').click();
    await byTestId('tile-editor-done').click();
    const after = await tileOrder();
    expect(after.slice(0, 3)).toEqual(['online', 'gmv', 'conversionRate']);
    expect(after).toContain('likes');
    expect(after).toContain('commentRate');
  });

  it('sorts the product table by clicks (header click and Enter)', async () => {
    const table = byTestId('product-table');
    await table.locator('tbody tr').first().waitFor();
    expect(await table.getAttribute('data-sort-column')).toBe('gmv');
    const clicksHeader = table.locator('button[data-sort="clicks"]');
    await clicksHeader.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => table.getAttribute('data-sort-column')).toBe('clicks');
    expect(await clicksHeader.getAttribute('data-direction')).toBe('desc');
    expect(await table.locator('th:has(button[data-sort="clicks"])').getAttribute('aria-sort')).toBe(
      'descending',
    );

    // Once the show has ended the figures hold still: the rows follow /api/metrics by clicks.
    await page.locator('[data-testid="feed-state"][data-state="ended"]').waitFor({ timeout: 40_000 });
    const final = await metrics(web);
    const byClicks = [...final.products].sort(
      (a, b) => b.clicks - a.clicks || b.gmv - a.gmv || a.id.localeCompare(b.id),
    );
    await expect
      .poll(() =>
        table
          .locator('tbody tr')
          .evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.productId)),
      )
      .toEqual(byClicks.map((p) => p.id));

    await clicksHeader.click();
    expect(await clicksHeader.getAttribute('data-direction')).toBe('asc');
    await shot('board-ended-zh-1366');
    // Room for the wait for the show's end above (up to 40 s when the tests before were quick).
  }, 60_000);

  it('lists both shows after a restart, opens the first as it ended, and compares them', async () => {
    // The first show has ended: its figures as the API gave them at its end.
    const first = await metrics(web);
    expect(first.show?.endedAt).not.toBeNull();
    const firstId = first.show!.id;
    const firstGmv = formatMetricValue('cents', first.gmv, 'zh-CN');

    await web.stop();
    web = await startWebCli(['--data-dir', tmp.dir, ...SECOND_SHOW], TOKEN);
    await openBoard(web);
    await waitForFigures();
    const secondId = (await metrics(web)).show!.id;
    expect(secondId).not.toBe(firstId);

    await byTestId('history-open').click();
    const history = byTestId('history-view');
    await history.waitFor();
    const rows = history.locator('tr[data-show-id]');
    await expect.poll(() => rows.count()).toBe(2);
    // Newest first.
    expect(await rows.nth(0).getAttribute('data-show-id')).toBe(secondId);
    expect(await rows.nth(1).getAttribute('data-show-id')).toBe(firstId);
    await shot('history-list-zh-1366');

    await history.locator(`tr[data-show-id="${firstId}"] [data-testid="show-open"]`).click();
    const board = page.locator(`[data-testid="show-board"][data-show-id="${firstId}"]`);
    await board.waitFor();
    expect(await board.locator('[data-metric="gmv"] [data-testid="metric-value"]').innerText()).toBe(
      firstGmv,
    );
    // The same product table, fed by that show's report.
    expect(await board.locator('[data-testid="product-table"] tbody tr').count()).toBe(first.products.length);
    await shot('history-show-zh-1366');

    // 环比 from the newer show: this one vs the previous (the first show) by default.
    await byTestId('history-back').click();
    await byTestId('history-open').click();
    await history.locator(`tr[data-show-id="${secondId}"] [data-testid="show-compare"]`).click();
    const compare = byTestId('compare-view');
    await compare.waitFor();
    expect(await compare.getAttribute('data-show-id')).toBe(secondId);
    expect(await compare.getAttribute('data-other-id')).toBe(firstId);
    const otherGmv = compare.locator('[data-compare="gmv"][data-side="other"] .compare-table__value');
    expect(await otherGmv.innerText()).toBe(firstGmv);
    expect(await compare.locator('[data-compare="gmv"][data-side="this"]').innerText()).not.toBe('');
    expect(await compare.locator('[data-compare="gmv"][data-side="diff"]').innerText()).toMatch(/[+−]\d/);
    expect(await compare.locator('[data-compare="conversionRate"]').count()).toBe(3);
    await shot('history-compare-zh-1366');
  });
});
