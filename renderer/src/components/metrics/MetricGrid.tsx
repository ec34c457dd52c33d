import { useMemo, useRef } from 'react';
import { METRIC_DEFINITIONS, type MetricDefinition } from '../../../../shared/metrics/definitions.js';
import type { ScalarMetricKey } from '../../../../shared/metrics/formulas.js';
import { formatTimeOfDay } from '../../format/time.js';
import { useT } from '../../i18n/useI18n.js';
import { useBoardView, useIsLiveView } from '../../state/boardView.js';
import {
  tileLayoutActions,
  tileSize,
  useTileLayout,
  visibleTiles,
  type TileKey,
} from '../../state/tileLayout.js';
import { CommentRateTile } from './CommentRateTile.js';
import { MetricTile } from './MetricTile.js';
import { TileEditor } from './TileEditor.js';
import { TrafficShareTile } from './TrafficShareTile.js';
import './tiles.css';

const DEFINITIONS = new Map<string, MetricDefinition>(METRIC_DEFINITIONS.map((d) => [d.key, d]));

function isScalar(definition: MetricDefinition): definition is MetricDefinition & { key: ScalarMetricKey } {
  return definition.key !== 'trafficShare';
}

function Tile({ tileKey }: { tileKey: TileKey }) {
  const size = tileSize(tileKey);
  if (tileKey === 'commentRate') return <CommentRateTile size={size} />;
  const definition = DEFINITIONS.get(tileKey);
  if (!definition) return null;
  return isScalar(definition) ? (
    <MetricTile definition={definition} size={size} />
  ) : (
    <TrafficShareTile definition={definition} />
  );
}

/** When the figures are from; its own component so each update re-renders only this. */
function AsOf() {
  const t = useT();
  const at = useBoardView((s) => s.metrics?.at ?? null);
  if (at === null) return null;
  return <span className="tiles__asof">{t('tiles.asOf', { time: formatTimeOfDay(at) })}</span>;
}

/**
 * The metric tiles in the user's layout: headline tiles (large, with the show-long trend) first,
 * then the compact ones. The same grid shows the live board and a past show's final board.
 */
export function MetricGrid() {
  const t = useT();
  const live = useIsLiveView();
  const layout = useTileLayout((s) => s.layout);
  const editorOpen = useTileLayout((s) => s.editorOpen);
  const layoutButton = useRef<HTMLButtonElement>(null);
  const tiles = useMemo(
    () => [...visibleTiles(layout, 'headline'), ...visibleTiles(layout, 'compact')],
    [layout],
  );
  return (
    <section className="tiles" aria-labelledby="tiles-title">
      <header className="tiles__head">
        <h2 id="tiles-title" className="tiles__title">
          {t(live ? 'tiles.title' : 'tiles.finalTitle')}
        </h2>
        <AsOf />
        <div className="tiles__tools">
          <button
            ref={layoutButton}
            type="button"
            className="tiles__tool"
            data-testid="tile-layout-open"
            title={t('tiles.layoutTitle')}
            aria-haspopup="dialog"
            aria-expanded={editorOpen}
            onClick={() => (editorOpen ? tileLayoutActions.closeEditor() : tileLayoutActions.openEditor())}
          >
            <span aria-hidden="true">▦</span> {t('tiles.layout')}
          </button>
          {editorOpen && <TileEditor returnFocusTo={layoutButton} />}
        </div>
      </header>
      {tiles.length === 0 ? (
        <div className="empty-state tiles__empty">{t('tiles.allHidden')}</div>
      ) : (
        <div className="metric-grid metric-grid--layout" data-testid="metric-grid">
          {tiles.map((key) => (
            <Tile key={key} tileKey={key} />
          ))}
        </div>
      )}
    </section>
  );
}
