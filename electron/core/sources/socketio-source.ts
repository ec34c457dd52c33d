/**
 * Feed protocol v1 over socket.io (docs/feed-protocol.md). Reconnects with backoff and
 * jitter, and resumes by seq: every (re)connect sends `sinceSeq` = the last seq the
 * pipeline accepted, so the server replays exactly what we missed while it still holds it.
 */
import { io, type Socket } from 'socket.io-client';
import { FEED_EVENT_TYPES } from '../../../shared/protocol/feed.js';
import type { FeedSource, SourceHandlers } from './types.js';

export interface SocketIoSourceOptions {
  url: string;
  room: string;
  token?: string;
  /** Backoff bounds in ms (socket.io adds ±50 % jitter). */
  reconnectDelayMs?: number;
  reconnectDelayMaxMs?: number;
}

/** Errors that retrying cannot fix: shown as such, never retried in a loop. */
function isFatal(message: string): boolean {
  return /^(401|403|404)\b/.test(message);
}

export class SocketIoSource implements FeedSource {
  readonly kind = 'socketio' as const;
  private socket: Socket | null = null;

  constructor(private readonly opts: SocketIoSourceOptions) {}

  start(handlers: SourceHandlers, lastSeq: () => number): void {
    const { url, room, token } = this.opts;
    handlers.onState('connecting', null);
    const socket = io(url, {
      transports: ['websocket'],
      // A function, so each reconnect sends the seq we have reached by then.
      auth: (cb) => cb({ room, ...(token ? { token } : {}), sinceSeq: lastSeq() }),
      reconnection: true,
      reconnectionDelay: this.opts.reconnectDelayMs ?? 500,
      reconnectionDelayMax: this.opts.reconnectDelayMaxMs ?? 10_000,
      randomizationFactor: 0.5,
      timeout: 10_000,
    });
    this.socket = socket;

    socket.on('connect', () => handlers.onState('live', null));
    socket.on('disconnect', (reason) => {
      if (reason === 'io client disconnect') return;
      if (reason === 'io server disconnect') {
        // The server closed us on purpose: socket.io will not retry, and neither do we.
        handlers.onState('stopped', 'the feed server closed the connection');
        return;
      }
      handlers.onState('reconnecting', reason);
    });
    socket.on('connect_error', (err: Error) => {
      const message = err.message || 'connection failed';
      if (isFatal(message)) {
        handlers.onState('error', message);
        socket.disconnect();
        return;
      }
      handlers.onState('reconnecting', message);
    });
    socket.on('hello', (hello: unknown) => handlers.onHello(hello));
    for (const type of FEED_EVENT_TYPES) {
      socket.on(type, (payload: unknown) => handlers.onEvent(type, payload));
    }
  }

  async stop(): Promise<void> {
    const socket = this.socket;
    this.socket = null;
    if (!socket) return;
    socket.removeAllListeners();
    socket.disconnect();
  }
}
