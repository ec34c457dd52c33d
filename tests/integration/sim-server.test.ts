/**
 * The reference feed server on 127.0.0.1 with a real socket.io client: hello + replay + live
 * with contiguous seq, resume by sinceSeq, handshake errors, and the HTTP backfill endpoint.
 * The manual clock makes every run identical.
 */
import { io, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import {
  startSimFeedServer,
  type SimFeedServer,
  type SimFeedServerOptions,
} from '../../electron/core/sim/feed-server.js';
import { ShowModel } from '../../electron/core/sim/show-model.js';
import {
  EventsPageSchema,
  FEED_EVENT_TYPES,
  feedEventSchemas,
  HelloSchema,
} from '../../shared/protocol/feed.js';
import type { FeedEvent, Hello } from '../../shared/protocol/feed.js';
import { T0 } from '../helpers/events.js';
import { sleep, waitFor } from '../helpers/wait.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function startServer(over: Partial<SimFeedServerOptions> = {}, minutes = 5): Promise<SimFeedServer> {
  const model = new ShowModel({ seed: 21, rate: 100, startedAt: T0, durationMs: minutes * 60_000 });
  const server = await startSimFeedServer({ model, clock: 'manual', ...over });
  cleanups.push(() => server.stop());
  return server;
}

interface Client {
  socket: Socket;
  hellos: Hello[];
  events: FeedEvent[];
  errors: string[];
  disconnects: string[];
}

function connect(server: SimFeedServer, auth: Record<string, unknown>): Client {
  const socket = io(server.url, { transports: ['websocket'], auth, reconnection: false, forceNew: true });
  const client: Client = { socket, hellos: [], events: [], errors: [], disconnects: [] };
  cleanups.push(() => {
    socket.disconnect();
  });
  socket.on('hello', (hello: unknown) => client.hellos.push(HelloSchema.parse(hello)));
  for (const type of FEED_EVENT_TYPES) {
    socket.on(type, (payload: Record<string, unknown>) => {
      expect('type' in payload).toBe(false);
      expect(feedEventSchemas[type].safeParse(payload).success).toBe(true);
      client.events.push({ type, ...payload } as FeedEvent);
    });
  }
  socket.on('connect_error', (err: Error) => client.errors.push(err.message));
  socket.on('disconnect', (reason) => client.disconnects.push(reason));
  return client;
}

const seqs = (events: readonly FeedEvent[]) => events.map((e) => e.seq);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

async function getJson(url: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, { headers });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('sim feed server: socket.io', () => {
  // cacheFrames: the replay writes frames encoded once when the events were produced (bench feed).
  for (const cacheFrames of [false, true]) {
    it(`sends hello, replays what it holds, then streams live events with contiguous seq${cacheFrames ? ' (cached frames)' : ''}`, async () => {
      const server = await startServer({ cacheFrames });
      server.advance(30);
      const before = server.emitted().length;
      expect(before).toBeGreaterThan(10);

      const client = connect(server, { room: 'demo-room' });
      await waitFor(() => client.events.length === before, 'the replay');
      expect(client.hellos).toHaveLength(1);
      expect(client.hellos[0]!.lastSeq).toBe(before);
      expect(client.hellos[0]!.show.startedAt).toBe(T0);

      const live = server.advance(50);
      expect(live.length).toBeGreaterThan(0);
      await waitFor(() => client.events.length === server.emitted().length, 'the live events');
      expect(seqs(client.events)).toEqual(range(1, server.emitted().length));
      expect(client.events).toEqual(server.emitted());
    });

    it(`resumes with sinceSeq: exactly the missed events, no duplicates${cacheFrames ? ' (cached frames)' : ''}`, async () => {
      const server = await startServer({ cacheFrames });
      const first = connect(server, { room: 'demo-room', sinceSeq: 0 });
      await waitFor(() => first.socket.connected, 'the first connection');
      server.advance(40);
      await waitFor(() => first.events.length === server.emitted().length, 'the first events');
      const seen = first.events.at(-1)!.seq;
      first.socket.disconnect();

      server.advance(60); // missed while away
      const second = connect(server, { room: 'demo-room', sinceSeq: seen });
      await waitFor(() => second.hellos.length === 1, 'hello');
      server.advance(20);
      const lastSeq = server.emitted().at(-1)!.seq;
      await waitFor(() => second.events.at(-1)?.seq === lastSeq, 'the resumed stream');
      expect(seqs(second.events)).toEqual(range(seen + 1, lastSeq));
      expect([...first.events, ...second.events]).toEqual(server.emitted());
    });
  }

  it('replays only the events it still holds when holdEvents is set', async () => {
    const server = await startServer({ holdEvents: 10 });
    server.advance(100);
    const lastSeq = server.emitted().at(-1)!.seq;
    expect(server.emitted()).toHaveLength(10);
    const client = connect(server, { room: 'demo-room' });
    await waitFor(() => client.events.length === 10, 'the held events');
    expect(client.hellos[0]!.lastSeq).toBe(lastSeq);
    expect(seqs(client.events)).toEqual(range(lastSeq - 9, lastSeq));
  });

  it('rejects a wrong or missing token and an unknown room with status messages', async () => {
    const server = await startServer({ token: 'sesame' });
    const wrong = connect(server, { room: 'demo-room', token: 'nope' });
    const missing = connect(server, { room: 'demo-room' });
    const room = connect(server, { room: 'other-room', token: 'sesame' });
    const badSeq = connect(server, { room: 'demo-room', token: 'sesame', sinceSeq: -3 });
    await waitFor(
      () => wrong.errors.length && missing.errors.length && room.errors.length && badSeq.errors.length,
      'the rejections',
    );
    expect(wrong.errors).toEqual(['401: token rejected']);
    expect(missing.errors).toEqual(['401: token rejected']);
    expect(room.errors).toEqual(['404: unknown room']);
    expect(badSeq.errors[0]).toMatch(/^400: /);

    const right = connect(server, { room: 'demo-room', token: 'sesame' });
    await waitFor(() => right.hellos.length === 1, 'the accepted client');
    expect(right.errors).toEqual([]);
    expect(wrong.hellos).toEqual([]);
  });

  it('drops clients on disconnectAll() like a network cut, and reports connected clients', async () => {
    const server = await startServer();
    const a = connect(server, { room: 'demo-room' });
    const b = connect(server, { room: 'demo-room' });
    await waitFor(() => server.clientCount() === 2, 'two clients');
    server.disconnectAll();
    await waitFor(() => a.disconnects.length && b.disconnects.length, 'the disconnects');
    expect(a.disconnects).toEqual(['transport close']);
    await waitFor(() => server.clientCount() === 0, 'no clients');
  });

  it('lets a reconnecting client resume after disconnectAll() without loss or duplicates', async () => {
    const server = await startServer();
    const events: FeedEvent[] = [];
    const socket = io(server.url, {
      transports: ['websocket'],
      // Asked again on every reconnect, as LiveDesk's source does.
      auth: (cb) => cb({ room: 'demo-room', sinceSeq: events.at(-1)?.seq ?? 0 }),
      reconnectionDelay: 20,
      reconnectionDelayMax: 50,
      forceNew: true,
    });
    cleanups.push(() => {
      socket.disconnect();
    });
    let connects = 0;
    socket.on('connect', () => connects++);
    for (const type of FEED_EVENT_TYPES) {
      socket.on(type, (payload: Record<string, unknown>) => events.push({ type, ...payload } as FeedEvent));
    }
    await waitFor(() => connects === 1, 'the first connection');
    for (let round = 0; round < 3; round++) {
      server.advance(30);
      await waitFor(() => events.length === server.emitted().length, 'the events before the cut');
      server.disconnectAll();
      server.advance(30); // produced while the client is away
      await waitFor(() => connects === round + 2, 'the reconnect');
    }
    await waitFor(() => events.length === server.emitted().length, 'the replayed events');
    expect(events).toEqual(server.emitted());
  });

  it('runs the show by itself on the real-time clock and stops at the end', async () => {
    const model = new ShowModel({ seed: 5, rate: 50, startedAt: T0, durationMs: 20_000 });
    const server = await startSimFeedServer({ model, speed: 200 });
    cleanups.push(() => server.stop());
    const client = connect(server, { room: 'demo-room' });
    await waitFor(() => client.events.at(-1)?.type === 'end', 'the end event', 15_000);
    expect(seqs(client.events)).toEqual(range(1, model.lastSeq));
    expect(model.done).toBe(true);
    await sleep(150);
    expect(client.events).toHaveLength(model.lastSeq);
  });

  it('pause() holds the real-time show still and resume() carries on', async () => {
    const model = new ShowModel({ seed: 5, rate: 50, startedAt: T0, durationMs: 600_000 });
    const server = await startSimFeedServer({ model, speed: 50 });
    cleanups.push(() => server.stop());
    await waitFor(() => model.lastSeq > 0, 'the first events');
    server.pause();
    await sleep(30);
    const paused = model.simTime;
    await sleep(200);
    expect(model.simTime).toBe(paused);
    server.resume();
    await waitFor(() => model.simTime > paused, 'the show to carry on');
  });

  it('closes everything on stop()', async () => {
    const server = await startServer();
    const client = connect(server, { room: 'demo-room' });
    await waitFor(() => client.socket.connected, 'the connection');
    await server.stop();
    await waitFor(() => client.disconnects.length, 'the disconnect');
    await expect(fetch(`${server.url}/rooms/demo-room/events`)).rejects.toThrow();
  });
});

describe('sim feed server: HTTP backfill', () => {
  it('pages through every event in seq order', async () => {
    const server = await startServer();
    server.advance(300);
    const all = server.emitted();
    const pages: FeedEvent[] = [];
    let sinceSeq = 0;
    for (;;) {
      const { status, body } = await getJson(
        `${server.url}/rooms/demo-room/events?sinceSeq=${sinceSeq}&limit=100`,
      );
      expect(status).toBe(200);
      const page = EventsPageSchema.parse(body);
      expect(page.lastSeq).toBe(all.at(-1)!.seq);
      expect(page.events.length).toBeLessThanOrEqual(100);
      if (page.events.length === 0) break;
      pages.push(...(page.events as FeedEvent[]));
      sinceSeq = pages.at(-1)!.seq;
    }
    expect(pages).toEqual(all);
    for (const { type, ...payload } of pages)
      expect(feedEventSchemas[type].safeParse(payload).success).toBe(true);

    const { body } = await getJson(`${server.url}/rooms/demo-room/events`);
    expect((body.events as unknown[]).length).toBe(Math.min(1000, all.length));
  });

  it('rejects bad parameters, unknown rooms and wrong tokens', async () => {
    const server = await startServer({ token: 'sesame' });
    server.advance(20);
    const base = `${server.url}/rooms/demo-room/events`;
    const auth = { authorization: 'Bearer sesame' };
    for (const query of ['limit=0', 'limit=10001', 'limit=2.5', 'sinceSeq=-1', 'sinceSeq=abc', 'sinceSeq=']) {
      const { status, body } = await getJson(`${base}?${query}`, auth);
      expect(status, query).toBe(400);
      expect(body.error).toMatch(/^400: /);
    }
    expect((await getJson(`${server.url}/rooms/other-room/events`, auth)).status).toBe(404);
    expect((await getJson(`${server.url}/nowhere`, auth)).status).toBe(404);
    expect((await getJson(base)).status).toBe(401);
    expect((await getJson(base, { authorization: 'Bearer wrong' })).status).toBe(401);
    expect((await getJson(`${base}?token=wrong`)).status).toBe(401);
    expect((await getJson(`${base}?token=sesame&limit=10000`)).status).toBe(200);
    const ok = await getJson(`${base}?sinceSeq=5&limit=3`, auth);
    expect(ok.status).toBe(200);
    expect((ok.body.events as FeedEvent[]).map((e) => e.seq)).toEqual([6, 7, 8]);
  });
});
