import { useId, useMemo } from 'react';
import type { TrendMinute } from '../../../../shared/api/contract.js';
import { useBoardStore } from '../../state/boardStore.js';
import { useTrendStore } from '../../state/trendStore.js';

const WIDTH = 100;
const HEIGHT = 40;

/** Cumulative GMV at the end of each minute, then the newest figure. */
function gmvPoints(minutes: readonly TrendMinute[], latest: number | null): number[] {
  const points: number[] = [];
  for (const minute of minutes) {
    const gmv = minute.values?.gmv;
    if (typeof gmv === 'number') points.push(gmv);
  }
  if (latest !== null && latest >= (points.at(-1) ?? 0)) points.push(latest);
  return points;
}

/** One polyline from 0 up to the highest value, x spread evenly (one point per minute). */
function toPath(points: readonly number[]): string {
  const max = Math.max(...points, 1);
  const step = WIDTH / Math.max(1, points.length - 1);
  return points
    .map((value, i) => `${(i * step).toFixed(2)},${(HEIGHT - (value / max) * (HEIGHT - 2)).toFixed(2)}`)
    .join(' ');
}

/** Behind the big GMV figure: how it climbed over the show (one SVG path, not a chart). */
export function GmvSparkline() {
  const gradientId = useId();
  const minutes = useTrendStore((s) => s.minutes);
  const latest = useBoardStore((s) => s.metrics?.values.gmv ?? null);
  const points = useMemo(() => gmvPoints(minutes, latest), [minutes, latest]);
  if (points.length < 2) return null;
  const line = toPath(points);
  return (
    <svg
      className="gmv-sparkline"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      preserveAspectRatio="none"
      aria-hidden="true"
    >
      <defs>
        <linearGradient id={gradientId} x1="0" y1="0" x2="0" y2="1">
          <stop offset="0%" className="gmv-sparkline__stop-top" />
          <stop offset="100%" className="gmv-sparkline__stop-bottom" />
        </linearGradient>
      </defs>
      <polygon points={`0,${HEIGHT} ${line} ${WIDTH},${HEIGHT}`} fill={`url(#${gradientId})`} />
      <polyline className="gmv-sparkline__line" points={line} vectorEffect="non-scaling-stroke" />
    </svg>
  );
}
