/**
 * The LiveDesk API — declared once. The core service implements it, the Electron IPC host
 * and the web host expose it, and the renderer's two transports (IPC bridge, web socket)
 * call it. Argument schemas validate every call at each host boundary.
 */
import { z } from 'zod';
import type { FeedEventType } from '../protocol/feed.js';
import type { MetricValues, ProductMetrics, ScalarMetricKey } from '../metrics/formulas.js';
import type { ApiMethod } from './channels.js';

export * from './channels.js';

export interface ShowInfo {
  id: string;
  title: string;
  roomId: string;
  roomTitle: string;
  platform: string;
  startedAt: number;
  endedAt: number | null;
}

export type SourceKind = 'socketio' | 'sim';
export type FeedState = 'connecting' | 'live' | 'reconnecting' | 'ended' | 'stopped' | 'error';

export interface FeedGap {
  /** Last seq seen before the gap, and the first seq seen after it. */
  afterSeq: number;
  resumedSeq: number;
  missing: number;
  detectedAt: number;
}

export interface FeedStatus {
  source: SourceKind;
  state: FeedState;
  connected: boolean;
  /** Human-readable reason for the last error or disconnect, or null. */
  lastError: string | null;
  lastSeq: number;
  lastEventAt: number | null;
  eventsByType: Record<FeedEventType, number>;
  commentsStored: number;
  duplicatesDropped: number;
  invalid: number;
  truncated: number;
  gaps: FeedGap[];
  reconnects: number;
  /** Comments per second over the last few seconds. */
  messagesPerSec: number;
}

export interface CommentRow {
  /** Storage order; used for paging older rows. */
  rowId: number;
  id: string;
  seq: number;
  ts: number;
  userId: string;
  nickname: string;
  text: string;
  fanClub: boolean;
  /** The feed's text was longer than we keep and was cut. */
  truncated: boolean;
}

export interface CurrentProduct {
  id: string;
  name: string;
  price: number;
  stock: number | null;
  since: number;
}

export interface MetricsReport {
  showId: string;
  /** ts of the stats snapshot these values come from. */
  at: number;
  values: MetricValues;
  /** Change vs 5 min ago per metric kind (metrics/definitions.ts); null when unknown. */
  changes: Partial<Record<ScalarMetricKey, number | null>>;
  /** Windowed metrics: last 5 min and the 5 min before (null until enough history). */
  window: { minutes: number; current: MetricValues | null; previous: MetricValues | null };
  products: ProductMetrics[];
}

export interface InvalidSample {
  at: number;
  type: string;
  reason: string;
  /** The offending payload, serialised and cut to a few hundred characters. */
  sample: string;
}

export interface BoardSnapshot {
  show: ShowInfo | null;
  metrics: MetricsReport | null;
  feed: FeedStatus;
  product: CurrentProduct | null;
  /** The newest comments, oldest first. */
  comments: CommentRow[];
}

/** Pushed to subscribers at most 10 times a second; only what changed since the last one. */
export interface BoardUpdate {
  show?: ShowInfo | null;
  metrics?: MetricsReport;
  product?: CurrentProduct | null;
  feed: FeedStatus;
  /** New comments since the previous update, oldest first (capped; see droppedComments). */
  comments: CommentRow[];
  /** Comments stored in this interval but not sent (over the per-update cap); page them in. */
  droppedComments: number;
}

export const GetCommentsArgs = z.object({
  beforeRowId: z.number().int().positive().optional(),
  limit: z.number().int().min(1).max(500).default(100),
});
export type GetCommentsArgs = z.input<typeof GetCommentsArgs>;

/** Argument schemas of each request method (a tuple of the call's arguments). */
export const apiRequests = {
  getSnapshot: z.tuple([]),
  getMetrics: z.tuple([]),
  getComments: z.tuple([GetCommentsArgs]),
  getFeedStatus: z.tuple([]),
  getInvalidSamples: z.tuple([]),
} as const satisfies Record<ApiMethod, z.ZodTuple>;

export interface ApiResponses {
  getSnapshot: BoardSnapshot;
  getMetrics: MetricsReport | null;
  getComments: CommentRow[];
  getFeedStatus: FeedStatus;
  getInvalidSamples: InvalidSample[];
}

export type ApiArgs<M extends ApiMethod> = z.input<(typeof apiRequests)[M]>;

/** What the core service implements (synchronous; hosts wrap it). */
export type LiveDeskService = {
  [M in ApiMethod]: (...args: ApiArgs<M>) => ApiResponses[M];
} & {
  onUpdate(listener: (update: BoardUpdate) => void): () => void;
};

/** What the renderer calls, over either transport. */
export type LiveDeskClient = {
  [M in ApiMethod]: (...args: ApiArgs<M>) => Promise<ApiResponses[M]>;
} & {
  onUpdate(listener: (update: BoardUpdate) => void): () => void;
};

/** Checks and parses a call's arguments; throws a ZodError naming the problem. */
export function parseApiArgs<M extends ApiMethod>(
  method: M,
  args: unknown,
): z.output<(typeof apiRequests)[M]> {
  return apiRequests[method].parse(args) as z.output<(typeof apiRequests)[M]>;
}
