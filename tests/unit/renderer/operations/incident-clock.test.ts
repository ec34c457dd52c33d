import { describe, expect, it } from 'vitest';
import {
  formatDuration,
  resolveDuration,
  responseClock,
  responseDuration,
} from '../../../../renderer/src/components/operations/incidentClock.js';
import { incident } from './fixtures.js';

const MIN = 60_000;

describe('the 5-minute response clock', () => {
  const detectedAt = 10 * MIN;
  const open = incident(1, { detectedAt });

  it('counts down, amber in the fifth minute, red once the target is missed', () => {
    expect(responseClock(open, detectedAt + 30_000)).toMatchObject({
      phase: 'waiting',
      remainingMs: 4.5 * MIN,
    });
    expect(responseClock(open, detectedAt + 4 * MIN - 1).phase).toBe('waiting');
    expect(responseClock(open, detectedAt + 4 * MIN).phase).toBe('soon');
    expect(responseClock(open, detectedAt + 5 * MIN).phase).toBe('soon');
    expect(responseClock(open, detectedAt + 5 * MIN + 1)).toMatchObject({ phase: 'late', remainingMs: -1 });
  });

  it('stops at the first action: the core’s monotonic duration first, else the timestamps', () => {
    const responded = incident(1, { detectedAt, respondedAt: detectedAt + 70_000, responseMs: 65_000 });
    expect(responseDuration(responded)).toBe(65_000);
    expect(responseClock(responded, detectedAt + 20 * MIN)).toMatchObject({
      phase: 'responded',
      responseMs: 65_000,
    });
    const late = incident(1, { detectedAt, respondedAt: detectedAt + 6 * MIN });
    expect(responseClock(late, detectedAt + 20 * MIN)).toMatchObject({
      phase: 'respondedLate',
      responseMs: 6 * MIN,
    });
  });

  it('freezes the elapsed time at the resolution', () => {
    const resolved = incident(1, {
      detectedAt,
      respondedAt: detectedAt + MIN,
      resolvedAt: detectedAt + 12 * MIN,
    });
    expect(resolveDuration(resolved)).toBe(12 * MIN);
    expect(responseClock(resolved, detectedAt + 60 * MIN).elapsedMs).toBe(12 * MIN);
    // A wall clock stepped back (clock change) never shows a negative duration.
    expect(responseClock(open, detectedAt - 5000).elapsedMs).toBe(0);
  });

  it('formats durations as m:ss, or h:mm:ss from an hour', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(65_000)).toBe('1:05');
    expect(formatDuration(4 * MIN + 59_999)).toBe('4:59');
    expect(formatDuration(3_725_000)).toBe('1:02:05');
    expect(formatDuration(-5000)).toBe('0:00');
  });
});
