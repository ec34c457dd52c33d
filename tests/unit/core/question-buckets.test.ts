/**
 * Settling a group finds its pending questions bucket by bucket (schema v10: the index is
 * (show, id >> 12, group)). Checked against a plain scan of the questions with ids spanning
 * several buckets — a group whose first pending question is thousands of ids back, groups settled
 * and asked again, two shows — and on a v9 file the migration re-indexes.
 */
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Prng } from '../../../electron/core/sim/prng.js';
import { migrate } from '../../../electron/core/store/migrations/index.js';
import {
  PENDING_SEEN_ATS_SQL,
  QUESTION_BUCKET_BITS,
  type NewQuestion,
} from '../../../electron/core/store/questions-repo.js';
import { DB_FILE_NAME, Store } from '../../../electron/core/store/store.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

const BUCKET = 2 ** QUESTION_BUCKET_BITS;
const SHOWS = ['s1', 's2'];
const GROUPS = ['红色还有吗', '什么时候发货', '多高穿什么码', '包邮吗', '有优惠券吗'];
const T0 = Date.UTC(2026, 10, 23, 12, 0);

/** What a scan of every question says is pending in the group, in id order. */
function scannedPending(db: Database.Database, showId: string, groupKey: string): number[] {
  return db
    .prepare<[string, string], number>(
      `SELECT seen_at FROM questions NOT INDEXED
       WHERE show_id = ? AND group_key = ? AND state = 'pending' ORDER BY id`,
    )
    .pluck()
    .all(showId, groupKey);
}

function question(n: number, showId: string, groupKey: string): NewQuestion {
  return {
    showId,
    commentId: `c${n}`,
    ts: T0 + n,
    seenAt: T0 + n * 10,
    userId: `u${n % 97}`,
    nickname: `观众${n % 97}`,
    text: `${groupKey}？`,
    groupKey,
    suggestions: [],
  };
}

/**
 * ~4.5 buckets of questions in flushes of 250, with settlements in between; the rare group has
 * one question in the first bucket and is settled last. Each settlement is checked against the
 * scan: the seen-at times read first, then how many questions it settled.
 */
function exercise(store: Store, seed: number): number {
  const prng = new Prng(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(prng.next() * list.length)] as T;
  let n = 0;
  let checked = 0;
  const settle = (showId: string, groupKey: string) => {
    const expected = scannedPending(store.db, showId, groupKey);
    expect(store.questions.pendingSeenAts(showId, groupKey)).toEqual(expected);
    const state = prng.next() < 0.8 ? 'answered' : 'dismissed';
    expect(store.questions.settleGroup(showId, groupKey, state, T0 + n * 10, null)).toBe(expected.length);
    expect(scannedPending(store.db, showId, groupKey)).toEqual([]);
    checked += expected.length;
  };
  store.questions.insert([question(n++, 's1', '罕见的问题')], new Map());
  while (n < 4.5 * BUCKET) {
    const flush: NewQuestion[] = [];
    for (let k = 0; k < 250; k++) flush.push(question(n++, pick(SHOWS), pick(GROUPS)));
    store.questions.insert(flush, new Map());
    if (prng.next() < 0.4) settle(pick(SHOWS), pick(GROUPS));
  }
  settle('s1', '罕见的问题');
  for (const showId of SHOWS) for (const groupKey of GROUPS) settle(showId, groupKey);
  return checked;
}

describe('settling a question group through the id buckets', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  beforeEach(() => (tmp = makeTempDir()));
  afterEach(() => tmp.cleanup());

  for (const seed of [1, 2]) {
    it(`settles exactly what a scan finds pending, across buckets (seed ${seed})`, () => {
      const store = new Store(path.join(tmp.dir, DB_FILE_NAME));
      try {
        const maxId = store.db.prepare('SELECT max(id) FROM questions').pluck();
        const checked = exercise(store, seed);
        expect(maxId.get()).toBeGreaterThan(4 * BUCKET);
        expect(checked).toBeGreaterThan(BUCKET); // most questions went through a settlement
        expect(store.db.prepare("SELECT count(*) FROM questions WHERE state = 'pending'").pluck().get()).toBe(
          0,
        );
      } finally {
        store.close();
      }
    });
  }

  it('reads a group through the bucket index, not a scan of the show', () => {
    const store = new Store(path.join(tmp.dir, DB_FILE_NAME));
    try {
      const plan = store.db
        .prepare<[{ showId: string; groupKey: string }], { detail: string }>(
          `EXPLAIN QUERY PLAN ${PENDING_SEEN_ATS_SQL}`,
        )
        .all({ showId: 's1', groupKey: '包邮吗' })
        .map((r) => r.detail);
      expect(plan.some((d) => /SEARCH questions USING INDEX questions_show_bucket_group/.test(d))).toBe(true);
      expect(plan.some((d) => /SCAN questions/.test(d))).toBe(false);
    } finally {
      store.close();
    }
  });

  it('a v9 file: the migration replaces the group index and its questions settle as before', () => {
    const file = path.join(tmp.dir, DB_FILE_NAME);
    const v9 = new Database(file);
    migrate(v9, 9);
    v9.close();
    // A v9 store's writes: through the v9 schema (the old (show, group) index) ...
    const old = new Database(file);
    const insert = old.prepare(
      `INSERT INTO questions (show_id, comment_id, ts, seen_at, user_id, nickname, text, group_key, suggestions)
       VALUES (@showId, @commentId, @ts, @seenAt, @userId, @nickname, @text, @groupKey, '[]')`,
    );
    old.transaction(() => {
      for (let n = 0; n < 2.5 * BUCKET; n++)
        insert.run(question(n, SHOWS[n % 2]!, GROUPS[n % GROUPS.length]!));
    })();
    old.exec(`INSERT INTO question_groups (show_id, group_key, first_id, first_seen_at, total, pending, first_pending_id)
      SELECT show_id, group_key, min(id), min(seen_at), count(*), count(*), min(id) FROM questions GROUP BY show_id, group_key`);
    old.close();
    // ... then opened by this version.
    const store = new Store(file);
    try {
      const indexes = store.db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'questions'")
        .pluck()
        .all();
      expect(indexes).toContain('questions_show_bucket_group');
      expect(indexes).not.toContain('questions_show_group');
      for (const showId of SHOWS) {
        for (const groupKey of GROUPS) {
          const expected = scannedPending(store.db, showId, groupKey);
          expect(expected.length).toBeGreaterThan(0);
          expect(store.questions.pendingSeenAts(showId, groupKey)).toEqual(expected);
          expect(store.questions.settleGroup(showId, groupKey, 'answered', T0, null)).toBe(expected.length);
        }
      }
    } finally {
      store.close();
    }
  });
});
