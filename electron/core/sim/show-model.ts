/**
 * A simulated 抖音 live-commerce show, step by step. Pure and deterministic: the same options
 * give the same events, byte for byte (all randomness comes from the seed, time only from
 * the steps). It keeps running totals, never the events themselves, so an 8-hour show at
 * 10,000 comments/s fits in memory; the feed server and SimSource decide what to keep.
 */
import { FEED_PROTOCOL_VERSION, MAX_BATCH_ITEMS } from '../../../shared/protocol/feed.js';
import type {
  CommentItem,
  FeedEvent,
  Hello,
  OrderItem,
  ProductStats,
} from '../../../shared/protocol/feed.js';
import { TRAFFIC_SOURCES } from '../../../shared/metrics/definitions.js';
import type { TrafficSource } from '../../../shared/metrics/definitions.js';
import { CommentWriter } from './comment-writer.js';
import { COMMENT_CATEGORIES, loadCorpus } from './corpus.js';
import type { CommentCategory, Corpus, ProductRole, SimProduct } from './corpus.js';
import { Prng, seed32 } from './prng.js';
import {
  activeFault,
  commentActivity,
  commentRateNormaliser,
  faultOnlineFactor,
  luckyBagAt,
  onlineShape,
  phaseAt,
  planShow,
} from './show-plan.js';
import type { FaultKind, FaultWindow, LuckyBagSpan, PhaseSpan, ShowPlan } from './show-plan.js';
import { GrowableBitset, ViewerDirectory } from './viewers.js';

export type { FaultKind, FaultWindow, LuckyBagSpan, PhaseSpan } from './show-plan.js';

export interface ShowModelOptions {
  seed: number;
  /** Mean comments per second over the show. */
  rate: number;
  /** ms since epoch */
  startedAt: number;
  durationMs: number;
  /** Simulated ms per step; must divide 1000 (stats go out once per simulated second). Default 100. */
  stepMs?: number;
  /** Default 'demo-room'. */
  roomId?: string;
  /** Default derived from seed and startedAt. */
  showId?: string;
  title?: string;
  corpus?: Corpus;
  /** Plan one stream fault mid-show (default true). */
  autoFault?: boolean;
}

export type StatsFeedEvent = Extract<FeedEvent, { type: 'stats' }>;

export interface ShowTotals {
  /** Events produced so far (= lastSeq). */
  events: number;
  /** Comment items produced so far. */
  comments: number;
  lastCommentId: string | null;
  orders: number;
  /** cents */
  gmv: number;
  online: number;
  lastStats: StatsFeedEvent | null;
}

/** Peak audience per comment/s of the requested rate (a 9,000-viewer room chats at ~60/s). */
const ONLINE_PER_COMMENT_RATE = 150;
/** Per viewer per second, while the product is on screen: cheap 秒杀 items sell fast, 利润品 slowly. */
const CONVERSION: Record<ProductRole, number> = { traffic: 6e-4, hit: 1.6e-4, profit: 0.35e-4 };
/** Buying from the cart (小黄车) something not on screen. */
const CART_CONVERSION = 0.15e-4;
/** Click-through of the product card on screen. */
const CTR: Record<ProductRole, number> = { traffic: 0.22, hit: 0.14, profit: 0.07 };
/** How long each product is presented (s), before the phase boundary cuts it. */
const PRESENT_SEC: Record<ProductRole, [number, number]> = {
  traffic: [180, 300],
  hit: [300, 480],
  profit: [300, 480],
};
const MAX_RESTOCKS = 2;
/** One viewer in this many ever comments (besides the regulars): 互动率 stays believable. */
const TALKER_EVERY = 8;
const LIKE_MILESTONES = [
  10_000, 30_000, 50_000, 100_000, 200_000, 500_000, 1e6, 2e6, 5e6, 1e7, 2e7, 5e7, 1e8, 2e8, 5e8, 1e9,
];

const BASE_CATEGORY_WEIGHTS: Record<CommentCategory, number> = {
  greeting: 5,
  chat: 14,
  praise: 8,
  size: 9,
  shipping: 8,
  coupon: 7,
  stock: 6,
  afterSales: 5,
  link: 7,
  price: 7,
  emoji: 9,
  luckyBag: 0.4,
  luckyBagResult: 0,
  flashSale: 0,
  complaint: 0.6,
  milestone: 0,
  faultStutter: 0,
  faultAudio: 0,
};
const CATEGORY_INDEX = Object.fromEntries(COMMENT_CATEGORIES.map((c, i) => [c, i])) as Record<
  CommentCategory,
  number
>;

const BASE_TRAFFIC_WEIGHTS: Record<TrafficSource, number> = {
  homepage_hot: 36,
  live_merge: 12,
  homepage_fresh: 5,
  homepage_follow: 9,
  video_to_live: 12,
  general_search: 4,
  others_homepage: 4,
  douyin_shopping_center: 6,
  paid: 10,
  other: 2,
};

interface ProductState {
  spec: SimProduct;
  index: number;
  stock: number;
  initialStock: number;
  restocks: number;
  exposures: number;
  clicks: number;
  /** Users who clicked and did not buy (estimate); clickUsers = buyers + this. */
  nonBuyClickers: number;
  orders: number;
  gmv: number;
  buyers: GrowableBitset;
}

interface Segment {
  product: number;
  start: number;
  end: number;
}

function milestoneLabel(n: number): string {
  if (n >= 1e8) return `${n / 1e8}亿`;
  if (n >= 1e4) return `${n / 1e4}万`;
  return String(n);
}

function validate(opts: ShowModelOptions): void {
  const { seed, rate, startedAt, durationMs, stepMs = 100 } = opts;
  if (!Number.isSafeInteger(seed) || seed < 0)
    throw new RangeError(`ShowModel: seed must be a non-negative integer, got ${seed}`);
  if (!(rate > 0 && rate <= 100_000))
    throw new RangeError(`ShowModel: rate must be in (0, 100000], got ${rate}`);
  if (!Number.isSafeInteger(startedAt) || startedAt < 946_684_800_000)
    throw new RangeError(`ShowModel: startedAt must be ms since epoch, got ${startedAt}`);
  // The protocol's timestamps end at 2100-01-01.
  if (!Number.isSafeInteger(durationMs) || durationMs <= 0 || startedAt + durationMs > 4_102_444_800_000)
    throw new RangeError(`ShowModel: durationMs must be a positive integer, got ${durationMs}`);
  if (!Number.isInteger(stepMs) || stepMs <= 0 || 1000 % stepMs !== 0)
    throw new RangeError(`ShowModel: stepMs must divide 1000, got ${stepMs}`);
}

export class ShowModel {
  readonly stepMs: number;
  readonly roomId: string;
  readonly showId: string;
  readonly title: string;
  readonly startedAt: number;
  readonly endsAt: number;
  readonly rate: number;
  /** The room's audience at its peak (before noise). */
  readonly baseOnline: number;

  private readonly corpus: Corpus;
  private readonly plan: ShowPlan;
  private readonly prng: Prng;
  private readonly writer: CommentWriter;
  private readonly viewers: ViewerDirectory;
  private readonly regularCount: number;
  private readonly rateNormaliser: number;
  private readonly products: ProductState[];
  private readonly roleProducts: Record<ProductRole, number[]>;
  private readonly rotation: Record<ProductRole, number>;
  private readonly categoryWeights = new Float64Array(COMMENT_CATEGORIES.length);

  private now: number;
  private seq = 0;
  private ended = false;
  private segment: Segment | null = null;
  private restockAt: number | null = null;

  // Audience and counters (cumulative, exactly what the stats events report).
  private online: number;
  private onlineNoise = 0;
  private pv: number;
  private uv: number;
  private stayed1m = 0;
  private watchSeconds = 0;
  private readonly entriesBySecond = new Float64Array(60);
  private likes = 0;
  private shares = 0;
  private newFollowers = 0;
  private fanClubJoins = 0;
  /** Viewers who liked or shared but never commented (estimate). */
  private silentInteractors = 0;
  private readonly commenters = new GrowableBitset();
  private readonly buyers = new GrowableBitset();
  private nonBuyClickers = 0;
  private readonly traffic = new Float64Array(TRAFFIC_SOURCES.length);
  private comments = 0;
  private lastCommentId: string | null = null;
  private orders = 0;
  private gmv = 0;
  private nextMilestone = 0;
  private lastMilestoneLabel = milestoneLabel(LIKE_MILESTONES[0] as number);
  private milestoneBurstUntil = 0;
  private lastStats: StatsFeedEvent | null = null;

  constructor(opts: ShowModelOptions) {
    validate(opts);
    this.stepMs = opts.stepMs ?? 100;
    this.rate = opts.rate;
    this.startedAt = opts.startedAt;
    this.endsAt = opts.startedAt + opts.durationMs;
    this.now = opts.startedAt;
    this.corpus = opts.corpus ?? loadCorpus();
    this.roomId = opts.roomId ?? 'demo-room';
    this.showId = opts.showId ?? `sim-${opts.seed.toString(36)}-${opts.startedAt.toString(36)}`;
    this.title = opts.title ?? this.corpus.showTitle;

    // Separate streams: the run sheet does not shift when the per-step draws change.
    const planPrng = new Prng(seed32(opts.seed, 1));
    this.prng = new Prng(seed32(opts.seed, 2));
    this.plan = planShow(
      planPrng,
      opts.startedAt,
      opts.durationMs,
      this.corpus.luckyBagCodes,
      opts.autoFault ?? true,
    );
    this.rateNormaliser = commentRateNormaliser(this.plan);

    this.baseOnline = Math.max(50, Math.round(opts.rate * ONLINE_PER_COMMENT_RATE));
    this.regularCount = Math.max(30, Math.round(this.baseOnline * 0.01));
    this.viewers = new ViewerDirectory(opts.seed, this.corpus.nicknames, this.regularCount);
    this.writer = new CommentWriter(this.corpus, this.prng);

    const stockScale = this.baseOnline / this.corpus.stockReferenceOnline;
    this.products = this.corpus.products.map((spec, index) => {
      const stock = Math.max(10, Math.round((spec.stock * stockScale) / 10) * 10);
      return {
        spec,
        index,
        stock,
        initialStock: stock,
        restocks: 0,
        exposures: 0,
        clicks: 0,
        nonBuyClickers: 0,
        orders: 0,
        gmv: 0,
        buyers: new GrowableBitset(),
      };
    });
    this.roleProducts = { traffic: [], hit: [], profit: [] };
    for (const p of this.products) this.roleProducts[p.spec.role].push(p.index);
    // The show opens with the first 引流品 (the 1元秒杀); the others start anywhere in their list.
    this.rotation = {
      traffic: 0,
      hit: planPrng.int(0, this.roleProducts.hit.length - 1),
      profit: planPrng.int(0, this.roleProducts.profit.length - 1),
    };

    // Fans waiting in the room when the stream starts.
    this.online = Math.round(this.baseOnline * onlineShape(this.plan, this.startedAt));
    this.pv = this.online;
    this.uv = this.online;
    this.entriesBySecond[0] = this.online;
    this.allocateTraffic(this.online, this.startedAt);
  }

  hello(serverTime: number): Hello {
    return {
      protocol: FEED_PROTOCOL_VERSION,
      room: { id: this.roomId, title: this.corpus.room.title, platform: this.corpus.room.platform },
      show: { id: this.showId, title: this.title, startedAt: this.startedAt },
      serverTime: Math.round(serverTime),
      lastSeq: this.seq,
    };
  }

  get simTime(): number {
    return this.now;
  }

  get lastSeq(): number {
    return this.seq;
  }

  get done(): boolean {
    return this.ended;
  }

  get onlineNow(): number {
    return this.online;
  }

  /** The run sheet: product phases, 福袋 windows and faults (planned and injected). */
  schedule(): {
    readonly phases: readonly PhaseSpan[];
    readonly luckyBags: readonly LuckyBagSpan[];
    readonly faults: readonly FaultWindow[];
  } {
    return { phases: this.plan.phases, luckyBags: this.plan.luckyBags, faults: this.plan.faults };
  }

  /** Planned and injected faults, in the order they were added. */
  faults(): readonly FaultWindow[] {
    return this.plan.faults;
  }

  /** The product on screen, or null before the first step. */
  currentProduct(): { id: string; name: string; role: ProductRole; stock: number } | null {
    if (!this.segment) return null;
    const p = this.products[this.segment.product] as ProductState;
    return { id: p.spec.id, name: p.spec.name, role: p.spec.role, stock: p.stock };
  }

  totals(): ShowTotals {
    return {
      events: this.seq,
      comments: this.comments,
      lastCommentId: this.lastCommentId,
      orders: this.orders,
      gmv: this.gmv,
      online: this.online,
      lastStats: this.lastStats,
    };
  }

  /** From now: viewers leave and post 卡了 / 没声音 until the fault is over. */
  injectFault(kind: FaultKind, durationMs: number): void {
    if (!(durationMs > 0) || !Number.isFinite(durationMs))
      throw new RangeError(`injectFault: bad duration ${durationMs}`);
    if (this.ended) return;
    // Whole steps, so "during the fault" is exact for every comment of a step.
    const length = Math.ceil(durationMs / this.stepMs) * this.stepMs;
    this.plan.faults.push({ kind, start: this.now, end: this.now + length, injected: true });
  }

  /**
   * The room's figures as they stand, as a stats event (a platform's push sends its snapshot on
   * connect; otherwise the board would wait for the first simulated second to pass).
   */
  currentStats(): StatsFeedEvent {
    return this.statsEvent(this.now);
  }

  /** Advances one step and returns its events (seq assigned); nothing once the show has ended. */
  step(): FeedEvent[] {
    if (this.ended) return [];
    const t0 = this.now;
    const t1 = Math.min(t0 + this.stepMs, this.endsAt);
    const events: FeedEvent[] = [];
    const fault = activeFault(this.plan.faults, t0);

    this.presentProduct(t0, events);
    this.emitComments(t0, t1, fault, events);
    this.emitOrders(t0, t1, fault, events);

    let statsSent = false;
    const secondBefore = Math.floor((t0 - this.startedAt) / 1000);
    const secondAfter = Math.floor((t1 - this.startedAt) / 1000);
    if (secondAfter > secondBefore) {
      for (let s = secondBefore + 1; s <= secondAfter; s++) this.tickSecond(s);
      events.push(this.statsEvent(t1));
      statsSent = true;
    }

    this.now = t1;
    if (t1 >= this.endsAt) {
      if (!statsSent) events.push(this.statsEvent(t1));
      events.push({ type: 'end', seq: ++this.seq, ts: this.endsAt });
      this.ended = true;
    }
    return events;
  }

  // ——— products ———

  private presentProduct(t: number, events: FeedEvent[]): void {
    const segment = this.segment;
    if (!segment || t >= segment.end) {
      // Less than a minute of the phase left: start the next phase's product already.
      const current = phaseAt(this.plan, t);
      const phase =
        current.end - t < 60_000 && current.end < this.endsAt ? phaseAt(this.plan, current.end) : current;
      const list = this.roleProducts[phase.role];
      const next = list[this.rotation[phase.role] % list.length] as number;
      this.rotation[phase.role]++;
      const [minSec, maxSec] = PRESENT_SEC[phase.role];
      let end = Math.min(t + this.prng.int(minSec, maxSec) * 1000, phase.end);
      // No 1-minute leftovers at the end of a phase.
      if (phase.end - end < 90_000) end = phase.end;
      const product = this.products[next] as ProductState;
      let changed = !segment || segment.product !== next;
      if (product.stock === 0) {
        // Restocked off-stream between rounds (紧急补货).
        product.stock = Math.max(10, Math.round(product.initialStock * 0.5));
        changed = true;
      }
      this.segment = { product: next, start: t, end };
      this.restockAt = null;
      if (changed) events.push(this.productEvent(product, t));
      return;
    }
    if (this.restockAt !== null && t >= this.restockAt) {
      const product = this.products[segment.product] as ProductState;
      product.stock += Math.max(10, Math.round(product.initialStock * 0.4));
      product.restocks++;
      this.restockAt = null;
      events.push(this.productEvent(product, t));
    }
  }

  private productEvent(product: ProductState, t: number): FeedEvent {
    const { id, name, price } = product.spec;
    return { type: 'product', seq: ++this.seq, ts: t, id, name, price, stock: product.stock };
  }

  private onScreen(): ProductState {
    return this.products[(this.segment as Segment).product] as ProductState;
  }

  private soldOut(product: ProductState, t: number): void {
    const segment = this.segment as Segment;
    if (product.index !== segment.product) return;
    if (product.spec.role === 'hit' && product.restocks < MAX_RESTOCKS) {
      // The host promises 加库存; the team needs a minute or two.
      this.restockAt = t + this.prng.int(60, 120) * 1000;
    } else if (product.spec.role === 'traffic') {
      // 秒杀 sold out: move on soon.
      segment.end = Math.min(segment.end, t + 30_000);
    }
  }

  // ——— viewers ———

  /** A viewer now in the room: often a regular (they comment again and again), else a recent arrival. */
  private pickViewer(): number {
    const regulars = Math.min(this.uv, this.regularCount);
    if (regulars > 0 && this.prng.next() < 0.22) return Math.floor(this.prng.next() * regulars);
    const window = Math.max(1, Math.min(this.uv, Math.max(1, this.online) * 2));
    return Math.max(0, this.uv - 1 - Math.floor(this.prng.next() * window));
  }

  /** Most viewers never type: only regulars and one in TALKER_EVERY others do, several times each. */
  private pickCommenter(): number {
    const viewer = this.pickViewer();
    return viewer < this.regularCount ? viewer : viewer - (viewer % TALKER_EVERY);
  }

  // ——— comments ———

  private emitComments(t0: number, t1: number, fault: FaultWindow | undefined, events: FeedEvent[]): void {
    const product = this.onScreen();
    let perSecond =
      this.rate *
      this.rateNormaliser *
      (this.online / this.baseOnline) *
      commentActivity(this.plan, t0, fault);
    if (product.stock === 0) perSecond *= 1.2;
    if (t0 < this.milestoneBurstUntil) perSecond *= 1.3;
    const count = this.prng.poisson((perSecond * (t1 - t0)) / 1000);
    if (count === 0) return;

    const total = this.prepareCategoryWeights(t0, product, fault);
    const bag = luckyBagAt(this.plan, t0);
    const bagCode = bag?.stage === 'countdown' ? bag.bag.code : null;
    const span = t1 - t0;
    for (let offset = 0; offset < count; offset += MAX_BATCH_ITEMS) {
      const batch = Math.min(MAX_BATCH_ITEMS, count - offset);
      const seq = ++this.seq;
      const items: CommentItem[] = new Array<CommentItem>(batch);
      for (let i = 0; i < batch; i++) {
        const category = COMMENT_CATEGORIES[
          this.prng.weighted(this.categoryWeights, total)
        ] as CommentCategory;
        // During a 福袋 countdown most bag comments are the exact 口令.
        const text =
          category === 'luckyBag' && bagCode !== null && this.prng.next() < 0.55
            ? bagCode
            : this.writer.write(category, product.index, this.lastMilestoneLabel);
        const viewer = this.pickCommenter();
        this.commenters.add(viewer);
        items[i] = {
          id: `c-${seq}-${i}`,
          ts: t0 + Math.floor(((offset + i + this.prng.next()) * span) / count),
          userId: this.viewers.userId(viewer),
          nickname: this.viewers.nickname(viewer),
          text,
          fanClub: this.viewers.fanClub(viewer),
        };
      }
      this.comments += batch;
      this.lastCommentId = (items[batch - 1] as CommentItem).id;
      events.push({ type: 'comments', seq, items });
    }
  }

  /** Fills this.categoryWeights for the moment; returns their sum. */
  private prepareCategoryWeights(t: number, product: ProductState, fault: FaultWindow | undefined): number {
    const w = this.categoryWeights;
    for (const category of COMMENT_CATEGORIES) w[CATEGORY_INDEX[category]] = BASE_CATEGORY_WEIGHTS[category];
    const set = (category: CommentCategory, value: number) => (w[CATEGORY_INDEX[category]] = value);
    const get = (category: CommentCategory) => w[CATEGORY_INDEX[category]] as number;
    const { spec } = product;

    if (!spec.sizes) set('size', 2);
    if (!spec.sizes && !spec.colors) set('stock', 3);
    if (t - this.startedAt < 3 * 60_000) set('greeting', get('greeting') * 5);
    if (spec.role === 'traffic') {
      set('flashSale', 12);
      set('link', get('link') * 1.5);
    }
    if (product.stock === 0) {
      set('stock', get('stock') * 4);
      set('flashSale', get('flashSale') * 1.5);
    }
    let sum = 0;
    for (let i = 0; i < w.length; i++) sum += w[i] as number;

    const bag = luckyBagAt(this.plan, t);
    if (bag?.stage === 'countdown') set('luckyBag', sum * 0.6);
    else if (bag?.stage === 'result') set('luckyBagResult', sum * 0.35);
    else if (bag?.stage === 'after') set('luckyBag', 1);
    if (t < this.milestoneBurstUntil) set('milestone', sum * 0.3);
    // Fault lines exist only while the stream is actually broken.
    if (fault) set(fault.kind === 'stream-stutter' ? 'faultStutter' : 'faultAudio', sum * 0.5);

    let total = 0;
    for (let i = 0; i < w.length; i++) total += w[i] as number;
    return total;
  }

  // ——— orders ———

  private emitOrders(t0: number, t1: number, fault: FaultWindow | undefined, events: FeedEvent[]): void {
    const product = this.onScreen();
    const segment = this.segment as Segment;
    const sincePresented = (t0 - segment.start) / 1000;
    let onScreenRate = product.stock > 0 ? this.online * CONVERSION[product.spec.role] : 0;
    if (product.spec.role === 'traffic') {
      // 讲解 and "3、2、1 上链接" first, then the rush.
      onScreenRate *= sincePresented < 30 ? 0 : sincePresented < 60 ? 2 : 1;
    } else {
      onScreenRate *= 0.5 + 0.5 * Math.min(1, sincePresented / 60);
    }
    let cartRate = this.online * CART_CONVERSION;
    const damping = fault ? 0.3 : luckyBagAt(this.plan, t0)?.stage === 'countdown' ? 0.9 : 1;
    onScreenRate *= damping;
    cartRate *= damping;

    const count = this.prng.poisson(((onScreenRate + cartRate) * (t1 - t0)) / 1000);
    if (count === 0) return;
    const seq = this.seq + 1;
    const items: OrderItem[] = [];
    const span = t1 - t0;
    for (let i = 0; i < count && items.length < MAX_BATCH_ITEMS; i++) {
      const target =
        this.prng.next() * (onScreenRate + cartRate) < onScreenRate ? product : this.pickCartProduct();
      if (!target || target.stock === 0) continue;
      const qty = Math.min(target.stock, this.orderQuantity(target.spec.role));
      const buyer = this.pickViewer();
      const ts = t0 + Math.floor(((i + this.prng.next()) * span) / count);
      const amount = target.spec.price * qty;
      items.push({
        id: `o-${seq}-${items.length}`,
        ts,
        productId: target.spec.id,
        qty,
        amount,
        buyerId: this.viewers.userId(buyer),
      });

      target.stock -= qty;
      target.orders++;
      target.gmv += amount;
      if (target.buyers.add(buyer)) {
        // A buyer clicked the card first.
        target.clicks++;
        target.exposures++;
      }
      this.buyers.add(buyer);
      this.orders++;
      this.gmv += amount;
      if (target.stock === 0) this.soldOut(target, ts);
    }
    if (items.length === 0) return;
    this.seq = seq;
    events.push({ type: 'orders', seq, items });
  }

  /** Something from the cart that is not a 秒杀 item (those are only sold live). */
  private pickCartProduct(): ProductState | undefined {
    const roll = this.prng.next();
    const pool = roll < 0.75 ? this.roleProducts.hit : this.roleProducts.profit;
    const product = this.products[pool[Math.floor(this.prng.next() * pool.length)] as number];
    return product && product.stock > 0 ? product : undefined;
  }

  private orderQuantity(role: ProductRole): number {
    if (role === 'traffic') return 1; // 限购一件
    const roll = this.prng.next();
    if (role === 'hit') return roll < 0.8 ? 1 : roll < 0.95 ? 2 : 3;
    return roll < 0.9 ? 1 : 2;
  }

  // ——— audience, once per simulated second ———

  private tickSecond(second: number): void {
    const t = this.startedAt + second * 1000;
    const fault = activeFault(this.plan.faults, t);
    const phase = phaseAt(this.plan, t);
    const bagStage = luckyBagAt(this.plan, t)?.stage ?? null;
    const prng = this.prng;

    // Online follows the plan's curve with inertia and a little autocorrelated noise.
    this.onlineNoise = 0.97 * this.onlineNoise + 0.012 * prng.normal();
    const target =
      this.baseOnline * onlineShape(this.plan, t) * faultOnlineFactor(fault) * Math.exp(this.onlineNoise);
    const previous = this.online;
    this.online = Math.max(0, Math.round(previous + (target - previous) * (fault ? 0.12 : 0.08)));

    // Entries = those replacing the leavers + the net growth.
    const meanStaySec = fault ? 60 : bagStage === 'countdown' ? 130 : 95;
    const entries = prng.roundRandom(Math.max(0, previous / meanStaySec + this.online - previous));
    this.pv += entries;
    const minutes = (t - this.startedAt) / 60_000;
    const newViewers = Math.min(entries, prng.roundRandom(entries * (0.6 + 0.25 * Math.exp(-minutes / 40))));
    if (newViewers > 0) {
      this.uv += newViewers;
      this.allocateTraffic(newViewers, t, fault, bagStage === 'countdown', phase.role === 'traffic');
    }

    // Entries of 60 s ago that are still here.
    const slot = second % 60;
    const retain = 0.42 * (fault ? 0.6 : 1) * (bagStage === 'countdown' ? 1.2 : 1);
    this.stayed1m += prng.roundRandom((this.entriesBySecond[slot] as number) * retain);
    this.entriesBySecond[slot] = entries;
    this.watchSeconds += this.online;

    this.tickLikes(t, fault, bagStage === 'countdown');
    this.shares += prng.poisson(this.online * 0.0006);
    const follows = prng.poisson(entries * 0.035 * (phase.role === 'hit' ? 1.2 : 1));
    this.newFollowers += follows;
    this.fanClubJoins += prng.poisson(follows * 0.12 + this.online * 0.00003);
    this.silentInteractors += prng.roundRandom(newViewers * 0.06);

    this.tickProductFunnel(entries, fault);
  }

  private tickLikes(t: number, fault: FaultWindow | undefined, bagCountdown: boolean): void {
    const next = LIKE_MILESTONES[this.nextMilestone];
    // The host rallies 点赞 when a milestone (and its reward) is close.
    const nearMilestone = next !== undefined && this.likes >= next * 0.92;
    const rate = 0.015 * (bagCountdown ? 1.5 : 1) * (fault ? 0.5 : 1) * (nearMilestone ? 2.5 : 1);
    this.likes += this.prng.poisson(this.online * rate);
    while (
      this.nextMilestone < LIKE_MILESTONES.length &&
      this.likes >= (LIKE_MILESTONES[this.nextMilestone] as number)
    ) {
      this.lastMilestoneLabel = milestoneLabel(LIKE_MILESTONES[this.nextMilestone] as number);
      this.milestoneBurstUntil = t + 15_000;
      this.nextMilestone++;
    }
  }

  private tickProductFunnel(entries: number, fault: FaultWindow | undefined): void {
    const onScreen = this.segment?.product ?? -1;
    let newClickers = 0;
    for (const p of this.products) {
      const current = p.index === onScreen;
      // The card on screen is shown to everyone coming in (and again now and then); cart items rarely.
      const exposureRate = current ? entries * 1.1 + this.online * 0.004 : this.online * 0.0008;
      const exposures = this.prng.poisson(exposureRate * (fault ? 0.5 : 1));
      const clicks = Math.min(exposures, this.prng.poisson(exposures * (current ? CTR[p.spec.role] : 0.04)));
      const clickers = this.prng.roundRandom(clicks * 0.55);
      p.exposures += exposures;
      p.clicks += clicks;
      p.nonBuyClickers += clickers;
      newClickers += clickers;
    }
    // Some users click several products; count them once overall.
    this.nonBuyClickers += this.prng.roundRandom(newClickers * 0.8);
  }

  /** Splits new viewers over the traffic sources so that the parts always sum to uv. */
  private allocateTraffic(
    count: number,
    t: number,
    fault?: FaultWindow,
    bagCountdown = false,
    trafficPhase = true,
  ): void {
    const weights = TRAFFIC_SOURCES.map((source) => BASE_TRAFFIC_WEIGHTS[source]);
    const boost = (source: TrafficSource, factor: number) => {
      const i = TRAFFIC_SOURCES.indexOf(source);
      weights[i] = (weights[i] as number) * factor;
    };
    if (t - this.startedAt < 3 * 60_000) {
      // Fans get the 开播 notification; the 预热 videos send people in.
      boost('homepage_follow', 3);
      boost('video_to_live', 1.6);
    }
    if (trafficPhase) {
      boost('paid', 1.8); // 投流 behind the 引流品
      boost('homepage_hot', 1.15);
    }
    if (bagCountdown) boost('live_merge', 1.5);
    if (fault) boost('homepage_hot', 0.6); // the algorithm stops pushing a broken stream
    const sum = weights.reduce((a, b) => a + b, 0);
    let given = 0;
    for (let i = 0; i < weights.length; i++) {
      const share = Math.floor((count * (weights[i] as number)) / sum);
      this.traffic[i] = (this.traffic[i] as number) + share;
      given += share;
    }
    for (; given < count; given++) {
      const i = this.prng.weighted(weights, sum);
      this.traffic[i] = (this.traffic[i] as number) + 1;
    }
  }

  // ——— stats ———

  private statsEvent(ts: number): StatsFeedEvent {
    const traffic: Record<string, number> = {};
    TRAFFIC_SOURCES.forEach((source, i) => (traffic[source] = this.traffic[i] as number));
    let productExposures = 0;
    let productClicks = 0;
    const products: ProductStats[] = this.products.map((p) => {
      productExposures += p.exposures;
      productClicks += p.clicks;
      return {
        id: p.spec.id,
        name: p.spec.name,
        exposures: p.exposures,
        clicks: p.clicks,
        clickUsers: Math.min(this.uv, p.buyers.size + p.nonBuyClickers),
        orders: p.orders,
        buyers: p.buyers.size,
        gmv: p.gmv,
      };
    });
    const stats: StatsFeedEvent = {
      type: 'stats',
      seq: ++this.seq,
      ts,
      online: this.online,
      pv: this.pv,
      uv: this.uv,
      interactUsers: Math.min(this.uv, this.commenters.size + this.silentInteractors),
      likes: this.likes,
      comments: this.comments,
      shares: this.shares,
      newFollowers: this.newFollowers,
      fanClubJoins: this.fanClubJoins,
      gmv: this.gmv,
      orders: this.orders,
      buyers: this.buyers.size,
      productExposures,
      productClicks,
      clickUsers: Math.min(this.uv, this.buyers.size + this.nonBuyClickers),
      stayed1m: this.stayed1m,
      avgWatchSec: this.uv > 0 ? Math.round((this.watchSeconds / this.uv) * 10) / 10 : 0,
      traffic,
      products,
    };
    this.lastStats = stats;
    return stats;
  }
}
