import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { TrendMarker } from '../../../../shared/api/contract.js';
import { useLocale, useT } from '../../i18n/useI18n.js';
import { usePrefsStore } from '../../state/prefsStore.js';
import { useTrendStore } from '../../state/trendStore.js';
import { BIG_SIZING, BOARD_SIZING, buildTrendOptions } from './chartOptions.js';
import { createHoverStore, NO_HOVER, setHover } from './hoverStore.js';
import { kindKey, MarkerTooltip } from './MarkerTooltip.js';
import { markersNear, markersPlugin } from './markersPlugin.js';
import { readPalette } from './palette.js';
import { RangeToggle } from './RangeToggle.js';
import { TrendLegend } from './TrendLegend.js';
import { rangeWindow, windowMinutes, type TrendRange, type XWindow } from './trendRange.js';
import { TREND_SERIES, TREND_SERIES_KEYS, trendColumns, type TrendSeriesKey } from './trendSeries.js';
import { useElementSize } from './useElementSize.js';
import { useTrendSync } from './useTrendSync.js';
import './trend.css';

interface TrendChartProps {
  /** Series in legend order. */
  series?: readonly TrendSeriesKey[];
  variant?: 'board' | 'big';
  title?: string;
}

/** Cursor distance (CSS px) at which a marker counts as hovered. */
const MARKER_HOVER_PX = 5;

/** Bars first so the lines are drawn over them. */
function drawingOrder(keys: readonly TrendSeriesKey[]): TrendSeriesKey[] {
  return [...keys].sort(
    (a, b) => Number(TREND_SERIES[a].style !== 'bars') - Number(TREND_SERIES[b].style !== 'bars'),
  );
}

/**
 * The show's per-minute trend on one time axis, with product switches, gaps, alerts and
 * incidents as marker lines. uPlot draws on a canvas: 480 minutes × 4 series cost about a
 * millisecond of script per redraw (docs/performance.md, "Chart library").
 */
export function TrendChart({ series = TREND_SERIES_KEYS, variant = 'board', title }: TrendChartProps) {
  useTrendSync();
  const t = useT();
  const locale = useLocale();
  const theme = usePrefsStore((s) => s.theme);
  const minutes = useTrendStore((s) => s.minutes);
  const markers = useTrendStore((s) => s.markers);
  const [range, setRange] = useState<TrendRange>('all');
  const [zoom, setZoom] = useState<XWindow | null>(null);
  const [hidden, setHidden] = useState<ReadonlySet<TrendSeriesKey>>(() => new Set());
  const [hover] = useState(createHoverStore);
  const [plotElement, setPlotElement] = useState<HTMLDivElement | null>(null);
  const size = useElementSize(plotElement);
  const chartRef = useRef<uPlot | null>(null);
  // Read by the chart's hooks and plugin, which live longer than one render.
  const markersRef = useRef<readonly TrendMarker[]>(markers);
  const hiddenRef = useRef(hidden);

  const seriesKey = series.join(',');
  const drawKeys = useMemo(() => drawingOrder(seriesKey.split(',') as TrendSeriesKey[]), [seriesKey]);
  const columns = useMemo(() => trendColumns(minutes, drawKeys), [minutes, drawKeys]);
  const visible = zoom ?? rangeWindow(columns[0], range);
  const hasSize = size !== null;

  // Built again when what is baked into the canvas changes: colours, language, series, variant.
  useEffect(() => {
    if (!plotElement || !size) return;
    const sizing = variant === 'big' ? BIG_SIZING : BOARD_SIZING;
    const palette = readPalette();
    const plot = new uPlot(
      buildTrendOptions({
        width: size.width,
        height: size.height,
        keys: drawKeys,
        hidden: hiddenRef.current,
        palette,
        locale,
        sizing,
        hasMarkers: () => markersRef.current.length > 0,
        plugins: [
          markersPlugin({
            markers: () => markersRef.current,
            palette,
            fontPx: sizing.fontPx - 1,
            kindLabel: (kind) => t(kindKey(kind)),
          }),
        ],
        onZoom: (min, max) => setZoom({ min, max }),
        onCursor: (u) => {
          const left = u.cursor.left ?? -1;
          const idx = left < 0 ? null : (u.cursor.idx ?? null);
          const near = left < 0 ? [] : markersNear(u, markersRef.current, left, MARKER_HOVER_PX);
          // The tooltip is placed in the chart body, which also holds the left axis.
          setHover(hover, {
            idx,
            left: left + u.over.offsetLeft,
            top: u.cursor.top ?? -1,
            flip: left > u.over.clientWidth * 0.6,
            markers: near,
          });
        },
      }),
      [[]],
      plotElement,
    );
    chartRef.current = plot;
    return () => {
      chartRef.current = null;
      setHover(hover, NO_HOVER);
      plot.destroy();
    };
    // Size changes are applied with setSize below, not by rebuilding.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [plotElement, hasSize, theme, locale, variant, drawKeys, t, hover]);

  useEffect(() => {
    if (size) chartRef.current?.setSize(size);
  }, [size]);

  // New minutes (every refresh) or a rebuilt chart: new data, then the window to show.
  useEffect(() => {
    const plot = chartRef.current;
    if (!plot) return;
    plot.batch(() => {
      plot.setData(columns, false);
      if (visible) plot.setScale('x', visible);
    });
    // visible is derived from columns, range and zoom; its identity changes every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [columns, range, zoom, theme, locale, hasSize, plotElement, drawKeys]);

  useEffect(() => {
    markersRef.current = markers;
    const plot = chartRef.current;
    if (!plot) return;
    // Setting x again re-ranges y: the first markers need room for their labels above the data.
    const { min, max } = plot.scales.x!;
    if (min != null && max != null) plot.setScale('x', { min, max });
    else plot.redraw(false, false);
  }, [markers]);

  useEffect(() => {
    hiddenRef.current = hidden;
    const plot = chartRef.current;
    if (!plot) return;
    drawKeys.forEach((key, i) => plot.setSeries(i + 1, { show: !hidden.has(key) }));
  }, [hidden, drawKeys, theme, locale, hasSize]);

  const toggleSeries = useCallback((key: TrendSeriesKey) => {
    setHidden((current) => {
      const next = new Set(current);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  }, []);

  const chooseRange = useCallback((next: TrendRange) => {
    setZoom(null);
    setRange(next);
  }, []);

  return (
    <section
      className={`panel trend trend--${variant}`}
      data-testid="trend-chart"
      data-points={minutes.length}
      data-markers={markers.length}
      data-range={range}
      data-zoomed={zoom ? 'true' : 'false'}
      data-visible-minutes={windowMinutes(visible)}
    >
      <header className="panel__head trend__head">
        <h2 className="panel__title" title={t('trend.zoomHint')}>
          {title ?? t('trend.title')}
        </h2>
        <TrendLegend keys={series} minutes={minutes} hidden={hidden} hover={hover} onToggle={toggleSeries} />
        <div className="trend__tools">
          {zoom && (
            <button
              type="button"
              className="trend__reset"
              data-testid="trend-reset-zoom"
              onClick={() => setZoom(null)}
            >
              {t('trend.resetZoom')}
            </button>
          )}
          <RangeToggle value={zoom ? null : range} onChange={chooseRange} />
        </div>
      </header>
      <div className="trend__body" onDoubleClick={() => setZoom(null)}>
        <div className="trend__plot" ref={setPlotElement} />
        <MarkerTooltip hover={hover} />
        {minutes.length === 0 && <div className="empty-state empty-state--overlay">{t('trend.empty')}</div>}
      </div>
    </section>
  );
}
