/** The trend chart's data handling: incremental merge by minute, markers, visible window. */
import { describe, expect, it } from 'vitest';
import type { TrendData, TrendMarker, TrendMinute } from '../../../shared/api/contract.js';
import { rangeWindow, windowMinutes } from '../../../renderer/src/components/trend/trendRange.js';
import { trendColumns } from '../../../renderer/src/components/trend/trendSeries.js';
import {
  applyTrend,
  emptyTrend,
  mergeMarkers,
  mergeMinutes,
} from '../../../renderer/src/state/trendStore.js';

const T0 = Date.UTC(2026, 10, 23, 12);
const MIN = 60_000;

function minute(i: number, comments = i * 10): TrendMinute {
  return {
    minute: T0 + i * MIN,
    online: 1000 + i,
    onlineMax: 1000 + i,
    comments,
    orders: i,
    gmv: i * 100,
    conversion5m: i >= 5 ? 0.02 : null,
    values: null,
  };
}

const marker = (i: number, label: string): TrendMarker => ({
  ts: T0 + i * MIN + 1000,
  kind: 'product',
  label,
});

describe('mergeMinutes', () => {
  it('replaces the growing last minute and appends newer ones', () => {
    const held = [minute(0), minute(1), minute(2, 5)];
    const merged = mergeMinutes(held, [minute(2, 40), minute(3)]);
    expect(merged.map((m) => m.minute)).toEqual([0, 1, 2, 3].map((i) => T0 + i * MIN));
    expect(merged[2]!.comments).toBe(40);
    expect(merged[0]).toBe(held[0]);
  });

  it('keeps what it holds when nothing new came, and sorts an out-of-order answer', () => {
    const held = [minute(0)];
    expect(mergeMinutes(held, [])).toBe(held);
    expect(mergeMinutes(held, [minute(2), minute(1)]).map((m) => m.minute)).toEqual([
      T0,
      T0 + MIN,
      T0 + 2 * MIN,
    ]);
  });

  it('handles 480 minutes (an 8-hour show) refreshed minute by minute', () => {
    let held: readonly TrendMinute[] = [];
    for (let i = 0; i < 480; i++) held = mergeMinutes(held, [minute(Math.max(0, i - 1)), minute(i)]);
    expect(held).toHaveLength(480);
    expect(new Set(held.map((m) => m.minute)).size).toBe(480);
  });
});

describe('mergeMarkers', () => {
  it('adds only markers not held yet, in time order', () => {
    const held = [marker(1, 'A')];
    const merged = mergeMarkers(held, [marker(1, 'A'), marker(0, 'Z'), marker(3, 'B')]);
    expect(merged.map((m) => m.label)).toEqual(['Z', 'A', 'B']);
    expect(mergeMarkers(merged, [marker(3, 'B')])).toBe(merged);
  });
});

describe('applyTrend', () => {
  const data = (showId: string, minutes: TrendMinute[], markers: TrendMarker[] = []): TrendData => ({
    showId,
    minutes,
    markers,
  });

  it('loads whole, merges increments of the same show, starts over for another show', () => {
    let state = applyTrend(emptyTrend, data('a', [minute(0), minute(1)], [marker(0, 'A')]), false);
    expect(state).toMatchObject({ showId: 'a', loaded: true });
    state = applyTrend(state, data('a', [minute(1, 99), minute(2)], []), true);
    expect(state.minutes.map((m) => m.comments)).toEqual([0, 99, 20]);
    expect(state.markers).toHaveLength(1);
    state = applyTrend(state, data('b', [minute(0)]), true);
    expect(state.showId).toBe('b');
    expect(state.minutes).toHaveLength(1);
    expect(state.markers).toHaveLength(0);
  });

  it('empties on "no show"', () => {
    const state = applyTrend(applyTrend(emptyTrend, data('a', [minute(0)]), false), null, true);
    expect(state).toEqual({ ...emptyTrend, loaded: true });
  });
});

describe('chart data and window', () => {
  it('lays out columns with x in seconds', () => {
    const [xs, online, conversion] = trendColumns([minute(0), minute(6)], ['online', 'conversion']);
    expect(xs).toEqual([T0 / 1000, T0 / 1000 + 360]);
    expect(online).toEqual([1000, 1006]);
    expect(conversion).toEqual([null, 0.02]);
  });

  it('shows the whole show or its last 30 / 10 minutes', () => {
    const xs = Array.from({ length: 60 }, (_, i) => T0 / 1000 + i * 60);
    expect(windowMinutes(rangeWindow(xs, 'all'))).toBe(60);
    expect(windowMinutes(rangeWindow(xs, 'last30'))).toBe(30);
    expect(windowMinutes(rangeWindow(xs, 'last10'))).toBe(10);
    // A show shorter than the range: the whole show, no empty space before it.
    expect(rangeWindow(xs.slice(0, 5), 'last30')).toEqual(rangeWindow(xs.slice(0, 5), 'all'));
    expect(rangeWindow([], 'all')).toBeNull();
  });
});
