/**
 * The reply workflow end to end on a real SQLite file: comments through the ingest pipeline →
 * question tracker (detect, suggest, group) → answer / dismiss → KPIs, across a restart, a show
 * switch and a full disk; and the pushes the board receives.
 */
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DB_FILE_NAME } from '../../electron/core/store/store.js';
import type { BoardUpdate, CommentRow } from '../../shared/api/contract.js';
import { openCore, type CoreHarness } from '../helpers/core-harness.js';
import { T0 } from '../helpers/events.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { waitFor } from '../helpers/wait.js';

const RED = 'stock_available|红色';
const BLACK = 'stock_available|黑色';
const SHIP = 'ship_time|';

let tmp: ReturnType<typeof makeTempDir>;
let core: CoreHarness;

beforeEach(() => {
  tmp = makeTempDir();
  core = openCore(tmp.dir, { showId: 'show-1' });
});
afterEach(async () => {
  await core.close();
  tmp.cleanup();
});

function storedQuestions(): { group_key: string; state: string; answered_at: number | null }[] {
  const db = new Database(path.join(tmp.dir, DB_FILE_NAME), { readonly: true });
  try {
    return db.prepare('SELECT group_key, state, answered_at FROM questions ORDER BY id').all() as {
      group_key: string;
      state: string;
      answered_at: number | null;
    }[];
  } finally {
    db.close();
  }
}

/** The scripted show: seen at +1 s, +11 s, +21 s; answers at +31 s and +61 s; one dismissal. */
function scriptedShow(c: CoreHarness) {
  c.clock.now = T0 + 1_000;
  c.say(['红色还有吗', '黑色还有吗', '666', '主播好美']);
  c.clock.now = T0 + 11_000;
  c.say(['红色有货吗??', '什么时候发货']);
  c.clock.now = T0 + 21_000;
  c.say(['红色还有货吗', '什么时候发货啊？？']);
  c.clock.now = T0 + 31_000;
  expect(c.service.answerQuestions({ groupKey: RED, faqId: 'stock_available' }).settled).toBe(3);
  c.clock.now = T0 + 61_000;
  expect(c.service.answerQuestions({ groupKey: SHIP, faqId: 'ship_time' }).settled).toBe(2);
  c.clock.now = T0 + 62_000;
  expect(c.service.dismissQuestions({ groupKey: BLACK }).settled).toBe(1);
  c.clock.now = T0 + 65_000;
  c.say(['红色还有吗']);
}

const SCRIPTED_KPIS = {
  showId: 'show-1',
  questions: 6,
  answered: 5,
  dismissed: 1,
  pending: 1,
  resolutionRate: 5 / 6,
  medianResponseMs: 30_000, // responses 10, 20, 30, 40, 50 s
  p90ResponseMs: 50_000,
  within30sRate: 3 / 6,
  top: [
    { groupKey: RED, text: '红色还有吗', faqId: 'stock_available', count: 4, answered: 3 },
    { groupKey: SHIP, text: '什么时候发货', faqId: 'ship_time', count: 2, answered: 2 },
  ],
  unanswered: [
    { groupKey: RED, text: '红色还有吗', faqId: 'stock_available', count: 1, firstSeenAt: T0 + 65_000 },
  ],
};

describe('question tracker (pipeline → SQLite)', () => {
  it('detects questions only, groups similar ones and suggests entries', () => {
    core.say(['666', '主播好美', '红色还有吗', '红色有货吗??', '红色还有货吗', '黑色还有吗', '什么时候发货']);
    const replies = core.service.getReplies();
    expect(replies.pendingQuestions).toBe(5);
    expect(replies.pending.map((g) => [g.key, g.count])).toEqual([
      [RED, 3],
      [BLACK, 1],
      [SHIP, 1],
    ]);
    const red = replies.pending[0]!;
    expect(red).toMatchObject({ text: '红色还有吗', latestText: '红色还有货吗', firstSeenAt: T0 });
    expect(red.nicknames).toHaveLength(3);
    expect(red.suggestions[0]).toMatchObject({ faqId: 'stock_available' });
    expect(storedQuestions()).toHaveLength(5);
    // Each suggestion counts once for its entry.
    const usage = core.service.listFaq().entries.find((e) => e.id === 'stock_available')!.usage;
    expect(usage.suggested).toBeGreaterThanOrEqual(4);
  });

  it('keeps at most 5 distinct nicknames per group, first askers first', () => {
    for (const name of ['阿一', '阿二', '阿一', '阿三', '阿四', '阿五', '阿六'])
      core.say(['红色还有吗'], name);
    const group = core.service.getReplies().pending[0]!;
    expect(group.count).toBe(7);
    expect(group.nicknames).toEqual(['阿一', '阿二', '阿三', '阿四', '阿五']);
  });

  it('settles a whole group with one answer, and a settled group again with 0', () => {
    core.say(['红色还有吗', '红色有货吗', '黑色还有吗']);
    core.clock.now = T0 + 5_000;
    const result = core.service.answerQuestions({ groupKey: RED, faqId: 'stock_available' });
    expect(result.settled).toBe(2);
    expect(result.replies.pending.map((g) => g.key)).toEqual([BLACK]);
    expect(core.service.answerQuestions({ groupKey: RED, faqId: 'stock_available' }).settled).toBe(0);
    expect(core.service.dismissQuestions({ groupKey: 'nope|' }).settled).toBe(0);
    const rows = storedQuestions();
    expect(rows.filter((r) => r.state === 'answered').map((r) => r.answered_at)).toEqual([
      T0 + 5_000,
      T0 + 5_000,
    ]);
    const entry = core.service.listFaq().entries.find((e) => e.id === 'stock_available')!;
    expect(entry.usage).toMatchObject({ used: 1, lastUsedAt: T0 + 5_000 });
  });

  it('computes KPIs exactly on a scripted show, and again after a restart', async () => {
    scriptedShow(core);
    expect(core.service.getReplyKpis({})).toEqual(SCRIPTED_KPIS);
    expect(core.service.getReplies().kpis).toEqual(SCRIPTED_KPIS);

    await core.close();
    core = openCore(tmp.dir, { showId: 'show-1' });
    const replies = core.service.getReplies();
    expect(replies.kpis).toEqual(SCRIPTED_KPIS);
    expect(replies.pending.map((g) => [g.key, g.count, g.firstSeenAt])).toEqual([[RED, 1, T0 + 65_000]]);
    // Used counts survived too.
    expect(core.service.listFaq().entries.find((e) => e.id === 'ship_time')!.usage.used).toBe(1);
  });

  it('switches show: a new show starts empty, the old one is restored and readable by id', () => {
    scriptedShow(core);
    core.pipeline.handleHello({ ...helloFor('show-2') });
    expect(core.service.getReplies()).toMatchObject({ showId: 'show-2', pending: [], pendingQuestions: 0 });
    core.say(['黑色还有吗']);
    expect(core.service.getReplies().pending.map((g) => g.key)).toEqual([BLACK]);
    expect(core.service.getReplyKpis({ showId: 'show-1' })).toEqual(SCRIPTED_KPIS);
    expect(core.service.getReplyKpis({ showId: 'nope' })).toMatchObject({ showId: 'nope', questions: 0 });

    core.pipeline.handleHello({ ...helloFor('show-1') });
    expect(core.service.getReplies().kpis).toEqual(SCRIPTED_KPIS);
    expect(core.service.listQuestions({ showId: 'show-2' }).map((q) => q.text)).toEqual(['黑色还有吗']);
  });

  it('lists questions newest first, with suggestions filled with the show’s variables', () => {
    core.pipeline.handleEvent('product', {
      seq: core.pipeline.seq + 1,
      ts: T0,
      id: 'p1',
      name: '加绒卫衣',
      price: 5990,
    });
    core.service.setFaqVars({ values: { 发货时间: '付款后24小时' } });
    core.say(['什么时候发货', '这个多少钱']);
    core.clock.now = T0 + 4_000;
    core.service.answerQuestions({ groupKey: SHIP, faqId: 'ship_time' });
    const [price, ship] = core.service.listQuestions({});
    expect(price!.text).toBe('这个多少钱');
    expect(price!.suggestions[0]).toMatchObject({
      faqId: 'price_final',
      category: 'price',
      answer: '直播间到手价59.9元，领券后下单～',
    });
    expect(ship).toMatchObject({
      text: '什么时候发货',
      state: 'answered',
      answeredAt: T0 + 4_000,
      responseMs: 4_000,
      answeredFaqId: 'ship_time',
    });
    expect(ship!.suggestions[0]!.answer).toBe('付款后24小时内发货哦，按付款顺序发，拍下就安排～');
    expect(core.service.listQuestions({ state: 'pending', limit: 1 }).map((q) => q.text)).toEqual([
      '这个多少钱',
    ]);
    expect(() => core.service.listQuestions({ limit: 0 })).toThrow(/limit/);
  });

  it('keeps questions pending in memory while the disk is full, and writes them later in order', () => {
    core.say(['黑色还有吗']);
    const db = core.store.db;
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    const rows: CommentRow[] = Array.from({ length: 300 }, (_, i) => ({
      rowId: 1000 + i,
      id: `full-${i}`,
      seq: 1,
      ts: T0 + i,
      userId: `u${i}`,
      nickname: `观众${i}`,
      text: `红色还有吗${'很想要'.repeat(30)}`,
      fanClub: false,
      truncated: false,
    }));
    expect(() => core.service.onStored(rows, 'show-1')).not.toThrow();
    expect(core.service.tracker.writeError).toMatch(/disk full/);
    expect(core.service.tracker.waiting).toBe(300);
    expect(storedQuestions()).toHaveLength(1); // nothing half-written
    const pendingKey = core.service.getReplies().pending[1]!.key;
    expect(core.service.getReplies().pendingQuestions).toBe(301);

    core.clock.now = T0 + 9_000;
    expect(core.service.answerQuestions({ groupKey: pendingKey, faqId: 'stock_available' }).settled).toBe(
      300,
    );

    db.pragma('max_page_count = 1073741823');
    expect(core.service.tracker.writeWaiting()).toBe(true);
    const stored = storedQuestions();
    expect(stored).toHaveLength(301);
    expect(stored.filter((q) => q.state === 'answered' && q.answered_at === T0 + 9_000)).toHaveLength(300);
    expect(core.service.tracker.writeError).toBeNull();
  });

  it('pushes replies when they change, at most every 250 ms, and the library revision', async () => {
    const updates: BoardUpdate[] = [];
    const unsubscribe = core.service.onUpdate((u) => updates.push(u));
    try {
      const first = await waitFor(() => updates.find((u) => u.replies), 'the first replies push');
      expect(first.faqRevision).toBe(core.service.listFaq().revision);

      core.say(['红色还有吗']); // same clock: not due yet, but the comment goes out
      await waitFor(() => updates.some((u) => u.comments.length > 0), 'the comment push');
      expect(updates.filter((u) => u.replies)).toHaveLength(1);

      core.clock.now += 250;
      const second = await waitFor(() => updates.filter((u) => u.replies)[1], 'the replies push');
      expect(second.replies!.pendingQuestions).toBe(1);
      expect(second.faqRevision).toBeUndefined();

      core.clock.now += 250;
      core.service.saveFaqEntry({
        entry: { category: 'other', triggers: ['直播几点结束'], answer: '十二点', enabled: true },
      });
      const third = await waitFor(() => updates.find((u) => u.faqRevision === first.faqRevision! + 1), 'rev');
      expect(third.replies).toBeUndefined();
    } finally {
      unsubscribe();
    }
  });
});

function helloFor(showId: string) {
  return {
    protocol: 1,
    room: { id: 'room-1', title: '测试直播间', platform: 'douyin' },
    show: { id: showId, title: showId, startedAt: T0 },
    serverTime: T0,
    lastSeq: 0,
  };
}
