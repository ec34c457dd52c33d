import { useStore } from 'zustand';
import type { TrendMinute } from '../../../../shared/api/contract.js';
import { useLocale, useT } from '../../i18n/useI18n.js';
import type { HoverStore } from './hoverStore.js';
import { TREND_SERIES, type TrendSeriesKey } from './trendSeries.js';

interface TrendLegendProps {
  keys: readonly TrendSeriesKey[];
  minutes: readonly TrendMinute[];
  hidden: ReadonlySet<TrendSeriesKey>;
  hover: HoverStore;
  onToggle: (key: TrendSeriesKey) => void;
}

/**
 * A gauge's newest figure: a minute that has just begun may have comments but no stats snapshot
 * yet, so look back a little rather than show "—" for a second.
 */
function newestWithValue<M>(minutes: readonly M[], value: (m: M) => number | null): M | undefined {
  for (let i = minutes.length - 1; i >= Math.max(0, minutes.length - 3); i--) {
    const minute = minutes[i] as M;
    if (value(minute) !== null) return minute;
  }
  return minutes.at(-1);
}

/**
 * One chip per series: its colour, name and value — under the cursor while hovering, else the
 * newest figure (for per-minute counts, the last complete minute's). Clicking a chip shows or
 * hides the series.
 */
export function TrendLegend({ keys, minutes, hidden, hover, onToggle }: TrendLegendProps) {
  const t = useT();
  const locale = useLocale();
  const hoverIdx = useStore(hover, (s) => s.idx);
  const hovered = hoverIdx !== null ? minutes[hoverIdx] : undefined;
  const newest = minutes.at(-1);
  const lastComplete = minutes.at(-2) ?? newest;
  return (
    <div className="trend-legend" role="group" aria-label={t('trend.title')}>
      {keys.map((key) => {
        const def = TREND_SERIES[key];
        const off = hidden.has(key);
        const minute = hovered ?? (def.perMinute ? lastComplete : newestWithValue(minutes, def.value));
        return (
          <button
            key={key}
            type="button"
            className={`trend-legend__item${off ? ' is-off' : ''}`}
            data-series={key}
            data-testid={`trend-legend-${key}`}
            aria-pressed={!off}
            title={`${t(def.label)} — ${t('trend.toggleSeries')}`}
            onClick={() => onToggle(key)}
          >
            <span className={`trend-legend__swatch trend-legend__swatch--${def.style}`} aria-hidden="true" />
            <span className="trend-legend__label trend-legend__label--full">{t(def.label)}</span>
            <span className="trend-legend__label trend-legend__label--short">{t(def.shortLabel)}</span>
            <span className="trend-legend__value">
              {def.format(minute ? def.value(minute) : null, locale)}
            </span>
          </button>
        );
      })}
    </div>
  );
}
