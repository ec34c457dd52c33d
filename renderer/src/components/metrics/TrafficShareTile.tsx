import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { formatPercent, NO_DATA } from '../../../../shared/format.js';
import { TRAFFIC_SOURCES, type MetricDefinition } from '../../../../shared/metrics/definitions.js';
import { hasMessage, useT } from '../../i18n/useI18n.js';
import { useBoardView } from '../../state/boardView.js';

const KNOWN_SOURCES: readonly string[] = TRAFFIC_SOURCES;
type Shares = Record<string, number>;

/** Known sources in their fixed order (stable colours and rows), then any the feed adds. */
function orderedSources(...shares: (Shares | null)[]): string[] {
  const present = new Set(shares.flatMap((s) => (s ? Object.keys(s) : [])));
  const known = TRAFFIC_SOURCES.filter((source) => present.has(source));
  const extra = [...present].filter((source) => !KNOWN_SOURCES.includes(source));
  return [...known, ...extra];
}

function colourIndex(source: string): number {
  const index = KNOWN_SOURCES.indexOf(source);
  return index === -1 ? KNOWN_SOURCES.length - 1 : index;
}

function ShareBar({ sources, shares, title }: { sources: string[]; shares: Shares | null; title: string }) {
  return (
    <div className={`traffic-bar${shares ? '' : ' traffic-bar--empty'}`} title={title} aria-hidden="true">
      {shares &&
        sources.map((source) => (
          <span
            key={source}
            className={`traffic-bar__segment src-${colourIndex(source)}`}
            style={{ flexGrow: shares[source] ?? 0 }}
          />
        ))}
    </div>
  );
}

/**
 * 流量来源: where viewers came from over the last 5 minutes (uv deltas) beside the show as a
 * whole — a source that is fading or surging now stands out against its show-long share.
 */
export const TrafficShareTile = memo(function TrafficShareTile({
  definition,
}: {
  definition: MetricDefinition;
}) {
  const t = useT();
  const { show, now } = useBoardView(
    useShallow((s) => ({
      show: s.metrics?.values.trafficShare ?? null,
      now: s.metrics?.window.current?.trafficShare ?? null,
    })),
  );
  const sources = orderedSources(show, now);
  const label = t('metric.trafficShare');
  const sourceLabel = (source: string) => {
    const key = `traffic.${source}`;
    return hasMessage(key) ? t(key) : source;
  };
  const share = (shares: Shares | null, source: string) =>
    shares ? formatPercent(shares[source] ?? 0, 1) : NO_DATA;
  return (
    <div
      className="metric-tile metric-tile--traffic"
      data-metric="trafficShare"
      title={`${label}\n${t('metric.formula')}: ${definition.formula}`}
    >
      <div className="metric-tile__head traffic-head">
        <span className="metric-tile__label">{label}</span>
        {sources.length > 0 && (
          <span className="traffic-head__cols" aria-hidden="true">
            <span title={t('traffic.nowTitle')}>{t('traffic.now')}</span>
            <span title={t('traffic.showTitle')}>{t('traffic.show')}</span>
          </span>
        )}
      </div>
      {sources.length === 0 ? (
        <div className="metric-tile__value" data-testid="metric-value">
          {NO_DATA}
        </div>
      ) : (
        <>
          <div className="traffic-bars">
            <ShareBar sources={sources} shares={now} title={t('traffic.nowTitle')} />
            <ShareBar sources={sources} shares={show} title={t('traffic.showTitle')} />
          </div>
          <ul className="traffic-list" data-testid="metric-value">
            {sources.map((source) => (
              <li key={source} className="traffic-list__row" data-source={source}>
                <span className={`traffic-list__swatch src-${colourIndex(source)}`} aria-hidden="true" />
                <span className="traffic-list__name">{sourceLabel(source)}</span>
                <span
                  className="traffic-list__share-now"
                  aria-label={`${t('traffic.now')} ${share(now, source)}`}
                >
                  {share(now, source)}
                </span>
                <span
                  className="traffic-list__share"
                  aria-label={`${t('traffic.show')} ${share(show, source)}`}
                >
                  {share(show, source)}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
});
