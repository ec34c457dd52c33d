/**
 * Progress of one export as the caller sees it: (phase, fraction of the whole file 0…1), the
 * fraction never going back, at most one call per THROTTLE_MS (plus one per change of phase and
 * the final 1). Writers report per batch — thousands of times — through `step`.
 */
import type { ExportProgress } from '../types.js';

const THROTTLE_MS = 50;

export interface ProgressTracker {
  /** Enters `phase`, which covers [from, to] of the whole; returns a (done, total) reporter. */
  phase(name: string, from: number, to: number): (done: number, total: number) => void;
  /** The end: ('done', 1). */
  finish(): void;
}

export function progressTracker(
  onProgress: ExportProgress | undefined,
  now: () => number = () => performance.now(),
): ProgressTracker {
  let last = 0;
  let lastPhase = '';
  let lastAt = -Infinity;
  const emit = (phase: string, fraction: number, force: boolean) => {
    if (!onProgress) return;
    const f = Math.min(1, Math.max(last, Number.isFinite(fraction) ? fraction : last));
    const t = now();
    if (!force && phase === lastPhase && t - lastAt < THROTTLE_MS) {
      last = f;
      return;
    }
    last = f;
    lastPhase = phase;
    lastAt = t;
    onProgress(phase, f);
  };
  return {
    phase(name, from, to) {
      emit(name, from, name !== lastPhase);
      return (done, total) =>
        emit(name, from + (to - from) * (total > 0 ? Math.min(1, done / total) : 1), false);
    },
    finish() {
      emit('done', 1, true);
    },
  };
}
