/**
 * Gap backfill: a feed server on 127.0.0.1 that skips some seqs on the socket. The source
 * fetches them from the HTTP events endpoint; what the server no longer has is recorded as a gap.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { afterEach, describe, expect, it } from 'vitest';
import { MetricsEngine } from '../../electron/core/engines/metrics-engine.js';
import { IngestPipeline } from '../../electron/core/ingest/pipeline.js';
import { SocketIoSource } from '../../electron/core/sources/socketio-source.js';
import { openStore } from '../../electron/core/store/open-store.js';
import { comment, hello } from '../helpers/events.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { waitFor } from '../helpers/wait.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

interface LossyFeed {
  url: string;
  /** seqs the socket does not send */
  skipOnSocket: Set<number>;
  /** seqs the HTTP endpoint no longer holds */
  lostOnHttp: Set<number>;
  httpRequests: number;
}

async function lossyFeed(
  total: number,
  skipOnSocket: number[],
  lostOnHttp: number[] = [],
): Promise<LossyFeed> {
  const events = Array.from({ length: total }, (_, i) => ({
    type: 'comments',
    seq: i + 1,
    items: [comment(i + 1)],
  }));
  const feed: LossyFeed = {
    url: '',
    skipOnSocket: new Set(skipOnSocket),
    lostOnHttp: new Set(lostOnHttp),
    httpRequests: 0,
  };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    feed.httpRequests++;
    const since = Number(url.searchParams.get('sinceSeq'));
    const limit = Number(url.searchParams.get('limit'));
    const page = events.filter((e) => e.seq > since && !feed.lostOnHttp.has(e.seq)).slice(0, limit);
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ lastSeq: total, events: page }));
  });
  const io = new Server(server, { transports: ['websocket'] });
  io.on('connection', (socket) => {
    socket.emit('hello', hello('show-1', total));
    for (const { type, ...payload } of events)
      if (!feed.skipOnSocket.has(payload.seq)) socket.emit(type, payload);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  feed.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        io.close(() => resolve());
      }),
  );
  return feed;
}

async function ingest(feed: LossyFeed, total: number) {
  const tmp = makeTempDir();
  cleanups.push(tmp.cleanup);
  const { store } = openStore(tmp.dir);
  const pipeline = new IngestPipeline({ store, metrics: new MetricsEngine(), sourceKind: 'socketio' });
  const source = new SocketIoSource({ url: feed.url, room: 'room-1' });
  cleanups.push(() => store.close());
  cleanups.push(() => pipeline.stop());
  cleanups.push(() => source.stop());
  source.start(pipeline.handlers(), () => pipeline.seq);
  await waitFor(() => pipeline.seq === total, 'every seq to be accepted');
  pipeline.flush();
  return { store, pipeline, source };
}

describe('gap backfill over HTTP', () => {
  it('fills seqs the socket skipped from the events endpoint: no gap, nothing twice', async () => {
    const feed = await lossyFeed(40, [4, 5, 6, 20, 33]);
    const { store, pipeline, source } = await ingest(feed, 40);
    expect(store.countComments('show-1')).toBe(40);
    expect(pipeline.counters.gaps).toEqual([]);
    expect(source.backfilled).toBe(5);
    expect(pipeline.counters.duplicatesDropped).toBe(0);
  });

  it('records what the server no longer has as a gap, exactly', async () => {
    const feed = await lossyFeed(30, [10, 11, 12, 13], [11, 12]);
    const { store, pipeline, source } = await ingest(feed, 30);
    expect(source.backfilled).toBe(2); // 10 and 13
    expect(store.countComments('show-1')).toBe(28);
    expect(pipeline.counters.gaps).toEqual([
      expect.objectContaining({ afterSeq: 10, resumedSeq: 13, missing: 2 }),
    ]);
    expect(store.gaps('show-1')).toEqual([
      expect.objectContaining({ afterSeq: 10, resumedSeq: 13, missing: 2 }),
    ]);
  });
});
