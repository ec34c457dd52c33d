/**
 * Chart colours and font, read from the theme's CSS variables: canvas drawing cannot use var(),
 * so the chart reads them when it is built (it is rebuilt when the theme changes).
 */
import type { TrendMarkerKind } from '../../../../shared/api/contract.js';
import { TREND_SERIES_KEYS, TREND_SERIES, type TrendSeriesKey } from './trendSeries.js';

export interface TrendPalette {
  text: string;
  muted: string;
  dim: string;
  grid: string;
  surface: string;
  font: string;
  series: Record<TrendSeriesKey, string>;
  markers: Record<TrendMarkerKind, string>;
}

function cssVar(style: CSSStyleDeclaration, name: string, fallback: string): string {
  return style.getPropertyValue(name).trim() || fallback;
}

export function readPalette(element: Element = document.documentElement): TrendPalette {
  const style = getComputedStyle(element);
  const series = {} as Record<TrendSeriesKey, string>;
  for (const key of TREND_SERIES_KEYS) series[key] = cssVar(style, TREND_SERIES[key].colorVar, '#4c8dff');
  return {
    text: cssVar(style, '--text', '#e7eaf0'),
    muted: cssVar(style, '--muted', '#8a93a6'),
    dim: cssVar(style, '--dim', '#5d667a'),
    grid: cssVar(style, '--trend-grid', 'rgba(128,128,128,0.15)'),
    surface: cssVar(style, '--surface', '#141821'),
    font: cssVar(style, '--font', 'sans-serif'),
    series,
    markers: {
      product: cssVar(style, '--trend-marker-product', '#8a93a6'),
      gap: cssVar(style, '--bad', '#f04848'),
      alert: cssVar(style, '--warn', '#f5a524'),
      incident: cssVar(style, '--trend-marker-incident', '#a66bff'),
    },
  };
}

/** "#4c8dff" / "rgb(…)" with an alpha; anything else is returned as it is. */
export function withAlpha(color: string, alpha: number): string {
  const hex = /^#([0-9a-f]{6})$/i.exec(color);
  if (hex) {
    const n = Number.parseInt(hex[1]!, 16);
    return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
  }
  const rgb = /^rgba?\(\s*(\d+)[\s,]+(\d+)[\s,]+(\d+)/i.exec(color);
  if (rgb) return `rgba(${rgb[1]}, ${rgb[2]}, ${rgb[3]}, ${alpha})`;
  return color;
}
