/**
 * The simulator on 127.0.0.1 → socket.io source → pipeline → a real SQLite file.
 * Every comment the simulator sent is stored exactly once; metrics equal those computed from
 * the simulator's own totals; a connection dropped mid-show and re-established loses nothing.
 */
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startLiveDesk, type LiveDeskRuntime } from '../../electron/core/runtime.js';
import { startSimFeedServer, type SimFeedServer } from '../../electron/core/sim/feed-server.js';
import { ShowModel } from '../../electron/core/sim/show-model.js';
import { DB_FILE_NAME } from '../../electron/core/store/store.js';
import { computeMetrics } from '../../shared/metrics/formulas.js';
import type { FeedEvent, StatsEvent } from '../../shared/protocol/feed.js';
import { T0 } from '../helpers/events.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { sleep, waitFor } from '../helpers/wait.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function setup(opts: { seed: number; rate: number; minutes: number; token?: string }) {
  const tmp = makeTempDir();
  cleanups.push(tmp.cleanup);
  const model = new ShowModel({
    seed: opts.seed,
    rate: opts.rate,
    startedAt: T0,
    durationMs: opts.minutes * 60_000,
  });
  const server: SimFeedServer = await startSimFeedServer({ model, clock: 'manual', token: opts.token });
  cleanups.push(() => server.stop());
  const runtime: LiveDeskRuntime = await startLiveDesk({
    source: { kind: 'socketio', url: server.url, room: server.room, token: opts.token },
    dataDir: tmp.dir,
    port: 0,
    host: '127.0.0.1',
  });
  cleanups.push(() => runtime.stop());
  await waitFor(() => runtime.service.getFeedStatus().connected, 'the source to connect');
  return { tmp, model, server, runtime };
}

function emittedComments(events: readonly FeedEvent[]): string[] {
  return events.flatMap((e) => (e.type === 'comments' ? e.items.map((c) => c.id) : []));
}

function storedCommentIds(dataDir: string): { ids: string[]; distinct: number } {
  const db = new Database(path.join(dataDir, DB_FILE_NAME), { readonly: true });
  try {
    const ids = db.prepare('SELECT id FROM comments').pluck().all() as string[];
    const distinct = db.prepare('SELECT count(DISTINCT id) FROM comments').pluck().get() as number;
    return { ids, distinct };
  } finally {
    db.close();
  }
}

describe('simulator → socket.io → SQLite', () => {
  it('stores every comment exactly once and computes the simulator’s own metrics', async () => {
    const { tmp, model, server, runtime } = await setup({ seed: 7, rate: 300, minutes: 4 });
    while (!model.done) {
      server.advance(50);
      await sleep(5);
    }
    await waitFor(
      () => runtime.service.getFeedStatus().lastSeq === model.lastSeq,
      'the last event to arrive',
    );
    const metrics = runtime.service.getMetrics()!;
    await runtime.stop();

    const sent = emittedComments(server.emitted());
    expect(sent.length).toBeGreaterThan(4 * 60 * 300 * 0.5);
    const { ids, distinct } = storedCommentIds(tmp.dir);
    expect(ids.length).toBe(sent.length);
    expect(distinct).toBe(sent.length);
    expect(new Set(ids)).toEqual(new Set(sent));

    const allStats = server.emitted().filter((e): e is { type: 'stats' } & StatsEvent => e.type === 'stats');
    const last = allStats.at(-1)!;
    const { seq: _seq, products: _p, type: _t, ...counters } = last;
    const expected = computeMetrics({ counters, peakOnline: Math.max(...allStats.map((s) => s.online)) });
    expect(metrics.values).toEqual(expected);
    expect(metrics.values.comments).toBe(sent.length);
    expect(runtime.service.getFeedStatus().gaps).toEqual([]);
  });

  it('loses nothing when the connection drops mid-show and comes back', async () => {
    const { tmp, model, server, runtime } = await setup({ seed: 11, rate: 200, minutes: 3 });
    let drops = 0;
    let rounds = 0;
    while (!model.done) {
      server.advance(40);
      rounds++;
      if (rounds % 10 === 0 && drops < 3) {
        server.disconnectAll();
        drops++;
        await waitFor(() => !runtime.service.getFeedStatus().connected, 'the drop to be noticed');
        // Keep the show running while we are away: these events must be replayed.
        server.advance(60);
        await waitFor(() => runtime.service.getFeedStatus().connected, 'the source to reconnect', 15_000);
      }
      await sleep(5);
    }
    await waitFor(
      () => runtime.service.getFeedStatus().lastSeq === model.lastSeq,
      'the last event to arrive',
    );
    const feed = runtime.service.getFeedStatus();
    await runtime.stop();
    expect(drops).toBe(3);
    expect(feed.reconnects).toBeGreaterThanOrEqual(3);
    expect(feed.gaps).toEqual([]);
    const sent = emittedComments(server.emitted());
    const { ids, distinct } = storedCommentIds(tmp.dir);
    expect(ids.length).toBe(sent.length);
    expect(distinct).toBe(sent.length);
  });

  it('shows a rejected token as such and does not retry in a loop', async () => {
    const tmp = makeTempDir();
    cleanups.push(tmp.cleanup);
    const model = new ShowModel({ seed: 1, rate: 50, startedAt: T0, durationMs: 60_000 });
    const server = await startSimFeedServer({ model, clock: 'manual', token: 'right-token' });
    cleanups.push(() => server.stop());
    const runtime = await startLiveDesk({
      source: { kind: 'socketio', url: server.url, room: server.room, token: 'wrong-token' },
      dataDir: tmp.dir,
      port: 0,
      host: '127.0.0.1',
    });
    cleanups.push(() => runtime.stop());
    const feed = await waitFor(() => {
      const f = runtime.service.getFeedStatus();
      return f.state === 'error' ? f : null;
    }, 'the token to be rejected');
    expect(feed.lastError).toMatch(/^401/);
    await sleep(1500);
    expect(runtime.service.getFeedStatus().state).toBe('error');
    expect(runtime.service.getFeedStatus().reconnects).toBe(0);
  });
});
