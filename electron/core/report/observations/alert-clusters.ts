/**
 * Alerts of one rule piling up in a short span (e.g. three 库存/颜色 alerts between 20:10 and
 * 20:25): the busiest span of each rule, when it holds at least CLUSTER_MIN_ALERTS alerts within
 * CLUSTER_WINDOW_MS. Times are where the alerts sit on the show's (feed) clock.
 */
import type { AlertView, TrendMarker } from '../../../../shared/api/contract.js';
import type { Observation } from '../../../../shared/api/report.js';
import { spanText } from '../local-time.js';
import { presentedProducts, quoted } from './presented-products.js';

export const CLUSTER_WINDOW_MS = 15 * 60_000;
export const CLUSTER_MIN_ALERTS = 3;

export interface AlertCluster {
  ruleId: string;
  ruleName: string;
  kind: AlertView['kind'];
  hint: string;
  count: number;
  start: number;
  end: number;
}

const alertTs = (a: AlertView) => a.feedTs ?? a.firstAt;

/** The busiest window of each rule (earliest on a tie), rules in the order they first alerted. */
export function alertClusters(alerts: readonly AlertView[]): AlertCluster[] {
  const byRule = new Map<string, AlertView[]>();
  for (const a of alerts) {
    const list = byRule.get(a.ruleId);
    if (list) list.push(a);
    else byRule.set(a.ruleId, [a]);
  }
  const clusters: AlertCluster[] = [];
  for (const list of byRule.values()) {
    const sorted = [...list].sort((a, b) => alertTs(a) - alertTs(b) || a.id - b.id);
    let best: { from: number; to: number } | null = null;
    let to = 0;
    for (let from = 0; from < sorted.length; from++) {
      to = Math.max(to, from);
      while (to + 1 < sorted.length && alertTs(sorted[to + 1]!) - alertTs(sorted[from]!) <= CLUSTER_WINDOW_MS)
        to++;
      if (!best || to - from > best.to - best.from) best = { from, to };
    }
    if (!best || best.to - best.from + 1 < CLUSTER_MIN_ALERTS) continue;
    const newest = sorted[best.to]!;
    clusters.push({
      ruleId: newest.ruleId,
      ruleName: newest.ruleName,
      kind: newest.kind,
      hint: newest.hint,
      count: best.to - best.from + 1,
      start: alertTs(sorted[best.from]!),
      end: alertTs(newest),
    });
  }
  return clusters;
}

const trimEnd = (s: string) => s.trim().replace(/[。；;，,\s]+$/u, '');

export function alertClusterObservations(
  alerts: readonly AlertView[],
  markers: readonly TrendMarker[],
): Observation[] {
  return alertClusters(alerts).map((c) => {
    const span = spanText(c.start, c.end);
    const products = presentedProducts(markers, c.start, c.end);
    const onScreen = products.length > 0 ? `（当时讲解：${quoted(products)}）` : '';
    const hint = trimEnd(c.hint);
    const improvement =
      c.kind === 'keyword'
        ? `开播前针对该时段讲解的商品${products.length > 0 ? quoted(products) : ''}做好准备，主播讲解时主动说明${hint ? `；现场处理：${hint}` : ''}`
        : `复盘 ${span} 的直播节奏与画面${hint ? `：${hint}` : ''}`;
    return {
      kind: 'alert-cluster',
      problem: `${c.count} 次「${c.ruleName}」告警集中在 ${span}${onScreen}`,
      improvement,
    };
  });
}
