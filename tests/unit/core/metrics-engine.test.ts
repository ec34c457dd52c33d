import { describe, expect, it } from 'vitest';
import { MetricsEngine } from '../../../electron/core/engines/metrics-engine.js';
import { stats } from '../../helpers/events.js';

const MIN = 60_000;

describe('metrics engine: windows and change vs 5 min ago', () => {
  it('has no change figures until enough history exists', () => {
    const engine = new MetricsEngine();
    engine.reset('s');
    expect(engine.report()).toBeNull();
    engine.onStats(stats(1, 0));
    const r = engine.report()!;
    expect(r.values.online).toBe(1000);
    expect(r.changes.online).toBeNull();
    expect(r.window.current).toBeNull();
  });

  it('compares gauges with 5 min ago and rates/counters window-on-window', () => {
    const engine = new MetricsEngine();
    engine.reset('s');
    // t=0: 1000 online; t=5: 1200 online; t=10: 900 online.
    engine.onStats(stats(1, 0, { online: 1000, uv: 1000, buyers: 10, gmv: 10_000 }));
    engine.onStats(stats(2, 5 * MIN, { online: 1200, uv: 2000, buyers: 60, gmv: 60_000 }));
    engine.onStats(stats(3, 10 * MIN, { online: 900, uv: 2500, buyers: 160, gmv: 210_000 }));
    const r = engine.report()!;
    expect(r.changes.online).toBeCloseTo(-0.25); // 900 vs 1200
    expect(r.values.peakOnline).toBe(1200);
    expect(r.changes.peakOnline).toBe(0); // peak 1200 then and now
    // conversion: last 5 min 100/500 = 0.2; the 5 min before 50/1000 = 0.05 → +300 %
    expect(r.window.current?.conversionRate).toBeCloseTo(0.2);
    expect(r.window.previous?.conversionRate).toBeCloseTo(0.05);
    expect(r.changes.conversionRate).toBeCloseTo(3);
    // gmv: +150,000 in the last window vs +50,000 before → +200 %
    expect(r.changes.gmv).toBeCloseTo(2);
  });

  it('ignores a stale snapshot and keeps history bounded', () => {
    const engine = new MetricsEngine();
    engine.reset('s');
    for (let i = 0; i < 3600; i++) engine.onStats(stats(i + 1, i * 1000, { online: i }));
    engine.onStats(stats(9999, 0, { online: 5 })); // replayed, older than "now"
    expect(engine.report()!.values.online).toBe(3599);
    // ~11 minutes at one per second, plus the splice slack.
    expect((engine as unknown as { history: unknown[] }).history.length).toBeLessThan(11 * 60 + 70);
  });
});
