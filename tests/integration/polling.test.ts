/**
 * HTTP polling end to end against the reference feed server on 127.0.0.1: the hello endpoint
 * follows the events endpoint's rules, and PollingSource receives every event exactly once and
 * in order — live, after catching up, and across a feed restart on the same port.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import {
  startSimFeedServer,
  type SimFeedServer,
  type SimFeedServerOptions,
} from '../../electron/core/sim/feed-server.js';
import { ShowModel } from '../../electron/core/sim/show-model.js';
import { PollingSource } from '../../electron/core/sources/polling-source.js';
import type { SourceHandlers } from '../../electron/core/sources/types.js';
import type { FeedState } from '../../shared/api/contract.js';
import {
  HelloSchema,
  feedEventSchemas,
  isFeedEventType,
  type FeedEvent,
} from '../../shared/protocol/feed.js';
import { T0 } from '../helpers/events.js';
import { sleep, waitFor } from '../helpers/wait.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

function newModel(minutes = 5): ShowModel {
  return new ShowModel({ seed: 31, rate: 120, startedAt: T0, durationMs: minutes * 60_000 });
}

async function startServer(
  over: Partial<SimFeedServerOptions> = {},
  model = newModel(),
): Promise<SimFeedServer> {
  const server = await startSimFeedServer({ model, clock: 'manual', ...over });
  cleanups.push(() => server.stop());
  return server;
}

/** Accepts events the way the pipeline does: a seq above the last accepted one, else a duplicate. */
function pipelineLike() {
  const accepted: FeedEvent[] = [];
  const hellos: unknown[] = [];
  const states: { state: FeedState; detail: string | null | undefined }[] = [];
  let duplicates = 0;
  let invalid = 0;
  let lastSeq = 0;
  const handlers: SourceHandlers = {
    onHello: (hello) => hellos.push(hello),
    onEvent: (type, payload) => {
      const parsed = isFeedEventType(type) ? feedEventSchemas[type].safeParse(payload) : null;
      if (!parsed?.success) {
        invalid++;
        return;
      }
      const event = { type, ...parsed.data } as FeedEvent;
      if (event.seq <= lastSeq) {
        duplicates++;
        return;
      }
      lastSeq = event.seq;
      accepted.push(event);
    },
    onState: (state, detail) => states.push({ state, detail }),
  };
  return {
    handlers,
    accepted,
    hellos,
    states,
    lastSeq: () => lastSeq,
    duplicates: () => duplicates,
    invalid: () => invalid,
  };
}

describe('GET /rooms/:room/hello', () => {
  it('answers the same hello a socket.io client gets', async () => {
    const server = await startServer();
    server.advance(10);
    const res = await fetch(`${server.url}/rooms/${server.room}/hello`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const viaHttp = HelloSchema.parse(await res.json());

    const socket = io(server.url, { transports: ['websocket'], auth: { room: server.room }, forceNew: true });
    cleanups.push(() => {
      socket.disconnect();
    });
    const viaSocket = HelloSchema.parse(await new Promise((resolve) => socket.once('hello', resolve)));
    expect({ ...viaHttp, serverTime: 0 }).toEqual({ ...viaSocket, serverTime: 0 });
    expect(viaHttp.lastSeq).toBe(server.emitted().at(-1)!.seq);
  });

  it('follows the events endpoint’s token and room rules', async () => {
    const server = await startServer({ token: 'tok' });
    const hello = (path: string, headers: Record<string, string> = {}) =>
      fetch(`${server.url}${path}`, { headers }).then(async (r) => ({
        status: r.status,
        body: await r.json(),
      }));
    expect(await hello(`/rooms/${server.room}/hello`)).toEqual({
      status: 401,
      body: { error: '401: token rejected' },
    });
    expect((await hello(`/rooms/${server.room}/hello?token=wrong`)).status).toBe(401);
    expect((await hello(`/rooms/${server.room}/hello?token=tok`)).status).toBe(200);
    expect((await hello(`/rooms/${server.room}/hello`, { authorization: 'Bearer tok' })).status).toBe(200);
    expect(await hello('/rooms/elsewhere/hello?token=tok')).toEqual({
      status: 404,
      body: { error: '404: unknown room' },
    });
  });
});

describe('PollingSource → reference feed server', () => {
  it('receives every event exactly once, in order, while the show runs', async () => {
    const model = newModel(3);
    const server = await startServer({}, model);
    const sink = pipelineLike();
    const source = new PollingSource({ url: server.url, room: server.room, intervalMs: 30 });
    cleanups.push(() => source.stop());
    source.start(sink.handlers, sink.lastSeq);
    await waitFor(() => sink.states.some((s) => s.state === 'live'), 'live');
    while (!model.done) {
      server.advance(40);
      await sleep(10);
    }
    await waitFor(() => sink.lastSeq() === model.lastSeq, 'the last event', 15_000);
    expect(sink.hellos).toHaveLength(1);
    expect(sink.accepted).toEqual(server.emitted());
    expect(sink.duplicates()).toBe(0);
    expect(sink.invalid()).toBe(0);
    expect(sink.accepted.at(-1)!.type).toBe('end');
  });

  it('catches up a long backlog page by page without waiting its interval', async () => {
    const model = newModel(5);
    const server = await startServer({}, model);
    while (!model.done) server.advance(200);
    const total = server.emitted().length;
    expect(total).toBeGreaterThan(1000);
    const sink = pipelineLike();
    // A 60 s interval: only catch-up paging can fetch it all within the test.
    const source = new PollingSource({
      url: server.url,
      room: server.room,
      intervalMs: 60_000,
      pageLimit: 250,
    });
    cleanups.push(() => source.stop());
    source.start(sink.handlers, sink.lastSeq);
    await waitFor(() => sink.accepted.length === total, 'the whole backlog', 15_000);
    expect(sink.accepted.map((e) => e.seq)).toEqual(server.emitted().map((e) => e.seq));
  });

  it('rides out a feed restart on the same port and resumes after its last seq', async () => {
    const first = newModel(5);
    const server = await startSimFeedServer({ model: first, clock: 'manual' });
    const { port } = server;
    let restarted: SimFeedServer | null = null;
    cleanups.push(async () => {
      await server.stop();
      await restarted?.stop();
    });
    server.advance(30);
    const sink = pipelineLike();
    const source = new PollingSource({
      url: server.url,
      room: server.room,
      intervalMs: 30,
      retryDelayMs: 50,
      retryDelayMaxMs: 200,
    });
    cleanups.push(() => source.stop());
    source.start(sink.handlers, sink.lastSeq);
    await waitFor(() => sink.lastSeq() === first.lastSeq, 'the first part');
    const reached = sink.lastSeq();

    await server.stop();
    await waitFor(
      () => sink.states.at(-1)?.state === 'reconnecting',
      'the source to notice the feed is gone',
    );
    expect(sink.states.at(-1)!.detail).toBe(
      'connection refused: nothing is listening at that address (is the feed running?)',
    );

    // The same show comes back (same seed and start) and has moved on meanwhile.
    const second = newModel(5);
    while (second.lastSeq < reached + 500) second.step();
    restarted = await startSimFeedServer({ model: second, clock: 'manual', port });
    restarted.advance(10);
    await waitFor(() => sink.lastSeq() === second.lastSeq, 'the events after the restart', 15_000);
    expect(sink.states.at(-1)!.state).toBe('live');
    // The events made before the restart are gone from the new server (it holds only what it
    // emitted), so there is one gap — and not a single duplicate.
    const seqs = sink.accepted.map((e) => e.seq);
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(seqs.slice(0, reached)).toEqual(Array.from({ length: reached }, (_, i) => i + 1));
    expect(sink.duplicates()).toBe(0);
    expect(sink.hellos).toHaveLength(1);
  });

  it('stops for good on a wrong token, in words', async () => {
    const server = await startServer({ token: 'right' });
    const sink = pipelineLike();
    const source = new PollingSource({ url: server.url, room: server.room, token: 'wrong', intervalMs: 30 });
    cleanups.push(() => source.stop());
    source.start(sink.handlers, sink.lastSeq);
    await waitFor(() => sink.states.at(-1)?.state === 'error', 'the error');
    expect(sink.states.at(-1)!.detail).toBe('401: token rejected');
  });
});
