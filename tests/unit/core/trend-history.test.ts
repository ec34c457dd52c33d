/** Trend, history and targets through the real pipeline, store and service. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MetricsEngine } from '../../../electron/core/engines/metrics-engine.js';
import { IngestPipeline } from '../../../electron/core/ingest/pipeline.js';
import { Recorder } from '../../../electron/core/recording/recorder.js';
import { CoreService } from '../../../electron/core/service.js';
import { SourceController } from '../../../electron/core/source-controller.js';
import { openStore } from '../../../electron/core/store/open-store.js';
import type { Store } from '../../../electron/core/store/store.js';
import { NO_TARGETS } from '../../../shared/metrics/targets.js';
import { comment, hello, stats, T0 } from '../../helpers/events.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

const MIN = 60_000;

describe('trend, history and targets', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let store: Store;
  let pipeline: IngestPipeline;
  let service: CoreService;
  let recorder: Recorder;

  beforeEach(() => {
    tmp = makeTempDir();
    store = openStore(tmp.dir).store;
    const metrics = new MetricsEngine();
    recorder = new Recorder({ dir: `${tmp.dir}/recordings` });
    pipeline = new IngestPipeline({ store, metrics, sourceKind: 'socketio' });
    const controller = new SourceController(
      { pipeline, recorder },
      { kind: 'socketio', url: 'http://127.0.0.1:1', room: 'room-1' },
    );
    service = new CoreService({ store, pipeline, metrics, controller, recorder });
  });
  afterEach(async () => {
    pipeline.stop();
    service.stop();
    await recorder.close();
    store.close();
    tmp.cleanup();
  });

  /** 12 minutes: uv +100/min, buyers +2/min for 6 min then +10/min; a product switch at 3 min. */
  const runShow = (showId = 'show-1') => {
    pipeline.handleHello(hello(showId));
    let seq = 0;
    pipeline.handleEvent('product', { seq: ++seq, ts: T0, id: 'p1', name: '1元秒杀 纸巾', price: 100 });
    for (let m = 0; m <= 12; m++) {
      const buyers = m <= 6 ? 2 * m : 12 + 10 * (m - 6);
      pipeline.handleEvent(
        'stats',
        stats(++seq, m * MIN + 30_000, { uv: 1000 + 100 * m, buyers, online: 500 + m, gmv: buyers * 1000 }),
      );
      pipeline.handleEvent('comments', { seq: ++seq, items: [comment(seq, { ts: T0 + m * MIN + 1000 })] });
      if (m === 3)
        pipeline.handleEvent('product', {
          seq: ++seq,
          ts: T0 + 3 * MIN,
          id: 'p2',
          name: '羽绒服',
          price: 29_900,
        });
    }
    pipeline.handleEvent(
      'stats',
      stats(seq + 5, 12 * MIN + 40_000, { uv: 2200, buyers: 72, online: 512, gmv: 72_000 }),
    ); // a gap of 4 seqs
    pipeline.flush();
  };

  it('builds per-minute trend with trailing-5-minute conversion and markers', () => {
    runShow();
    const trend = service.getTrend({})!;
    expect(trend.minutes).toHaveLength(13);
    const m10 = trend.minutes.find((m) => m.minute === T0 + 10 * MIN)!;
    // minute 10 vs minute 5: Δbuyers 52−10 = 42, Δuv 500 → 0.084
    expect(m10.conversion5m).toBeCloseTo(42 / 500);
    expect(trend.minutes[0]!.conversion5m).toBeNull();
    expect(m10.comments).toBe(1);
    expect(m10.online).toBe(510);
    expect(m10.values?.uv).toBe(2000);
    expect(trend.markers.map((m) => [m.kind, m.label])).toEqual([
      ['product', '1元秒杀 纸巾'],
      ['product', '羽绒服'],
      ['gap', expect.stringMatching(/\(4\)$/)],
    ]);
    // Incremental: from minute 10 on, with the conversion still using earlier minutes.
    const since = service.getTrend({ sinceMinute: T0 + 10 * MIN })!;
    expect(since.minutes.map((m) => m.minute)).toEqual([T0 + 10 * MIN, T0 + 11 * MIN, T0 + 12 * MIN]);
    expect(since.minutes[0]!.conversion5m).toBeCloseTo(42 / 500);
  });

  it('lists shows and rebuilds a finished show’s board as it ended', () => {
    runShow('show-1');
    const final = service.getMetrics()!;
    pipeline.handleEvent('end', { seq: 999, ts: T0 + 13 * MIN });
    runShow('show-2');
    const shows = service.listShows();
    expect(shows.map((s) => s.id).sort()).toEqual(['show-1', 'show-2']);
    const first = shows.find((s) => s.id === 'show-1')!;
    expect(first).toMatchObject({ gmv: final.values.gmv, peakOnline: 512, uv: 2200 });
    expect(first.endedAt).toBe(T0 + 13 * MIN);
    const board = service.getShowBoard({ showId: 'show-1' })!;
    expect(board.metrics!.values).toEqual(final.values);
    expect(board.metrics!.changes).toEqual(final.changes);
    expect(board.metrics!.products).toEqual([]);
    expect(service.getShowBoard({ showId: 'nope' })).toBeNull();
  });

  it('keeps targets per show, and hands targets set before the show to the next show', () => {
    expect(service.getTargets({})).toEqual(NO_TARGETS);
    const planned = { gmv: 1_000_000, peakOnline: 2000, newFollowers: null, plannedMinutes: 120 };
    service.setTargets({ targets: planned }); // no show yet: for the next one
    runShow('show-1');
    expect(service.getTargets({})).toEqual(planned);
    expect(service.getSnapshot().targets).toEqual(planned);
    runShow('show-2');
    expect(service.getTargets({})).toEqual(NO_TARGETS); // used once
    expect(service.getTargets({ showId: 'show-1' })).toEqual(planned);
    service.setTargets({ targets: { ...planned, gmv: 5 } });
    expect(service.getTargets({ showId: 'show-2' }).gmv).toBe(5);
  });
});
