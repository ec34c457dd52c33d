/**
 * A scripted live-room feed for end-to-end tests: a real socket.io server on 127.0.0.1 that the
 * web host connects to as its `--source socketio`; the test decides every event and its seq.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server, type Socket as FeedSocket } from 'socket.io';

export interface ScriptedFeed {
  /** What to pass as `--url`. */
  url: string;
  /** The last seq handed out. */
  readonly seq: number;
  nextSeq(): number;
  /** The host's connection, or null before it connects. */
  readonly socket: FeedSocket | null;
  /** Sends to the connected host; throws if it is not connected. */
  emit(event: string, payload: unknown): void;
  close(): Promise<void>;
}

/** `onConnection` runs for each connection of the host (e.g. to say hello at once). */
export async function startScriptedFeed(onConnection?: (feed: ScriptedFeed) => void): Promise<ScriptedFeed> {
  const server = http.createServer();
  const io = new Server(server, { transports: ['websocket'] });
  let socket: FeedSocket | null = null;
  let seq = 0;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const feed: ScriptedFeed = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get seq() {
      return seq;
    },
    nextSeq: () => (seq += 1),
    get socket() {
      return socket;
    },
    emit(event, payload) {
      if (!socket) throw new Error('the web host is not connected to the feed');
      socket.emit(event, payload);
    },
    close: () => new Promise<void>((resolve) => io.close(() => resolve())),
  };
  io.on('connection', (s) => {
    socket = s;
    onConnection?.(feed);
  });
  return feed;
}

/** Each comment from its own viewer (rules count distinct viewers), as one batch; ids from `prefix`. */
export function sendViewerComments(feed: ScriptedFeed, prefix: string, texts: readonly string[]): void {
  const s = feed.nextSeq();
  const now = Date.now();
  feed.emit('comments', {
    seq: s,
    items: texts.map((text, i) => ({
      id: `${prefix}-${s}-${i}`,
      ts: now + i,
      userId: `${prefix}-u${i}`,
      nickname: `${prefix}观众${i}`,
      text,
    })),
  });
}

/** For startScriptedFeed: a show that went live a minute ago, announced as soon as the host connects. */
export function helloOnConnect(room: { id: string; title: string }, show: { id: string; title: string }) {
  return (feed: ScriptedFeed): void =>
    feed.emit('hello', {
      protocol: 1,
      room: { ...room, platform: 'douyin' },
      show: { ...show, startedAt: Date.now() - 60_000 },
      serverTime: Date.now(),
      lastSeq: feed.seq,
    });
}
