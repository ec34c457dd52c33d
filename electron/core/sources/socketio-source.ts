/**
 * Feed protocol v1 over socket.io (docs/feed-protocol.md). Reconnects with backoff and
 * jitter, and resumes by seq: every (re)connect sends `sinceSeq` = the last seq the
 * pipeline accepted, so the server replays exactly what we missed while it still holds it.
 */
import type { Socket } from 'socket.io-client';
import { FEED_EVENT_TYPES, isFeedEventType } from '../../../shared/protocol/feed.js';
import { loadSocketIoClient, type SocketIoClient } from './socketio-client.js';
import { fetchEventsPage } from './events-endpoint.js';
import type { FeedSource, SourceHandlers } from './types.js';

export interface SocketIoSourceOptions {
  url: string;
  room: string;
  token?: string;
  /** Backoff bounds in ms (socket.io adds ±50 % jitter). */
  reconnectDelayMs?: number;
  reconnectDelayMaxMs?: number;
  /** Fill seq gaps from the HTTP events endpoint (default true). */
  backfill?: boolean;
}

/** Live events held back while a gap is being backfilled; past this, the gap is left as it is. */
const MAX_HELD_EVENTS = 50_000;
const BACKFILL_PAGE = 1000;

function seqOf(payload: unknown): number | null {
  const seq =
    typeof payload === 'object' && payload !== null ? (payload as { seq?: unknown }).seq : undefined;
  return typeof seq === 'number' && Number.isSafeInteger(seq) ? seq : null;
}

/** Errors that retrying cannot fix: shown as such, never retried in a loop. */
function isFatal(message: string): boolean {
  return /^(401|403|404)\b/.test(message);
}

export class SocketIoSource implements FeedSource {
  readonly kind = 'socketio' as const;
  private socket: Socket | null = null;
  private handlers: SourceHandlers | null = null;
  private lastSeq: () => number = () => 0;
  /** Non-null while a gap is being backfilled: live events wait here, in order. */
  private held: [string, unknown][] | null = null;
  /** Gaps ending at or below this seq were already tried; what is left of them stays a gap. */
  private triedUpTo = 0;
  /** Bumped for every backfill started or abandoned; a stale one stops delivering. */
  private backfillRun = 0;
  backfilled = 0;
  backfillErrors = 0;

  constructor(private readonly opts: SocketIoSourceOptions) {}

  start(handlers: SourceHandlers, lastSeq: () => number): void {
    this.handlers = handlers;
    this.lastSeq = lastSeq;
    handlers.onState('connecting', null);
    void loadSocketIoClient().then(
      ({ io }) => {
        // Stopped (or started again) while the client loaded: this start is over.
        if (this.handlers !== handlers || this.socket) return;
        this.connect(io, handlers, lastSeq);
      },
      (err: unknown) => {
        if (this.handlers === handlers)
          handlers.onState('error', `socket.io client did not load: ${String(err)}`);
      },
    );
  }

  private connect(io: SocketIoClient['io'], handlers: SourceHandlers, lastSeq: () => number): void {
    const { url, room, token } = this.opts;
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
      socket.on(type, (payload: unknown) => this.onLive(type, payload));
    }
    // Anything else the feed sends is passed on too, so the pipeline counts and shows it as
    // an unknown event type instead of it vanishing silently.
    socket.onAny((event: unknown, payload: unknown) => {
      if (typeof event !== 'string' || event === 'hello' || isFeedEventType(event)) return;
      handlers.onEvent(event, payload);
    });
  }

  /** Delivers a live event in seq order, backfilling a gap over HTTP first when there is one. */
  private onLive(type: string, payload: unknown): void {
    if (this.held) {
      if (this.held.length < MAX_HELD_EVENTS) {
        this.held.push([type, payload]);
        return;
      }
      // Too far behind: abandon the backfill, deliver, and let the pipeline record the gap.
      this.backfillRun++;
      this.releaseHeld();
      this.onLive(type, payload);
      return;
    }
    const seq = seqOf(payload);
    const expected = this.lastSeq() + 1;
    if (this.opts.backfill !== false && seq !== null && seq > expected && seq > this.triedUpTo) {
      this.held = [[type, payload]];
      this.triedUpTo = seq;
      void this.backfill(expected - 1, seq, ++this.backfillRun);
      return;
    }
    this.handlers?.onEvent(type, payload);
  }

  /** Fetches (after, upTo) exclusive from the events endpoint and delivers it, then the held events. */
  private async backfill(after: number, upTo: number, run: number): Promise<void> {
    const { url, room, token } = this.opts;
    const current = () => run === this.backfillRun && this.handlers !== null;
    let since = after;
    try {
      while (since < upTo - 1 && current()) {
        const page = await fetchEventsPage(
          { url, room, token },
          since,
          Math.min(BACKFILL_PAGE, upTo - 1 - since),
        );
        const wanted = page.events.filter((e) => {
          const seq = seqOf(e);
          return seq !== null && seq > since && seq < upTo;
        });
        if (wanted.length === 0) break; // the server no longer has them: they stay a gap
        for (const { type, ...payload } of wanted) {
          if (!current()) return;
          this.handlers!.onEvent(type, payload);
          this.backfilled++;
        }
        since = seqOf(wanted.at(-1)) ?? upTo;
      }
    } catch {
      this.backfillErrors++;
    } finally {
      if (current()) this.releaseHeld();
    }
  }

  private releaseHeld(): void {
    const held = this.held;
    this.held = null;
    for (const [type, payload] of held ?? []) this.onLive(type, payload);
  }

  async stop(): Promise<void> {
    const socket = this.socket;
    this.socket = null;
    this.handlers = null;
    this.held = null;
    if (!socket) return;
    socket.removeAllListeners();
    socket.disconnect();
  }
}
