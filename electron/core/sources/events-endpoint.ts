/**
 * Protocol v1's HTTP events endpoint (`GET /rooms/:room/events?sinceSeq=N&limit=M`): used to
 * backfill a gap after a reconnect. The response's shape is checked; its events are then
 * validated one by one by the pipeline like any other.
 */
import { EventsPageSchema } from '../../../shared/protocol/feed.js';

export interface EventsEndpoint {
  url: string;
  room: string;
  token?: string;
  timeoutMs?: number;
}

export interface RawEventsPage {
  lastSeq: number;
  events: { type: string; [key: string]: unknown }[];
}

export class EndpointError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
  }
}

export function eventsUrl(endpoint: EventsEndpoint, sinceSeq: number, limit: number): string {
  const base = endpoint.url.replace(/\/+$/, '');
  return `${base}/rooms/${encodeURIComponent(endpoint.room)}/events?sinceSeq=${sinceSeq}&limit=${limit}`;
}

export async function fetchEventsPage(
  endpoint: EventsEndpoint,
  sinceSeq: number,
  limit: number,
): Promise<RawEventsPage> {
  const res = await fetch(eventsUrl(endpoint, sinceSeq, limit), {
    headers: endpoint.token ? { authorization: `Bearer ${endpoint.token}` } : {},
    signal: AbortSignal.timeout(endpoint.timeoutMs ?? 10_000),
  });
  if (!res.ok) {
    const words =
      res.status === 401 ? 'token rejected' : res.status === 404 ? 'unknown room' : res.statusText;
    throw new EndpointError(`${res.status}: ${words}`, res.status);
  }
  const parsed = EventsPageSchema.safeParse(await res.json());
  if (!parsed.success) throw new EndpointError('bad response from the feed: not an events page', null);
  return parsed.data as RawEventsPage;
}
