import { describe, expect, it } from 'vitest';
import {
  aov,
  clickToPay,
  computeMetrics,
  computeWindowMetrics,
  conversionRate,
  counterDelta,
  followRate,
  gpm,
  interactionRate,
  productCtr,
  ratio,
  relativeChange,
  retention1m,
  returnRate,
  trafficShare,
  uvValue,
  computeProductMetrics,
} from '../../../shared/metrics/formulas.js';
import { stats } from '../../helpers/events.js';

describe('metric formulas (DOMAIN.md)', () => {
  it('computes each rate as numerator ÷ denominator', () => {
    expect(interactionRate(288, 10_000)).toBeCloseTo(0.0288);
    expect(followRate(50, 1000)).toBe(0.05);
    expect(conversionRate(32, 1000)).toBe(0.032);
    expect(aov(59_900, 2)).toBe(29_950);
    expect(gpm(1_000_000, 5000)).toBe(200_000);
    expect(uvValue(1_000_000, 4000)).toBe(250);
    expect(retention1m(2500, 5000)).toBe(0.5);
    expect(productCtr(300, 3000)).toBe(0.1);
    expect(clickToPay(120, 1500)).toBe(0.08);
    expect(returnRate(50_000, 1_000_000)).toBe(0.05);
  });

  it('returns null, never NaN or Infinity, on a zero denominator', () => {
    for (const value of [
      interactionRate(5, 0),
      followRate(0, 0),
      conversionRate(1, 0),
      aov(100, 0),
      gpm(100, 0),
      uvValue(0, 0),
      retention1m(3, 0),
      productCtr(1, 0),
      clickToPay(1, 0),
      returnRate(1, 0),
      ratio(Number.NaN, 3),
      ratio(1, Number.POSITIVE_INFINITY),
    ]) {
      expect(value).toBeNull();
    }
  });

  it('splits traffic by source and keeps zero shares when uv is 0', () => {
    expect(trafficShare({ homepage_hot: 600, paid: 400 }, 1000)).toEqual({ homepage_hot: 0.6, paid: 0.4 });
    expect(trafficShare({ homepage_hot: 0 }, 0)).toEqual({ homepage_hot: 0 });
    expect(trafficShare(undefined, 10)).toEqual({});
  });

  it('computes every DOMAIN.md metric from a stats snapshot', () => {
    const m = computeMetrics({
      counters: stats(1, 0, { traffic: { homepage_hot: 3000, paid: 1000 } }),
      peakOnline: 1500,
    });
    expect(m.online).toBe(1000);
    expect(m.peakOnline).toBe(1500);
    expect(m.interactionRate).toBe(0.2);
    expect(m.conversionRate).toBe(0.03);
    expect(m.aov).toBeCloseTo(1_000_000 / 120);
    expect(m.gpm).toBe(200_000);
    expect(m.retention1m).toBe(0.5);
    expect(m.productCtr).toBe(0.1);
    expect(m.clickToPay).toBe(0.08);
    expect(m.trafficShare).toEqual({ homepage_hot: 0.75, paid: 0.25 });
    expect(m.avgWatchSec).toBeNull();
    expect(m.returnRate).toBeNull();
    expect(computeMetrics({ counters: stats(1, 0), peakOnline: 10, refunded: 10_000 }).returnRate).toBe(0.01);
  });

  it('takes windowed rates from counter deltas, not cumulative totals', () => {
    const from = stats(1, 0, { uv: 4000, buyers: 120, gmv: 1_000_000 });
    const to = stats(2, 300_000, { uv: 5000, buyers: 220, gmv: 2_000_000, online: 900 });
    const w = computeWindowMetrics(from, to);
    expect(w.conversionRate).toBe(0.1); // 100 new buyers ÷ 1000 new viewers
    expect(w.gmv).toBe(1_000_000);
    expect(w.online).toBe(900);
    // A counter that went backwards (feed reset) counts as 0, not negative.
    expect(counterDelta(to, from).gmv).toBe(0);
  });

  it('per-product funnel and relative change', () => {
    const p = computeProductMetrics({
      id: 'p1',
      exposures: 0,
      clicks: 0,
      clickUsers: 10,
      orders: 3,
      buyers: 2,
      gmv: 300,
    });
    expect(p.ctr).toBeNull();
    expect(p.clickToPay).toBe(0.2);
    expect(relativeChange(110, 100)).toBeCloseTo(0.1);
    expect(relativeChange(90, 100)).toBeCloseTo(-0.1);
    expect(relativeChange(5, 0)).toBeNull();
    expect(relativeChange(null, 3)).toBeNull();
  });
});
