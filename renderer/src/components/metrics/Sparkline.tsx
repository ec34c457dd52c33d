import { memo } from 'react';
import type { ScalarMetricKey } from '../../../../shared/metrics/formulas.js';
import { useBoardStore } from '../../state/boardStore.js';

const WIDTH = 100;
const HEIGHT = 24;

/** The points of a polyline fitting `values` into the box (flat series sit in the middle). */
export function sparklinePoints(values: readonly number[]): string {
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min;
  const step = values.length > 1 ? WIDTH / (values.length - 1) : 0;
  return values
    .map((value, i) => {
      const y = span === 0 ? HEIGHT / 2 : HEIGHT - ((value - min) / span) * (HEIGHT - 2) - 1;
      return `${(i * step).toFixed(2)},${y.toFixed(2)}`;
    })
    .join(' ');
}

/** Trend of one headline metric since this window opened. */
export const Sparkline = memo(function Sparkline({ metric }: { metric: ScalarMetricKey }) {
  const series = useBoardStore((s) => s.history.series[metric]);
  if (!series || series.length < 2) return <div className="sparkline sparkline--empty" aria-hidden="true" />;
  const points = sparklinePoints(series);
  return (
    <svg
      className="sparkline"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      preserveAspectRatio="none"
      aria-hidden="true"
    >
      <polygon className="sparkline__area" points={`0,${HEIGHT} ${points} ${WIDTH},${HEIGHT}`} />
      <polyline className="sparkline__line" points={points} vectorEffect="non-scaling-stroke" />
    </svg>
  );
});
