/**
 * Ingest: the one way in for data. Raw events from any source are validated, de-duplicated
 * (by seq, then by comment/order id in SQLite), checked for gaps, applied to the live
 * metrics at once and written to SQLite in batches (every ≤ flushMs or ≤ maxRows).
 */
import type {
  CommentRow,
  CurrentProduct,
  FeedState,
  InvalidSample,
  ShowInfo,
  SourceKind,
} from '../../../shared/api/contract.js';
import type { FeedEvent, Hello } from '../../../shared/protocol/feed.js';
import { MetricsEngine } from '../engines/metrics-engine.js';
import type { SourceHandlers } from '../sources/types.js';
import type { Store } from '../store/store.js';
import { batchSize, emptyBatch, type ShowRecord, type WriteBatch } from '../store/types.js';
import { FeedCounters } from './feed-counters.js';
import { cleanText } from './normalise.js';
import { sampleOf, validateEvent, validateHello } from './validate.js';

export interface PipelineOptions {
  store: Store;
  metrics: MetricsEngine;
  sourceKind: SourceKind;
  flushMs?: number;
  maxRows?: number;
  /** Called after each flush with the comments it stored (oldest first). */
  onStored?: (stored: CommentRow[]) => void;
  now?: () => number;
}

const INVALID_SAMPLES_KEPT = 50;

export class IngestPipeline {
  readonly counters = new FeedCounters();
  private show: ShowRecord | null = null;
  private lastSeq = 0;
  private product: CurrentProduct | null = null;
  private batch: WriteBatch | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly recentInvalid: InvalidSample[] = [];
  private readonly flushMs: number;
  private readonly maxRows: number;
  private readonly now: () => number;
  state: FeedState = 'connecting';
  stateDetail: string | null = null;
  reconnects = 0;

  constructor(private readonly opts: PipelineOptions) {
    this.flushMs = opts.flushMs ?? 100;
    this.maxRows = opts.maxRows ?? 2000;
    this.now = opts.now ?? Date.now;
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

  /** Highest seq accepted; a source resumes after it. */
  get seq(): number {
    return this.lastSeq;
  }

  invalidSamples(): InvalidSample[] {
    return [...this.recentInvalid].reverse();
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
    const latest = store.latestStats(show.id);
    const history = latest
      ? store.statsSince(show.id, MetricsEngine.historyNeededSince(latest.counters.ts))
      : [];
    this.opts.metrics.reset(show.id, {
      history,
      peakOnline: store.peakOnline(show.id),
      products: latest?.products ?? [],
      productNames: store.productNames(show.id),
    });
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
      source: this.opts.sourceKind,
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
      };
      this.counters.gaps.push(gap);
      batch.gaps.push(gap);
    }
    this.lastSeq = event.seq;
    batch.lastSeq = event.seq;
    this.counters.eventsByType[event.type]++;
    this.apply(event, batch, now);
    if (batchSize(batch) >= this.maxRows) this.flush();
  }

  private apply(event: FeedEvent, batch: WriteBatch, now: number): void {
    switch (event.type) {
      case 'comments':
        for (const item of event.items) {
          const text = cleanText(item.text);
          const nickname = cleanText(item.nickname, 64);
          if (text.truncated) this.counters.truncated++;
          batch.comments.push({
            id: item.id,
            seq: event.seq,
            ts: item.ts,
            userId: item.userId,
            nickname: nickname.text,
            text: text.text,
            fanClub: item.fanClub === true,
            truncated: text.truncated,
          });
        }
        this.counters.countComments(event.items.length, now);
        break;
      case 'orders':
        for (const item of event.items) batch.orders.push({ ...item, seq: event.seq });
        break;
      case 'stats':
        batch.stats.push(event);
        this.opts.metrics.onStats(event);
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
      this.timer = setTimeout(() => this.flush(), this.flushMs);
      this.timer.unref();
    }
    return this.batch;
  }

  /** Writes the pending batch now. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.batch;
    this.batch = null;
    if (!batch) return;
    const result = this.opts.store.writeBatch(batch);
    this.counters.commentsStored += result.stored.length;
    this.counters.duplicatesDropped += result.duplicateComments + result.duplicateOrders;
    if (this.show) this.show.lastSeq = batch.lastSeq;
    if (result.stored.length > 0) this.opts.onStored?.(result.stored);
  }

  stop(): void {
    this.flush();
  }
}
