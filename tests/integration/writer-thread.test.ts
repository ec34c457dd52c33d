/**
 * The store's writer thread on a real SQLite file: comment batches and questions written by the
 * worker's own connection, in order, each callback after its commit; drain() for readers; a batch
 * the worker cannot write handled as on the main thread; and the worker dying mid-ingest.
 */
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MetricsEngine } from '../../electron/core/engines/metrics-engine.js';
import { IngestPipeline } from '../../electron/core/ingest/pipeline.js';
import { openStore } from '../../electron/core/store/open-store.js';
import type { Store } from '../../electron/core/store/store.js';
import { emptyBatch } from '../../electron/core/store/types.js';
import { ThreadStoreWriter } from '../../electron/core/store/writer-thread.js';
import type { CommentRow } from '../../shared/api/contract.js';
import { comment, hello, T0 } from '../helpers/events.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { waitFor } from '../helpers/wait.js';

let tmp: ReturnType<typeof makeTempDir>;
let store: Store;
let writer: ThreadStoreWriter;

beforeEach(async () => {
  tmp = makeTempDir();
  store = openStore(tmp.dir).store;
  writer = await ThreadStoreWriter.start(store);
});
afterEach(async () => {
  await writer.close();
  store.close();
  tmp.cleanup();
});

/** Another connection, as a reader that is not the writer would see the file. */
function countOnDisk(sql: string): number {
  const db = new Database(store.db.name, { readonly: true });
  try {
    return (db.prepare(sql).pluck().get() as number) ?? 0;
  } finally {
    db.close();
  }
}

const comments = (seq: number, n: number) =>
  Array.from({ length: n }, (_, i) => comment(seq * 1000 + i, { id: `c-${seq}-${i}` }));

describe('store writer thread', () => {
  it('writes batches on its own connection, and tells of each only after it is committed', async () => {
    const seen: { rows: CommentRow[]; onDisk: number }[] = [];
    const pipeline = new IngestPipeline({
      store,
      writer,
      metrics: new MetricsEngine(),
      sourceKind: 'socketio',
      maxRows: 100,
      onStored: (rows) => seen.push({ rows, onDisk: countOnDisk('SELECT count(*) FROM comments') }),
    });
    pipeline.handleHello(hello());
    for (let seq = 1; seq <= 20; seq++) pipeline.handleEvent('comments', { seq, items: comments(seq, 50) });
    // Handed over, not waited for: this thread went on while the worker wrote.
    await waitFor(() => pipeline.counters.commentsStored === 1000, 'all comments stored');
    const stored = seen.flatMap((s) => s.rows);
    expect(stored.map((r) => r.id)).toEqual(
      Array.from({ length: 20 }, (_, s) => comments(s + 1, 50).map((c) => c.id)).flat(),
    );
    // Each callback saw its rows (and all before them) already committed, by another connection.
    let before = 0;
    for (const s of seen) {
      before += s.rows.length;
      expect(s.onDisk).toBeGreaterThanOrEqual(before);
    }
    // Row ids are SQLite's.
    const ids = store.db.prepare('SELECT row_id FROM comments ORDER BY row_id').pluck().all();
    expect(stored.map((r) => r.rowId)).toEqual(ids);
    expect(store.getShow('show-1')?.lastSeq).toBe(20);

    // A duplicate is counted, not stored twice; flush() waits, so a read right after sees it.
    pipeline.handleEvent('comments', { seq: 21, items: [comments(1, 1)[0], comment(99_999)] });
    pipeline.flush();
    expect(store.countComments('show-1')).toBe(1001);
    expect(pipeline.counters.duplicatesDropped).toBe(1);
    pipeline.stop();
  });

  it('writes questions in the order handed over, after the comments they came from', () => {
    const done: string[] = [];
    const q = (commentId: string) => ({
      showId: 'show-1',
      commentId,
      ts: T0,
      seenAt: T0,
      userId: 'u1',
      nickname: '观众',
      text: '红色还有吗',
      groupKey: 'stock_available|红色',
      suggestions: [{ faqId: 'stock_available', score: 0.9 }],
    });
    writer.insertQuestions([q('a'), q('b')], new Map([['stock_available', 2]]), (o) =>
      done.push(`insert ${o.ok ? String(o.value) : 'failed'}`),
    );
    writer.settleGroup(
      { showId: 'show-1', groupKey: 'stock_available|红色', state: 'answered', at: T0 + 5, faqId: null },
      (o) => done.push(`settle ${o.ok ? String(o.value) : 'failed'}`),
    );
    writer.insertQuestions([q('c')], new Map(), (o) =>
      done.push(`insert ${o.ok ? String(o.value) : 'failed'}`),
    );
    writer.drain();
    expect(done).toEqual(['insert 2', 'settle 2', 'insert 1']);
    expect(store.questions.list('show-1', 'pending', 10).map((x) => x.commentId)).toEqual(['c']);
    expect(store.questions.list('show-1', 'answered', 10)).toHaveLength(2);
  });

  it('stores questions that crossed as columns exactly as the main connection stores them', () => {
    const questions = Array.from({ length: 50 }, (_, i) => ({
      showId: i % 7 === 0 ? 'show-2' : 'show-1',
      commentId: `c${i}`,
      ts: T0 + i,
      seenAt: T0 + 1000 + i * 3.5,
      userId: `u${i % 5}`,
      nickname: i % 3 === 0 ? '' : `观众${i}😀`,
      text: i % 4 === 0 ? '红色还有吗"，\n' : `${i}号链接多少钱？`,
      groupKey: `g${i % 6}`,
      suggestions:
        i % 2 === 0
          ? []
          : [
              { faqId: 'price', score: 0.875 },
              { faqId: 'stock_available', score: 0.5 },
            ],
    }));
    writer.insertQuestions(questions, new Map([['price', 25]]), () => {});
    writer.drain();
    const inline = openStore(path.join(tmp.dir, 'inline')).store;
    try {
      inline.questions.insert(questions, new Map([['price', 25]]));
      const all = (db: Database.Database) => db.prepare('SELECT * FROM questions ORDER BY id').all();
      const groups = (db: Database.Database) =>
        db.prepare('SELECT * FROM question_groups ORDER BY show_id, group_key').all();
      type Row = Record<string, unknown> & { suggestions: string };
      expect(
        (all(store.db) as Row[]).map((r) => [
          r.show_id,
          r.comment_id,
          r.ts,
          r.seen_at,
          r.user_id,
          r.nickname,
          r.text,
          r.group_key,
          JSON.parse(r.suggestions),
        ]),
      ).toEqual(
        questions.map((q) => [
          q.showId,
          q.commentId,
          q.ts,
          q.seenAt,
          q.userId,
          q.nickname,
          q.text,
          q.groupKey,
          q.suggestions,
        ]),
      );
      expect(all(store.db)).toEqual(all(inline.db));
      expect(groups(store.db)).toEqual(groups(inline.db));
      expect(inline.questions.list('show-2', undefined, 1)[0]!.suggestions).toEqual(
        questions[49]!.suggestions,
      );
    } finally {
      inline.close();
    }
  });

  it('reports a batch the worker cannot write with its SQLite code; the pipeline gives it up as a gap', () => {
    const pipeline = new IngestPipeline({
      store,
      writer,
      metrics: new MetricsEngine(),
      sourceKind: 'socketio',
      storageRetryMs: 60_000,
    });
    pipeline.handleHello(hello());
    pipeline.handleEvent('comments', { seq: 1, items: comments(1, 3) });
    pipeline.flush();
    // A comment this database refuses (on every connection): not a passing condition.
    store.db.exec(`CREATE TRIGGER refuse BEFORE INSERT ON comments WHEN NEW.text = 'refused'
      BEGIN SELECT RAISE(ABORT, 'refused by test'); END`);
    pipeline.handleEvent('comments', { seq: 2, items: [comment(5, { text: 'refused' })] });
    pipeline.flush();
    expect(pipeline.storage).toMatchObject({ state: 'paused', reason: 'refused by test' });
    pipeline.retryStorage();
    pipeline.retryStorage(); // the third failure gives the batch up
    expect(pipeline.storage).toMatchObject({ state: 'ok', dropped: 1 });
    pipeline.handleEvent('comments', { seq: 3, items: comments(3, 2) });
    pipeline.flush();
    expect(store.countComments('show-1')).toBe(5);
    expect(store.gaps('show-1')).toMatchObject([{ afterSeq: 1, resumedSeq: 3, missing: 1 }]);
    expect(store.getShow('show-1')?.lastSeq).toBe(3);
    pipeline.stop();
  });

  it('answers each of several writes that arrive together; one that fails leaves the others written', () => {
    store.db.exec(`CREATE TRIGGER refuse BEFORE INSERT ON comments WHEN NEW.text = 'refused'
      BEGIN SELECT RAISE(ABORT, 'refused by test'); END`);
    store.upsertShow({
      id: 'show-1',
      title: 't',
      roomId: 'room-1',
      roomTitle: 'r',
      platform: 'douyin',
      startedAt: T0,
      endedAt: null,
      lastSeq: 0,
      source: 'socketio',
    });
    const batch = (seq: number, items: ReturnType<typeof comment>[]) => ({
      ...emptyBatch('show-1', seq - 1),
      lastSeq: seq,
      comments: items.map((c) => ({ ...c, seq, fanClub: false, truncated: false })),
    });
    const outcomes: string[] = [];
    // Posted back to back: the worker finds them waiting together.
    for (const [seq, items] of [
      [1, [comment(1), comment(2)]],
      [2, [comment(3, { text: 'refused' })]],
      [3, [comment(4)]],
    ] as const) {
      writer.writeBatches([batch(seq, [...items])], (o) =>
        outcomes.push(o.ok ? `${seq}: ${o.value[0]!.rowIds.length} written` : `${seq}: ${String(o.error)}`),
      );
    }
    writer.drain();
    expect(outcomes).toEqual(['1: 2 written', '2: SqliteError: refused by test', '3: 1 written']);
    expect(store.countComments('show-1')).toBe(3);
  });

  it('drains by polling where the thread may not block (Atomics.wait throws, as on a browser main thread)', () => {
    const wait = vi.spyOn(Atomics, 'wait').mockImplementation(() => {
      throw new TypeError('Atomics.wait cannot be called in this context');
    });
    try {
      let settled = 0;
      for (let i = 0; i < 3; i++)
        writer.settleGroup(
          { showId: 'show-1', groupKey: `g${i}`, state: 'dismissed', at: T0, faqId: null },
          (o) => {
            if (o.ok) settled++;
          },
        );
      writer.drain();
      expect(settled).toBe(3);
    } finally {
      wait.mockRestore();
    }
  });

  it('keeps writing on the main thread if the worker dies, losing nothing', async () => {
    const pipeline = new IngestPipeline({
      store,
      writer,
      metrics: new MetricsEngine(),
      sourceKind: 'socketio',
    });
    pipeline.handleHello(hello());
    pipeline.handleEvent('comments', { seq: 1, items: comments(1, 10) });
    pipeline.flush();
    const worker = (writer as unknown as { worker: Worker }).worker;
    await worker.terminate();
    for (let seq = 2; seq <= 5; seq++) pipeline.handleEvent('comments', { seq, items: comments(seq, 10) });
    pipeline.flush();
    expect(store.countComments('show-1')).toBe(50);
    expect(pipeline.counters.commentsStored).toBe(50);
    expect(store.getShow('show-1')?.lastSeq).toBe(5);
    pipeline.stop();
  });

  /** A pipeline on a writer launched just now: its batches are handed over before the thread is up. */
  async function ingestOnLaunched(launched: ThreadStoreWriter): Promise<IngestPipeline> {
    const pipeline = new IngestPipeline({
      store,
      writer: launched,
      metrics: new MetricsEngine(),
      sourceKind: 'socketio',
    });
    pipeline.handleHello(hello());
    for (let seq = 1; seq <= 3; seq++) pipeline.handleEvent('comments', { seq, items: comments(seq, 10) });
    pipeline.flush();
    await launched.ready;
    return pipeline;
  }

  it('takes writes while its thread is still starting: they wait for it, in order', async () => {
    await writer.close(); // this test's own writer instead
    writer = ThreadStoreWriter.launch(store);
    const pipeline = await ingestOnLaunched(writer);
    expect(countOnDisk('SELECT count(*) FROM comments')).toBe(30);
    expect(pipeline.counters.commentsStored).toBe(30);
    expect(store.getShow('show-1')?.lastSeq).toBe(3);
    pipeline.stop();
  });

  it('keeps the process alive while start() waits for the thread (a script with nothing else to do)', () => {
    // The thread's port and worker are unref'd once it is up; before that, a script whose only
    // work was awaiting start() ended right there with the wait unsettled (the soak did).
    const module = (file: string) => new URL(`../../electron/core/store/${file}`, import.meta.url).href;
    const script = path.join(tmp.dir, 'start-writer.mjs');
    fs.writeFileSync(
      script,
      `const { openStore } = await import(${JSON.stringify(module('open-store.ts'))});
       const { ThreadStoreWriter } = await import(${JSON.stringify(module('writer-thread.ts'))});
       const { store } = openStore(${JSON.stringify(path.join(tmp.dir, 'child'))});
       const writer = await ThreadStoreWriter.start(store);
       console.log('started');
       await writer.close();
       store.close();`,
    );
    const out = execFileSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8' });
    expect(out.trim()).toBe('started');
  });

  it('a thread that cannot open the database hands every write to the main connection', async () => {
    await writer.close();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      writer = ThreadStoreWriter.launch(store, path.join(tmp.dir, 'no-such-binding.node'));
      const pipeline = await ingestOnLaunched(writer);
      expect(String(errors.mock.calls[0]?.[0])).toMatch(/store writer thread did not start/);
      pipeline.handleEvent('comments', { seq: 4, items: comments(4, 10) });
      pipeline.flush();
      expect(countOnDisk('SELECT count(*) FROM comments')).toBe(40);
      expect(store.getShow('show-1')?.lastSeq).toBe(4);
      pipeline.stop();
    } finally {
      errors.mockRestore();
    }
  });
});
