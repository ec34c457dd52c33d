import { describe, expect, it } from 'vitest';
import { targetProgress } from '../../../shared/metrics/targets.js';

const MIN = 60_000;

describe('targets and pace', () => {
  it('projects a counter to the planned end at the average rate so far', () => {
    // ¥5,000 after 30 of 120 minutes → ¥20,000 projected: behind a ¥25,000 target.
    const p = targetProgress('gmv', 2_500_000, 500_000, 30 * MIN, 120)!;
    expect(p.progress).toBeCloseTo(0.2);
    expect(p.projected).toBeCloseTo(2_000_000);
    expect(p.onTrack).toBe(false);
    expect(targetProgress('gmv', 1_500_000, 500_000, 30 * MIN, 120)!.onTrack).toBe(true);
  });

  it('is on track once reached, and unknown without a plan or for a gauge', () => {
    expect(targetProgress('newFollowers', 100, 120, 10 * MIN, 60)).toMatchObject({
      onTrack: true,
      progress: 1.2,
    });
    expect(targetProgress('gmv', 100, 50, 10 * MIN, null)).toMatchObject({ onTrack: null, projected: null });
    expect(targetProgress('peakOnline', 10_000, 5_000, 10 * MIN, 60)).toMatchObject({ onTrack: null });
    expect(targetProgress('gmv', 100, 50, 0, 60)).toMatchObject({ onTrack: null });
  });

  it('has no progress without a target', () => {
    expect(targetProgress('gmv', null, 50, MIN, 60)).toBeNull();
    expect(targetProgress('gmv', 0, 50, MIN, 60)).toBeNull();
  });

  it('stops projecting past the planned end', () => {
    expect(targetProgress('gmv', 1000, 800, 200 * MIN, 120)).toMatchObject({
      projected: 800,
      onTrack: false,
    });
  });
});
