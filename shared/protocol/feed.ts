/**
 * Feed protocol v1 — the events a live-room feed sends (docs/feed-protocol.md).
 * These schemas are the one definition used by the sources (validation at the
 * boundary), the simulator (reference server) and the tests.
 */
import { z } from 'zod';

export const FEED_PROTOCOL_VERSION = 1;

/** Longest comment text we keep; longer text is truncated and flagged, not rejected. */
export const MAX_COMMENT_TEXT = 500;
/** A batch larger than this is refused as a whole (a feed bug or an attack, not a real burst). */
export const MAX_BATCH_ITEMS = 5000;

const count = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const cents = count;
const seq = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
/** ms since epoch; 2000-01-01 … 2100-01-01 keeps out seconds-vs-ms mix-ups. */
const ts = z.number().int().min(946_684_800_000).max(4_102_444_800_000);
const id = z.string().min(1).max(128);
const shortText = z.string().max(200);

export const HelloSchema = z.object({
  protocol: z.literal(FEED_PROTOCOL_VERSION),
  room: z.object({ id, title: shortText, platform: z.string().max(32) }),
  show: z.object({ id, title: shortText, startedAt: ts }),
  serverTime: ts,
  lastSeq: z.number().int().nonnegative(),
});
export type Hello = z.infer<typeof HelloSchema>;

export const ProductStatsSchema = z.object({
  id,
  /** Optional: the product's title, for products not yet presented (no `product` event). */
  name: z.string().min(1).max(200).optional(),
  exposures: count,
  clicks: count,
  clickUsers: count,
  orders: count,
  buyers: count,
  gmv: cents,
});
export type ProductStats = z.infer<typeof ProductStatsSchema>;

export const StatsEventSchema = z.object({
  seq,
  ts,
  online: count,
  pv: count,
  uv: count,
  interactUsers: count,
  likes: count,
  comments: count,
  shares: count,
  newFollowers: count,
  fanClubJoins: count,
  gmv: cents,
  orders: count,
  buyers: count,
  productExposures: count,
  productClicks: count,
  clickUsers: count,
  stayed1m: count,
  avgWatchSec: z.number().nonnegative().max(86_400).optional(),
  traffic: z.record(z.string().max(64), count).optional(),
  products: z.array(ProductStatsSchema).max(1000).optional(),
});
export type StatsEvent = z.infer<typeof StatsEventSchema>;

export const CommentItemSchema = z.object({
  id,
  ts,
  userId: id,
  nickname: z.string().max(64),
  // Over-long text is truncated by the normaliser (and flagged), so the schema admits it.
  text: z.string().max(100_000),
  fanClub: z.boolean().optional(),
});
export type CommentItem = z.infer<typeof CommentItemSchema>;

export const CommentsEventSchema = z.object({
  seq,
  items: z.array(CommentItemSchema).min(1).max(MAX_BATCH_ITEMS),
});
export type CommentsEvent = z.infer<typeof CommentsEventSchema>;

export const OrderItemSchema = z.object({
  id,
  ts,
  productId: id,
  qty: z.number().int().positive().max(100_000),
  amount: cents,
  buyerId: id,
});
export type OrderItem = z.infer<typeof OrderItemSchema>;

export const OrdersEventSchema = z.object({
  seq,
  items: z.array(OrderItemSchema).min(1).max(MAX_BATCH_ITEMS),
});
export type OrdersEvent = z.infer<typeof OrdersEventSchema>;

export const ProductEventSchema = z.object({
  seq,
  ts,
  id,
  name: z.string().min(1).max(200),
  price: cents,
  stock: count.optional(),
});
export type ProductEvent = z.infer<typeof ProductEventSchema>;

export const EndEventSchema = z.object({ seq, ts });
export type EndEvent = z.infer<typeof EndEventSchema>;

/** Every event type that carries a seq, with its schema. */
export const feedEventSchemas = {
  stats: StatsEventSchema,
  comments: CommentsEventSchema,
  orders: OrdersEventSchema,
  product: ProductEventSchema,
  end: EndEventSchema,
} as const;

export type FeedEventType = keyof typeof feedEventSchemas;
export const FEED_EVENT_TYPES = Object.keys(feedEventSchemas) as FeedEventType[];

export type FeedEvent =
  | ({ type: 'stats' } & StatsEvent)
  | ({ type: 'comments' } & CommentsEvent)
  | ({ type: 'orders' } & OrdersEvent)
  | ({ type: 'product' } & ProductEvent)
  | ({ type: 'end' } & EndEvent);

export function isFeedEventType(value: unknown): value is FeedEventType {
  return typeof value === 'string' && Object.hasOwn(feedEventSchemas, value);
}

/** `GET /rooms/:room/events?sinceSeq=N&limit=M` response. */
export const EventsPageSchema = z.object({
  lastSeq: z.number().int().nonnegative(),
  events: z.array(z.object({ type: z.string() }).passthrough()).max(10_000),
});
export type EventsPage = { lastSeq: number; events: FeedEvent[] };

/** socket.io handshake `auth` a client sends. */
export interface FeedAuth {
  room: string;
  token?: string;
  sinceSeq?: number;
}
