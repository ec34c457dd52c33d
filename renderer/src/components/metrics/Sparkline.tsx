import { memo } from 'react';

const WIDTH = 100;
const HEIGHT = 24;

/** The points of a polyline fitting `values` into the box (flat series sit in the middle). */
export function sparklinePoints(values: readonly number[]): string {
  let min = Infinity;
  let max = -Infinity;
  for (const value of values) {
    min = Math.min(min, value);
    max = Math.max(max, value);
  }
  const span = max - min;
  const step = values.length > 1 ? WIDTH / (values.length - 1) : 0;
  return values
    .map((value, i) => {
      const y = span === 0 ? HEIGHT / 2 : HEIGHT - ((value - min) / span) * (HEIGHT - 2) - 1;
      return `${(i * step).toFixed(2)},${y.toFixed(2)}`;
    })
    .join(' ');
}

/** A metric over the show so far (one point per minute, the last one live). */
export const Sparkline = memo(function Sparkline({
  values,
  variant = 'full',
}: {
  values: readonly number[];
  variant?: 'full' | 'mini';
}) {
  const className = `sparkline sparkline--${variant}`;
  if (values.length < 2) return <div className={`${className} sparkline--empty`} aria-hidden="true" />;
  const points = sparklinePoints(values);
  return (
    <svg
      className={className}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      preserveAspectRatio="none"
      aria-hidden="true"
      data-points={values.length}
    >
      <polygon className="sparkline__area" points={`0,${HEIGHT} ${points} ${WIDTH},${HEIGHT}`} />
      <polyline className="sparkline__line" points={points} vectorEffect="non-scaling-stroke" />
    </svg>
  );
});
