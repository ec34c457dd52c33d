/**
 * Metric formulas — the project's one definition (docs/metrics.md, from DOMAIN.md).
 * Pure functions: the board, alerts and reports all call these.
 * Money is integer cents; rates are fractions; a zero denominator gives null
 * (shown as "—"), never NaN or Infinity.
 */
import type { ProductStats, StatsEvent } from '../protocol/feed.js';

/** The cumulative counters (and gauges) a stats event carries. */
export type StatsCounters = Omit<StatsEvent, 'seq' | 'products'>;

/** a ÷ b, or null when b is 0 (or either side is not a finite number). */
export function ratio(numerator: number, denominator: number): number | null {
  if (!Number.isFinite(numerator) || !Number.isFinite(denominator) || denominator === 0) return null;
  return numerator / denominator;
}

export const interactionRate = (interactUsers: number, uv: number) => ratio(interactUsers, uv);
export const followRate = (newFollowers: number, uv: number) => ratio(newFollowers, uv);
export const conversionRate = (buyers: number, uv: number) => ratio(buyers, uv);
/** 客单价, in cents. */
export const aov = (gmv: number, buyers: number) => ratio(gmv, buyers);
/** 千次观看成交额, in cents. */
export const gpm = (gmv: number, pv: number) => {
  const r = ratio(gmv, pv);
  return r === null ? null : r * 1000;
};
/** UV价值, in cents. */
export const uvValue = (gmv: number, uv: number) => ratio(gmv, uv);
export const retention1m = (stayed1m: number, pv: number) => ratio(stayed1m, pv);
export const productCtr = (clicks: number, exposures: number) => ratio(clicks, exposures);
export const clickToPay = (buyers: number, clickUsers: number) => ratio(buyers, clickUsers);
export const returnRate = (refunded: number, gmv: number) => ratio(refunded, gmv);

/** 流量来源占比: uv per source ÷ uv. Sources with no uv are kept with share 0. */
export function trafficShare(
  traffic: Record<string, number> | undefined,
  uv: number,
): Record<string, number> {
  const shares: Record<string, number> = {};
  if (!traffic) return shares;
  for (const [source, sourceUv] of Object.entries(traffic)) {
    shares[source] = ratio(sourceUv, uv) ?? 0;
  }
  return shares;
}

/** Every metric of DOMAIN.md, keyed exactly as there. */
export interface MetricValues {
  online: number;
  peakOnline: number;
  pv: number;
  uv: number;
  avgWatchSec: number | null;
  interactionRate: number | null;
  followRate: number | null;
  conversionRate: number | null;
  aov: number | null;
  gpm: number | null;
  uvValue: number | null;
  retention1m: number | null;
  productCtr: number | null;
  clickToPay: number | null;
  trafficShare: Record<string, number>;
  gmv: number;
  orders: number;
  buyers: number;
  newFollowers: number;
  fanClubJoins: number;
  likes: number;
  comments: number;
  shares: number;
  returnRate: number | null;
}

export type MetricKey = keyof MetricValues;
/** Metrics that hold one number (all but trafficShare). */
export type ScalarMetricKey = Exclude<MetricKey, 'trafficShare'>;

export interface MetricInputs {
  counters: StatsCounters;
  peakOnline: number;
  /** Refunded amount in cents, known only after the show (imported); null when unknown. */
  refunded?: number | null;
}

/** Cumulative metrics from the latest counters. */
export function computeMetrics({ counters: c, peakOnline, refunded = null }: MetricInputs): MetricValues {
  return {
    online: c.online,
    peakOnline: Math.max(peakOnline, c.online),
    pv: c.pv,
    uv: c.uv,
    // The feed may send it; otherwise it is unknown (we do not have total watch seconds).
    avgWatchSec: c.avgWatchSec ?? null,
    interactionRate: interactionRate(c.interactUsers, c.uv),
    followRate: followRate(c.newFollowers, c.uv),
    conversionRate: conversionRate(c.buyers, c.uv),
    aov: aov(c.gmv, c.buyers),
    gpm: gpm(c.gmv, c.pv),
    uvValue: uvValue(c.gmv, c.uv),
    retention1m: retention1m(c.stayed1m, c.pv),
    productCtr: productCtr(c.productClicks, c.productExposures),
    clickToPay: clickToPay(c.buyers, c.clickUsers),
    trafficShare: trafficShare(c.traffic, c.uv),
    gmv: c.gmv,
    orders: c.orders,
    buyers: c.buyers,
    newFollowers: c.newFollowers,
    fanClubJoins: c.fanClubJoins,
    likes: c.likes,
    comments: c.comments,
    shares: c.shares,
    returnRate: refunded === null ? null : returnRate(refunded, c.gmv),
  };
}

/** The cumulative counters of a stats event (everything but the gauges). */
export const COUNTER_KEYS = [
  'pv',
  'uv',
  'interactUsers',
  'likes',
  'comments',
  'shares',
  'newFollowers',
  'fanClubJoins',
  'gmv',
  'orders',
  'buyers',
  'productExposures',
  'productClicks',
  'clickUsers',
  'stayed1m',
] as const satisfies readonly (keyof StatsCounters)[];

/**
 * Counter deltas between two snapshots (to − from), gauges taken from `to`.
 * A counter that went backwards (feed reset) counts as 0, not negative.
 */
export function counterDelta(from: StatsCounters, to: StatsCounters): StatsCounters {
  const delta: StatsCounters = { ...to };
  for (const key of COUNTER_KEYS) delta[key] = Math.max(0, to[key] - from[key]);
  if (to.traffic) {
    const traffic: Record<string, number> = {};
    for (const [source, uv] of Object.entries(to.traffic)) {
      traffic[source] = Math.max(0, uv - (from.traffic?.[source] ?? 0));
    }
    delta.traffic = traffic;
  }
  return delta;
}

/**
 * Metrics over a window: rates from counter deltas (DOMAIN.md: "computed from counter
 * deltas over that window, not from cumulative totals"), counters as the increase in the
 * window, gauges as their value at the window's end.
 */
export function computeWindowMetrics(from: StatsCounters, to: StatsCounters): MetricValues {
  const delta = counterDelta(from, to);
  return computeMetrics({ counters: delta, peakOnline: to.online });
}

/** Per-product funnel. */
export interface ProductMetrics {
  id: string;
  /** From the feed's `product` events; null until the product has been presented. */
  name: string | null;
  exposures: number;
  clicks: number;
  clickUsers: number;
  orders: number;
  buyers: number;
  gmv: number;
  ctr: number | null;
  clickToPay: number | null;
}

export function computeProductMetrics(p: ProductStats, name: string | null = null): ProductMetrics {
  return {
    ...p,
    name: name ?? p.name ?? null,
    ctr: productCtr(p.clicks, p.exposures),
    clickToPay: clickToPay(p.buyers, p.clickUsers),
  };
}

/** Relative change (now − before) ÷ before; null when either is unknown or before is 0. */
export function relativeChange(now: number | null, before: number | null): number | null {
  if (now === null || before === null) return null;
  return ratio(now - before, Math.abs(before));
}
