/**
 * Show targets (GMV, peak online, new followers) and "pace": at this rate, will the show reach
 * its target by its planned end? Pure functions; the board and the report use them.
 */
import { ratio } from './formulas.js';

export const TARGET_KEYS = ['gmv', 'peakOnline', 'newFollowers'] as const;
export type TargetKey = (typeof TARGET_KEYS)[number];

export interface ShowTargets {
  /** GMV target in cents. */
  gmv: number | null;
  peakOnline: number | null;
  newFollowers: number | null;
  /** Planned show length in minutes (for pace); null: pace unknown. */
  plannedMinutes: number | null;
}

export const NO_TARGETS: ShowTargets = {
  gmv: null,
  peakOnline: null,
  newFollowers: null,
  plannedMinutes: null,
};

export interface TargetProgress {
  key: TargetKey;
  target: number;
  current: number;
  /** current ÷ target (may exceed 1). */
  progress: number;
  /**
   * Projected value at the planned end at the average rate so far (counters) — null for peak
   * online (a gauge has no rate) or when the planned length or elapsed time is unknown.
   */
  projected: number | null;
  /** on-track: projected (or current, once reached) ≥ target. null when unknown. */
  onTrack: boolean | null;
}

export function targetProgress(
  key: TargetKey,
  target: number | null,
  current: number,
  elapsedMs: number,
  plannedMinutes: number | null,
): TargetProgress | null {
  if (target === null || target <= 0) return null;
  const progress = ratio(current, target) ?? 0;
  if (current >= target) return { key, target, current, progress, projected: null, onTrack: true };
  if (key === 'peakOnline' || plannedMinutes === null || elapsedMs <= 0) {
    return { key, target, current, progress, projected: null, onTrack: null };
  }
  const plannedMs = plannedMinutes * 60_000;
  const projected = elapsedMs >= plannedMs ? current : (current / elapsedMs) * plannedMs;
  return { key, target, current, progress, projected, onTrack: projected >= target };
}
