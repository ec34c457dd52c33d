import { memo } from 'react';
import { formatPercent, NO_DATA } from '../../../../shared/format.js';
import { TRAFFIC_SOURCES, type MetricDefinition } from '../../../../shared/metrics/definitions.js';
import { hasMessage, useT } from '../../i18n/useI18n.js';
import { useBoardStore } from '../../state/boardStore.js';

const KNOWN_SOURCES: readonly string[] = TRAFFIC_SOURCES;

/** Known sources in their fixed order (stable colours and rows), then any the feed adds. */
function orderedShares(shares: Record<string, number>): [string, number][] {
  const known = TRAFFIC_SOURCES.filter((source) => source in shares).map((source): [string, number] => [
    source,
    shares[source] ?? 0,
  ]);
  const extra = Object.entries(shares).filter(([source]) => !KNOWN_SOURCES.includes(source));
  return [...known, ...extra];
}

function colourIndex(source: string): number {
  const index = KNOWN_SOURCES.indexOf(source);
  return index === -1 ? KNOWN_SOURCES.length - 1 : index;
}

export const TrafficShareTile = memo(function TrafficShareTile({
  definition,
}: {
  definition: MetricDefinition;
}) {
  const t = useT();
  const shares = useBoardStore((s) => s.metrics?.values.trafficShare ?? null);
  const entries = shares ? orderedShares(shares) : [];
  const label = t('metric.trafficShare');
  const sourceLabel = (source: string) => {
    const key = `traffic.${source}`;
    return hasMessage(key) ? t(key) : source;
  };
  return (
    <div
      className="metric-tile metric-tile--traffic"
      data-metric="trafficShare"
      title={`${label}\n${t('metric.formula')}: ${definition.formula}`}
    >
      <div className="metric-tile__head">
        <span className="metric-tile__label">{label}</span>
      </div>
      {entries.length === 0 ? (
        <div className="metric-tile__value" data-testid="metric-value">
          {NO_DATA}
        </div>
      ) : (
        <>
          <div className="traffic-bar" aria-hidden="true">
            {entries.map(([source, share]) => (
              <span
                key={source}
                className={`traffic-bar__segment src-${colourIndex(source)}`}
                style={{ flexGrow: share }}
              />
            ))}
          </div>
          <ul className="traffic-list" data-testid="metric-value">
            {entries.map(([source, share]) => (
              <li key={source} className="traffic-list__row" data-source={source}>
                <span className={`traffic-list__swatch src-${colourIndex(source)}`} aria-hidden="true" />
                <span className="traffic-list__name">{sourceLabel(source)}</span>
                <span className="traffic-list__share">{formatPercent(share, 1)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
});
