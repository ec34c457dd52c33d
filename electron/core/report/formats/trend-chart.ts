/**
 * The report's charts as SVG, rendered to PNG with resvg (system fonts; the families name the
 * Chinese UI fonts of Windows, macOS and Linux in turn). A show: online viewers (line, left
 * axis) over GMV per minute (bars, right axis), comments per minute in a strip below, and
 * vertical markers for product switches, alerts, incidents and data gaps on the same local
 * HH:mm time axis. A period: GMV per show as bars. Same data, same SVG, same PNG.
 */
import { Resvg } from '@resvg/resvg-js';
import type { TrendData, TrendMarkerKind } from '../../../../shared/api/contract.js';
import { formatCount } from '../../../../shared/format.js';
import { localDay, localTime } from './values.js';

export const CHART_FONTS = "'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', sans-serif";
const W = 1200;
const H = 640;
const LEFT = 108;
const RIGHT = 118;
const TOP_PANEL = { top: 64, bottom: 410 };
const LOW_PANEL = { top: 450, bottom: 574 };
const COLORS = {
  online: '#2563eb',
  gmv: '#f59e0b',
  comments: '#059669',
  grid: '#e5e7eb',
  axis: '#6b7280',
  text: '#374151',
  product: '#8b5cf6',
  alert: '#d97706',
  incident: '#dc2626',
  gap: '#9ca3af',
};
const MARKER_NAMES: Record<TrendMarkerKind, string> = {
  product: '商品切换',
  alert: '告警',
  incident: '事故',
  gap: '数据缺口',
};

export interface ChartImage {
  svg: string;
  png: Buffer;
  width: number;
  height: number;
}

/** SVG text is XML: escape what the data may carry (product names, incident titles). */
function esc(s: string): string {
  return s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;');
}

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/** 0 … a round maximum in about five steps (1, 2, 2.5, 5 × 10^k). */
export function niceTicks(max: number, steps = 5): number[] {
  if (!Number.isFinite(max) || max <= 0) return [0, 1];
  const raw = max / steps;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * pow).find((s) => s >= raw) ?? 10 * pow;
  const ticks: number[] = [];
  for (let v = 0; v < max + step * 0.999; v += step) ticks.push(Number(v.toPrecision(12)));
  return ticks;
}

/** Cents → a short axis label: ¥800, ¥1.2万, ¥3.5亿. */
function moneyTick(cents: number): string {
  const yuan = cents / 100;
  if (yuan >= 1e8) return `¥${fmt(Math.round((yuan / 1e8) * 10) / 10)}亿`;
  if (yuan >= 1e4) return `¥${fmt(Math.round((yuan / 1e4) * 10) / 10)}万`;
  return `¥${Math.round(yuan).toLocaleString('en-US')}`;
}

const TIME_STEPS_MIN = [1, 2, 5, 10, 15, 30, 60, 120, 180, 240];

/** Tick moments on whole local minutes (every 5, 10, 15 … min) so there are at most ~10. */
export function timeTicks(from: number, to: number, maxTicks = 10): number[] {
  const spanMin = Math.max(1, (to - from) / 60_000);
  const stepMin = TIME_STEPS_MIN.find((s) => spanMin / s <= maxTicks) ?? 480;
  const step = stepMin * 60_000;
  const offset = new Date(from).getTimezoneOffset() * 60_000;
  const first = Math.ceil((from - offset) / step) * step + offset;
  const ticks: number[] = [];
  for (let t = first; t <= to; t += step) ticks.push(t);
  return ticks;
}

interface Scale {
  (v: number): number;
}
const linear =
  (d0: number, d1: number, r0: number, r1: number): Scale =>
  (v) =>
    d1 === d0 ? r0 : r0 + ((v - d0) / (d1 - d0)) * (r1 - r0);

function svgDoc(body: string[]): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="${CHART_FONTS}">`,
    `<rect width="${W}" height="${H}" fill="#ffffff"/>`,
    ...body,
    '</svg>',
  ].join('\n');
}

function legendItem(
  x: number,
  y: number,
  color: string,
  label: string,
  shape: 'line' | 'bar' | 'mark',
): string {
  const sw =
    shape === 'line'
      ? `<line x1="${x}" y1="${y}" x2="${x + 22}" y2="${y}" stroke="${color}" stroke-width="3"/>`
      : shape === 'bar'
        ? `<rect x="${x}" y="${y - 7}" width="22" height="14" fill="${color}" opacity="0.7"/>`
        : `<line x1="${x + 11}" y1="${y - 9}" x2="${x + 11}" y2="${y + 9}" stroke="${color}" stroke-width="2" stroke-dasharray="4 3"/>`;
  return `${sw}<text x="${x + 28}" y="${y + 7}" font-size="21" fill="${COLORS.text}">${esc(label)}</text>`;
}

/** Legend entries laid out left to right; each label's width estimated (CJK ≈ 1 em, others ½). */
function legend(items: [string, string, 'line' | 'bar' | 'mark'][]): string[] {
  let x = LEFT;
  return items.map(([color, label, shape]) => {
    const out = legendItem(x, 28, color, label, shape);
    x += 28 + [...label].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 21 : 12), 0) + 26;
    return out;
  });
}

function gridAndAxis(
  ticks: number[],
  y: Scale,
  label: (v: number) => string,
  side: 'left' | 'right',
  color: string,
  grid: boolean,
): string[] {
  const x = side === 'left' ? LEFT - 8 : W - RIGHT + 8;
  const anchor = side === 'left' ? 'end' : 'start';
  return ticks.map((t) => {
    const yy = y(t).toFixed(1);
    const line = grid
      ? `<line x1="${LEFT}" y1="${yy}" x2="${W - RIGHT}" y2="${yy}" stroke="${COLORS.grid}"/>`
      : '';
    return `${line}<text x="${x}" y="${(y(t) + 6).toFixed(1)}" font-size="18" fill="${color}" text-anchor="${anchor}">${esc(label(t))}</text>`;
  });
}

function axisTitle(text: string, side: 'left' | 'right', top: number, bottom: number, color: string): string {
  const x = side === 'left' ? 20 : W - 16;
  const y = (top + bottom) / 2;
  return `<text x="${x}" y="${y}" font-size="18" fill="${color}" text-anchor="middle" transform="rotate(-90 ${x} ${y})">${esc(text)}</text>`;
}

/** A polyline per run of known values: an unknown minute breaks the line, it does not drop to 0. */
function linePaths(points: [number, number | null][], color: string, width: number): string[] {
  const runs: string[][] = [];
  let current: string[] = [];
  for (const [x, y] of points) {
    if (y === null) {
      if (current.length > 0) runs.push(current);
      current = [];
    } else current.push(`${x.toFixed(1)},${y.toFixed(1)}`);
  }
  if (current.length > 0) runs.push(current);
  return runs.map((run) =>
    run.length === 1
      ? `<circle cx="${run[0]!.split(',')[0]}" cy="${run[0]!.split(',')[1]}" r="2" fill="${color}"/>`
      : `<polyline points="${run.join(' ')}" fill="none" stroke="${color}" stroke-width="${width}" stroke-linejoin="round"/>`,
  );
}

/** The show's trend chart as SVG; null when there is not a single minute to draw. */
export function trendChartSvg(trend: TrendData): string | null {
  const minutes = trend.minutes;
  if (minutes.length === 0) return null;
  const t0 = minutes[0]!.minute;
  const t1 = minutes[minutes.length - 1]!.minute + 60_000;
  const x = linear(t0, t1, LEFT, W - RIGHT);
  const onlineMax = Math.max(0, ...minutes.map((m) => Math.max(m.online ?? 0, m.onlineMax ?? 0)));
  const gmvMax = Math.max(0, ...minutes.map((m) => m.gmv));
  const comMax = Math.max(0, ...minutes.map((m) => m.comments));
  const onlineTicks = niceTicks(onlineMax);
  const gmvTicks = niceTicks(gmvMax);
  const comTicks = niceTicks(comMax, 2);
  const yOnline = linear(0, onlineTicks[onlineTicks.length - 1]!, TOP_PANEL.bottom, TOP_PANEL.top);
  const yGmv = linear(0, gmvTicks[gmvTicks.length - 1]!, TOP_PANEL.bottom, TOP_PANEL.top);
  const yCom = linear(0, comTicks[comTicks.length - 1]!, LOW_PANEL.bottom, LOW_PANEL.top);
  const barW = Math.max(1, x(t0 + 60_000) - x(t0) - 1);
  const kinds = new Set(trend.markers.map((m) => m.kind));
  const body: string[] = [
    ...legend([
      [COLORS.online, '在线人数', 'line'],
      [COLORS.gmv, '成交额/分钟', 'bar'],
      [COLORS.comments, '评论/分钟', 'line'],
      ...(['product', 'alert', 'incident', 'gap'] as const)
        .filter((k) => kinds.has(k))
        .map((k): [string, string, 'mark'] => [COLORS[k], MARKER_NAMES[k], 'mark']),
    ]),
    ...gridAndAxis(onlineTicks, yOnline, (v) => formatCount(v), 'left', COLORS.online, true),
    ...gridAndAxis(gmvTicks, yGmv, moneyTick, 'right', COLORS.gmv, false),
    ...gridAndAxis(comTicks, yCom, (v) => formatCount(v), 'left', COLORS.comments, true),
    axisTitle('在线人数', 'left', TOP_PANEL.top, TOP_PANEL.bottom, COLORS.online),
    axisTitle('成交额/分钟', 'right', TOP_PANEL.top, TOP_PANEL.bottom, COLORS.gmv),
    axisTitle('评论/分钟', 'left', LOW_PANEL.top, LOW_PANEL.bottom, COLORS.comments),
    ...minutes
      .filter((m) => m.gmv > 0)
      .map((m) => {
        const top = yGmv(m.gmv);
        return `<rect x="${x(m.minute).toFixed(1)}" y="${top.toFixed(1)}" width="${barW.toFixed(1)}" height="${(TOP_PANEL.bottom - top).toFixed(1)}" fill="${COLORS.gmv}" opacity="0.55"/>`;
      }),
    ...linePaths(
      minutes.map((m) => [x(m.minute + 30_000), m.online === null ? null : yOnline(m.online)]),
      COLORS.online,
      2.5,
    ),
    ...linePaths(
      minutes.map((m) => [x(m.minute + 30_000), yCom(m.comments)]),
      COLORS.comments,
      1.8,
    ),
    ...markerLines(trend, x, t0, t1),
    ...timeAxis(t0, t1, x),
  ];
  return svgDoc(body);
}

function markerLines(trend: TrendData, x: Scale, t0: number, t1: number): string[] {
  // Incidents last so they are drawn on top; products first (there are many).
  const order: TrendMarkerKind[] = ['product', 'gap', 'alert', 'incident'];
  const markers = trend.markers
    .filter((m) => m.ts >= t0 && m.ts <= t1)
    .sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || a.ts - b.ts);
  const out: string[] = [];
  for (const m of markers) {
    const xx = x(m.ts).toFixed(1);
    const width = m.kind === 'incident' ? 2 : 1.2;
    out.push(
      `<line x1="${xx}" y1="${TOP_PANEL.top}" x2="${xx}" y2="${LOW_PANEL.bottom}" stroke="${COLORS[m.kind]}" stroke-width="${width}" stroke-dasharray="${m.kind === 'product' ? '3 4' : '6 3'}" opacity="0.8"/>`,
      `<path d="M ${xx} ${TOP_PANEL.top - 2} l -5 -8 h 10 z" fill="${COLORS[m.kind]}"/>`,
    );
    if (m.kind === 'incident') {
      const label = m.label.length > 14 ? `${m.label.slice(0, 13)}…` : m.label;
      out.push(
        `<text x="${(Number(xx) + 4).toFixed(1)}" y="${TOP_PANEL.top + 18}" font-size="17" fill="${COLORS.incident}" stroke="#ffffff" stroke-width="3" paint-order="stroke">${esc(label)}</text>`,
      );
    }
  }
  return out;
}

function timeAxis(t0: number, t1: number, x: Scale): string[] {
  const y = LOW_PANEL.bottom;
  return [
    `<line x1="${LEFT}" y1="${y}" x2="${W - RIGHT}" y2="${y}" stroke="${COLORS.axis}"/>`,
    `<line x1="${LEFT}" y1="${TOP_PANEL.bottom}" x2="${W - RIGHT}" y2="${TOP_PANEL.bottom}" stroke="${COLORS.axis}"/>`,
    ...timeTicks(t0, t1).map((t) => {
      const xx = x(t).toFixed(1);
      return `<line x1="${xx}" y1="${y}" x2="${xx}" y2="${y + 5}" stroke="${COLORS.axis}"/><text x="${xx}" y="${y + 26}" font-size="18" fill="${COLORS.text}" text-anchor="middle">${localTime(t)}</text>`;
    }),
  ];
}

export interface BarDatum {
  /** When the show started (the x label is its local date). */
  at: number;
  /** Cents. */
  gmv: number;
}

/** GMV per show of a period as SVG bars; null without shows. */
export function periodChartSvg(bars: BarDatum[]): string | null {
  if (bars.length === 0) return null;
  const ticks = niceTicks(Math.max(0, ...bars.map((b) => b.gmv)));
  const y = linear(0, ticks[ticks.length - 1]!, LOW_PANEL.bottom, TOP_PANEL.top);
  const slot = (W - LEFT - RIGHT) / bars.length;
  const barW = Math.max(1, slot * 0.7);
  const labelEvery = Math.max(1, Math.ceil(bars.length / 12));
  const body: string[] = [
    ...legend([[COLORS.gmv, '每场成交金额', 'bar']]),
    ...gridAndAxis(ticks, y, moneyTick, 'left', COLORS.text, true),
    axisTitle('成交金额', 'left', TOP_PANEL.top, LOW_PANEL.bottom, COLORS.text),
    `<line x1="${LEFT}" y1="${LOW_PANEL.bottom}" x2="${W - RIGHT}" y2="${LOW_PANEL.bottom}" stroke="${COLORS.axis}"/>`,
  ];
  bars.forEach((b, i) => {
    const left = LEFT + i * slot + (slot - barW) / 2;
    const top = y(b.gmv);
    body.push(
      `<rect x="${left.toFixed(1)}" y="${top.toFixed(1)}" width="${barW.toFixed(1)}" height="${(LOW_PANEL.bottom - top).toFixed(1)}" fill="${COLORS.gmv}" opacity="0.8"/>`,
    );
    if (i % labelEvery === 0) {
      const cx = (left + barW / 2).toFixed(1);
      body.push(
        `<text x="${cx}" y="${LOW_PANEL.bottom + 26}" font-size="18" fill="${COLORS.text}" text-anchor="middle">${localDay(b.at).slice(5)}</text>`,
      );
    }
  });
  return svgDoc(body);
}

/** Render width in pixels: twice the SVG's, sharp when Word scales it to the page. */
const RENDER_WIDTH = W * 2;

export function renderPng(svg: string): ChartImage {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: RENDER_WIDTH },
    font: { loadSystemFonts: true, defaultFontFamily: 'Noto Sans CJK SC' },
    background: '#ffffff',
  });
  const image = resvg.render();
  return { svg, png: Buffer.from(image.asPng()), width: image.width, height: image.height };
}
