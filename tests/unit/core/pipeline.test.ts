import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MetricsEngine } from '../../../electron/core/engines/metrics-engine.js';
import { IngestPipeline } from '../../../electron/core/ingest/pipeline.js';
import { openStore } from '../../../electron/core/store/open-store.js';
import type { Store } from '../../../electron/core/store/store.js';
import type { CommentRow } from '../../../shared/api/contract.js';
import { MAX_COMMENT_TEXT } from '../../../shared/protocol/feed.js';
import { comment, hello, stats } from '../../helpers/events.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

describe('ingest pipeline (real SQLite file)', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let store: Store;
  let metrics: MetricsEngine;
  let pipeline: IngestPipeline;
  let stored: CommentRow[];

  const make = (maxRows = 2000) => {
    stored = [];
    metrics = new MetricsEngine();
    pipeline = new IngestPipeline({
      store,
      metrics,
      sourceKind: 'socketio',
      maxRows,
      onStored: (r) => stored.push(...r),
    });
    return pipeline;
  };

  beforeEach(() => {
    tmp = makeTempDir();
    store = openStore(tmp.dir).store;
    make();
  });
  afterEach(() => {
    pipeline.stop();
    store.close();
    tmp.cleanup();
  });

  it('stores a show, its comments and stats, and resumes after the last seq', () => {
    pipeline.handleHello(hello());
    pipeline.handleEvent('comments', { seq: 1, items: [comment(1), comment(2)] });
    pipeline.handleEvent('stats', stats(2, 1000));
    expect(metrics.report()?.values.online).toBe(1000); // live at once, before the flush
    expect(store.countComments('show-1')).toBe(0);
    pipeline.flush();
    expect(store.countComments('show-1')).toBe(2);
    expect(stored.map((c) => c.text)).toEqual(['有红色吗 1', '有红色吗 2']);
    expect(store.getShow('show-1')?.lastSeq).toBe(2);

    // A restarted app picks the unfinished show up again, with its metrics.
    pipeline.stop();
    const again = make();
    expect(again.resumeRoom('room-1')?.id).toBe('show-1');
    expect(again.seq).toBe(2);
    expect(metrics.report()?.values.comments).toBe(3000);
  });

  it('drops events it has already seen, by seq and by comment id', () => {
    pipeline.handleHello(hello());
    pipeline.handleEvent('comments', { seq: 1, items: [comment(1), comment(2)] });
    pipeline.handleEvent('comments', { seq: 1, items: [comment(1), comment(2)] }); // replayed
    pipeline.handleEvent('comments', { seq: 2, items: [comment(2), comment(3)] }); // same id, new seq
    pipeline.flush();
    expect(store.countComments('show-1')).toBe(3);
    expect(pipeline.counters.duplicatesDropped).toBe(3);
    expect(pipeline.counters.commentsStored).toBe(3);
  });

  it('records a gap when seq jumps, and not when a rejected event used the seq', () => {
    pipeline.handleHello(hello());
    pipeline.handleEvent('stats', stats(1, 0));
    pipeline.handleEvent('stats', { seq: 2, online: 'lots' }); // invalid but carries seq 2
    pipeline.handleEvent('stats', stats(3, 1000));
    expect(pipeline.counters.gaps).toEqual([]);
    pipeline.handleEvent('stats', stats(10, 2000));
    expect(pipeline.counters.gaps).toEqual([
      expect.objectContaining({ afterSeq: 3, resumedSeq: 10, missing: 6 }),
    ]);
    pipeline.flush();
    expect(store.gaps('show-1')).toHaveLength(1);
  });

  it('counts invalid events, keeps samples with reasons, and never throws', () => {
    pipeline.handleHello(hello());
    expect(() => {
      pipeline.handleEvent('comments', { seq: 1, items: 'nope' });
      pipeline.handleEvent('bogus', {});
      pipeline.handleEvent('stats', undefined);
    }).not.toThrow();
    expect(pipeline.counters.invalid).toBe(3);
    const samples = pipeline.invalidSamples();
    expect(samples[0]).toMatchObject({ type: 'stats' });
    expect(samples[2]).toMatchObject({ type: 'comments', reason: expect.stringMatching(/items/) });
    pipeline.flush();
    expect(store.invalidSamples(10)).toHaveLength(3);
  });

  it('rejects events that arrive before hello', () => {
    pipeline.handleEvent('comments', { seq: 1, items: [comment(1)] });
    expect(pipeline.counters.invalid).toBe(1);
    expect(pipeline.invalidSamples()[0]?.reason).toBe('event before hello');
  });

  it('truncates over-long text and repairs lone surrogates', () => {
    pipeline.handleHello(hello());
    pipeline.handleEvent('comments', {
      seq: 1,
      items: [
        comment(1, { text: '长'.repeat(10_000) }),
        comment(2, { text: 'a\uD800b', nickname: '\uDC00x' }),
      ],
    });
    pipeline.flush();
    const [long, odd] = store.recentComments('show-1', 10);
    expect(long!.text).toHaveLength(MAX_COMMENT_TEXT);
    expect(long!.truncated).toBe(true);
    expect(odd!.text).toBe('a\uFFFDb');
    expect(odd!.nickname).toBe('\uFFFDx');
    expect(pipeline.counters.truncated).toBe(1);
  });

  it('flushes on size, not only on time', () => {
    pipeline.stop();
    make(5);
    pipeline.handleHello(hello());
    pipeline.handleEvent('comments', { seq: 1, items: [1, 2, 3, 4, 5, 6].map((n) => comment(n)) });
    expect(store.countComments('show-1')).toBe(6);
  });

  it('marks the show ended and switches show on a new hello', () => {
    pipeline.handleHello(hello('show-1'));
    pipeline.handleEvent('end', { seq: 1, ts: hello().show.startedAt + 3_600_000 });
    expect(pipeline.state).toBe('ended');
    pipeline.handleHello(hello('show-2'));
    expect(pipeline.currentShow?.id).toBe('show-2');
    expect(pipeline.seq).toBe(0);
    expect(store.getShow('show-1')?.endedAt).not.toBeNull();
  });
});
