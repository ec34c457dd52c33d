import { memo } from 'react';
import type { MetricDefinition } from '../../../../shared/metrics/definitions.js';
import type { ScalarMetricKey } from '../../../../shared/metrics/formulas.js';
import { useLocale, useT } from '../../i18n/useI18n.js';
import { formatMetricValue } from '../../../../shared/format.js';
import { useBoardStore } from '../../state/boardStore.js';
import { ChangeIndicator } from './ChangeIndicator.js';
import { Sparkline } from './Sparkline.js';

interface MetricTileProps {
  definition: MetricDefinition & { key: ScalarMetricKey };
  prominent: boolean;
}

/** One number: label, value by unit, change vs 5 min ago; the formula in the tooltip. */
export const MetricTile = memo(function MetricTile({ definition, prominent }: MetricTileProps) {
  const t = useT();
  const locale = useLocale();
  const { key, unit, formula } = definition;
  // Primitive selections: the tile re-renders only when its own figures change.
  const value = useBoardStore((s) => (s.metrics ? s.metrics.values[key] : null));
  const change = useBoardStore((s) => s.metrics?.changes[key] ?? null);
  const label = t(`metric.${key}`);
  return (
    <div
      className={`metric-tile ${prominent ? 'metric-tile--hero' : 'metric-tile--compact'}`}
      data-metric={key}
      title={`${label}\n${t('metric.formula')}: ${formula}`}
    >
      <div className="metric-tile__head">
        <span className="metric-tile__label">{label}</span>
        {!prominent && <ChangeIndicator change={change} />}
      </div>
      <div className="metric-tile__value" data-testid="metric-value">
        {formatMetricValue(unit, value, locale)}
      </div>
      {prominent && (
        <>
          <div className="metric-tile__delta">
            <ChangeIndicator change={change} />
            <span className="metric-tile__delta-label">{t('metric.vs5m')}</span>
          </div>
          <Sparkline metric={key} />
        </>
      )}
    </div>
  );
});
