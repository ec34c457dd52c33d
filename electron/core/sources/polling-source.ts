/**
 * Feed protocol v1 over plain HTTP (docs/feed-protocol.md, "HTTP"): for feeds that cannot push.
 * Asks `GET /rooms/:room/hello` for the show, then `GET /rooms/:room/events?sinceSeq=…` on an
 * interval, resuming from the seq the pipeline last accepted — the same exactly-once rules as
 * the socket.io source. A full page means we are behind, so the next page is fetched at once.
 */
import {
  BadFeedResponseError,
  FeedHttpError,
  describeConnectionError,
  isFatalStatus,
} from './connection-errors.js';
import type { FeedSource, SourceHandlers } from './types.js';

export interface PollingSourceOptions {
  /** The feed's base URL, e.g. http://127.0.0.1:7300 */
  url: string;
  room: string;
  token?: string;
  /** Pause between polls when caught up. */
  intervalMs: number;
  /** Events asked for per request (default 1000). */
  pageLimit?: number;
  /** Per request, including reading the body (default 10 000). */
  timeoutMs?: number;
  /** How often to re-read `hello` to notice a new show (default 30 000). */
  helloEveryMs?: number;
  /** Retry bounds after a failure; doubles from min to max, ±50 % jitter (default 500 → 10 000). */
  retryDelayMs?: number;
  retryDelayMaxMs?: number;
  /** For tests: the jitter's randomness. */
  random?: () => number;
}

export const DEFAULT_POLL_PAGE_LIMIT = 1000;
export const DEFAULT_POLL_TIMEOUT_MS = 10_000;
const DEFAULT_HELLO_EVERY_MS = 30_000;

/** A feed URL joined with a protocol path (a base path on the feed URL is kept). */
function feedEndpoint(baseUrl: string, room: string, endpoint: 'hello' | 'events'): string {
  return `${baseUrl.replace(/\/+$/, '')}/rooms/${encodeURIComponent(room)}/${endpoint}`;
}

export function feedHelloUrl(baseUrl: string, room: string): string {
  return feedEndpoint(baseUrl, room, 'hello');
}

export function feedEventsUrl(baseUrl: string, room: string, sinceSeq: number, limit: number): string {
  return `${feedEndpoint(baseUrl, room, 'events')}?sinceSeq=${sinceSeq}&limit=${limit}`;
}

export interface FeedRequestOptions {
  token?: string | undefined;
  timeoutMs: number;
  /** Aborts the request from outside (stop()); the timeout is added to it. */
  signal?: AbortSignal;
}

/** The `{ error: "401: …" }` body the protocol sends with an error status, if it is there. */
async function errorTextOf(res: Response): Promise<string | null> {
  try {
    const body: unknown = JSON.parse(await res.text());
    if (typeof body === 'object' && body !== null && 'error' in body && typeof body.error === 'string') {
      return body.error.slice(0, 300);
    }
  } catch {
    // Not JSON: the status alone says enough.
  }
  return null;
}

/**
 * GET a protocol endpoint and parse its JSON. Throws FeedHttpError for a non-2xx answer,
 * BadFeedResponseError for a body that is not JSON, and fetch's own errors otherwise.
 */
export async function fetchFeedJson(url: string, opts: FeedRequestOptions): Promise<unknown> {
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new DOMException(`no answer within ${opts.timeoutMs} ms`, 'TimeoutError')),
    opts.timeoutMs,
  );
  timer.unref();
  const onOuterAbort = () => controller.abort(opts.signal?.reason);
  if (opts.signal?.aborted) onOuterAbort();
  opts.signal?.addEventListener('abort', onOuterAbort, { once: true });
  try {
    const res = await fetch(url, {
      headers: {
        accept: 'application/json',
        ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
      },
      signal: controller.signal,
      redirect: 'follow',
    });
    if (!res.ok) {
      const text = await errorTextOf(res);
      throw new FeedHttpError(res.status, text ?? `${res.status}: ${res.statusText || 'error'}`);
    }
    const body = await res.text();
    try {
      return JSON.parse(body) as unknown;
    } catch {
      const type = res.headers.get('content-type') ?? 'no content type';
      throw new BadFeedResponseError(`not JSON (${type}, ${body.length} bytes)`);
    }
  } finally {
    clearTimeout(timer);
    opts.signal?.removeEventListener('abort', onOuterAbort);
  }
}

type Fields = Record<string, unknown>;

function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Just enough of `hello` to follow the show; the pipeline validates the rest. */
export function helloShowId(hello: unknown): string {
  const show = isObject(hello) ? hello.show : undefined;
  const id = isObject(show) ? show.id : undefined;
  if (typeof id !== 'string' || id === '') throw new BadFeedResponseError('hello has no show.id');
  return id;
}

export interface EventsPageEnvelope {
  lastSeq: number;
  events: unknown[];
}

/**
 * The page's envelope only. The events inside are validated one by one by the pipeline, so one
 * bad event is counted as invalid rather than making the whole page (and the feed) stall.
 */
export function parseEventsPage(body: unknown): EventsPageEnvelope {
  if (!isObject(body)) throw new BadFeedResponseError('expected { lastSeq, events } but got no object');
  const { lastSeq, events } = body;
  if (typeof lastSeq !== 'number' || !Number.isSafeInteger(lastSeq) || lastSeq < 0) {
    throw new BadFeedResponseError('lastSeq is not a non-negative integer');
  }
  if (!Array.isArray(events)) throw new BadFeedResponseError('events is not a list');
  return { lastSeq, events };
}

/** An event as the protocol sends it over HTTP (`type` inside) → (type, payload without type). */
function splitEvent(event: unknown): [type: string, payload: unknown] {
  if (!isObject(event)) return ['(not an object)', event];
  const { type, ...payload } = event;
  return [typeof type === 'string' ? type : '(no type)', payload];
}

export class PollingSource implements FeedSource {
  readonly kind = 'poll' as const;
  private readonly stopController = new AbortController();
  private handlers: SourceHandlers | null = null;
  private sleepTimer: ReturnType<typeof setTimeout> | null = null;
  private wake: (() => void) | null = null;
  private running: Promise<void> | null = null;

  constructor(private readonly opts: PollingSourceOptions) {}

  start(handlers: SourceHandlers, lastSeq: () => number): void {
    if (this.running) throw new Error('PollingSource: already started');
    this.handlers = handlers;
    handlers.onState('connecting', null);
    this.running = this.run(lastSeq);
  }

  async stop(): Promise<void> {
    this.handlers = null;
    this.stopController.abort(new DOMException('source stopped', 'AbortError'));
    if (this.sleepTimer) clearTimeout(this.sleepTimer);
    this.wake?.();
    await this.running;
  }

  private get stopped(): boolean {
    return this.stopController.signal.aborted;
  }

  private async run(lastSeq: () => number): Promise<void> {
    const { room, intervalMs } = this.opts;
    const pageLimit = this.opts.pageLimit ?? DEFAULT_POLL_PAGE_LIMIT;
    const helloEveryMs = this.opts.helloEveryMs ?? DEFAULT_HELLO_EVERY_MS;
    let showId: string | null = null;
    let helloAt = -Infinity;
    let live = false;
    let failures = 0;

    while (!this.stopped) {
      try {
        if (Date.now() - helloAt >= helloEveryMs) {
          const hello = await this.get(feedHelloUrl(this.opts.url, room));
          const id = helloShowId(hello);
          helloAt = Date.now();
          // A different show id is a new show: the pipeline starts it, and lastSeq() follows.
          if (id !== showId && !this.deliver((h) => h.onHello(hello))) return;
          showId = id;
        }
        const sinceSeq = lastSeq();
        const page = parseEventsPage(await this.get(feedEventsUrl(this.opts.url, room, sinceSeq, pageLimit)));
        if (!live) {
          live = true;
          if (!this.deliver((h) => h.onState('live', null))) return;
        }
        failures = 0;
        for (const event of page.events) {
          const [type, payload] = splitEvent(event);
          if (!this.deliver((h) => h.onEvent(type, payload))) return;
        }
        // The feed's seq went backwards: it restarted or began a new show; ask hello now.
        if (page.lastSeq < sinceSeq) helloAt = -Infinity;
        // A full page: more is waiting, fetch it at once (catch-up after a pause or outage).
        if (page.events.length < pageLimit) await this.sleep(intervalMs);
      } catch (err) {
        if (this.stopped) return;
        const message = describeConnectionError(err);
        live = false;
        if (isFatalStatus(message)) {
          // Token, permission or room: retrying cannot fix it, so say so and stop.
          this.deliver((h) => h.onState('error', message));
          return;
        }
        if (!this.deliver((h) => h.onState('reconnecting', message))) return;
        failures++;
        // After an outage the feed may have restarted with a new show: re-read hello first.
        helloAt = -Infinity;
        await this.sleep(this.retryDelay(failures));
      }
    }
  }

  /** Calls a handler unless we have been stopped; false once stopped (the loop then ends). */
  private deliver(call: (handlers: SourceHandlers) => void): boolean {
    const handlers = this.handlers;
    if (!handlers || this.stopped) return false;
    call(handlers);
    return !this.stopped;
  }

  private get(url: string): Promise<unknown> {
    return fetchFeedJson(url, {
      token: this.opts.token,
      timeoutMs: this.opts.timeoutMs ?? DEFAULT_POLL_TIMEOUT_MS,
      signal: this.stopController.signal,
    });
  }

  /** Exponential backoff with ±50 % jitter, as socket.io does it, so both sources behave alike. */
  private retryDelay(failures: number): number {
    const min = this.opts.retryDelayMs ?? 500;
    const max = this.opts.retryDelayMaxMs ?? 10_000;
    const base = Math.min(max, min * 2 ** Math.min(failures - 1, 30));
    const jitter = 1 + ((this.opts.random ?? Math.random)() * 2 - 1) * 0.5;
    return Math.min(max, Math.round(base * jitter));
  }

  private sleep(ms: number): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      this.wake = () => {
        this.wake = null;
        this.sleepTimer = null;
        resolve();
      };
      this.sleepTimer = setTimeout(() => this.wake?.(), ms);
      this.sleepTimer.unref();
    });
  }
}
