/**
 * PollingSource against a scripted HTTP feed on 127.0.0.1: order and resume by seq, catch-up
 * paging, the show changing, errors in words with backoff, fatal statuses that stop it, and a
 * stop() that leaves nothing behind.
 */
import http from 'node:http';
import type net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { PollingSource, type PollingSourceOptions } from '../../../electron/core/sources/polling-source.js';
import type { SourceHandlers } from '../../../electron/core/sources/types.js';
import type { FeedState } from '../../../shared/api/contract.js';
import { sleep, waitFor } from '../../helpers/wait.js';

interface Request {
  path: string;
  query: URLSearchParams;
  authorization: string | undefined;
  at: number;
}

type Reply = { status: number; body: unknown } | { raw: string; type: string } | 'hang';

interface ScriptedFeed {
  url: string;
  requests: Request[];
  close(): Promise<void>;
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function scriptedFeed(reply: (req: Request) => Reply): Promise<ScriptedFeed> {
  const requests: Request[] = [];
  const sockets = new Set<net.Socket>();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const request = {
      path: url.pathname,
      query: url.searchParams,
      authorization: req.headers.authorization,
      at: Date.now(),
    };
    requests.push(request);
    const answer = reply(request);
    if (answer === 'hang') return;
    if ('raw' in answer) {
      res.writeHead(200, { 'content-type': answer.type }).end(answer.raw);
      return;
    }
    res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
  });
  server.on('connection', (socket) => sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  const feed = {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  cleanups.push(feed.close);
  return feed;
}

function hello(showId = 'show-1', lastSeq = 0) {
  return {
    protocol: 1,
    room: { id: 'room-1', title: '测试直播间', platform: 'douyin' },
    show: { id: showId, title: '双十一专场', startedAt: 1_763_900_000_000 },
    serverTime: 1_763_900_000_000,
    lastSeq,
  };
}

function event(seq: number) {
  return { type: 'end', seq, ts: 1_763_900_000_000 + seq };
}

/** A feed holding `events`; answers /events like the protocol does. */
function pages(events: () => ReturnType<typeof event>[], helloOf: () => unknown = () => hello()) {
  return (req: Request): Reply => {
    if (req.path.endsWith('/hello')) return { status: 200, body: helloOf() };
    const since = Number(req.query.get('sinceSeq'));
    const limit = Number(req.query.get('limit'));
    const all = events();
    return {
      status: 200,
      body: { lastSeq: all.at(-1)?.seq ?? 0, events: all.filter((e) => e.seq > since).slice(0, limit) },
    };
  };
}

interface Recorder {
  handlers: SourceHandlers;
  hellos: unknown[];
  events: { type: string; payload: Record<string, unknown> }[];
  states: { state: FeedState; detail: string | null | undefined }[];
  seq: () => number;
}

/** Handlers that accept events like the pipeline: only a seq above the last one advances. */
function recorder(): Recorder {
  const r: Recorder = {
    hellos: [],
    events: [],
    states: [],
    seq: () => 0,
    handlers: {
      onHello: (h) => {
        r.hellos.push(h);
        last = 0;
      },
      onEvent: (type, payload) => {
        const p = payload as Record<string, unknown>;
        r.events.push({ type, payload: p });
        if (typeof p.seq === 'number' && p.seq > last) last = p.seq;
      },
      onState: (state, detail) => r.states.push({ state, detail }),
    },
  };
  let last = 0;
  r.seq = () => last;
  return r;
}

function start(feed: ScriptedFeed, over: Partial<PollingSourceOptions> = {}) {
  const source = new PollingSource({
    url: feed.url,
    room: 'room-1',
    intervalMs: 60_000,
    retryDelayMs: 20,
    retryDelayMaxMs: 80,
    random: () => 0.5,
    ...over,
  });
  const rec = recorder();
  source.start(rec.handlers, rec.seq);
  cleanups.push(() => source.stop());
  return { source, rec };
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('PollingSource', () => {
  it('reads hello, then every event in order without its type, and goes live', async () => {
    const held = range(1, 5).map(event);
    const feed = await scriptedFeed(pages(() => held));
    const { rec } = start(feed);
    await waitFor(() => rec.events.length === 5, 'five events');
    expect(rec.hellos).toEqual([hello()]);
    expect(rec.events.map((e) => e.type)).toEqual(['end', 'end', 'end', 'end', 'end']);
    expect(rec.events.map((e) => e.payload.seq)).toEqual(range(1, 5));
    expect(rec.events.every((e) => !('type' in e.payload))).toBe(true);
    expect(rec.states.map((s) => s.state)).toEqual(['connecting', 'live']);
    expect(feed.requests[0]!.path).toBe('/rooms/room-1/hello');
    expect(feed.requests[1]!.path).toBe('/rooms/room-1/events');
    expect(feed.requests[1]!.query.get('sinceSeq')).toBe('0');
    expect(feed.requests[1]!.query.get('limit')).toBe('1000');
  });

  it('sends the token as a bearer header, encodes the room and keeps a base path', async () => {
    const feed = await scriptedFeed(pages(() => []));
    start({ ...feed, url: `${feed.url}/feed/` }, { token: 's3cret', room: '房间 1/2' });
    await waitFor(() => feed.requests.length >= 2, 'two requests');
    expect(feed.requests[0]!.path).toBe(`/feed/rooms/${encodeURIComponent('房间 1/2')}/hello`);
    expect(feed.requests.every((r) => r.authorization === 'Bearer s3cret')).toBe(true);
    expect(feed.requests.every((r) => !r.query.has('token'))).toBe(true);
  });

  it('catches up page after page at once, then waits its interval', async () => {
    const held = range(1, 10).map(event);
    const feed = await scriptedFeed(pages(() => held));
    const { rec } = start(feed, { pageLimit: 3, intervalMs: 60_000 });
    await waitFor(() => rec.events.length === 10, 'all ten events');
    expect(rec.events.map((e) => e.payload.seq)).toEqual(range(1, 10));
    const sinceSeqs = feed.requests
      .filter((r) => r.path.endsWith('/events'))
      .map((r) => r.query.get('sinceSeq'));
    // 3 + 3 + 3 full pages, then one event: a short page, so the source waits.
    expect(sinceSeqs).toEqual(['0', '3', '6', '9']);
    await sleep(150);
    expect(feed.requests.filter((r) => r.path.endsWith('/events'))).toHaveLength(4);
  });

  it('polls on its interval, resuming after the last seq it delivered', async () => {
    const held = range(1, 2).map(event);
    const feed = await scriptedFeed(pages(() => held));
    const { rec } = start(feed, { intervalMs: 40 });
    await waitFor(() => rec.events.length === 2, 'two events');
    held.push(event(3), event(4));
    await waitFor(() => rec.events.length === 4, 'the next two');
    expect(rec.events.map((e) => e.payload.seq)).toEqual([1, 2, 3, 4]);
    const sinceSeqs = () =>
      feed.requests.filter((r) => r.path.endsWith('/events')).map((r) => r.query.get('sinceSeq'));
    await waitFor(() => sinceSeqs().includes('4'), 'a poll from seq 4');
    expect(sinceSeqs()[0]).toBe('0');
    expect(new Set(sinceSeqs())).toEqual(new Set(['0', '2', '4']));
  });

  it('re-reads hello and reports a new show', async () => {
    let show = 'show-1';
    const feed = await scriptedFeed(
      pages(
        () => [],
        () => hello(show),
      ),
    );
    const { rec } = start(feed, { intervalMs: 20, helloEveryMs: 60 });
    await waitFor(() => rec.hellos.length === 1, 'the first hello');
    await sleep(150);
    // The same show again is not reported twice.
    expect(rec.hellos).toHaveLength(1);
    expect(feed.requests.filter((r) => r.path.endsWith('/hello')).length).toBeGreaterThan(1);
    show = 'show-2';
    await waitFor(() => rec.hellos.length === 2, 'the new show');
    expect(rec.hellos[1]).toEqual(hello('show-2'));
  });

  it('asks hello at once when the feed’s seq goes backwards (a restarted feed)', async () => {
    let held = range(1, 5).map(event);
    let show = 'show-1';
    const feed = await scriptedFeed(
      pages(
        () => held,
        () => hello(show),
      ),
    );
    const { rec } = start(feed, { intervalMs: 30, helloEveryMs: 60_000 });
    await waitFor(() => rec.events.length === 5, 'the first show');
    show = 'show-2';
    held = range(1, 2).map(event);
    await waitFor(() => rec.hellos.length === 2, 'the new show’s hello');
    await waitFor(() => rec.events.length === 7, 'the new show’s events');
    expect(rec.events.slice(5).map((e) => e.payload.seq)).toEqual([1, 2]);
  });

  it('retries a server error with growing backoff, then goes live again', async () => {
    let failing = 4;
    const feed = await scriptedFeed((req) => {
      if (req.path.endsWith('/events') && failing > 0) {
        failing--;
        return { status: 503, body: { error: '503: busy' } };
      }
      return pages(() => [event(1)])(req);
    });
    const { rec } = start(feed);
    await waitFor(() => rec.events.length === 1, 'the event after recovery');
    const states = rec.states.map((s) => `${s.state}${s.detail ? `: ${s.detail}` : ''}`);
    expect(states).toEqual([
      'connecting',
      'reconnecting: 503: feed server error',
      'reconnecting: 503: feed server error',
      'reconnecting: 503: feed server error',
      'reconnecting: 503: feed server error',
      'live',
    ]);
    // 20 → 40 → 80 → 80 ms (capped); each retry asks hello first, then events.
    const eventTimes = feed.requests.filter((r) => r.path.endsWith('/events')).map((r) => r.at);
    const waits = eventTimes.slice(1).map((at, i) => at - eventTimes[i]!);
    expect(waits[0]).toBeGreaterThanOrEqual(15);
    expect(waits[1]).toBeGreaterThanOrEqual(35);
    expect(waits[2]).toBeGreaterThanOrEqual(75);
    expect(waits[3]).toBeGreaterThanOrEqual(75);
    expect(waits[3]).toBeLessThan(400);
  });

  it('says "bad response" for a body that is not the protocol’s JSON, and retries', async () => {
    let answer: Reply = { raw: '<html>gateway</html>', type: 'text/html' };
    const feed = await scriptedFeed((req) => (req.path.endsWith('/events') ? answer : pages(() => [])(req)));
    const { rec } = start(feed);
    await waitFor(() => rec.states.length >= 2, 'a state change');
    expect(rec.states[1]).toEqual({
      state: 'reconnecting',
      detail: expect.stringMatching(/^bad response from the feed: not JSON \(text\/html/),
    });
    answer = { status: 200, body: { events: 'nope' } };
    await waitFor(() => rec.states.some((s) => s.detail?.includes('lastSeq')), 'the shape complaint');
    answer = { status: 200, body: { lastSeq: 1, events: [event(1)] } };
    await waitFor(() => rec.events.length === 1, 'recovery');
    expect(rec.states.at(-1)!.state).toBe('live');
  });

  it('hands a malformed event on to be counted, instead of stalling the page', async () => {
    const feed = await scriptedFeed(
      pages(() => [event(1), { seq: 2 } as ReturnType<typeof event>, event(3)]),
    );
    const { rec } = start(feed);
    await waitFor(() => rec.events.length === 3, 'three events');
    expect(rec.events.map((e) => e.type)).toEqual(['end', '(no type)', 'end']);
  });

  it.each([
    [401, '401: token rejected', 'hello'],
    [403, '403: forbidden', 'hello'],
    [404, '404: unknown room (check the room id)', 'events'],
  ])('stops on %i ("%s") without retrying', async (status, words, endpoint) => {
    const feed = await scriptedFeed((req) =>
      req.path.endsWith(`/${endpoint}`) ? { status, body: { error: `${status}: no` } } : pages(() => [])(req),
    );
    const { rec } = start(feed);
    await waitFor(() => rec.states.some((s) => s.state === 'error'), 'the error');
    expect(rec.states.at(-1)).toEqual({ state: 'error', detail: words });
    const asked = feed.requests.length;
    await sleep(200);
    expect(feed.requests.length).toBe(asked);
  });

  it('says "timed out" when the feed does not answer, and "connection refused" when it is gone', async () => {
    const hanging = await scriptedFeed(() => 'hang');
    const { rec } = start(hanging, { timeoutMs: 100 });
    await waitFor(() => rec.states.length >= 2, 'the timeout');
    expect(rec.states[1]).toEqual({ state: 'reconnecting', detail: 'timed out' });

    const gone = await scriptedFeed(() => 'hang');
    await gone.close();
    const second = start(gone);
    await waitFor(() => second.rec.states.length >= 3, 'two failures');
    expect(second.rec.states[1]!.detail).toBe(
      'connection refused: nothing is listening at that address (is the feed running?)',
    );
  });

  it('stop() aborts the request in flight and delivers nothing afterwards', async () => {
    let hang = false;
    const feed = await scriptedFeed((req) => (hang ? 'hang' : pages(() => [event(1)])(req)));
    const { source, rec } = start(feed, { intervalMs: 30 });
    await waitFor(() => rec.events.length === 1, 'the first event');
    hang = true;
    const asked = feed.requests.length;
    await waitFor(() => feed.requests.length > asked, 'a hanging request');
    const before = rec.states.length + rec.events.length + rec.hellos.length;
    const t0 = Date.now();
    await source.stop();
    expect(Date.now() - t0).toBeLessThan(500);
    hang = false;
    await sleep(150);
    expect(rec.states.length + rec.events.length + rec.hellos.length).toBe(before);
    expect(feed.requests.length).toBe(asked + 1);
  });

  it('stop() during the backoff wait ends it at once', async () => {
    const feed = await scriptedFeed(() => ({ status: 500, body: {} }));
    const { source, rec } = start(feed, { retryDelayMs: 5000, retryDelayMaxMs: 5000 });
    await waitFor(() => rec.states.length >= 2, 'the first failure');
    const t0 = Date.now();
    await source.stop();
    expect(Date.now() - t0).toBeLessThan(200);
    const asked = feed.requests.length;
    await sleep(100);
    expect(feed.requests.length).toBe(asked);
  });
});
