import { memo, useMemo } from 'react';
import { formatMetricValue } from '../../../../shared/format.js';
import type { MetricDefinition } from '../../../../shared/metrics/definitions.js';
import type { ScalarMetricKey } from '../../../../shared/metrics/formulas.js';
import { useLocale, useT } from '../../i18n/useI18n.js';
import { useBoardView, useTrendView } from '../../state/boardView.js';
import type { TileSize } from '../../state/tileLayout.js';
import { isTargetKey, TargetProgressView, useTargetProgress } from './TargetProgressView.js';
import { TileFrame } from './TileFrame.js';
import { showSeries } from './tileSeries.js';

interface MetricTileProps {
  definition: MetricDefinition & { key: ScalarMetricKey };
  size: TileSize;
}

/** One metric of the report: value by unit, change vs 5 min ago, the show so far, its target. */
export const MetricTile = memo(function MetricTile({ definition, size }: MetricTileProps) {
  const t = useT();
  const locale = useLocale();
  const { key, unit, formula } = definition;
  // Primitive selections: the tile re-renders only when its own figures change.
  const value = useBoardView((s) => (s.metrics ? s.metrics.values[key] : null));
  const change = useBoardView((s) => s.metrics?.changes[key] ?? null);
  const at = useBoardView((s) => s.metrics?.at ?? null);
  const minutes = useTrendView((s) => s.minutes);
  const series = useMemo(
    () => showSeries(minutes, key, at === null ? null : { at, value }),
    [minutes, key, at, value],
  );
  const progress = useTargetProgress(isTargetKey(key) ? key : null);
  const label = t(`metric.${key}`);
  return (
    <TileFrame
      tileKey={key}
      size={size}
      label={label}
      formula={formula}
      value={formatMetricValue(unit, value, locale)}
      change={change}
      series={series}
      progress={
        progress ? (
          <TargetProgressView progress={progress} label={label} compact={size === 'compact'} />
        ) : undefined
      }
    />
  );
});
