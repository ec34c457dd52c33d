/**
 * uPlot options for the trend chart: one time axis, online on the left, GMV per minute on the
 * right (bars), comments per minute and trailing conversion on their own unlabelled scales
 * (their values read from the legend). Zoom is drag-to-select on x; the component decides the
 * visible window, so uPlot's own zoom and double-click reset are turned off here.
 */
import uPlot from 'uplot';
import type { Locale } from '../../../../shared/i18n/messages.js';
import { labelAreaCss } from './markersPlugin.js';
import { withAlpha, type TrendPalette } from './palette.js';
import { formatAxisValue, TREND_SERIES, type TrendScale, type TrendSeriesKey } from './trendSeries.js';

export interface TrendChartSizing {
  /** Axis font size, CSS pixels (marker labels are one smaller). */
  fontPx: number;
  lineWidth: number;
  axisSize: number;
}

export const BOARD_SIZING: TrendChartSizing = { fontPx: 11, lineWidth: 1.75, axisSize: 54 };
export const BIG_SIZING: TrendChartSizing = { fontPx: 16, lineWidth: 3, axisSize: 92 };

export interface TrendOptionsInput {
  width: number;
  height: number;
  /** Series in drawing order (bars first, so lines stay on top). */
  keys: readonly TrendSeriesKey[];
  hidden: ReadonlySet<TrendSeriesKey>;
  palette: TrendPalette;
  locale: Locale;
  sizing: TrendChartSizing;
  plugins: uPlot.Plugin[];
  /** Whether marker labels will be drawn (they need room above the data). */
  hasMarkers: () => boolean;
  /** A drag selection on x, in the x scale's units (seconds). */
  onZoom: (min: number, max: number) => void;
  onCursor: (u: uPlot) => void;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

function clockLabel(seconds: number): string {
  const d = new Date(seconds * 1000);
  return `${pad2(d.getHours())}:${pad2(d.getMinutes())}`;
}

/**
 * Every y scale starts at 0 (a per-minute bar from a non-zero base misleads) and leaves room at
 * the top for the marker labels, so a label never sits on the data.
 */
function fromZero(input: TrendOptionsInput): uPlot.Scale.Range {
  return (u, _min, max) => {
    const plotHeight = u.bbox.height / uPlot.pxRatio;
    const reserve = input.hasMarkers() ? labelAreaCss(input.sizing.fontPx - 1, plotHeight) : 0;
    const factor =
      plotHeight > 0 && reserve < plotHeight * 0.5 ? (plotHeight / (plotHeight - reserve)) * 1.05 : 1.25;
    return [0, max > 0 ? max * factor : 1];
  };
}

function seriesOptions(key: TrendSeriesKey, input: TrendOptionsInput): uPlot.Series {
  const def = TREND_SERIES[key];
  const color = input.palette.series[key];
  const { lineWidth } = input.sizing;
  const base: uPlot.Series = {
    label: key,
    scale: def.scale,
    show: !input.hidden.has(key),
    stroke: color,
    width: lineWidth,
    spanGaps: true,
    points: { show: false },
  };
  switch (def.style) {
    case 'area':
      return {
        ...base,
        fill: (u) => {
          const { top, height } = u.bbox;
          const gradient = u.ctx.createLinearGradient(0, top, 0, top + height);
          gradient.addColorStop(0, withAlpha(color, 0.3));
          gradient.addColorStop(1, withAlpha(color, 0.02));
          return gradient;
        },
      };
    case 'bars':
      return {
        ...base,
        width: 0,
        fill: withAlpha(color, 0.62),
        paths: uPlot.paths.bars!({ size: [0.72, 24], gap: 1 }),
      };
    case 'dashed':
      return { ...base, width: Math.max(1.25, lineWidth * 0.75), dash: [6, 4] };
    case 'line':
      return { ...base, width: Math.max(1.25, lineWidth * 0.75) };
  }
}

function yAxis(scale: TrendScale, side: 1 | 3, color: string, input: TrendOptionsInput): uPlot.Axis {
  const { palette, sizing, locale } = input;
  return {
    scale,
    side,
    size: sizing.axisSize,
    gap: 4,
    // Fewer, rounder ticks: a dashboard axis is read at a glance.
    space: sizing.fontPx * 3.2,
    font: `${sizing.fontPx}px ${palette.font}`,
    stroke: color,
    grid: { show: side === 3, stroke: palette.grid, width: 1 },
    ticks: { show: false },
    values: (_u, splits) => splits.map((v) => formatAxisValue(scale, v, locale)),
  };
}

export function buildTrendOptions(input: TrendOptionsInput): uPlot.Options {
  const { palette, sizing, keys, onZoom, onCursor } = input;
  const scales: uPlot.Scales = { x: { time: true } };
  for (const key of keys) scales[TREND_SERIES[key].scale] = { range: fromZero(input) };

  const axes: uPlot.Axis[] = [
    {
      scale: 'x',
      // uPlot's default axis height (50 px) leaves a blank strip under the time labels.
      size: Math.round(sizing.fontPx * 2.1),
      gap: 4,
      font: `${sizing.fontPx}px ${palette.font}`,
      stroke: palette.muted,
      grid: { show: false },
      ticks: { stroke: palette.grid, width: 1, size: 4 },
      space: sizing.fontPx * 7,
      values: (_u, splits) => splits.map(clockLabel),
    },
  ];
  if (keys.includes('online')) axes.push(yAxis('count', 3, palette.series.online, input));
  if (keys.includes('gmv')) axes.push(yAxis('money', 1, palette.series.gmv, input));

  return {
    width: input.width,
    height: input.height,
    padding: [8, keys.includes('gmv') ? 4 : 16, 0, 4],
    legend: { show: false },
    scales,
    axes,
    series: [{}, ...keys.map((key) => seriesOptions(key, input))],
    cursor: {
      drag: { x: true, y: false, setScale: false },
      points: { size: sizing.fontPx * 0.7, width: 2, fill: palette.surface },
      // Double-click resets to the chosen range; the component listens for it itself.
      bind: { dblclick: () => null },
    },
    plugins: input.plugins,
    hooks: {
      setSelect: [
        (u) => {
          if (u.select.width > 4) {
            onZoom(u.posToVal(u.select.left, 'x'), u.posToVal(u.select.left + u.select.width, 'x'));
          }
          u.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
        },
      ],
      setCursor: [onCursor],
    },
  };
}
