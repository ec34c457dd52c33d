/**
 * Ingest: the one way in for data. Raw events from any source are validated, de-duplicated
 * (by seq, then by comment/order id in SQLite), checked for gaps, applied to the live
 * metrics at once and written to SQLite in batches (every ≤ flushMs or ≤ maxRows).
 */
import type {
  CommentRow,
  CurrentProduct,
  FeedGap,
  FeedState,
  InvalidSample,
  ShowInfo,
  SourceKind,
  StorageStatus,
} from '../../../shared/api/contract.js';
import { COUNTER_KEYS, type StatsCounters } from '../../../shared/metrics/formulas.js';
import type { FeedEvent, Hello } from '../../../shared/protocol/feed.js';
import type { MetricsEngine } from '../engines/metrics-engine.js';
import { restoreMetrics } from '../engines/restore-metrics.js';
import type { SourceHandlers } from '../sources/types.js';
import type { Store } from '../store/store.js';
import {
  batchSize,
  emptyBatch,
  eventRows,
  type BatchWritten,
  type NewComment,
  type ShowRecord,
  type WriteBatch,
} from '../store/types.js';
import { InlineStoreWriter, type StoreWriter, type WriteOutcome } from '../store/writer.js';
import { FeedCounters } from './feed-counters.js';
import { cleanText } from './normalise.js';
import { describeStorageError, isTransientStorageError } from './storage-errors.js';
import { sampleOf, validateEvent, validateHello } from './validate.js';

export interface PipelineOptions {
  store: Store;
  metrics: MetricsEngine;
  sourceKind: SourceKind;
  flushMs?: number;
  maxRows?: number;
  /** Rows kept in memory while storage is paused; beyond it the oldest batches are dropped (as gaps). */
  maxQueuedRows?: number;
  /** How often a paused storage is retried. */
  storageRetryMs?: number;
  /** Called after each batch is committed with the comments it stored (oldest first) and their show. */
  onStored?: (stored: CommentRow[], showId: string) => void;
  /** Where batches are written (default: at once, on the store's connection). */
  writer?: StoreWriter;
  now?: () => number;
}

const INVALID_SAMPLES_KEPT = 50;
/** An event more than this ahead of the feed's own clock is a bad timestamp, not a fast clock. */
export const FUTURE_SLACK_MS = 3600_000;
/** After this many failed writes of a batch that is not failing for a passing reason, drop it. */
const MAX_HARD_FAILURES = 3;
/** At most this many rows go to the writer in one transaction (several queued batches). */
const MAX_ROWS_PER_WRITE = 20_000;

export class IngestPipeline {
  counters = new FeedCounters();
  private show: ShowRecord | null = null;
  private lastSeq = 0;
  private product: CurrentProduct | null = null;
  private batch: WriteBatch | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly recentInvalid: InvalidSample[] = [];
  private readonly flushMs: number;
  private readonly maxRows: number;
  private readonly maxQueuedRows: number;
  private readonly storageRetryMs: number;
  private readonly now: () => number;
  private readonly writer: StoreWriter;
  /** Batches not yet written, oldest first: the one with the writer, those behind it, and all
   * of them while storage is paused. */
  private readonly queue: WriteBatch[] = [];
  /** How many batches at the head of the queue are with the writer. */
  private writing = 0;
  /** A write of several batches failed: write one at a time until one succeeds. */
  private oneByOne = false;
  /** retryStorage is writing the queue while storage is still marked paused. */
  private retrying = false;
  private queuedRows = 0;
  private hardFailures = 0;
  private retryTimer: NodeJS.Timeout | null = null;
  private previousStats: StatsCounters | null = null;
  /** The feed's clock as far as we know it: the newest event ts seen, or the hello's server time. */
  private feedClock = 0;
  readonly storage: StorageStatus = { state: 'ok', reason: null, queued: 0, dropped: 0, notice: null };
  counterRegressions = 0;
  /** Told of each accepted stats event, in feed order (the alerts' metric rules); set by the service. */
  statsListener: ((stats: StatsCounters, showId: string) => void) | null = null;
  sourceKind: SourceKind;
  state: FeedState = 'connecting';
  stateDetail: string | null = null;
  reconnects = 0;

  constructor(private readonly opts: PipelineOptions) {
    this.sourceKind = opts.sourceKind;
    this.flushMs = opts.flushMs ?? 100;
    this.maxRows = opts.maxRows ?? 2000;
    this.maxQueuedRows = opts.maxQueuedRows ?? 200_000;
    this.storageRetryMs = opts.storageRetryMs ?? 1000;
    this.now = opts.now ?? Date.now;
    this.writer = opts.writer ?? new InlineStoreWriter(opts.store);
  }

  /** Handlers to give a source. */
  handlers(): SourceHandlers {
    return {
      onHello: (raw) => this.handleHello(raw),
      onEvent: (type, raw) => this.handleEvent(type, raw),
      onState: (state, detail) => this.setState(state, detail ?? null),
    };
  }

  get currentShow(): ShowInfo | null {
    if (!this.show) return null;
    const { lastSeq: _l, source: _s, ...info } = this.show;
    return info;
  }

  get currentProduct(): CurrentProduct | null {
    return this.product;
  }

  /** The feed's clock now (newest event ts, or the hello's server time); null before any. */
  get feedTime(): number | null {
    return this.feedClock > 0 ? this.feedClock : null;
  }

  /** Highest seq accepted; a source resumes after it. */
  get seq(): number {
    return this.lastSeq;
  }

  invalidSamples(): InvalidSample[] {
    return [...this.recentInvalid].reverse();
  }

  /** A new source is starting: its state starts over (the show continues until a hello says otherwise). */
  useSource(kind: SourceKind): void {
    this.flush();
    this.sourceKind = kind;
    this.state = 'connecting';
    this.stateDetail = null;
    this.reconnects = 0;
    // The new source speaks for its own show: resume by that show's seq (resumeRoom), never by
    // the previous source's, and count its events from zero.
    this.show = null;
    this.lastSeq = 0;
    this.product = null;
    this.previousStats = null;
    this.counterRegressions = 0;
    this.counters = new FeedCounters();
  }

  /** Picks up the room's latest unfinished show after a restart, so a reconnect resumes by seq. */
  resumeRoom(roomId: string): ShowRecord | null {
    const show = this.opts.store.latestShowInRoom(roomId);
    if (!show || show.endedAt !== null) return null;
    this.adopt(show);
    return show;
  }

  private adopt(show: ShowRecord): void {
    const store = this.opts.store;
    this.show = show;
    this.lastSeq = show.lastSeq;
    restoreMetrics(this.opts.metrics, store, show.id);
    const latest = store.latestStats(show.id);
    this.previousStats = latest?.counters ?? null;
    this.feedClock = Math.max(this.feedClock, latest?.counters.ts ?? 0);
    const p = store.currentProduct(show.id);
    this.product = p;
    this.counters.commentsStored = store.countComments(show.id);
    this.counters.gaps = store.gaps(show.id);
  }

  private setState(state: FeedState, detail: string | null): void {
    if (state === 'reconnecting' && this.state === 'live') this.reconnects++;
    this.state = state;
    this.stateDetail = detail;
  }

  handleHello(raw: unknown): void {
    const result = validateHello(raw);
    if (!result.ok) {
      this.reject('hello', result.reason, raw);
      this.setState('error', `invalid hello: ${result.reason}`);
      return;
    }
    const hello: Hello = result.value;
    // The feed's clock: its server time and its own show start (a feed whose clock runs ahead of
    // this machine's is fine; an event an hour ahead of the feed itself is not).
    this.feedClock = Math.max(this.feedClock, hello.serverTime, hello.show.startedAt);
    if (this.show?.id === hello.show.id) return;
    this.flush();
    const existing = this.opts.store.getShow(hello.show.id);
    const record: ShowRecord = existing ?? {
      id: hello.show.id,
      title: hello.show.title,
      roomId: hello.room.id,
      roomTitle: hello.room.title,
      platform: hello.room.platform,
      startedAt: hello.show.startedAt,
      endedAt: null,
      lastSeq: 0,
      source: this.sourceKind,
    };
    this.opts.store.upsertShow({ ...record, title: hello.show.title, roomTitle: hello.room.title });
    this.counters.gaps = [];
    this.adopt(this.opts.store.getShow(record.id) ?? record);
  }

  handleEvent(type: string, raw: unknown): void {
    const now = this.now();
    this.counters.lastEventAt = now;
    const result = validateEvent(type, raw);
    if (!result.ok) {
      this.reject(type, result.reason, raw);
      // A rejected event with a good seq still used that seq: don't report it as a gap later.
      if (result.seq !== null && result.seq === this.lastSeq + 1) this.lastSeq = result.seq;
      return;
    }
    const event = result.value;
    if (!this.show) {
      this.reject(type, 'event before hello', raw);
      return;
    }
    const ts = eventTime(event);
    const limit = Math.max(this.feedClock, now) + FUTURE_SLACK_MS;
    if (ts > limit) {
      this.reject(
        type,
        `ts ${new Date(ts).toISOString()} is more than an hour ahead of the feed's clock`,
        raw,
      );
      if (event.seq === this.lastSeq + 1) this.lastSeq = event.seq;
      return;
    }
    this.feedClock = Math.max(this.feedClock, ts);
    if (event.seq <= this.lastSeq) {
      this.counters.duplicatesDropped += event.type === 'comments' ? event.items.length : 1;
      return;
    }
    const batch = this.pending();
    if (event.seq > this.lastSeq + 1) {
      const gap = {
        afterSeq: this.lastSeq,
        resumedSeq: event.seq,
        missing: event.seq - this.lastSeq - 1,
        detectedAt: now,
        feedTs: ts,
      };
      this.counters.gaps.push(gap);
      batch.gaps.push(gap);
    }
    this.lastSeq = event.seq;
    batch.lastSeq = event.seq;
    this.counters.eventsByType[event.type]++;
    this.apply(event, batch, now);
    if (batchSize(batch) >= this.maxRows) this.hand();
  }

  private apply(event: FeedEvent, batch: WriteBatch, now: number): void {
    switch (event.type) {
      case 'comments':
        for (const item of event.items) {
          const text = cleanText(item.text);
          const nickname = cleanText(item.nickname, 64);
          if (text.truncated) this.counters.truncated++;
          // A CommentRow already (rowId set once written): stored rows are these objects, not copies.
          const row: CommentRow = {
            rowId: 0,
            id: item.id,
            seq: event.seq,
            ts: item.ts,
            userId: item.userId,
            nickname: nickname.text,
            text: text.text,
            fanClub: item.fanClub === true,
            truncated: text.truncated,
          };
          batch.comments.push(row);
        }
        this.counters.countComments(event.items.length, now);
        break;
      case 'orders':
        for (const item of event.items) batch.orders.push({ ...item, seq: event.seq });
        break;
      case 'stats':
        if (this.previousStats && COUNTER_KEYS.some((key) => event[key] < this.previousStats![key])) {
          this.counterRegressions++;
        }
        this.previousStats = event;
        batch.stats.push(event);
        this.opts.metrics.onStats(event);
        this.statsListener?.(event, batch.showId);
        break;
      case 'product': {
        const { type: _t, ...product } = event;
        batch.products.push(product);
        this.opts.metrics.nameProduct(event.id, event.name);
        this.product = {
          id: event.id,
          name: event.name,
          price: event.price,
          stock: event.stock ?? null,
          since: event.ts,
        };
        break;
      }
      case 'end':
        batch.endedAt = event.ts;
        if (this.show) this.show = { ...this.show, endedAt: event.ts };
        this.setState('ended', null);
        break;
    }
  }

  private reject(type: string, reason: string, raw: unknown): void {
    this.counters.invalid++;
    const sample: InvalidSample = { at: this.now(), type: type.slice(0, 64), reason, sample: sampleOf(raw) };
    this.recentInvalid.push(sample);
    if (this.recentInvalid.length > INVALID_SAMPLES_KEPT) this.recentInvalid.shift();
    if (this.show) this.pending().invalid.push(sample);
  }

  private pending(): WriteBatch {
    if (!this.batch) {
      this.batch = emptyBatch(this.show!.id, this.lastSeq);
      this.timer = setTimeout(() => this.hand(), this.flushMs);
      this.timer.unref();
    }
    return this.batch;
  }

  /**
   * Writes the pending batch (or queues it while storage is paused) and waits until everything
   * handed to the writer is committed: what a read after flush() sees.
   */
  flush(): void {
    this.hand();
    this.waitForWriter();
  }

  /** Until nothing is with the writer (each write's callback hands it the next queued batches). */
  private waitForWriter(): void {
    while (this.writing > 0) this.writer.drain();
  }

  /** Hands the pending batch to the writer without waiting for it (the ingest path). */
  private hand(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.batch;
    this.batch = null;
    if (!batch) return;
    this.queue.push(batch);
    this.queuedRows += eventRows(batch);
    if (this.storage.state === 'paused') this.storage.queued = this.queuedRows;
    this.bound();
    this.pump();
  }

  /**
   * Hands the queued batches to the writer, oldest first, in one transaction (up to
   * MAX_ROWS_PER_WRITE rows): the next write starts only after this one is committed, so last_seq
   * never runs ahead of what is stored and a failed batch is retried before anything after it.
   * While the writer works, this thread goes on receiving; batches that queue up meanwhile go
   * together in the next write (a writer that falls behind catches up with bigger commits).
   */
  private pump(): void {
    while (this.writing === 0 && this.queue.length > 0 && (this.storage.state === 'ok' || this.retrying)) {
      const batches = [this.queue[0]!];
      // After a failure, batches go one by one, so the one that fails is the one given up.
      if (this.hardFailures === 0 && !this.oneByOne) {
        let rows = batchSize(batches[0]!);
        for (let i = 1; i < this.queue.length; i++) {
          const next = this.queue[i]!;
          rows += batchSize(next);
          if (rows > MAX_ROWS_PER_WRITE) break;
          batches.push(next);
        }
      }
      this.writing = batches.length;
      this.writer.writeBatches(batches, (outcome) => this.written(batches, outcome));
    }
  }

  private written(batches: WriteBatch[], outcome: WriteOutcome<BatchWritten[]>): void {
    this.writing = 0;
    if (!outcome.ok) {
      if (batches.length > 1 && !isTransientStorageError(outcome.error)) {
        // One of them cannot be written: find which, one at a time.
        this.oneByOne = true;
        this.pump();
        return;
      }
      const batch = batches[0]!;
      if (!isTransientStorageError(outcome.error) && ++this.hardFailures >= MAX_HARD_FAILURES) {
        // A batch that can never be written must not block everything after it.
        this.hardFailures = 0;
        this.unqueue();
        this.drop(batch, outcome.error);
        this.resumeIfDrained();
        this.pump();
        return;
      }
      this.retrying = false;
      this.pauseStorage(outcome.error);
      this.bound();
      return;
    }
    this.hardFailures = 0;
    this.oneByOne = false;
    const stored = batches.map((batch, i) => {
      this.unqueue();
      const rows = storedRows(batch, outcome.value[i]!.rowIds);
      const result = outcome.value[i]!;
      this.counters.commentsStored += rows.length;
      this.counters.duplicatesDropped += result.duplicateComments + result.duplicateOrders;
      if (this.show?.id === batch.showId) this.show.lastSeq = Math.max(this.show.lastSeq, batch.lastSeq);
      return rows;
    });
    this.resumeIfDrained();
    // The next write goes to the writer before these listeners run, so both work at once.
    this.pump();
    batches.forEach((batch, i) => {
      if (stored[i]!.length > 0) this.opts.onStored?.(stored[i]!, batch.showId);
    });
  }

  /** While paused: storage is back once the queue is empty. */
  private resumeIfDrained(): void {
    if (this.storage.state !== 'paused') return;
    this.storage.queued = this.queuedRows;
    if (this.queue.length > 0) return;
    this.storage.state = 'ok';
    this.storage.reason = null;
    this.storage.queued = 0;
    this.retrying = false;
  }

  private unqueue(): void {
    const batch = this.queue.shift();
    if (batch) this.queuedRows = Math.max(0, this.queuedRows - eventRows(batch));
  }

  /**
   * While storage is paused, keeps the queue within maxQueuedRows: the oldest batches are dropped.
   * (A writer that is merely behind — a burst, a replay — loses nothing: the queue drains.)
   */
  private bound(): void {
    if (this.storage.state !== 'paused') return;
    while (this.queuedRows > this.maxQueuedRows && this.queue.length > 1) {
      const index = this.writing;
      if (index >= this.queue.length - 1) break; // never the batch being written, nor the newest
      const [oldest] = this.queue.splice(index, 1);
      this.queuedRows -= eventRows(oldest!);
      this.drop(oldest!, null);
    }
    this.storage.queued = this.queuedRows;
  }

  /** Gives a batch up: its events are recorded as a gap, so the loss is visible and stored. */
  private drop(batch: WriteBatch, err: unknown): void {
    this.storage.dropped += eventRows(batch);
    if (err !== null)
      this.storage.reason = `dropped a batch that could not be written: ${describeStorageError(err)}`;
    const gap: FeedGap = {
      afterSeq: batch.fromSeq,
      resumedSeq: batch.lastSeq + 1,
      missing: batch.lastSeq - batch.fromSeq,
      detectedAt: this.now(),
      feedTs: batch.stats.at(-1)?.ts ?? null,
    };
    this.counters.gaps.push(gap);
    // Store the gap with the next batch that will be written (not the one being dropped, nor
    // one already with the writer), along with any gaps and invalid samples the dropped batch
    // was carrying.
    const carrier =
      this.queue.find((b, i) => b !== batch && i >= this.writing) ??
      this.batch ??
      (this.show ? this.pending() : null);
    carrier?.gaps.push(...batch.gaps, gap);
    carrier?.invalid.push(...batch.invalid);
  }

  private pauseStorage(err: unknown): void {
    this.storage.state = 'paused';
    this.storage.reason = describeStorageError(err);
    if (this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.retryStorage();
    }, this.storageRetryMs);
    this.retryTimer.unref();
  }

  /** Writes the queued batches in order (and waits for them); storage is back when the queue is empty. */
  retryStorage(): void {
    if (this.queue.length === 0 && this.writing === 0) {
      this.storage.state = 'ok';
      this.storage.reason = null;
      this.storage.queued = 0;
      return;
    }
    this.retrying = true;
    this.pump();
    this.waitForWriter();
  }

  stop(): void {
    this.flush();
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    // One last try; whatever still cannot be written was never marked stored (last_seq), so the
    // feed is asked for it again on the next start.
    if (this.queue.length > 0) this.retryStorage();
  }
}

/**
 * The batch's comments that were new, with their row ids (0 marks a duplicate). The pipeline's
 * batches hold CommentRow objects (apply), so the row id is filled in place, not copied.
 */
function storedRows(batch: WriteBatch, rowIds: readonly number[]): CommentRow[] {
  const stored: CommentRow[] = [];
  const comments = batch.comments;
  for (let i = 0; i < comments.length; i++) {
    const rowId = rowIds[i]!;
    if (rowId === 0) continue;
    const c = comments[i]!;
    if (isRow(c)) {
      c.rowId = rowId;
      stored.push(c);
    } else stored.push({ ...c, rowId });
  }
  return stored;
}

const isRow = (c: NewComment): c is CommentRow => typeof (c as Partial<CommentRow>).rowId === 'number';

/** The feed-clock time an event speaks for (the newest item's for batches). */
function eventTime(event: FeedEvent): number {
  switch (event.type) {
    case 'comments':
    case 'orders': {
      let max = 0;
      for (const item of event.items) if (item.ts > max) max = item.ts;
      return max;
    }
    default:
      return event.ts;
  }
}
