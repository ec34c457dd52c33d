/**
 * The 话术库 manager in Debian Chromium against the real web host CLI (demo feed, fresh data
 * directory), driven by the keyboard wherever a user would: open with Ctrl+/, search by pinyin
 * initials, create an entry with a 广告法 word and a hotkey, edit, reorder, toggle, copy, delete;
 * import a bad and a good CSV, export one; set a {变量}. The core is asked over socket.io whether
 * it agrees with what the screen shows. Screenshots (both themes, two sizes) go to test-results/.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiMethod, ApiResponses, FaqEntryView } from '../../shared/api/contract.js';
import { launchChromium } from '../helpers/browser.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { startWebCli, type WebCli } from '../helpers/web-cli.js';

const ARTIFACTS = path.resolve(import.meta.dirname, '../../test-results');
const TOKEN = 'e2e-faq-library-token-0123';
const NEW_TRIGGER = '能送到新疆吗';
const NEW_ANSWER = '新疆也包邮，这是全网最好的价格，{发货时间}发货～';
const CSV_HEADER = '编号,分类,触发词,回复,快捷键,启用';

let tmp: ReturnType<typeof makeTempDir>;
let web: WebCli;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let socket: Socket;
let createdId = '';

beforeAll(async () => {
  tmp = makeTempDir();
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  web = await startWebCli(['--data-dir', tmp.dir, '--seed', '5', '--rate', '10', '--speed', '1'], TOKEN);
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(web.url).origin });
  page = await context.newPage();
  page.setDefaultTimeout(8000);
  await page.goto(`${web.url}?token=${TOKEN}`);
  await byTestId('faq-open').waitFor();
  socket = io(web.url, { transports: ['websocket'], auth: { token: TOKEN }, forceNew: true });
});

afterAll(async () => {
  socket?.close();
  await browser?.close();
  await web?.stop();
  tmp?.cleanup();
});

const byTestId = (id: string) => page.locator(`[data-testid="${id}"]`);
const row = (id: string) => page.locator(`[data-testid="faq-row"][data-id="${id}"]`);
const focusedTestId = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);

/** Asks the core directly, as another client would. */
async function api<M extends ApiMethod>(method: M, ...args: unknown[]): Promise<ApiResponses[M]> {
  const reply = (await socket.emitWithAck('call', method, args)) as
    { ok: true; result: ApiResponses[M] } | { ok: false; error: string };
  if (!reply.ok) throw new Error(reply.error);
  return reply.result;
}

const library = async (): Promise<FaqEntryView[]> => (await api('listFaq')).entries;

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS, `e2e-faq-${name}.png`), animations: 'disabled' });
}

async function openLibraryByKeyboard(): Promise<void> {
  await page.keyboard.press('Control+Slash');
  await byTestId('faq-library').waitFor();
  await expect.poll(focusedTestId).toBe('faq-search');
}

describe('话术库: keyboard workflow (web host, Chromium)', () => {
  it('opens with Ctrl+/, and "fh" brings the 发货 entries first', async () => {
    await page
      .locator('header.topbar')
      .screenshot({ path: path.join(ARTIFACTS, 'e2e-faq-topbar-zh-1366.png') });
    await openLibraryByKeyboard();
    const shipped = await library();
    await expect.poll(() => byTestId('faq-list').getAttribute('data-count')).toBe(String(shipped.length));
    await page.keyboard.type('fh');
    await expect
      .poll(async () => Number(await byTestId('faq-list').getAttribute('data-count')))
      .toBeLessThan(shipped.length);
    const firstIds = await page.locator('[data-testid="faq-row"]').evaluateAll((rows) =>
      rows
        .sort((a, b) => parseFloat((a as HTMLElement).style.top) - parseFloat((b as HTMLElement).style.top))
        .slice(0, 3)
        .map((r) => r.getAttribute('data-id')),
    );
    const categories = firstIds.map((id) => shipped.find((e) => e.id === id)?.category);
    expect(categories).toEqual(['shipping', 'shipping', 'shipping']);
    // The chip of the category the search found most counts them.
    expect(
      Number(await byTestId('faq-chip-shipping').locator('.faq-chip__count').innerText()),
    ).toBeGreaterThan(2);
  });

  it('creates an entry: the 广告法 word is flagged, a hotkey is recorded, the core has it last', async () => {
    const before = await library();
    await page.keyboard.press('ArrowDown');
    await expect.poll(focusedTestId).toBe('faq-list');
    await page.keyboard.press('n');
    await page.locator('[data-testid="faq-editor"][data-mode="new"]').waitFor();
    await expect.poll(focusedTestId).toBe('faq-edit-triggers');
    await page.keyboard.type(NEW_TRIGGER);
    await page.keyboard.press('Tab');
    await expect.poll(focusedTestId).toBe('faq-edit-answer');
    await page.keyboard.type(NEW_ANSWER);

    // Highlighted in the preview (filled with the show's 发货时间) and named in words.
    await expect.poll(() => byTestId('faq-preview-hit').allInnerTexts()).toEqual(['最好']);
    expect(await byTestId('faq-compliance-warning').innerText()).toContain('最好');
    const vars = await api('getFaqVars', {});
    expect(await byTestId('faq-preview').innerText()).toContain(vars.values['发货时间']!);

    // Variable inserter, then the hotkey field.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect.poll(focusedTestId).toBe('faq-edit-hotkey');
    await page.keyboard.press('q');
    expect(await byTestId('faq-edit-hotkey-note').getAttribute('data-tone')).toBe('warn');
    expect(await byTestId('faq-edit-hotkey-note').innerText()).toContain('不支持 Q');
    expect(await byTestId('faq-edit-hotkey').inputValue()).toBe('');
    const taken = before.find((e) => e.hotkey === 'Alt+1')!;
    await page.keyboard.press('Alt+1');
    await expect.poll(() => byTestId('faq-edit-hotkey-note').getAttribute('data-tone')).toBe('error');
    expect(await byTestId('faq-edit-hotkey-note').innerText()).toContain(taken.triggers[0]!);
    await page.keyboard.press('Alt+Shift+7');
    await expect.poll(() => byTestId('faq-edit-hotkey').inputValue()).toBe('Alt+Shift+7');
    expect(await byTestId('faq-edit-hotkey-note').getAttribute('data-tone')).toBe('hint');
    await shot('editor-zh-1366');

    await page.keyboard.press('Control+Enter');
    await byTestId('faq-editor').waitFor({ state: 'detached' });
    await expect.poll(() => byTestId('faq-status').innerText()).toContain(NEW_TRIGGER);
    const after = await library();
    expect(after).toHaveLength(before.length + 1);
    const created = after.at(-1)!;
    expect(created).toMatchObject({
      category: 'other',
      triggers: [NEW_TRIGGER],
      answer: NEW_ANSWER,
      hotkey: 'Alt+Shift+7',
      enabled: true,
    });
    createdId = created.id;
    // The new row is selected, in view (its answer says 发货: "fh" still finds it), flagged ⚠.
    await expect.poll(() => row(createdId).getAttribute('aria-selected')).toBe('true');
    expect(await row(createdId).getAttribute('data-hits')).toBe('true');
    expect(await row(createdId).locator('.faq-row__order').innerText()).toBe(String(after.length));
    await expect.poll(focusedTestId).toBe('faq-list');
  });

  it('edits it with E: what the form or the core refuses is named next to the field', async () => {
    await page.keyboard.press('e');
    await page.locator('[data-testid="faq-editor"][data-mode="edit"]').waitFor();
    // A trigger of punctuation only passes the form but not the core: its words land by the field.
    await page.keyboard.press('End');
    await page.keyboard.type('\n！！');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => byTestId('faq-edit-triggers-error').innerText()).toContain('没有可匹配的文字');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Tab');
    await expect.poll(focusedTestId).toBe('faq-edit-answer');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => byTestId('faq-edit-answer-error').innerText()).toContain('不能为空');
    await page.keyboard.type('新疆、西藏也能发，{发货时间}发出～');
    await page.keyboard.press('Control+Enter');
    await byTestId('faq-editor').waitFor({ state: 'detached' });
    await expect
      .poll(async () => (await library()).find((e) => e.id === createdId)?.answer)
      .toBe('新疆、西藏也能发，{发货时间}发出～');
    expect(await row(createdId).getAttribute('data-hits')).toBe('false');
  });

  it('moves it up with Alt+↑, and the order survives a reload', async () => {
    const before = (await library()).map((e) => e.id);
    expect(before.at(-1)).toBe(createdId);
    // Search results are in relevance order: moving asks for the search to be cleared first.
    await page.keyboard.press('Alt+ArrowUp');
    await expect.poll(() => byTestId('faq-status').innerText()).toContain('清空搜索');
    await page.keyboard.press('/');
    await expect.poll(focusedTestId).toBe('faq-search');
    await page.keyboard.press('Escape');
    expect(await byTestId('faq-search').inputValue()).toBe('');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    await expect.poll(() => row(createdId).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Alt+ArrowUp');
    await expect.poll(() => byTestId('faq-status').innerText()).toContain(`第 ${before.length - 1} 位`);
    await expect
      .poll(async () => (await library()).map((e) => e.id).indexOf(createdId))
      .toBe(before.length - 2);
    expect(await row(createdId).locator('.faq-row__order').innerText()).toBe(String(before.length - 1));

    await page.reload();
    await byTestId('faq-open').waitFor();
    await openLibraryByKeyboard();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => row(createdId).getAttribute('aria-selected')).toBe('true');
    expect(await row(createdId).locator('.faq-row__order').innerText()).toBe(String(before.length - 1));
  });

  it('moves an entry by dragging it onto another', async () => {
    const before = (await library()).map((e) => e.id);
    await page.keyboard.press('Home');
    const [first, second] = before as [string, string];
    // Dropped on the upper half of the first row: goes before it.
    await row(second).dragTo(row(first), { targetPosition: { x: 200, y: 4 } });
    await expect.poll(async () => (await library()).slice(0, 2).map((e) => e.id)).toEqual([second, first]);
    await row(first).dragTo(row(second), { targetPosition: { x: 200, y: 4 } });
    await expect.poll(async () => (await library()).slice(0, 2).map((e) => e.id)).toEqual([first, second]);
    // Back on the created entry for the next steps.
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => row(createdId).getAttribute('aria-selected')).toBe('true');
  });

  it('toggles enabled with Space', async () => {
    await page.keyboard.press('Space');
    await expect.poll(() => row(createdId).getAttribute('data-enabled')).toBe('false');
    expect((await library()).find((e) => e.id === createdId)?.enabled).toBe(false);
    await page.keyboard.press('Space');
    await expect.poll(() => row(createdId).getAttribute('data-enabled')).toBe('true');
    expect((await library()).find((e) => e.id === createdId)?.enabled).toBe(true);
  });

  it('copies with Enter, asking first when a variable is unset, and counts the use', async () => {
    // An answer with a variable this show has no value for: copying asks before it copies.
    await page.keyboard.press('e');
    await page.keyboard.press('Tab');
    await page.keyboard.press('End');
    await page.keyboard.type('{活动截止}');
    await expect.poll(() => byTestId('faq-missing-vars').innerText()).toContain('{活动截止}');
    await page.keyboard.press('Control+Enter');
    await byTestId('faq-editor').waitFor({ state: 'detached' });

    await page.keyboard.press('Enter');
    await page.locator('[data-testid="faq-confirm"][data-kind="copy"]').waitFor();
    expect(await byTestId('faq-confirm').innerText()).toContain('{活动截止}');
    await expect.poll(focusedTestId).toBe('faq-confirm-ok');
    await page.keyboard.press('Enter');
    const vars = await api('getFaqVars', {});
    const expected = `新疆、西藏也能发，${vars.values['发货时间']}发出～{活动截止}`;
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(expected);
    await expect.poll(async () => (await library()).find((e) => e.id === createdId)?.usage.used).toBe(1);
    await expect.poll(() => row(createdId).locator('.faq-row__usage').innerText()).toContain('用 1');
    await expect.poll(focusedTestId).toBe('faq-list');
  });

  it('deletes with Delete after a confirmation', async () => {
    await page.keyboard.press('Delete');
    await page.locator('[data-testid="faq-confirm"][data-kind="delete"]').waitFor();
    expect(await byTestId('faq-confirm').innerText()).toContain(NEW_TRIGGER);
    await shot('delete-confirm-zh-1366');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await library()).some((e) => e.id === createdId)).toBe(false);
    await expect.poll(() => row(createdId).count()).toBe(0);
  });
});

describe('话术库: files', () => {
  it('rejects a CSV with a bad row 3 whole, naming the row and column', async () => {
    const before = await library();
    await byTestId('faq-import-open').click();
    const bad = [CSV_HEADER, ',赠品,送什么,今天送袜子～,,是', ',颜色,红色,有的～,,是'].join('\n');
    await byTestId('faq-import-file').setInputFiles({
      name: 'bad.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(bad, 'utf8'),
    });
    await byTestId('faq-import-run').click();
    const error = byTestId('faq-import-error');
    await error.waitFor();
    expect(await error.getAttribute('data-row')).toBe('3');
    expect(await error.innerText()).toContain('第 3 行');
    expect(await error.innerText()).toContain('分类');
    expect(await error.innerText()).toContain('没有导入任何内容');
    await shot('import-error-zh-1366');
    expect((await library()).map((e) => e.id)).toEqual(before.map((e) => e.id));
  });

  it('merges a good CSV and reports the counts', async () => {
    const before = await library();
    const good = [CSV_HEADER, ',赠品,送什么赠品,今天送袜子～,,是', ',其他,几点抽奖,整点抽福袋～,F9,否'].join(
      '\n',
    );
    await byTestId('faq-import-file').setInputFiles({
      name: 'good.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(good, 'utf8'),
    });
    await byTestId('faq-import-mode-merge').check();
    await byTestId('faq-import-run').click();
    const result = byTestId('faq-import-result');
    await result.waitFor();
    expect(await result.innerText()).toContain('新增 2');
    expect(await result.innerText()).toContain(`现共 ${before.length + 2} 条`);
    const after = await library();
    expect(after.slice(-2).map((e) => e.triggers[0])).toEqual(['送什么赠品', '几点抽奖']);
    expect(after.at(-1)).toMatchObject({ hotkey: 'F9', enabled: false });
    await expect.poll(() => byTestId('faq-list').getAttribute('data-count')).toBe(String(after.length));
    await page.keyboard.press('Escape');
    await byTestId('faq-import-panel').waitFor({ state: 'detached' });
  });

  it('exports a CSV download with the entries', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), byTestId('faq-export-csv').click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const file = await download.path();
    const text = fs.readFileSync(file, 'utf8');
    expect(text).toContain('编号');
    expect(text).toContain('几点抽奖');
    expect(text).toContain('尺码怎么选');
    await expect.poll(() => byTestId('faq-status').innerText()).toContain(download.suggestedFilename());
  });
});

describe('话术库: variables and words', () => {
  it('sets 发货时间 for the show, and the editor preview shows it', async () => {
    await byTestId('faq-tab-vars').click();
    const input = page.locator('[data-testid="faq-var-input"][data-name="发货时间"]');
    await input.fill('付款后24小时内');
    await input.press('Enter');
    await expect.poll(() => byTestId('faq-vars-result').innerText()).toContain('已保存');
    expect((await api('getFaqVars', {})).values['发货时间']).toBe('付款后24小时内');
    // 商品 follows the product being presented: read-only, marked 自动.
    expect(
      await page.locator('[data-testid="faq-var-row"][data-name="商品"]').getAttribute('data-source'),
    ).toBe('auto');
    await shot('vars-zh-1366');

    await byTestId('faq-tab-entries').click();
    const shipping = (await library()).find((e) => e.answer.includes('{发货时间}'))!;
    await byTestId('faq-search').fill(shipping.triggers[0]!);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('F2');
    await page.locator('[data-testid="faq-editor"][data-mode="edit"]').waitFor();
    expect(await byTestId('faq-edit-answer').inputValue()).toBe(shipping.answer);
    await expect.poll(() => byTestId('faq-preview').innerText()).toContain('付款后24小时内');
    await page.keyboard.press('Escape');
    await byTestId('faq-editor').waitFor({ state: 'detached' });
    await expect.poll(() => byTestId('faq-library').count()).toBe(1);
  });

  it('edits the 广告法 word list and restores the shipped one', async () => {
    await byTestId('faq-tab-compliance').click();
    expect(await byTestId('faq-words-default').getAttribute('data-default')).toBe('true');
    await byTestId('faq-words-words').press('Control+End');
    await page.keyboard.type('\n绝无仅有');
    await shot('words-zh-1366');
    await byTestId('faq-words-save').click();
    await expect.poll(() => byTestId('faq-words-default').getAttribute('data-default')).toBe('false');
    expect((await api('getComplianceWords')).words).toContain('绝无仅有');
    await byTestId('faq-words-reset').click();
    await page.locator('[data-testid="faq-confirm"][data-kind="reset-words"]').waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(() => byTestId('faq-words-default').getAttribute('data-default')).toBe('true');
    expect((await api('getComplianceWords')).isDefault).toBe(true);
  });

  it('closes with Esc and gives focus back', async () => {
    await byTestId('faq-tab-entries').click();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await byTestId('faq-library').waitFor({ state: 'detached' });
  });
});

describe('话术库: screenshots', () => {
  it('speaks English when the app does', async () => {
    await byTestId('lang-toggle').click();
    await byTestId('faq-open').click();
    await byTestId('faq-library').waitFor();
    expect(await page.locator('#faq-title').innerText()).toContain('FAQ library');
    expect(await byTestId('faq-chip-shipping').innerText()).toContain('Shipping');
    await byTestId('faq-tab-vars').click();
    await shot('en-vars-1366');
    await byTestId('faq-tab-entries').click();
    await page.keyboard.press('Escape');
    await byTestId('faq-library').waitFor({ state: 'detached' });
    await byTestId('lang-toggle').click();
  });

  for (const size of [
    { width: 1366, height: 768 },
    { width: 1920, height: 1080 },
  ]) {
    for (const theme of ['dark', 'light'] as const) {
      it(`renders at ${size.width}×${size.height} in the ${theme} theme`, async () => {
        await page.setViewportSize(size);
        if ((await byTestId('theme-toggle').getAttribute('data-theme-current')) !== theme) {
          await byTestId('theme-toggle').click();
        }
        await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
        await byTestId('faq-open').click();
        await byTestId('faq-library').waitFor();
        await byTestId('faq-search').fill('');
        await page.keyboard.press('ArrowDown');
        await page.keyboard.press('e');
        await byTestId('faq-editor').waitFor();
        await shot(`${theme}-${size.width}`);
        // Every row fits its fixed height: nothing wraps or spills.
        const heights = await page
          .locator('[data-testid="faq-row"]')
          .evaluateAll((rows) => rows.map((r) => r.scrollHeight));
        expect(heights.every((h) => h <= 34)).toBe(true);
        await page.keyboard.press('Escape');
        await page.keyboard.press('Escape');
        await byTestId('faq-library').waitFor({ state: 'detached' });
      });
    }
  }
});
