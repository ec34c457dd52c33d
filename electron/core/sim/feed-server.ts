/**
 * The feed protocol's reference server (docs/feed-protocol.md), serving one simulated room:
 *   socket.io — handshake `auth: { room, token?, sinceSeq? }`; on connect `hello`, then the held
 *               events after sinceSeq in seq order, then live events; each as emit(type, payload).
 *   HTTP      — GET /rooms/:room/events?sinceSeq=N&limit=M → { lastSeq, events } (backfill);
 *               GET /rooms/:room/hello → the same `hello` a socket.io client gets (polling).
 * Errors read "<status>: <reason>" (401 token rejected, 404 unknown room, 400 bad params).
 */
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import type { DefaultEventsMap } from 'socket.io';
import type { FeedEvent } from '../../../shared/protocol/feed.js';
import type { ShowModel } from './show-model.js';
import { StepClock } from './step-clock.js';

export interface SimFeedServerOptions {
  model: ShowModel;
  /** Default '127.0.0.1'. */
  host?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Time acceleration for the real-time clock (default 1). */
  speed?: number;
  /** 'realtime' (default) runs the show by itself; 'manual' only on advance() (tests). */
  clock?: 'realtime' | 'manual';
  /** When set, clients must present it (auth.token, ?token= or Authorization: Bearer). */
  token?: string;
  /** How many recent events are kept for replay and backfill; default: all. */
  holdEvents?: number;
  /**
   * Encodes each held event's socket.io frame once, when it is produced, and replays those frames
   * to every client that connects (default false: encoded per client). The ingest benchmark's
   * feed sets it so a replay costs the feed process only the writes while the app is timed.
   */
  cacheFrames?: boolean;
}

export interface SimFeedServer {
  /** http://host:port */
  url: string;
  port: number;
  room: string;
  /** Runs up to `steps` model steps now, broadcasts their events and returns them. */
  advance(steps: number): FeedEvent[];
  /** The events the server holds, in seq order (everything emitted unless holdEvents is set). */
  emitted(): readonly FeedEvent[];
  /** Connected socket.io clients. */
  clientCount(): number;
  /**
   * Cuts every client's connection at the transport, as a network drop would (clients see
   * "transport close" and reconnect with sinceSeq), rather than a polite server disconnect.
   */
  disconnectAll(): void;
  /**
   * Sends an arbitrary event to every client as it is — not held, no seq assigned — for
   * fault-injection tests (malformed payloads, unknown types). Never used by the demo.
   */
  injectRaw(type: string, payload: unknown): void;
  /** Stops / restarts the real-time clock (no effect with the manual clock). */
  pause(): void;
  resume(): void;
  stop(): Promise<void>;
}

export const DEFAULT_PAGE_LIMIT = 1000;
export const MAX_PAGE_LIMIT = 10_000;

const ROOM_CHANNEL = 'feed';

/**
 * socket.io's Client._packet writes already-encoded frames when `preEncoded` is set (what its own
 * adapters do for a broadcast); its declared type names only packet objects.
 */
interface FrameWriter {
  _packet(frames: string[], opts: { preEncoded: true }): void;
}

/** What the handshake middleware leaves on each socket. */
interface ClientData {
  sinceSeq: number;
}

/** Constant-time comparison of any two strings (hashing equalises the lengths). */
function tokensMatch(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = crypto.createHash('sha256').update(given).digest();
  const b = crypto.createHash('sha256').update(expected).digest();
  return crypto.timingSafeEqual(a, b);
}

function withoutType(event: FeedEvent): Record<string, unknown> {
  const { type: _type, ...payload } = event;
  return payload;
}

/**
 * The socket.io frame the server's default parser would write for emit(type, payload) on the main
 * namespace: packet type 2 (EVENT) and the JSON array (the payloads hold no binary).
 */
function eventFrame(event: FeedEvent): string {
  return `2${JSON.stringify([event.type, withoutType(event)])}`;
}

/** A non-negative integer from a query parameter, or null when malformed. */
function parseCount(value: string | null, fallback: number): number | null {
  if (value === null) return fallback;
  if (!/^\d{1,16}$/.test(value)) return null;
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : null;
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  res.end(text);
}

/** The most recent events, addressable by seq (seqs are contiguous from the model). */
class EventHold {
  private events: FeedEvent[] = [];

  constructor(private readonly limit: number) {}

  add(event: FeedEvent): void {
    this.events.push(event);
    // Trim in chunks so adding stays O(1) amortised.
    if (this.events.length > this.limit + Math.max(1000, this.limit >> 2)) {
      this.events.splice(0, this.events.length - this.limit);
    }
  }

  all(): readonly FeedEvent[] {
    if (this.events.length > this.limit) this.events.splice(0, this.events.length - this.limit);
    return this.events;
  }

  /** Held events with seq > sinceSeq, at most `limit` of them. */
  after(sinceSeq: number, limit = Infinity): FeedEvent[] {
    const held = this.all();
    const first = held[0];
    if (!first) return [];
    const start = Math.max(0, sinceSeq + 1 - first.seq);
    return held.slice(start, Math.min(held.length, start + limit));
  }
}

export async function startSimFeedServer(opts: SimFeedServerOptions): Promise<SimFeedServer> {
  const { model, token } = opts;
  const host = opts.host ?? '127.0.0.1';
  const hold = new EventHold(opts.holdEvents ?? Infinity);
  const room = model.roomId;
  if (opts.holdEvents !== undefined && !(Number.isInteger(opts.holdEvents) && opts.holdEvents > 0)) {
    throw new RangeError(`startSimFeedServer: holdEvents must be a positive integer, got ${opts.holdEvents}`);
  }

  const httpServer = http.createServer((req, res) => handleHttp(req, res));
  const io = new Server<DefaultEventsMap, DefaultEventsMap, DefaultEventsMap, ClientData>(httpServer, {
    serveClient: false,
    transports: ['websocket', 'polling'],
  });

  function handleHttp(req: http.IncomingMessage, res: http.ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const match = /^\/rooms\/([^/]+)\/(events|hello)\/?$/.exec(url.pathname);
    if (!match) return sendJson(res, 404, { error: '404: not found' });
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return sendJson(res, 405, { error: '405: method not allowed' });
    if (token !== undefined) {
      const bearer = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];
      if (!tokensMatch(url.searchParams.get('token') ?? bearer, token)) {
        return sendJson(res, 401, { error: '401: token rejected' });
      }
    }
    let requestedRoom: string;
    try {
      requestedRoom = decodeURIComponent(match[1] ?? '');
    } catch {
      return sendJson(res, 400, { error: '400: bad room' });
    }
    if (requestedRoom !== room) return sendJson(res, 404, { error: '404: unknown room' });
    // A polling client has no socket.io handshake to learn the show from: it asks for this.
    if (match[2] === 'hello') return sendJson(res, 200, model.hello(Date.now()));
    const sinceSeq = parseCount(url.searchParams.get('sinceSeq'), 0);
    if (sinceSeq === null)
      return sendJson(res, 400, { error: '400: sinceSeq must be a non-negative integer' });
    const limit = parseCount(url.searchParams.get('limit'), DEFAULT_PAGE_LIMIT);
    if (limit === null || limit < 1 || limit > MAX_PAGE_LIMIT) {
      return sendJson(res, 400, { error: `400: limit must be an integer from 1 to ${MAX_PAGE_LIMIT}` });
    }
    sendJson(res, 200, { lastSeq: model.lastSeq, events: hold.after(sinceSeq, limit) });
  }

  io.use((socket, next) => {
    const auth = (socket.handshake.auth ?? {}) as Record<string, unknown>;
    if (token !== undefined && !tokensMatch(typeof auth.token === 'string' ? auth.token : undefined, token)) {
      return next(new Error('401: token rejected'));
    }
    if (auth.room !== room) return next(new Error('404: unknown room'));
    const sinceSeq = auth.sinceSeq ?? 0;
    if (typeof sinceSeq !== 'number' || !Number.isSafeInteger(sinceSeq) || sinceSeq < 0) {
      return next(new Error('400: sinceSeq must be a non-negative integer'));
    }
    socket.data.sinceSeq = sinceSeq;
    next();
  });

  const frames = opts.cacheFrames ? new WeakMap<FeedEvent, string>() : null;

  io.on('connection', (socket) => {
    // All synchronous: no event can be broadcast between the replay and joining the channel,
    // so the client gets each seq exactly once.
    socket.emit('hello', model.hello(Date.now()));
    for (const event of hold.after(socket.data.sinceSeq)) {
      const frame = frames?.get(event);
      if (frame === undefined) socket.emit(event.type, withoutType(event));
      else (socket.client as unknown as FrameWriter)._packet([frame], { preEncoded: true });
    }
    void socket.join(ROOM_CHANNEL);
  });

  function runSteps(steps: number): FeedEvent[] {
    const produced: FeedEvent[] = [];
    for (let i = 0; i < steps && !model.done; i++) {
      for (const event of model.step()) {
        hold.add(event);
        frames?.set(event, eventFrame(event));
        io.to(ROOM_CHANNEL).emit(event.type, withoutType(event));
        produced.push(event);
      }
    }
    return produced;
  }

  const clock =
    opts.clock === 'manual'
      ? null
      : new StepClock({
          stepMs: model.stepMs,
          speed: opts.speed ?? 1,
          onSteps: (steps) => {
            runSteps(steps);
            return !model.done;
          },
        });

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(opts.port ?? 0, host, () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
  const port = (httpServer.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  clock?.start();

  let stopping: Promise<void> | null = null;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    room,
    advance: (steps) => runSteps(steps),
    emitted: () => hold.all(),
    clientCount: () => io.of('/').sockets.size,
    disconnectAll: () => {
      for (const socket of io.of('/').sockets.values()) socket.conn.close();
    },
    injectRaw: (type, payload) => {
      io.of('/').emit(type, payload);
    },
    pause: () => clock?.stop(),
    resume: () => {
      if (!model.done) clock?.start();
    },
    stop: () => {
      stopping ??= (async () => {
        clock?.stop();
        io.disconnectSockets(true);
        httpServer.closeAllConnections();
        await new Promise<void>((resolve) => {
          void io.close(() => resolve());
        });
      })();
      return stopping;
    },
  };
}
