/**
 * Several rows per INSERT OR IGNORE statement (bulk-insert.ts): each row's rowid, or 0 for a
 * duplicate, must be exactly what one statement per row would have said — the comment CSV log,
 * the question groups' first ids and the duplicate counts are built from them. Checked against
 * the stored table on a real SQLite file, with duplicates in the input, already stored, and
 * across statement boundaries, in the store and questions repo that use it.
 */
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Prng } from '../../../electron/core/sim/prng.js';
import { BulkInsert, ROWS_PER_STATEMENT } from '../../../electron/core/store/bulk-insert.js';
import type { NewQuestion } from '../../../electron/core/store/questions-repo.js';
import type { Store } from '../../../electron/core/store/store.js';
import { emptyBatch, type NewComment, type WriteBatch } from '../../../electron/core/store/types.js';
import { makeTempDir } from '../../helpers/temp-dir.js';
import { eachTempStore } from '../../helpers/temp-store.js';

interface Row {
  show: string;
  key: string;
  value: number;
}

describe('BulkInsert', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let db: Database.Database;
  let bulk: BulkInsert;

  beforeEach(() => {
    tmp = makeTempDir();
    db = new Database(path.join(tmp.dir, 'bulk.db'));
    db.pragma('journal_mode = WAL');
    db.exec(`CREATE TABLE t (id INTEGER PRIMARY KEY, show TEXT NOT NULL, key TEXT NOT NULL, value INTEGER,
             UNIQUE (show, key))`);
    bulk = new BulkInsert(db, 't', ['show', 'key', 'value'], ['show', 'key']);
  });
  afterEach(() => {
    db.close();
    tmp.cleanup();
  });

  const insert = (rows: readonly Row[]): number[] =>
    db.transaction(() =>
      bulk.run(
        rows.length,
        (args, o, i) => {
          args[o] = rows[i]!.show;
          args[o + 1] = rows[i]!.key;
          args[o + 2] = rows[i]!.value;
        },
        (i, [show, key]) => show === rows[i]!.show && key === rows[i]!.key,
      ),
    )();

  /** What one INSERT OR IGNORE per row would report, given the keys stored before. */
  function expectedIds(rows: readonly Row[], storedBefore: Set<string>, firstId: number): number[] {
    const seen = new Set(storedBefore);
    let next = firstId;
    return rows.map((r) => {
      const k = `${r.show}/${r.key}`;
      if (seen.has(k)) return 0;
      seen.add(k);
      return next++;
    });
  }

  const storedKeys = () =>
    new Set(
      db
        .prepare<[], { k: string }>(`SELECT show || '/' || key AS k FROM t`)
        .all()
        .map((r) => r.k),
    );
  const maxId = () => db.prepare<[], number>('SELECT coalesce(max(id), 0) FROM t').pluck().get()!;

  it.each([0, 1, ROWS_PER_STATEMENT - 1, ROWS_PER_STATEMENT, ROWS_PER_STATEMENT + 1, 100])(
    'gives %i new rows their rowids, in order',
    (n) => {
      const rows = Array.from({ length: n }, (_, i) => ({ show: 's', key: `k${i}`, value: i }));
      const ids = insert(rows);
      expect(ids).toEqual(expectedIds(rows, new Set(), 1));
      const stored = db.prepare<[], { id: number; key: string }>('SELECT id, key FROM t ORDER BY id').all();
      expect(stored.map((r) => r.key)).toEqual(rows.map((r) => r.key));
      expect(stored.map((r) => r.id)).toEqual(ids);
    },
  );

  it('says 0 for duplicates — already stored, repeated in the input, or the same key of another show — over several seeds', () => {
    for (const seed of [1, 2, 3]) {
      db.exec('DELETE FROM t');
      const prng = new Prng(seed);
      for (let round = 0; round < 12; round++) {
        const n = Math.floor(prng.next() * 150);
        // Few keys and two shows: collisions within a statement, across statements and with
        // stored rows, and the same key in both shows (not a duplicate).
        const rows = Array.from({ length: n }, () => ({
          show: prng.next() < 0.5 ? 'a' : 'b',
          key: `k${Math.floor(prng.next() * 400)}`,
          value: round,
        }));
        const before = storedKeys();
        const first = maxId() + 1;
        const ids = insert(rows);
        expect(ids, `seed ${seed} round ${round}`).toEqual(expectedIds(rows, before, first));
        // Each id names the row that was stored for it, and ignored rows changed nothing.
        const byId = db.prepare<[number], { show: string; key: string; value: number }>(
          'SELECT show, key, value FROM t WHERE id = ?',
        );
        ids.forEach((id, i) => {
          if (id !== 0) expect(byId.get(id)).toEqual(rows[i]);
        });
      }
    }
  });

  it('follows SQLite when the newest rows were deleted (their rowids are handed out again)', () => {
    insert(Array.from({ length: 40 }, (_, i) => ({ show: 's', key: `k${i}`, value: i })));
    db.exec('DELETE FROM t WHERE id > 30');
    const rows = Array.from({ length: 5 }, (_, i) => ({ show: 's', key: `n${i}`, value: i }));
    expect(insert(rows)).toEqual([31, 32, 33, 34, 35]);
  });
});

describe('the store and the questions repo, bulk-inserting', () => {
  let store: Store;
  eachTempStore((s) => (store = s));
  const SHOW = 'bulk-show';

  const comment = (n: number): NewComment => ({
    id: `c${n}`,
    seq: n,
    ts: 1_700_000_000_000 + n * 10,
    userId: `u${n % 7}`,
    nickname: `观众${n % 7}`,
    text: `第${n}条`,
    fanClub: n % 3 === 0,
    truncated: false,
  });
  const batch = (comments: NewComment[]): WriteBatch => ({
    ...emptyBatch(SHOW, comments.at(-1)?.seq ?? 0),
    fromSeq: 0,
    comments,
  });

  beforeEach(() => {
    store.upsertShow({
      id: SHOW,
      title: 't',
      roomId: 'r',
      roomTitle: 'r',
      platform: 'sim',
      startedAt: 0,
      endedAt: null,
      lastSeq: 0,
      source: 'sim',
    });
  });

  it('returns each comment row id and 0 for a repeated one, and logs only the stored ones', () => {
    store.writeBatchIds(batch([1, 2, 3, 40, 41].map(comment)));
    const input = [3, 4, 5, 5, 6, ...Array.from({ length: 70 }, (_, i) => 100 + i), 40, 7].map(comment);
    const written = store.writeBatchIds(batch(input));
    const rowOf = store.db.prepare<[string, string], number>(
      'SELECT row_id FROM comments WHERE show_id = ? AND id = ?',
    );
    const seen = new Set(['c1', 'c2', 'c3', 'c40', 'c41']);
    const expected = input.map((c) => {
      if (seen.has(c.id)) return 0;
      seen.add(c.id);
      return rowOf.pluck().get(SHOW, c.id)!;
    });
    expect(written.rowIds).toEqual(expected);
    expect(written.duplicateComments).toBe(3);
    expect(new Set(written.rowIds.filter((id) => id !== 0)).size).toBe(input.length - 3);
    expect(store.countComments(SHOW)).toBe(5 + input.length - 3);
  });

  it('counts a group from its first stored question, skipping questions already stored', () => {
    const question = (n: number, groupKey: string): NewQuestion => ({
      showId: SHOW,
      commentId: `c${n}`,
      ts: n,
      seenAt: 1000 + n,
      userId: 'u',
      nickname: 'n',
      text: `q${n}`,
      groupKey,
      suggestions: [],
    });
    store.questions.insert([question(1, 'g1'), question(2, 'g2')], new Map());
    // c1 again (stored), then g1 and g2 get new questions; c50 twice in the input.
    const input = [
      question(1, 'g1'),
      ...Array.from({ length: 40 }, (_, i) => question(10 + i, i < 20 ? 'g2' : 'g3')),
      question(50, 'g3'),
      question(50, 'g3'),
    ];
    expect(store.questions.insert(input, new Map())).toBe(41);
    const groups = store.db
      .prepare<[string], { group_key: string; first_id: number; total: number }>(
        'SELECT group_key, first_id, total FROM question_groups WHERE show_id = ? ORDER BY group_key',
      )
      .all(SHOW);
    const idOf = store.db.prepare<[string], number>('SELECT id FROM questions WHERE comment_id = ?').pluck();
    expect(groups).toEqual([
      { group_key: 'g1', first_id: idOf.get('c1'), total: 1 },
      { group_key: 'g2', first_id: idOf.get('c2'), total: 21 },
      { group_key: 'g3', first_id: idOf.get('c30'), total: 21 },
    ]);
  });
});
