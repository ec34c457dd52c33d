/** The visible x window: the whole show, or the last 30 / 10 minutes of it. */

export const TREND_RANGES = ['all', 'last30', 'last10'] as const;
export type TrendRange = (typeof TREND_RANGES)[number];

const RANGE_MINUTES: Record<Exclude<TrendRange, 'all'>, number> = { last30: 30, last10: 10 };

/** x values are minute starts in seconds; half a minute either side keeps the end bars whole. */
const HALF_MINUTE_S = 30;

export interface XWindow {
  min: number;
  max: number;
}

export function rangeWindow(xs: readonly number[], range: TrendRange): XWindow | null {
  const first = xs[0];
  const last = xs.at(-1);
  if (first === undefined || last === undefined) return null;
  const min = first - HALF_MINUTE_S;
  const max = last + HALF_MINUTE_S;
  if (range === 'all') return { min, max };
  return { min: Math.max(min, max - RANGE_MINUTES[range] * 60), max };
}

/** Whole minutes a window spans (for the chart's data-visible-minutes). */
export function windowMinutes(window: XWindow | null): number {
  return window ? Math.round((window.max - window.min) / 60) : 0;
}
