/** The metric checks on scripted stats: the numbers in the message, and quiet when they should be. */
import { describe, expect, it } from 'vitest';
import { evaluateMetricRule, RETENTION_WINDOW_MS } from '../../../electron/core/alerts/metric-rules.js';
import { MIN_SPACING_MS, StatsRing } from '../../../electron/core/alerts/stats-ring.js';
import { MetricRuleSchema, type MetricCheck, type MetricRule } from '../../../shared/alerts/rules.js';
import type { StatsCounters } from '../../../shared/metrics/formulas.js';
import { NO_TARGETS } from '../../../shared/metrics/targets.js';
import { stats, T0 } from '../../helpers/events.js';

function rule(check: MetricCheck, over: Partial<MetricRule> = {}): MetricRule {
  return MetricRuleSchema.parse({
    id: check.toLowerCase(),
    name: check,
    kind: 'metric',
    enabled: true,
    severity: 'warn',
    hint: '',
    cooldownSec: 300,
    check,
    dropPct: 30,
    windowSec: 60,
    minOnline: 200,
    ...over,
  });
}

/** One stats snapshot per second from `from` s to `to` s, fields as functions of the second. */
function fill(ring: StatsRing, from: number, to: number, at: (s: number) => Partial<StatsCounters>): void {
  for (let s = from; s <= to; s++) {
    const { seq: _seq, ...counters } = stats(s, s * 1000, at(s));
    ring.push(counters);
  }
}

const ctx = (ring: StatsRing) => ({ ring, targets: NO_TARGETS, showStartedAt: T0 });

describe('onlineDrop', () => {
  it('compares now with the most online in the window and says so with the numbers', () => {
    const ring = new StatsRing(3600_000);
    fill(ring, 0, 120, (s) => ({ online: s < 100 ? 1200 : 816 }));
    expect(evaluateMetricRule(rule('onlineDrop'), ctx(ring))).toBe('在线人数 60 秒内下降 32%（1,200 → 816）');
  });

  it('stays quiet on a normal wavy curve, after the drop has left the window, and in small rooms', () => {
    const wavy = new StatsRing(3600_000);
    fill(wavy, 0, 600, (s) => ({ online: Math.round(5000 + 600 * Math.sin(s / 40)) }));
    expect(evaluateMetricRule(rule('onlineDrop'), ctx(wavy))).toBeNull();

    const settled = new StatsRing(3600_000);
    fill(settled, 0, 200, (s) => ({ online: s < 100 ? 1200 : 816 }));
    expect(evaluateMetricRule(rule('onlineDrop'), ctx(settled))).toBeNull();

    const small = new StatsRing(3600_000);
    fill(small, 0, 120, (s) => ({ online: s < 100 ? 150 : 50 }));
    expect(evaluateMetricRule(rule('onlineDrop'), ctx(small))).toBeNull();
  });
});

describe('commentRateCollapse', () => {
  it('fires when comments per minute fall against the window before, with viewers present', () => {
    const ring = new StatsRing(3600_000);
    // 60 comments/s for two minutes, then 10/s.
    let comments = 0;
    fill(ring, 0, 180, (s) => ({ comments: (comments += s <= 120 ? 60 : 10), online: 9000 }));
    expect(evaluateMetricRule(rule('commentRateCollapse', { dropPct: 70 }), ctx(ring))).toBe(
      '评论速度 60 秒内下降 83%（每分钟 3,600 → 600 条，在线 9,000 人）',
    );
  });

  it('needs two full windows of data and enough viewers', () => {
    const short = new StatsRing(3600_000);
    let comments = 0;
    fill(short, 0, 100, (s) => ({ comments: (comments += s <= 60 ? 60 : 0), online: 9000 }));
    expect(evaluateMetricRule(rule('commentRateCollapse'), ctx(short))).toBeNull();
    const empty = new StatsRing(3600_000);
    comments = 0;
    fill(empty, 0, 180, (s) => ({ comments: (comments += s <= 120 ? 60 : 0), online: 100 }));
    expect(evaluateMetricRule(rule('commentRateCollapse'), ctx(empty))).toBeNull();
  });
});

describe('retentionDrop', () => {
  it('compares the last 15 minutes of entries with the same 30 minutes earlier (seed 002: −15 %)', () => {
    const ring = new StatsRing(3 * 3600_000);
    let pv = 0;
    let stayed = 0;
    // 10 entries a second; 42 % stay a minute, then from minute 30 only 30 %.
    fill(ring, 0, 3600, (s) => ({ pv: (pv += 10), stayed1m: (stayed += s < 1800 ? 4.2 : 3), online: 5000 }));
    const message = evaluateMetricRule(rule('retentionDrop', { dropPct: 15, windowSec: 1800 }), ctx(ring));
    expect(message).toBe('1分钟留存 30 分钟内下降 29%（42.0% → 30.0%）');
    expect(RETENTION_WINDOW_MS).toBe(15 * 60_000);
  });

  it('stays quiet while retention holds', () => {
    const ring = new StatsRing(3 * 3600_000);
    let pv = 0;
    let stayed = 0;
    fill(ring, 0, 3600, () => ({ pv: (pv += 10), stayed1m: (stayed += 4), online: 5000 }));
    expect(evaluateMetricRule(rule('retentionDrop', { dropPct: 15, windowSec: 1800 }), ctx(ring))).toBeNull();
  });
});

describe('conversionDrop and gpmDrop', () => {
  /** 20 new viewers a second; buyers and GMV per second before / after minute 10. */
  function sales(before: { buyers: number; gmv: number }, after: { buyers: number; gmv: number }) {
    const ring = new StatsRing(3 * 3600_000);
    let uv = 0;
    let pv = 0;
    let buyers = 0;
    let orders = 0;
    let gmv = 0;
    fill(ring, 0, 1200, (s) => {
      const rate = s <= 600 ? before : after;
      return {
        uv: (uv += 20),
        pv: (pv += 25),
        buyers: (buyers += rate.buyers),
        orders: (orders += rate.buyers),
        gmv: (gmv += rate.gmv),
        online: 5000,
      };
    });
    return ring;
  }

  it('fires on the last window against the one before, with the rates', () => {
    const ring = sales({ buyers: 0.2, gmv: 1000 }, { buyers: 0.02, gmv: 100 });
    expect(evaluateMetricRule(rule('conversionDrop', { dropPct: 85, windowSec: 600 }), ctx(ring))).toBe(
      '转化率 最近 10 分钟比前 10 分钟下降 90%（1.00% → 0.10%）',
    );
    expect(evaluateMetricRule(rule('gpmDrop', { dropPct: 85, windowSec: 600 }), ctx(ring))).toBe(
      'GPM 最近 10 分钟比前 10 分钟下降 90%（¥400 → ¥40.00）',
    );
  });

  it('stays quiet on a small dip and when the earlier window had too few buyers to judge', () => {
    const dip = sales({ buyers: 0.2, gmv: 1000 }, { buyers: 0.15, gmv: 800 });
    expect(evaluateMetricRule(rule('conversionDrop', { dropPct: 85, windowSec: 600 }), ctx(dip))).toBeNull();
    const thin = sales({ buyers: 0.02, gmv: 100 }, { buyers: 0, gmv: 0 });
    expect(evaluateMetricRule(rule('conversionDrop', { dropPct: 85, windowSec: 600 }), ctx(thin))).toBeNull();
    expect(evaluateMetricRule(rule('gpmDrop', { dropPct: 85, windowSec: 600 }), ctx(thin))).toBeNull();
  });
});

describe('gmvPaceBehind', () => {
  function paced(gmvPerSecond: number) {
    const ring = new StatsRing(3 * 3600_000);
    fill(ring, 0, 1800, (s) => ({ gmv: s * gmvPerSecond, online: 5000 }));
    return ring;
  }
  const targets = { gmv: 10_000_000, peakOnline: null, newFollowers: null, plannedMinutes: 120 };

  it('projects GMV so far plus the recent pace over the planned length against the target', () => {
    // ¥10 a second: ¥18,000 after 30 min, +¥54,000 in the remaining 90 → ¥72,000 of ¥100,000.
    const message = evaluateMetricRule(rule('gmvPaceBehind', { dropPct: 20, windowSec: 900, minOnline: 0 }), {
      ring: paced(1000),
      targets,
      showStartedAt: T0,
    });
    expect(message).toBe('按最近 15 分钟的节奏，预计成交 ¥72,000，落后目标 ¥100,000 28%（已播 30/120 分钟）');
  });

  it('stays quiet on pace, without targets, and before a window has passed', () => {
    const r = rule('gmvPaceBehind', { dropPct: 20, windowSec: 900, minOnline: 0 });
    expect(evaluateMetricRule(r, { ring: paced(1500), targets, showStartedAt: T0 })).toBeNull();
    expect(evaluateMetricRule(r, { ring: paced(10), targets: NO_TARGETS, showStartedAt: T0 })).toBeNull();
    expect(evaluateMetricRule(r, { ring: paced(10), targets, showStartedAt: T0 + 1000 * 1000 })).toBeNull();
  });
});

describe('StatsRing', () => {
  it('keeps what the span needs, one sample per spacing, and ignores a replayed old snapshot', () => {
    const ring = new StatsRing(60_000);
    for (let ms = 0; ms <= 300_000; ms += 100) {
      const { seq: _s, ...c } = stats(1, ms, { online: ms });
      ring.push(c);
    }
    // 60 s at one sample per 250 ms, plus the one at the edge and the newest.
    expect(ring.size).toBeLessThanOrEqual(60_000 / MIN_SPACING_MS + 3);
    expect(ring.latest()?.online).toBe(300_000);
    expect(ring.at(T0 + 240_000)?.ts).toBeLessThanOrEqual(T0 + 240_000);
    expect(ring.at(T0 + 100_000)).toBeNull();
    const { seq: _s, ...old } = stats(1, 1000);
    expect(ring.push(old)).toBe(false);
  });

  it('drops the per-product and traffic tables', () => {
    const ring = new StatsRing(60_000);
    const { seq: _s, ...c } = stats(1, 0, { traffic: { paid: 3 } });
    ring.push({ ...c, products: [{ id: 'p', exposures: 1 }] } as StatsCounters);
    expect(ring.latest()).not.toHaveProperty('products');
    expect(ring.latest()).not.toHaveProperty('traffic');
    expect(ring.latest()).toMatchObject({ online: 1000, gmv: 1_000_000, stayed1m: 2500 });
  });
});
