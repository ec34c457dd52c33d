/**
 * Event markers (product switches, feed gaps, alerts, incidents) drawn on the chart's own
 * canvas as vertical lines with small labels — no DOM node per marker, so hundreds of product
 * switches over an 8-hour show cost one pass over an array per redraw.
 */
import uPlot from 'uplot';
import type { TrendMarker, TrendMarkerKind } from '../../../../shared/api/contract.js';
import { withAlpha, type TrendPalette } from './palette.js';

const MINUTE_S = 60;
/** Longest label in CSS pixels; longer product names are cut with an ellipsis. */
const LABEL_MAX_CSS = 112;

/** One row of labels on a short chart, two when there is room (fewer labels left out). */
export function labelRowsFor(plotHeightCss: number): number {
  return plotHeightCss >= 240 ? 2 : 1;
}

/** CSS pixels the labels take at the top of the plot: the y scales keep the data below them. */
export function labelAreaCss(fontPx: number, plotHeightCss: number): number {
  return labelRowsFor(plotHeightCss) * (fontPx + 6) + 4;
}

export interface MarkersPluginOptions {
  markers: () => readonly TrendMarker[];
  palette: TrendPalette;
  fontPx: number;
  /** Text for a gap marker's label (the service's label is technical: seq numbers). */
  kindLabel: (kind: TrendMarkerKind) => string;
}

function truncate(ctx: CanvasRenderingContext2D, text: string, maxWidth: number): string {
  if (ctx.measureText(text).width <= maxWidth) return text;
  let end = text.length;
  while (end > 1 && ctx.measureText(`${text.slice(0, end)}…`).width > maxWidth) end--;
  return `${text.slice(0, end)}…`;
}

/** The rule's name of an alert marker ("规则名：消息" from getTrend), so alerts read apart at a glance. */
function alertRuleName(label: string): string {
  const at = label.indexOf('：');
  return at > 0 ? label.slice(0, at) : label;
}

function labelOf(marker: TrendMarker, kindLabel: MarkersPluginOptions['kindLabel']): string {
  if (marker.kind === 'product') return marker.label;
  if (marker.kind === 'alert') return `! ${alertRuleName(marker.label) || kindLabel('alert')}`;
  return kindLabel(marker.kind);
}

export function markersPlugin(options: MarkersPluginOptions): uPlot.Plugin {
  const { palette, fontPx, kindLabel } = options;

  // Gap bands go under the series (drawn with the axes), lines and labels over them.
  const drawBands = (u: uPlot) => {
    const { ctx } = u;
    const { left, top, width, height } = u.bbox;
    ctx.save();
    ctx.beginPath();
    ctx.rect(left, top, width, height);
    ctx.clip();
    ctx.fillStyle = withAlpha(palette.markers.gap, 0.16);
    for (const marker of options.markers()) {
      if (marker.kind !== 'gap') continue;
      const x0 = u.valToPos(marker.ts / 1000, 'x', true);
      const x1 = u.valToPos(marker.ts / 1000 + MINUTE_S, 'x', true);
      const w = Math.max(x1 - x0, 4 * uPlot.pxRatio);
      ctx.fillRect(x0 - w / 2, top, w, height);
    }
    ctx.restore();
  };

  const drawLines = (u: uPlot) => {
    const { ctx } = u;
    const pr = uPlot.pxRatio;
    const { left, top, width, height } = u.bbox;
    const right = left + width;
    const font = `${Math.round(fontPx * pr)}px ${palette.font}`;
    const rowHeight = Math.round((fontPx + 6) * pr);
    const padX = 4 * pr;
    // Right edge of the last label in each row: a label that would overlap is left out (the
    // hover tooltip still lists it).
    const rowEnds = new Array<number>(labelRowsFor(height / pr)).fill(-Infinity);
    ctx.save();
    ctx.beginPath();
    ctx.rect(left, top, width, height);
    ctx.clip();
    ctx.font = font;
    ctx.textBaseline = 'middle';
    for (const marker of options.markers()) {
      const x = Math.round(u.valToPos(marker.ts / 1000, 'x', true)) + 0.5;
      if (x < left || x > right) continue;
      const color = palette.markers[marker.kind];
      ctx.strokeStyle = marker.kind === 'product' ? withAlpha(color, 0.55) : color;
      ctx.lineWidth = (marker.kind === 'product' ? 1 : marker.kind === 'alert' ? 2 : 1.5) * pr;
      ctx.setLineDash(marker.kind === 'product' ? [3 * pr, 3 * pr] : []);
      ctx.beginPath();
      ctx.moveTo(x, top);
      ctx.lineTo(x, top + height);
      ctx.stroke();

      const text = truncate(ctx, labelOf(marker, kindLabel), LABEL_MAX_CSS * pr);
      const boxWidth = ctx.measureText(text).width + padX * 2;
      // Labels sit right of their line, or left of it at the right edge.
      const boxLeft = x + boxWidth + 2 * pr > right ? x - boxWidth - 2 * pr : x + 2 * pr;
      const row = rowEnds.findIndex((end) => end + 4 * pr < boxLeft);
      if (row < 0) continue;
      const boxTop = top + 2 * pr + row * rowHeight;
      ctx.setLineDash([]);
      ctx.fillStyle = withAlpha(palette.surface, 0.86);
      ctx.fillRect(boxLeft, boxTop, boxWidth, rowHeight - 2 * pr);
      ctx.fillStyle = color;
      ctx.fillRect(boxLeft, boxTop, 2 * pr, rowHeight - 2 * pr);
      ctx.fillStyle = marker.kind === 'product' ? palette.text : color;
      ctx.fillText(text, boxLeft + padX, boxTop + (rowHeight - 2 * pr) / 2);
      rowEnds[row] = Math.max(boxLeft + boxWidth, x);
    }
    ctx.restore();
  };

  return { hooks: { drawAxes: [drawBands], draw: [drawLines] } };
}

/** Markers within `tolerance` CSS pixels of a cursor x (relative to the plotting area). */
export function markersNear(
  u: uPlot,
  markers: readonly TrendMarker[],
  cursorLeft: number,
  tolerance: number,
): TrendMarker[] {
  const near: TrendMarker[] = [];
  for (const marker of markers) {
    const x = u.valToPos(marker.ts / 1000, 'x');
    if (Math.abs(x - cursorLeft) <= tolerance) near.push(marker);
  }
  return near;
}
