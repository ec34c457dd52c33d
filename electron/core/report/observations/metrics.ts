/**
 * What the show's figures say on their own:
 * - the audience fell ≥ 15 % within 30 minutes (seed 002's retention story) — the deepest such
 *   fall, from one minute's last online reading to a later one; the closing minutes (the host
 *   saying goodbye) and audiences under MIN_AUDIENCE (noise) are left out;
 * - conversion or GMV ≥ 10 % below the previous show of the room;
 * - GMV below its target.
 */
import type { TrendData } from '../../../../shared/api/contract.js';
import type { MetricComparison, Observation, ShowReport } from '../../../../shared/api/report.js';
import { formatCount, formatMoney, formatPercent } from '../../../../shared/format.js';
import type { MetricValues, ProductMetrics } from '../../../../shared/metrics/formulas.js';
import type { ShowTargets } from '../../../../shared/metrics/targets.js';
import { spanText } from '../local-time.js';
import { presentedProducts, quoted } from './presented-products.js';

export const DROP_WINDOW_MS = 30 * 60_000;
export const DROP_MIN = 0.15;
export const MIN_AUDIENCE = 50;
export const CLOSING_MS = 10 * 60_000;
export const VS_PREVIOUS_MIN = 0.1;

export interface OnlineDrop {
  from: number;
  to: number;
  before: number;
  after: number;
  drop: number;
}

export function largestOnlineDrop(trend: TrendData, endAt: number): OnlineDrop | null {
  const points = trend.minutes.flatMap((m) => (m.online === null ? [] : [{ t: m.minute, v: m.online }]));
  let best: OnlineDrop | null = null;
  for (let i = 0; i < points.length; i++) {
    const a = points[i]!;
    if (a.v < MIN_AUDIENCE) continue;
    for (let j = i + 1; j < points.length && points[j]!.t - a.t <= DROP_WINDOW_MS; j++) {
      const b = points[j]!;
      if (b.t + 60_000 > endAt - CLOSING_MS) break;
      const drop = (a.v - b.v) / a.v;
      // The deepest fall; of equal ones the shortest span (when it happened, not 30 min around it).
      if (
        drop >= DROP_MIN &&
        (!best || drop > best.drop || (drop === best.drop && b.t - a.t < best.to - best.from))
      )
        best = { from: a.t, to: b.t, before: a.v, after: b.v, drop };
    }
  }
  return best;
}

const topProduct = (products: readonly ProductMetrics[]) => {
  const p = products[0];
  return p && p.gmv > 0 ? `（本场成交最高：「${p.name ?? p.id}」${formatMoney(p.gmv)}）` : '';
};

export interface MetricObservationInput {
  trend: TrendData;
  endAt: number;
  final: MetricValues | null;
  comparisons: readonly MetricComparison[];
  previousShow: ShowReport['previousShow'];
  targets: ShowTargets;
  products: readonly ProductMetrics[];
}

export function metricObservations(input: MetricObservationInput): Observation[] {
  const out: Observation[] = [];
  const drop = largestOnlineDrop(input.trend, input.endAt);
  if (drop) {
    const span = spanText(drop.from, drop.to);
    const names = presentedProducts(input.trend.markers, drop.from, drop.to);
    out.push({
      kind: 'online-drop',
      problem: `${span} 在线人数从 ${formatCount(drop.before)} 降至 ${formatCount(drop.after)}（−${formatPercent(drop.drop, 1)}）`,
      improvement: `调整该时段的讲解节奏${names.length > 0 ? `（当时讲解：${quoted(names)}）` : ''}，增加互动问答和抽奖频次，把人留住`,
    });
  }
  const prev = input.previousShow;
  if (prev) {
    for (const c of input.comparisons) {
      if ((c.key !== 'conversionRate' && c.key !== 'gmv') || c.change === null || c.change > -VS_PREVIOUS_MIN)
        continue;
      const show = (v: number | null) => (c.key === 'gmv' ? formatMoney(v) : formatPercent(v));
      const label = c.key === 'gmv' ? '成交金额' : '转化率';
      out.push({
        kind: c.key === 'gmv' ? 'gmv-vs-previous' : 'conversion-vs-previous',
        problem: `${label} ${show(c.value)}，较上一场「${prev.title}」的 ${show(c.previous)} 下降 ${formatPercent(-c.change, 1)}`,
        improvement: `对照上一场「${prev.title}」复盘排品顺序、讲解时长与福利节奏${topProduct(input.products)}`,
      });
    }
  }
  const target = input.targets.gmv;
  if (target !== null && input.final && input.final.gmv < target) {
    out.push({
      kind: 'gmv-below-target',
      problem: `成交金额 ${formatMoney(input.final.gmv)}，完成目标 ${formatMoney(target)} 的 ${formatPercent(input.final.gmv / target, 1)}`,
      improvement: `开播前与主播对齐目标和排品，爆品安排在流量高峰${topProduct(input.products)}`,
    });
  }
  return out;
}
