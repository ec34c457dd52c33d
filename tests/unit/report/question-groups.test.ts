/**
 * The reply KPIs a report reads from the groups' running totals (question_groups, schema v8)
 * equal what a scan of the questions gives, after any mix of flushes, answers, dismissals,
 * duplicates and new questions joining a settled group — and a v7 database is counted once by the
 * migration, to the same totals.
 */
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { computeReplyKpis, storedRecords } from '../../../electron/core/faq/reply-kpis.js';
import { Prng } from '../../../electron/core/sim/prng.js';
import { showReplyFigures } from '../../../electron/core/report/reply-figures.js';
import { migrate } from '../../../electron/core/store/migrations/index.js';
import type { NewQuestion } from '../../../electron/core/store/questions-repo.js';
import { DB_FILE_NAME, Store } from '../../../electron/core/store/store.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

const SHOWS = ['s1', 's2'];
const GROUPS = ['红色还有吗', '什么时候发货', '多高穿什么码', '包邮吗', '有优惠券吗', '能退吗'];
const T0 = Date.UTC(2026, 10, 23, 12, 0);

/** The simulator's seeded generator: the same operations every run. */
function rng(seed: number): () => number {
  const p = new Prng(seed);
  return () => p.next();
}

type Op =
  | { kind: 'flush'; questions: NewQuestion[] }
  | { kind: 'settle'; showId: string; groupKey: string; state: 'answered' | 'dismissed'; at: number };

function operations(seed: number, count: number): Op[] {
  const random = rng(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
  const ops: Op[] = [];
  let clock = T0;
  let n = 0;
  for (let i = 0; i < count; i++) {
    clock += Math.floor(random() * 20_000);
    if (random() < 0.7) {
      const questions: NewQuestion[] = [];
      for (let k = 1 + Math.floor(random() * 15); k > 0; k--) {
        // Now and then a comment already stored comes again (a replayed batch): ignored.
        const commentId = random() < 0.05 && n > 0 ? `c${Math.floor(random() * n)}` : `c${n++}`;
        const groupKey = pick(GROUPS);
        questions.push({
          showId: pick(SHOWS),
          commentId,
          ts: clock,
          seenAt: clock + Math.floor(random() * 500),
          userId: `u${Math.floor(random() * 50)}`,
          nickname: `观众${Math.floor(random() * 50)}`,
          text: `${groupKey}${'？'.repeat(1 + Math.floor(random() * 2))}`,
          groupKey,
          // A group is one top suggestion and one residue (grouping.ts): its questions share the entry.
          suggestions:
            groupKey === '能退吗' ? [] : [{ faqId: `faq-${GROUPS.indexOf(groupKey)}`, score: 0.9 }],
        });
      }
      ops.push({ kind: 'flush', questions });
    } else {
      ops.push({
        kind: 'settle',
        showId: pick(SHOWS),
        groupKey: pick(GROUPS),
        state: random() < 0.75 ? 'answered' : 'dismissed',
        at: clock + Math.floor(random() * 60_000),
      });
    }
  }
  return ops;
}

function apply(store: Store, ops: readonly Op[]): void {
  for (const op of ops) {
    if (op.kind === 'flush') store.questions.insert(op.questions, new Map());
    else store.questions.settleGroup(op.showId, op.groupKey, op.state, op.at, null);
  }
}

/** The totals as a scan of the questions computes them. */
function scannedGroups(db: Database.Database) {
  return db
    .prepare(
      `SELECT show_id, group_key, min(id) AS first_id, count(*) AS total, sum(state = 'pending') AS pending,
         sum(state = 'answered') AS answered, sum(state = 'dismissed') AS dismissed,
         min(CASE WHEN state = 'pending' THEN id END) AS first_pending_id
       FROM questions GROUP BY show_id, group_key ORDER BY show_id, group_key`,
    )
    .all();
}

const storedGroups = (db: Database.Database) =>
  db
    .prepare(
      `SELECT show_id, group_key, first_id, total, pending, answered, dismissed, first_pending_id
       FROM question_groups ORDER BY show_id, group_key`,
    )
    .all();

describe('question groups: running totals for the reply KPIs', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  beforeEach(() => (tmp = makeTempDir()));
  afterEach(() => tmp.cleanup());

  for (const seed of [1, 2, 3]) {
    it(`equal a scan of the questions after random flushes and settlements (seed ${seed})`, () => {
      const store = new Store(path.join(tmp.dir, DB_FILE_NAME));
      try {
        const ops = operations(seed, 120);
        apply(store, ops);
        expect(ops.some((o) => o.kind === 'settle' && o.state === 'dismissed')).toBe(true);
        const answered = store.db
          .prepare("SELECT count(*) FROM questions WHERE state = 'answered'")
          .pluck()
          .get();
        expect(answered).toBeGreaterThan(0);
        expect(storedGroups(store.db)).toEqual(scannedGroups(store.db));
        for (const showId of SHOWS) {
          const { replies } = showReplyFigures(store.db, showId);
          expect(replies).toEqual(computeReplyKpis(showId, storedRecords(store.questions, showId)));
          expect(replies.questions).toBeGreaterThan(0);
        }
      } finally {
        store.close();
      }
    });
  }

  it('a flush whose questions of a new group were all stored already leaves no empty group', () => {
    const store = new Store(path.join(tmp.dir, DB_FILE_NAME));
    try {
      const q: NewQuestion = {
        showId: 's1',
        commentId: 'c1',
        ts: T0,
        seenAt: T0,
        userId: 'u1',
        nickname: '观众1',
        text: '红色还有吗',
        groupKey: '红色还有吗',
        suggestions: [],
      };
      expect(store.questions.insert([q], new Map())).toBe(1);
      // The same comment again, now grouped differently (a replayed batch after a library edit).
      expect(store.questions.insert([{ ...q, groupKey: '有货吗' }], new Map())).toBe(0);
      expect(storedGroups(store.db)).toEqual(scannedGroups(store.db));
      expect(store.db.prepare('SELECT count(*) FROM question_groups').pluck().get()).toBe(1);
      expect(store.questions.settleGroup('s1', '有货吗', 'answered', T0 + 1000, null)).toBe(0);
      expect(store.questions.pendingSeenAts('s1', '红色还有吗')).toEqual([T0]);
      expect(store.questions.settleGroup('s1', '红色还有吗', 'answered', T0 + 1000, null)).toBe(1);
      expect(store.questions.pendingSeenAts('s1', '红色还有吗')).toEqual([]);
      expect(storedGroups(store.db)).toEqual(scannedGroups(store.db));
    } finally {
      store.close();
    }
  });

  it('a v7 database: the migration counts its questions once, to the same totals and KPIs', () => {
    const file = path.join(tmp.dir, DB_FILE_NAME);
    // The same operations applied by a v8 store, then written into a v7 file row by row.
    const reference = new Store(path.join(tmp.dir, 'reference.db'));
    apply(reference, operations(7, 150));
    const rows = reference.db.prepare('SELECT * FROM questions ORDER BY id').all() as Record<
      string,
      unknown
    >[];
    const expected = storedGroups(reference.db);
    reference.close();

    const v7 = new Database(file);
    migrate(v7, 7);
    const columns = Object.keys(rows[0] as object);
    const insert = v7.prepare(
      `INSERT INTO questions (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`,
    );
    v7.transaction(() => rows.forEach((r) => insert.run(r)))();
    v7.close();

    const store = new Store(file);
    try {
      expect(storedGroups(store.db)).toEqual(expected);
      for (const showId of SHOWS)
        expect(showReplyFigures(store.db, showId).replies).toEqual(
          computeReplyKpis(showId, storedRecords(store.questions, showId)),
        );
    } finally {
      store.close();
    }
  });
});
