/**
 * Opening a finished 8-hour show (~14.7 M comments) from 历史场次: the web host CLI on a copy of
 * the big show's data directory (the demo running live beside it, as `npm run web` does), Debian
 * Chromium on the history list; each run sets `#/history/<show>` and waits, frame by frame, until
 * that show's board has its tiles with values and their show-long sparklines (the board's charts,
 * drawn from getTrend) — then one more frame, so the figure ends at the paint. The first open after
 * the start is reported on its own (cold); then the median of the following runs, each from the
 * list again.
 */
import { launchChromium } from '../../tests/helpers/browser.js';
import { startWebCli } from '../../tests/helpers/web-cli.js';
import { workingCopy } from './big-show.js';
import type { BenchContext } from './context.js';
import { atMost, roundTo, summarise, type Measurement } from './result.js';

const TOKEN = 'history-bench-token';

/** In the page: navigates to the show and resolves with ms until its board is painted. */
const OPEN_SHOW = `(showId) => new Promise((resolve, reject) => {
  const started = performance.now();
  const sel = '[data-testid="show-board"][data-show-id="' + CSS.escape(showId) + '"]';
  const timeout = setTimeout(() => reject(new Error('the show board did not appear in 30 s')), 30000);
  const ready = () => {
    const board = document.querySelector(sel);
    return !!board && board.querySelectorAll('[data-testid="metric-value"]').length > 0 &&
      !!board.querySelector('svg.sparkline');
  };
  const frame = () => {
    if (!ready()) return requestAnimationFrame(frame);
    requestAnimationFrame(() => { clearTimeout(timeout); resolve(performance.now() - started); });
  };
  location.hash = '#/history/' + encodeURIComponent(showId);
  requestAnimationFrame(frame);
})`;

const BACK_TO_LIST = `() => new Promise((resolve) => {
  location.hash = '#/history';
  const frame = () => document.querySelector('[data-testid="history-view"][data-page="list"]') && !document.querySelector('[data-testid="show-board"]')
    ? resolve(true) : requestAnimationFrame(frame);
  requestAnimationFrame(frame);
})`;

export async function benchHistory(ctx: BenchContext): Promise<Measurement[]> {
  const show = await ctx.bigShow();
  const runs = ctx.quick ? 2 : 7;
  const copy = workingCopy(show);
  const web = await startWebCli(['--data-dir', copy.dir], TOKEN);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(`${web.url}?token=${TOKEN}#/history`);
    await page.locator('[data-testid="history-view"][data-page="list"]').waitFor({ timeout: 30_000 });
    const open = async () => {
      const ms = (await page.evaluate(`(${OPEN_SHOW})(${JSON.stringify(show.showId)})`)) as number;
      await page.evaluate(`(${BACK_TO_LIST})()`);
      return ms;
    };
    const first = await open();
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) samples.push(await open());
    const size = `${show.hours} h show, ${show.comments.toLocaleString('en-US')} comments, ${show.dbMB.toLocaleString('en-US')} MB database`;
    return [
      {
        name: 'history-open',
        ...summarise(samples),
        unit: 'ms',
        target: atMost(1000, 'ms'),
        note: `#/history/<show> → tiles with values and sparklines painted, from the list; ${size}; demo live beside it; Chromium 1366×768`,
      },
      {
        name: 'history-open-first',
        value: roundTo(first, 0),
        min: roundTo(first, 0),
        max: roundTo(first, 0),
        runs: 1,
        unit: 'ms',
        target: atMost(1000, 'ms'),
        note: 'the first open after the app started (not in the median above)',
      },
    ];
  } finally {
    await browser.close();
    await web.stop();
    copy.remove();
  }
}
