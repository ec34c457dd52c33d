/**
 * Record a simulated show as it is ingested, then bring it back from the recording: re-imported
 * into a fresh database (ReplaySource keepShowId + instant, and scripts/import.ts) it is the
 * same show, row for row; replayed into the original database it is a separate replay show.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MetricsEngine } from '../../electron/core/engines/metrics-engine.js';
import { IngestPipeline } from '../../electron/core/ingest/pipeline.js';
import { Recorder } from '../../electron/core/recording/recorder.js';
import { ShowModel } from '../../electron/core/sim/show-model.js';
import { ReplaySource } from '../../electron/core/sources/replay-source.js';
import type { SourceHandlers } from '../../electron/core/sources/types.js';
import { openStore } from '../../electron/core/store/open-store.js';
import type { Store } from '../../electron/core/store/store.js';
import type { FeedState } from '../../shared/api/contract.js';
import { T0 } from '../helpers/events.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { waitFor } from '../helpers/wait.js';

const root = path.resolve(import.meta.dirname, '../..');
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

function open(dir: string): Store {
  const { store } = openStore(dir);
  cleanups.push(() => store.close());
  return store;
}

/** Rows that make up a show, in a stable order. */
function showRows(store: Store, showId: string) {
  const all = (sql: string) => store.db.prepare(sql).all(showId);
  return {
    comments: all(
      'SELECT id, seq, ts, user_id, nickname, text, fan_club, truncated FROM comments WHERE show_id = ? ORDER BY seq, id',
    ),
    orders: all(
      'SELECT id, seq, ts, product_id, qty, amount, buyer_id FROM orders WHERE show_id = ? ORDER BY seq, id',
    ),
    stats: all('SELECT seq, ts, counters FROM stats WHERE show_id = ? ORDER BY seq'),
  };
}

/**
 * A 2-minute show, ingested live by a pipeline into `liveDir` while the Recorder writes it to
 * `<liveDir>/recordings`; with a feed glitch in it: an invalid event and a re-sent one.
 */
async function recordShow(liveDir: string) {
  const model = new ShowModel({ seed: 5, rate: 100, startedAt: T0, durationMs: 2 * 60_000 });
  const store = open(liveDir);
  const pipeline = new IngestPipeline({ store, metrics: new MetricsEngine(), sourceKind: 'sim' });
  const recorder = new Recorder({ dir: path.join(liveDir, 'recordings'), now: () => model.simTime });
  const handlers = recorder.wrap(pipeline.handlers());
  handlers.onState('live');
  handlers.onHello(model.hello(T0));
  let firstComments: unknown = null;
  let glitched = false;
  while (!model.done) {
    for (const event of model.step()) {
      const { type, ...payload } = event;
      handlers.onEvent(type, payload);
      if (type === 'comments') firstComments ??= payload;
    }
    if (!glitched && model.lastSeq > 200) {
      glitched = true;
      handlers.onEvent('comments', { seq: 'not a number', items: [] });
      handlers.onEvent('comments', firstComments); // a replay overlap after a reconnect
    }
  }
  pipeline.stop();
  await recorder.close();
  const showId = model.hello(T0).show.id;
  expect(recorder.status()).toMatchObject({ errors: 0, lastError: null });
  expect(pipeline.counters.invalid).toBe(1);
  expect(pipeline.counters.duplicatesDropped).toBeGreaterThan(0);
  return { model, showId, live: store, liveCounters: pipeline.counters, file: recorder.status().file! };
}

/** Runs `source` into a pipeline on `store` until the source ends (or fails). */
async function ingest(source: ReplaySource, store: Store, extra: Partial<SourceHandlers> = {}) {
  const pipeline = new IngestPipeline({ store, metrics: new MetricsEngine(), sourceKind: 'replay' });
  const handlers = pipeline.handlers();
  const states: FeedState[] = [];
  source.start(
    {
      onHello: (h) => {
        handlers.onHello(h);
        extra.onHello?.(h);
      },
      onEvent: (type, p) => handlers.onEvent(type, p),
      onState: (state, detail) => {
        states.push(state);
        handlers.onState(state, detail);
      },
    },
    () => pipeline.seq,
  );
  cleanups.push(() => source.stop());
  await waitFor(() => states.includes('ended') || states.includes('error'), 'the replay to end', 20_000);
  pipeline.stop();
  return { pipeline, states };
}

function runImport(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/import.ts', ...args],
      {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('recording → replay and re-import', () => {
  it('re-imports a recorded show into a fresh database exactly as it was ingested live', async () => {
    const liveTmp = makeTempDir();
    const freshTmp = makeTempDir();
    cleanups.push(liveTmp.cleanup, freshTmp.cleanup);
    const { model, showId, live, liveCounters, file } = await recordShow(liveTmp.dir);
    expect(path.basename(file)).toBe(`${showId}.jsonl.gz`);

    const fresh = open(freshTmp.dir);
    const source = new ReplaySource({ file, speed: 1, keepShowId: true, instant: true });
    const { pipeline, states } = await ingest(source, fresh);
    expect(states).toEqual(['connecting', 'live', 'ended']);

    const totals = model.totals();
    expect(fresh.countComments(showId)).toBe(totals.comments);
    const { seq: _seq, products, type: _type, ...counters } = totals.lastStats!;
    const latest = fresh.latestStats(showId)!;
    expect(latest.seq).toBe(totals.lastStats!.seq);
    // (the store keeps the event's `type` among the counters; it is not a counter)
    const { type: _storedType, ...storedCounters } = latest.counters as typeof latest.counters & {
      type?: string;
    };
    expect(storedCounters).toEqual(counters);
    expect(latest.products).toEqual(products);
    // the same rows as the live ingest, and the same glitches seen
    expect(showRows(fresh, showId)).toEqual(showRows(live, showId));
    const { source: _liveSource, ...liveShow } = live.getShow(showId)!;
    expect(fresh.getShow(showId)).toMatchObject(liveShow);
    expect(pipeline.counters.invalid).toBe(liveCounters.invalid);
    expect(pipeline.counters.duplicatesDropped).toBe(liveCounters.duplicatesDropped);
    expect(pipeline.counters.gaps).toEqual([]);
  });

  it('replays into the original database as a separate replay show, leaving the original alone', async () => {
    const liveTmp = makeTempDir();
    cleanups.push(liveTmp.cleanup);
    const { model, showId, live, file } = await recordShow(liveTmp.dir);
    const before = showRows(live, showId);

    // A clock that never moves: only the seek below can deliver the show.
    const source = new ReplaySource({ file, speed: 50, now: () => 0 });
    const hellos: string[] = [];
    const run = ingest(source, live, {
      onHello: (h) => hellos.push((h as { show: { id: string } }).show.id),
    });
    await waitFor(() => source.status().durationMs > 0 && hellos.length > 0, 'playback to start');
    source.control({ action: 'seek', offsetMs: 10 * 60_000 }); // past the end: everything at once
    const { pipeline } = await run;
    expect(hellos).toEqual([`${showId}~replay-1`]);
    expect(pipeline.currentShow).toMatchObject({
      id: `${showId}~replay-1`,
      title: `${model.hello(T0).show.title}（回放）`,
    });
    expect(live.countComments(`${showId}~replay-1`)).toBe(model.totals().comments);
    expect(showRows(live, showId)).toEqual(before);
    expect(source.status()).toMatchObject({ done: true, durationMs: 2 * 60_000 });
  });

  it('imports with scripts/import.ts, and a second import of the same recording adds nothing', async () => {
    const liveTmp = makeTempDir();
    const freshTmp = makeTempDir();
    cleanups.push(liveTmp.cleanup, freshTmp.cleanup);
    const { model, showId, live, file } = await recordShow(liveTmp.dir);
    const dataDir = path.join(freshTmp.dir, 'data');
    const comments = model.totals().comments;

    const first = await runImport(['--file', file, '--data-dir', dataDir]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`shows:           ${showId}`);
    expect(first.stdout).toMatch(new RegExp(`comments stored: ${comments}\\n`));
    expect(first.stdout).toMatch(/invalid: +1\n/);
    expect(first.stdout).toMatch(/events: +\d+\n/);

    const second = await runImport(['--file', file, '--data-dir', dataDir]);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/comments stored: 0\n/);

    const imported = open(dataDir);
    expect(imported.countComments(showId)).toBe(comments);
    expect(showRows(imported, showId)).toEqual(showRows(live, showId));
  });

  it('import.ts refuses bad flags (exit 2) and says why a recording cannot be read (exit 1)', async () => {
    const tmp = makeTempDir();
    cleanups.push(tmp.cleanup);
    const noFlags = await runImport([]);
    expect(noFlags.code).toBe(2);
    expect(noFlags.stderr).toContain('--file is required');
    const unknown = await runImport(['--file', 'x', '--data-dir', tmp.dir, '--speed', '3']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('usage: npm run import');
    const missing = path.join(tmp.dir, 'nope.jsonl.gz');
    const notThere = await runImport(['--file', missing, '--data-dir', tmp.dir]);
    expect(notThere.code).toBe(1);
    expect(notThere.stderr).toContain(`${missing}: no such file`);
  });
});
