/** Plain data shapes the store reads and writes (message-shaped, so it can move to a worker). */
import type {
  CommentRow,
  FeedGap,
  InvalidSample,
  ShowInfo,
  SourceKind,
} from '../../../shared/api/contract.js';
import type { OrderItem, ProductEvent, StatsEvent } from '../../../shared/protocol/feed.js';

export interface ShowRecord extends ShowInfo {
  lastSeq: number;
  source: SourceKind;
}

/** A comment after validation and normalisation, not yet stored. */
export type NewComment = Omit<CommentRow, 'rowId'>;

export type NewOrder = OrderItem & { seq: number };

export interface WriteBatch {
  showId: string;
  /** The last seq before this batch: a dropped batch is the gap (fromSeq, lastSeq]. */
  fromSeq: number;
  /** Highest seq accepted into this batch; persisted with it so a restart resumes after it. */
  lastSeq: number;
  comments: NewComment[];
  orders: NewOrder[];
  stats: StatsEvent[];
  products: ProductEvent[];
  gaps: FeedGap[];
  invalid: InvalidSample[];
  endedAt: number | null;
}

export interface WriteResult {
  stored: CommentRow[];
  duplicateComments: number;
  duplicateOrders: number;
}

/** A written batch as the writer thread reports it: row ids by comment (0: a duplicate). */
export interface BatchWritten {
  rowIds: number[];
  duplicateComments: number;
  duplicateOrders: number;
}

export interface MinuteRollup {
  minute: number;
  comments: number;
  orders: number;
  gmv: number;
  onlineMin: number | null;
  onlineMax: number | null;
  onlineLast: number | null;
}

export function emptyBatch(showId: string, lastSeq: number): WriteBatch {
  return {
    showId,
    fromSeq: lastSeq,
    lastSeq,
    comments: [],
    orders: [],
    stats: [],
    products: [],
    gaps: [],
    invalid: [],
    endedAt: null,
  };
}

/** Feed data rows in a batch (what the storage banner counts as waiting or lost). */
export function eventRows(b: WriteBatch): number {
  return b.comments.length + b.orders.length + b.stats.length + b.products.length;
}

export function batchSize(b: WriteBatch): number {
  return (
    b.comments.length +
    b.orders.length +
    b.stats.length +
    b.products.length +
    b.gaps.length +
    b.invalid.length
  );
}
