/**
 * The FAQ library on a real SQLite file: migration from v3, seeding once, CRUD, reorder,
 * hotkeys, file import (all or nothing) and export, {变量} per show, the 广告法 word list, and the
 * matcher new comments meet after a change.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, SCHEMA_VERSION } from '../../electron/core/store/migrations/index.js';
import { DB_FILE_NAME } from '../../electron/core/store/store.js';
import { openCore, type CoreHarness } from '../helpers/core-harness.js';
import { T0 } from '../helpers/events.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const DEFAULT_LIBRARY = JSON.parse(
  fs.readFileSync(new URL('../../resources/faq/default-library.json', import.meta.url), 'utf8'),
) as { entries: { id: string }[]; variables: Record<string, string> };

let tmp: ReturnType<typeof makeTempDir>;
let core: CoreHarness | null = null;

beforeEach(() => {
  tmp = makeTempDir();
});
afterEach(async () => {
  await core?.close();
  core = null;
  tmp.cleanup();
});

const open = (showId?: string) => (core = openCore(tmp.dir, showId === undefined ? {} : { showId }));
const ids = (c: CoreHarness) => c.service.listFaq().entries.map((e) => e.id);

describe('schema v4 and seeding', () => {
  it('migrates a v3 database without touching its data, and seeds the library once', async () => {
    const file = path.join(tmp.dir, DB_FILE_NAME);
    const v3 = new Database(file);
    expect(migrate(v3, 3)).toBe(3);
    v3.prepare(
      `INSERT INTO shows (id, room_id, room_title, platform, title, started_at, last_seq, source, created_at)
       VALUES ('old-show', 'room-1', '直播间', 'douyin', '老场次', ?, 7, 'socketio', ?)`,
    ).run(T0, T0);
    v3.prepare(
      `INSERT INTO comments (show_id, id, seq, ts, user_id, nickname, text) VALUES ('old-show', 'c1', 7, ?, 'u1', '老观众', '还有吗')`,
    ).run(T0);
    v3.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('source', '{}', 1)").run();
    v3.close();

    const c = open();
    expect(c.store.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(4); // v5 (alerts) came after
    expect(c.store.getShow('old-show')).toMatchObject({ title: '老场次', lastSeq: 7 });
    expect(c.store.recentComments('old-show', 10).map((r) => r.text)).toEqual(['还有吗']);
    expect(c.store.getSetting('source')).toBe('{}');
    expect(ids(c)).toEqual(DEFAULT_LIBRARY.entries.map((e) => e.id));

    // The user empties the library: a restart must not bring the seed back.
    for (const id of ids(c)) expect(c.service.deleteFaqEntry({ id })).toBe(true);
    await c.close();
    const again = open();
    expect(ids(again)).toEqual([]);
  });
});

describe('library editing', () => {
  it('creates, replaces (keeping place and usage) and deletes entries, bumping the revision', () => {
    const c = open('show-1');
    const start = c.service.listFaq().revision;
    const created = c.service.saveFaqEntry({
      entry: {
        category: 'other',
        triggers: ['几点下播'],
        answer: '{下播时间}下播',
        hotkey: 'alt + q',
        enabled: true,
      },
    });
    expect(created.id).toMatch(/^faq-[a-z0-9]+$/);
    expect(created.hotkey).toBe('Alt+Q');
    expect(ids(c).at(-1)).toBe(created.id);
    expect(c.service.listFaq().revision).toBe(start + 1);

    c.say(['几点下播呀']);
    c.service.answerQuestions({ groupKey: c.service.getReplies().pending[0]!.key, faqId: created.id });
    const replaced = c.service.saveFaqEntry({
      entry: { id: 'size_guide', category: 'size', triggers: ['尺码'], answer: '看尺码表', enabled: false },
    });
    expect(replaced.usage).toEqual(c.service.listFaq().entries.find((e) => e.id === 'size_guide')!.usage);
    expect(ids(c)[0]).toBe('size_guide'); // kept its place
    expect(c.service.listFaq().entries.find((e) => e.id === created.id)!.usage.used).toBe(1);
    expect(c.service.saveFaqEntry({ entry: { ...created, answer: '12点下播' } }).usage.used).toBe(1);
    expect(c.service.saveFaqEntry({ entry: { ...created, id: 'brand-new', hotkey: undefined } }).id).toBe(
      'brand-new',
    );

    expect(c.service.deleteFaqEntry({ id: created.id })).toBe(true);
    expect(c.service.deleteFaqEntry({ id: created.id })).toBe(false);
    expect(c.service.listFaq().revision).toBe(start + 5);
  });

  it('refuses a hotkey another entry has, and entries that could never match', () => {
    const c = open();
    const before = c.service.listFaq();
    const taken = before.entries.find((e) => e.hotkey)!;
    expect(() =>
      c.service.saveFaqEntry({
        entry: { category: 'other', triggers: ['x'], answer: 'y', hotkey: taken.hotkey, enabled: true },
      }),
    ).toThrow(new RegExp(`${taken.hotkey!.replace('+', '\\+')} is already used by entry "${taken.id}"`));
    // The owner itself may keep it.
    expect(c.service.saveFaqEntry({ entry: { ...taken, answer: '改过的回复' } }).hotkey).toBe(taken.hotkey);
    expect(() =>
      c.service.saveFaqEntry({
        entry: { category: 'other', triggers: ['！！'], answer: 'y', enabled: true },
      }),
    ).toThrow(/trigger "！！" has nothing a comment could match/);
    expect(() =>
      c.service.saveFaqEntry({ entry: { category: 'other', triggers: ['x'], answer: '   ', enabled: true } }),
    ).toThrow(/answer is blank/);
    expect(() =>
      c.service.saveFaqEntry({
        entry: { category: 'other', triggers: ['x'], answer: 'y', hotkey: 'Q', enabled: true },
      }),
    ).toThrow(/hotkey "Q"/);
    expect(c.service.listFaq().entries.length).toBe(before.entries.length);
  });

  it('reorders by an exact permutation of the ids, otherwise changes nothing', async () => {
    const c = open();
    const order = ids(c);
    const reversed = [...order].reverse();
    expect(c.service.reorderFaq({ ids: reversed }).entries.map((e) => e.id)).toEqual(reversed);
    const revision = c.service.listFaq().revision;
    expect(() => c.service.reorderFaq({ ids: reversed.slice(1) })).toThrow(/is missing/);
    expect(() => c.service.reorderFaq({ ids: [...reversed.slice(1), reversed[1]!] })).toThrow(
      /appears twice/,
    );
    expect(() => c.service.reorderFaq({ ids: [...reversed.slice(1), 'ghost'] })).toThrow(/no entry "ghost"/);
    expect(c.service.listFaq().revision).toBe(revision);
    await c.close();
    expect(ids(open())).toEqual(reversed); // stored
  });

  it('matches new comments with a new trigger at once (the matcher is rebuilt)', () => {
    const c = open('show-1');
    c.say(['可以刷花呗吗']);
    expect(c.service.getReplies().pending[0]!.suggestions).toEqual([]);
    const entry = c.service.saveFaqEntry({
      entry: { category: 'price', triggers: ['花呗'], answer: '支持花呗分期～', enabled: true },
    });
    c.say(['能用花呗吗']);
    const pending = c.service.getReplies().pending;
    expect(pending.at(-1)!.suggestions[0]).toMatchObject({ faqId: entry.id });
    expect(pending.at(-1)!.key).toBe(`${entry.id}|用`);
  });
});

describe('import and export', () => {
  const header = '编号,分类,触发词,回复,快捷键,启用';

  it('merges a CSV: same id replaced, new rows appended, counts reported', async () => {
    const c = open();
    const total = ids(c).length;
    const csv = [
      header,
      'size_guide,尺码,尺码、选码,按身高体重选码～,,是',
      ',赠品,送什么,今天送袜子～,F9,是',
    ].join('\n');
    const result = await c.service.importFaq({ format: 'csv', data: csv, encoding: 'utf8', mode: 'merge' });
    expect(result).toEqual({ ok: true, added: 1, updated: 1, removed: 0, total: total + 1 });
    const library = c.service.listFaq();
    expect(library.entries[0]).toMatchObject({ id: 'size_guide', answer: '按身高体重选码～' });
    expect(library.entries[0]!.hotkey).toBeUndefined();
    expect(library.entries.at(-1)).toMatchObject({ category: 'gift', hotkey: 'F9', triggers: ['送什么'] });
  });

  it('rejects a bad file whole: the row and column are named and nothing changes', async () => {
    const c = open();
    const before = c.service.listFaq();
    const csv = [header, ',赠品,送什么,今天送袜子～,,是', ',颜色,红色,有的～,,是'].join('\n');
    const bad = await c.service.importFaq({ format: 'csv', data: csv, encoding: 'utf8', mode: 'replace' });
    expect(bad).toMatchObject({ ok: false, row: 3, column: '分类' });
    // A hotkey an entry outside the file already has (merge): named at the file's row.
    const taken = before.entries.find((e) => e.hotkey)!;
    const clash = [header, `,赠品,送什么,今天送袜子～,,是`, `,赠品,送啥,送袜子～,${taken.hotkey},是`].join(
      '\n',
    );
    const refused = await c.service.importFaq({
      format: 'csv',
      data: clash,
      encoding: 'utf8',
      mode: 'merge',
    });
    expect(refused).toMatchObject({ ok: false, row: 3, column: '快捷键' });
    expect(refused.ok ? '' : refused.error).toMatch(new RegExp(`already used by entry "${taken.id}"`));
    const after = c.service.listFaq();
    expect(after.revision).toBe(before.revision);
    expect(after.entries.map((e) => e.id)).toEqual(before.entries.map((e) => e.id));
  });

  it('replaces the library from JSON, keeping usage of ids it keeps, and applies its variables', async () => {
    const c = open('show-1');
    c.say(['什么时候发货']);
    c.service.answerQuestions({ groupKey: 'ship_time|', faqId: 'ship_time' });
    const json = JSON.stringify({
      version: 1,
      entries: [
        {
          id: 'ship_time',
          category: 'shipping',
          triggers: ['发货'],
          answer: '{发货时间}内发～',
          enabled: true,
        },
        { category: 'other', triggers: ['抽奖'], answer: '整点抽奖～', enabled: true },
      ],
      variables: { 发货时间: '当天' },
    });
    const result = await c.service.importFaq({
      format: 'json',
      data: json,
      encoding: 'utf8',
      mode: 'replace',
    });
    expect(result).toEqual({
      ok: true,
      added: 1,
      updated: 1,
      removed: DEFAULT_LIBRARY.entries.length - 1,
      total: 2,
    });
    expect(c.service.listFaq().entries[0]!.usage.used).toBe(1);
    expect(c.service.getFaqVars({}).values).toMatchObject({ 发货时间: '当天', 快递: '中通或韵达' });

    const exported = await c.service.exportFaq({ format: 'json' });
    expect(exported).toMatchObject({ encoding: 'utf8', mime: 'application/json' });
    const file = JSON.parse(exported.data) as {
      entries: { id: string }[];
      variables: Record<string, string>;
    };
    expect(file.entries.map((e) => e.id)).toEqual(ids(c));
    expect(file.variables['发货时间']).toBe('当天');
  });

  it('round-trips an xlsx export through import', async () => {
    const c = open();
    const exported = await c.service.exportFaq({ format: 'xlsx' });
    expect(exported.encoding).toBe('base64');
    const result = await c.service.importFaq({
      format: 'xlsx',
      data: exported.data,
      encoding: 'base64',
      mode: 'replace',
    });
    expect(result).toEqual({ ok: true, added: 0, updated: 76, removed: 0, total: 76 });
  });
});

describe('{变量} values per show', () => {
  it('starts from the shipped defaults, hands the next show the last saved values, and fills auto ones', async () => {
    const c = open();
    const next = c.service.getFaqVars({});
    expect(next).toMatchObject({ showId: null, values: DEFAULT_LIBRARY.variables, auto: {} });
    expect(next.used).toContain('发货时间');
    expect(next.used).toContain('商品');
    c.service.setFaqVars({ values: { ...next.values, 发货时间: '付款后24小时' } });
    await c.close();

    const live = open('show-1');
    live.pipeline.handleEvent('product', { seq: 1, ts: T0, id: 'p1', name: '羽绒服', price: 29_900 });
    const vars = live.service.getFaqVars({});
    expect(vars).toMatchObject({ showId: 'show-1', auto: { 商品: '羽绒服', 到手价: '299元' } });
    expect(vars.values['发货时间']).toBe('付款后24小时');

    live.service.setFaqVars({ values: { 发货时间: '明天' } });
    live.service.setFaqVars({ showId: 'show-0', values: { 发货时间: '后天' } });
    expect(live.service.getFaqVars({}).values).toEqual({ 发货时间: '明天' });
    expect(live.service.getFaqVars({ showId: 'show-0' }).values).toEqual({ 发货时间: '后天' });
    expect(() => live.service.setFaqVars({ values: { '{坏}': 'x' } })).toThrow(/variable name "\{坏\}"/);
    expect(live.service.getFaqVars({}).values).toEqual({ 发货时间: '明天' });
  });
});

describe('广告法 word list', () => {
  it('serves the shipped list until edited, and goes back to it on reset', () => {
    const c = open();
    const shipped = c.service.getComplianceWords();
    expect(shipped.isDefault).toBe(true);
    expect(shipped.words.length).toBeGreaterThan(20);
    const edited = c.service.setComplianceWords({ words: ['最', '第一', '最'], exceptions: ['最近'] });
    expect(edited).toEqual({ words: ['最', '第一'], exceptions: ['最近'], isDefault: false });
    expect(c.service.getComplianceWords()).toEqual(edited);
    expect(c.service.setComplianceWords(null)).toEqual(shipped);
  });
});
