import { useStore } from 'zustand';
import type { TrendMarkerKind } from '../../../../shared/api/contract.js';
import { formatTimeOfDay } from '../../format/time.js';
import { useT } from '../../i18n/useI18n.js';
import type { HoverStore } from './hoverStore.js';

/** Shown while the cursor is on a marker line: every marker there, with its time and label. */
export function MarkerTooltip({ hover }: { hover: HoverStore }) {
  const t = useT();
  const { markers, left, flip } = useStore(hover);
  if (markers.length === 0) return null;
  return (
    <div
      className={`trend-tooltip${flip ? ' trend-tooltip--flip' : ''}`}
      role="tooltip"
      style={{ left }}
      data-testid="trend-marker-tooltip"
    >
      {markers.map((marker) => (
        <div
          key={`${marker.ts}-${marker.kind}-${marker.label}`}
          className="trend-tooltip__row"
          data-kind={marker.kind}
        >
          <span className="trend-tooltip__time">{formatTimeOfDay(marker.ts)}</span>
          <span className="trend-tooltip__kind">{t(kindKey(marker.kind))}</span>
          <span className="trend-tooltip__label">{marker.label}</span>
        </div>
      ))}
    </div>
  );
}

export function kindKey(kind: TrendMarkerKind) {
  return `trend.marker.${kind}` as const;
}
