/** Impact from scripted per-minute rollups, checked against numbers worked out by hand. */
import { describe, expect, it } from 'vitest';
import { computeImpact, impactWindows } from '../../../electron/core/operations/incident-impact.js';
import type { MinuteRollup } from '../../../electron/core/store/types.js';
import { T0 } from '../../helpers/events.js';

const M = 60_000;
/** Minute k of the show (T0 is on a minute). */
const row = (
  k: number,
  online: [min: number, last: number],
  comments: number,
  gmv: number,
): MinuteRollup => ({
  minute: T0 + k * M,
  comments,
  orders: gmv > 0 ? 1 : 0,
  gmv,
  onlineMin: online[0],
  onlineMax: Math.max(...online),
  onlineLast: online[1],
});

// Minutes 0–4 before, 5–8 during (detected 5:30, resolved 8:10), 9–13 after, 14 beyond.
const ROWS: MinuteRollup[] = [
  row(0, [950, 1000], 10, 1000),
  row(1, [1050, 1100], 20, 2000),
  row(2, [1150, 1200], 30, 3000),
  row(3, [1250, 1300], 40, 4000),
  row(4, [1350, 1400], 50, 5000),
  row(5, [900, 950], 5, 100),
  row(6, [400, 450], 0, 0),
  row(7, [300, 500], 0, 0),
  row(8, [700, 750], 15, 300),
  row(9, [780, 800], 9, 0),
  row(10, [880, 900], 9, 0),
  row(11, [990, 1000], 9, 0),
  row(12, [1090, 1100], 9, 0),
  row(13, [1190, 1200], 9, 0),
  row(14, [5000, 5000], 99, 99_999),
];

describe('computeImpact', () => {
  it('before, lowest during and after a resolved incident', () => {
    const span = { feedTs: T0 + 5 * M + 30_000, endFeedTs: T0 + 8 * M + 10_000, resolved: true };
    expect(impactWindows(span)).toEqual({
      before: [T0, T0 + 4 * M],
      during: [T0 + 5 * M, T0 + 8 * M],
      after: [T0 + 9 * M, T0 + 13 * M],
    });
    expect(computeImpact(ROWS, span)).toEqual({
      onlineBefore: 1200, // (1000 + 1100 + 1200 + 1300 + 1400) / 5
      onlineLowest: 300, // the lowest reading of minutes 5–8
      onlineAfter: 1000, // (800 + 900 + 1000 + 1100 + 1200) / 5
      commentsPerMinBefore: 30, // 150 / 5
      commentsPerMinDuring: 5, // (5 + 0 + 0 + 15) / 4
      gmvPerMinBefore: 3000, // 15,000 / 5
      gmvPerMinDuring: 100, // 400 / 4
    });
  });

  it('while unresolved: during runs to now, and there is no after yet', () => {
    const span = { feedTs: T0 + 5 * M + 30_000, endFeedTs: T0 + 6 * M + 59_000, resolved: false };
    expect(computeImpact(ROWS, span)).toMatchObject({
      onlineLowest: 400,
      onlineAfter: null,
      commentsPerMinDuring: 2.5,
      gmvPerMinDuring: 50,
    });
  });

  it('early in a show: the minutes there are', () => {
    const span = { feedTs: T0 + 2 * M, endFeedTs: T0 + 2 * M, resolved: true };
    expect(computeImpact(ROWS, span)).toMatchObject({
      onlineBefore: 1050, // minutes 0–1 only
      commentsPerMinBefore: 15,
      onlineLowest: 1150,
      onlineAfter: 920, // minutes 3–7: (1300 + 1400 + 950 + 450 + 500) / 5
    });
  });

  it('nothing stored gives nulls, never NaN', () => {
    const span = { feedTs: T0, endFeedTs: T0 + M, resolved: true };
    expect(Object.values(computeImpact([], span)).every((v) => v === null)).toBe(true);
  });
});
