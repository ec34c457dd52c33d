import type { ReactNode } from 'react';
import { useT } from '../../i18n/useI18n.js';
import type { TileKey, TileSize } from '../../state/tileLayout.js';
import { ChangeIndicator } from './ChangeIndicator.js';
import { Sparkline } from './Sparkline.js';

interface TileFrameProps {
  tileKey: TileKey;
  size: TileSize;
  label: string;
  formula: string;
  value: string;
  /** Small unit after the value (e.g. "条/分"). */
  unit?: string;
  change: number | null;
  series: readonly number[];
  /** Target progress, when the tile has a target. */
  progress?: ReactNode;
}

/**
 * The look of every scalar tile: label, value, change vs 5 min ago, the show-long sparkline and
 * the formula in the tooltip. Headline tiles are large with a full-width trend; compact tiles
 * carry a small trend beside the value.
 */
export function TileFrame({
  tileKey,
  size,
  label,
  formula,
  value,
  unit,
  change,
  series,
  progress,
}: TileFrameProps) {
  const t = useT();
  const headline = size === 'headline';
  // With a target, the change moves up beside the label so the progress fits where it was.
  const changeInHead = !headline || progress !== undefined;
  const valueNode = (
    <div className="metric-tile__value" data-testid="metric-value">
      {value}
      {unit && <span className="metric-tile__unit">{unit}</span>}
    </div>
  );
  return (
    <div
      className={`metric-tile ${headline ? 'metric-tile--hero' : 'metric-tile--compact'}${
        progress ? ' has-target' : ''
      }`}
      data-metric={tileKey}
      title={`${label}\n${t('metric.formula')}: ${formula}`}
    >
      <div className="metric-tile__head">
        <span className="metric-tile__label">{label}</span>
        {changeInHead && <ChangeIndicator change={change} />}
      </div>
      {headline ? (
        <>
          {valueNode}
          {progress ?? (
            <div className="metric-tile__delta">
              <ChangeIndicator change={change} />
              <span className="metric-tile__delta-label">{t('metric.vs5m')}</span>
            </div>
          )}
          <Sparkline values={series} />
        </>
      ) : (
        <>
          <div className="metric-tile__row">
            {valueNode}
            {progress ?? <Sparkline values={series} variant="mini" />}
          </div>
        </>
      )}
    </div>
  );
}
