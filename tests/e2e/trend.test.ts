/**
 * The trend chart and the big screen in Debian Chromium against the web host CLI running a fast
 * demo show (30 simulated minutes in 15 s): the chart fills with minutes and product markers,
 * the range toggle, drag-zoom and double-click reset change what is visible, and `#/big` shows
 * every big number and the chart. Screenshots (both themes, zh and en, 1366×768 and 1920×1080)
 * go to test-results/.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { startWebCli, type WebCli } from '../helpers/web-cli.js';

const ARTIFACTS = path.resolve(import.meta.dirname, '../../test-results');
const BIG_NUMBERS = ['gmv', 'online', 'conversionRate', 'aov', 'gpm', 'commentsPerMin'] as const;

type Theme = 'dark' | 'light';
type Locale = 'zh-CN' | 'en';

let tmp: ReturnType<typeof makeTempDir>;
let web: WebCli;
let browser: Browser;
let board: Page;

/** A page with the given viewport, theme and language (set before the app reads them). */
async function openPage(
  size: { width: number; height: number },
  theme: Theme,
  locale: Locale,
  hash = '',
): Promise<Page> {
  const context = await browser.newContext({ viewport: size });
  await context.addInitScript(
    ([t, l]) => {
      localStorage.setItem('livedesk.theme', t!);
      localStorage.setItem('livedesk.locale', l!);
    },
    [theme, locale],
  );
  const page = await context.newPage();
  await page.goto(`${web.url}?token=${web.token}${hash}`);
  return page;
}

const chart = (page: Page) => page.locator('[data-testid="trend-chart"]').first();
const chartNumber = async (page: Page, attribute: string) =>
  Number(await chart(page).getAttribute(attribute));

/** Waits until the chart has its points and has drawn them (uPlot sizes its canvas once laid out). */
async function chartReady(page: Page, minPoints: number): Promise<void> {
  await expect
    .poll(() => chartNumber(page, 'data-points'), { timeout: 15_000 })
    .toBeGreaterThanOrEqual(minPoints);
  await chart(page).locator('canvas').waitFor();
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS, name), animations: 'disabled' });
}

beforeAll(async () => {
  tmp = makeTempDir();
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  web = await startWebCli(
    ['--data-dir', tmp.dir, '--seed', '5', '--rate', '100', '--speed', '120', '--duration', '30'],
    'e2e-trend-token-0123456789',
  );
  browser = await launchChromium();
  board = await openPage({ width: 1366, height: 768 }, 'dark', 'zh-CN');
  // The whole show, so every figure and minute is final before the assertions.
  await board.locator('[data-testid="feed-state"][data-state="ended"]').waitFor({ timeout: 40_000 });
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await web?.stop();
  tmp?.cleanup();
});

describe('trend chart (board)', () => {
  it('plots the show minute by minute with product markers', async () => {
    await chartReady(board, 10);
    expect(await chartNumber(board, 'data-markers')).toBeGreaterThan(0);
    // Four series in the legend, each with a figure.
    const legend = chart(board).locator('[data-testid^="trend-legend-"]');
    expect(await legend.count()).toBe(4);
    for (const text of await legend.allInnerTexts()) expect(text).not.toContain('—');
    await shoot(board, 'e2e-trend-board-zh-dark-1366.png');
  });

  it('changes the visible range with the toggle, drag-zoom and double-click', async () => {
    // Read together: a refresh may add a minute at any time (every 5 s).
    const visibleVsPoints = () =>
      chart(board).evaluate((el: HTMLElement) => ({
        visible: Number(el.dataset.visibleMinutes),
        points: Number(el.dataset.points),
      }));
    const wholeShowVisible = async () => {
      const { visible, points } = await visibleVsPoints();
      return visible - points;
    };
    // The whole show: one minute per point (minutes are contiguous in a gap-free show).
    await expect.poll(wholeShowVisible).toBe(0);

    await board.locator('[data-testid="trend-range-last10"]').click();
    await expect.poll(() => chartNumber(board, 'data-visible-minutes')).toBe(10);
    expect(await chart(board).getAttribute('data-range')).toBe('last10');

    await board.locator('[data-testid="trend-range-all"]').click();
    await expect.poll(wholeShowVisible).toBe(0);

    // Drag across the middle third of the plot: zoomed in to roughly that third.
    const over = chart(board).locator('.u-over');
    const box = (await over.boundingBox())!;
    const y = box.y + box.height / 2;
    await board.mouse.move(box.x + box.width / 3, y);
    await board.mouse.down();
    await board.mouse.move(box.x + (box.width * 2) / 3, y, { steps: 8 });
    await board.mouse.up();
    await expect.poll(() => chart(board).getAttribute('data-zoomed')).toBe('true');
    const zoomed = await visibleVsPoints();
    expect(zoomed.visible).toBeLessThan(zoomed.points / 2);
    await board.locator('[data-testid="trend-reset-zoom"]').waitFor();

    await over.dblclick();
    await expect.poll(() => chart(board).getAttribute('data-zoomed')).toBe('false');
    await expect.poll(wholeShowVisible).toBe(0);
  });

  it('shows and hides a series from its legend chip', async () => {
    const chip = board.locator('[data-testid="trend-legend-comments"]');
    await chip.click();
    expect(await chip.getAttribute('aria-pressed')).toBe('false');
    await chip.click();
    expect(await chip.getAttribute('aria-pressed')).toBe('true');
  });

  it('looks right in the light theme, in English, at 1920×1080', async () => {
    const page = await openPage({ width: 1920, height: 1080 }, 'light', 'en');
    await chartReady(page, 10);
    expect(await chart(page).locator('.panel__title').innerText()).toBe('Live trend');
    await shoot(page, 'e2e-trend-board-en-light-1920.png');
    await page.context().close();
  });
});

describe('big screen (#/big)', () => {
  it('opens from the top bar in a window of its own', async () => {
    const [popup] = await Promise.all([
      board.context().waitForEvent('page'),
      board.locator('[data-testid="open-bigscreen"]').click(),
    ]);
    await popup.locator('[data-testid="bigscreen"]').waitFor();
    expect(new URL(popup.url()).hash).toBe('#/big');
    expect(new URL(popup.url()).searchParams.get('token')).toBe(web.token);
    await popup.close();
  });

  const views: { theme: Theme; locale: Locale; width: number; height: number }[] = [
    { theme: 'dark', locale: 'zh-CN', width: 1920, height: 1080 },
    { theme: 'light', locale: 'zh-CN', width: 1366, height: 768 },
    { theme: 'dark', locale: 'en', width: 1366, height: 768 },
    { theme: 'light', locale: 'en', width: 1920, height: 1080 },
  ];
  for (const view of views) {
    const name = `${view.locale === 'en' ? 'en' : 'zh'}-${view.theme}-${view.width}`;
    it(`renders every big number and the chart (${name})`, async () => {
      const page = await openPage(view, view.theme, view.locale, '#/big');
      const screen = page.locator('[data-testid="bigscreen"]');
      await screen.waitFor();
      for (const key of BIG_NUMBERS) {
        const value = screen.locator(`[data-big="${key}"] [data-testid="big-value"]`);
        await expect.poll(() => value.innerText(), { timeout: 10_000 }).not.toBe('—');
      }
      await chartReady(page, 10);
      // Two series on the big screen: online and GMV per minute.
      expect(await chart(page).locator('[data-testid^="trend-legend-"]').count()).toBe(2);
      // Nothing spills out of the screen: the page does not scroll.
      const overflow = await page.evaluate(
        () => document.documentElement.scrollHeight - document.documentElement.clientHeight,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await shoot(page, `e2e-bigscreen-${name}.png`);
      await page.context().close();
    });
  }
});
