/** The pipeline when storage fails (disk full), and with odd but well-formed input. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MetricsEngine } from '../../../electron/core/engines/metrics-engine.js';
import { FUTURE_SLACK_MS, IngestPipeline } from '../../../electron/core/ingest/pipeline.js';
import { openStore } from '../../../electron/core/store/open-store.js';
import type { Store } from '../../../electron/core/store/store.js';
import { comment, hello, stats, T0 } from '../../helpers/events.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

describe('pipeline resilience (real SQLite file)', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let store: Store;
  let pipeline: IngestPipeline;

  beforeEach(() => {
    tmp = makeTempDir();
    store = openStore(tmp.dir).store;
  });
  afterEach(() => {
    pipeline?.stop();
    store.close();
    tmp.cleanup();
  });

  const make = (maxQueuedRows = 200_000) => {
    pipeline = new IngestPipeline({
      store,
      metrics: new MetricsEngine(),
      sourceKind: 'socketio',
      maxQueuedRows,
      storageRetryMs: 10_000, // the test drives retries itself
    });
    pipeline.handleHello(hello());
    return pipeline;
  };

  /** Makes the database "full": SQLite answers SQLITE_FULL exactly as on a full disk. */
  const fillDisk = () => {
    const pages = store.db.pragma('page_count', { simple: true }) as number;
    store.db.pragma(`max_page_count = ${pages}`);
  };
  const freeDisk = () => store.db.pragma('max_page_count = 1073741823');
  const bigComments = (from: number, n: number) =>
    Array.from({ length: n }, (_, i) =>
      comment(from + i, { text: `长评论 ${'很'.repeat(200)} ${from + i}` }),
    );

  it('pauses storage on a full disk, keeps events in memory, and resumes by itself', () => {
    make();
    pipeline.handleEvent('comments', { seq: 1, items: bigComments(0, 10) });
    pipeline.flush();
    fillDisk();
    pipeline.handleEvent('comments', { seq: 2, items: bigComments(100, 500) });
    pipeline.flush();
    expect(pipeline.storage).toMatchObject({ state: 'paused', reason: expect.stringMatching(/disk full/) });
    pipeline.handleEvent('comments', { seq: 3, items: bigComments(1000, 10) });
    pipeline.flush();
    expect(pipeline.storage.queued).toBe(510);
    expect(store.countComments('show-1')).toBe(10);
    expect(store.getShow('show-1')?.lastSeq).toBe(1); // nothing claimed stored that isn't
    expect(store.db.pragma('quick_check', { simple: true })).toBe('ok');

    pipeline.retryStorage();
    expect(pipeline.storage.state).toBe('paused'); // still full

    freeDisk();
    pipeline.retryStorage();
    expect(pipeline.storage).toMatchObject({ state: 'ok', reason: null, queued: 0, dropped: 0 });
    expect(store.countComments('show-1')).toBe(520);
    expect(store.getShow('show-1')?.lastSeq).toBe(3);
  });

  it('bounds the in-memory queue: the oldest batches are dropped and stored as a gap', () => {
    make(100);
    pipeline.handleEvent('comments', { seq: 1, items: bigComments(0, 5) });
    pipeline.flush();
    fillDisk();
    for (let seq = 2; seq <= 6; seq++) {
      pipeline.handleEvent('comments', { seq, items: bigComments(seq * 100, 60) });
      pipeline.flush();
    }
    // Each new batch pushes the queue over 100 rows, so the oldest one goes: seqs 2–5.
    expect(pipeline.storage.queued).toBe(60);
    expect(pipeline.storage.dropped).toBe(240);
    expect(pipeline.counters.gaps.map((g) => [g.afterSeq, g.resumedSeq, g.missing])).toEqual([
      [1, 3, 1],
      [2, 4, 1],
      [3, 5, 1],
      [4, 6, 1],
    ]);
    freeDisk();
    pipeline.retryStorage();
    expect(store.countComments('show-1')).toBe(5 + 60);
    expect(store.gaps('show-1')).toHaveLength(4);
  });

  it('counts counters that go backwards and keeps the event', () => {
    make();
    pipeline.handleEvent('stats', stats(1, 0, { gmv: 5000 }));
    pipeline.handleEvent('stats', stats(2, 1000, { gmv: 4000 }));
    pipeline.handleEvent('stats', stats(3, 2000, { gmv: 6000 }));
    expect(pipeline.counterRegressions).toBe(1);
    pipeline.flush();
    expect(store.latestStats('show-1')?.counters.gmv).toBe(6000);
  });

  it('rejects a timestamp far ahead of the feed’s clock, without leaving a gap', () => {
    make();
    const farAhead = Math.max(Date.now(), T0) + FUTURE_SLACK_MS + 60_000;
    pipeline.handleEvent('comments', { seq: 1, items: [comment(1, { ts: farAhead })] });
    pipeline.handleEvent('comments', { seq: 2, items: [comment(2)] });
    expect(pipeline.counters.invalid).toBe(1);
    expect(pipeline.invalidSamples()[0]?.reason).toMatch(/ahead of the feed's clock/);
    expect(pipeline.counters.gaps).toEqual([]);
    pipeline.flush();
    expect(store.countComments('show-1')).toBe(1);
  });
});
