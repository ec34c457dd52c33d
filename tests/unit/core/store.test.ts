import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, SCHEMA_VERSION, SchemaTooNewError } from '../../../electron/core/store/migrations/index.js';
import { openStore } from '../../../electron/core/store/open-store.js';
import { DB_FILE_NAME, type Store } from '../../../electron/core/store/store.js';
import { emptyBatch, type ShowRecord } from '../../../electron/core/store/types.js';
import { stats, T0 } from '../../helpers/events.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

const show: ShowRecord = {
  id: 'show-1',
  title: '双十一专场',
  roomId: 'room-1',
  roomTitle: '测试直播间',
  platform: 'douyin',
  startedAt: T0,
  endedAt: null,
  lastSeq: 0,
  source: 'socketio',
};

const newComment = (n: number, ts = T0 + n) => ({
  id: `c${n}`,
  seq: n,
  ts,
  userId: `u${n}`,
  nickname: `观众${n}`,
  text: `评论${n}`,
  fanClub: n % 2 === 0,
  truncated: false,
});

describe('store (real SQLite file)', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let store: Store;
  beforeEach(() => {
    tmp = makeTempDir();
    store = openStore(tmp.dir).store;
    store.upsertShow(show);
  });
  afterEach(() => {
    store.close();
    tmp.cleanup();
  });

  it('opens in WAL mode at the latest schema version', () => {
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
  });

  it('stores each comment exactly once, counting repeats', () => {
    const batch = emptyBatch(show.id, 3);
    batch.comments.push(newComment(1), newComment(2), newComment(1));
    const first = store.writeBatch(batch);
    expect(first.stored.map((c) => c.id)).toEqual(['c1', 'c2']);
    expect(first.duplicateComments).toBe(1);
    const again = store.writeBatch(batch);
    expect(again.stored).toEqual([]);
    expect(again.duplicateComments).toBe(3);
    expect(store.countComments(show.id)).toBe(2);
    expect(store.getShow(show.id)?.lastSeq).toBe(3);
  });

  it('pages comments by row id, oldest first', () => {
    const batch = emptyBatch(show.id, 10);
    for (let i = 1; i <= 10; i++) batch.comments.push(newComment(i));
    store.writeBatch(batch);
    const recent = store.recentComments(show.id, 3);
    expect(recent.map((c) => c.id)).toEqual(['c8', 'c9', 'c10']);
    expect(store.commentsBefore(show.id, recent[0]!.rowId, 2).map((c) => c.id)).toEqual(['c6', 'c7']);
    expect(recent[1]!.fanClub).toBe(false);
    expect(recent[0]!.fanClub).toBe(true);
  });

  it('rolls comments, orders and online up per minute across batches', () => {
    const a = emptyBatch(show.id, 2);
    a.comments.push(newComment(1, T0 + 1000), newComment(2, T0 + 61_000));
    a.stats.push(stats(1, 5000, { online: 800 }), stats(2, 30_000, { online: 1200 }));
    a.orders.push({ id: 'o1', seq: 2, ts: T0 + 2000, productId: 'p1', qty: 1, amount: 9900, buyerId: 'u1' });
    store.writeBatch(a);
    const b = emptyBatch(show.id, 3);
    b.comments.push(newComment(3, T0 + 2000));
    b.stats.push(stats(3, 50_000, { online: 500 }));
    store.writeBatch(b);
    const [m0, m1] = store.rollupsSince(show.id, 0);
    expect(m0).toMatchObject({
      minute: T0,
      comments: 2,
      orders: 1,
      gmv: 9900,
      onlineMin: 500,
      onlineMax: 1200,
      onlineLast: 500,
    });
    expect(m1).toMatchObject({ minute: T0 + 60_000, comments: 1, onlineMax: null });
    expect(store.peakOnline(show.id)).toBe(1200);
    expect(store.latestStats(show.id)?.counters.online).toBe(500);
  });

  it('keeps the product being presented and the show end', () => {
    const batch = emptyBatch(show.id, 2);
    batch.products.push({ seq: 1, ts: T0, id: 'p1', name: '1元秒杀 纸巾', price: 100, stock: 500 });
    batch.products.push({ seq: 2, ts: T0 + 600_000, id: 'p2', name: '羽绒服', price: 29_900 });
    batch.endedAt = T0 + 7_200_000;
    store.writeBatch(batch);
    expect(store.currentProduct(show.id)).toMatchObject({
      id: 'p2',
      name: '羽绒服',
      stock: null,
      since: T0 + 600_000,
    });
    expect(store.getShow(show.id)?.endedAt).toBe(T0 + 7_200_000);
    expect(store.latestShowInRoom('room-1')?.id).toBe(show.id);
  });

  it('never moves last_seq backwards', () => {
    store.writeBatch(emptyBatch(show.id, 50));
    store.writeBatch(emptyBatch(show.id, 20));
    expect(store.getShow(show.id)?.lastSeq).toBe(50);
  });
});

describe('migrations', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    tmp = makeTempDir();
  });
  afterEach(() => tmp.cleanup());

  it('migrates an empty file from v0 to the latest, once', () => {
    const db = new Database(path.join(tmp.dir, DB_FILE_NAME));
    expect(migrate(db, 0)).toBe(0);
    expect(migrate(db)).toBe(SCHEMA_VERSION);
    expect(migrate(db)).toBe(SCHEMA_VERSION);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    expect(tables).toEqual(
      expect.arrayContaining(['shows', 'comments', 'stats', 'minute_rollups', 'orders']),
    );
    db.close();
  });

  it('refuses a database written by a newer app, untouched', () => {
    const file = path.join(tmp.dir, DB_FILE_NAME);
    const db = new Database(file);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => openStore(tmp.dir).store).toThrow(SchemaTooNewError);
    const check = new Database(file);
    expect(check.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION + 1);
    expect(check.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table'").pluck().get()).toBe(0);
    check.close();
  });
});
