/**
 * A show's trend from its per-minute rollups: online, GMV/comments/orders per minute, conversion
 * over the trailing 5 minutes, cumulative metrics per minute (sparklines), and markers on the same
 * time axis (product switches, data gaps, alerts, incidents). An 8-hour show is ~480 rows: this
 * is cheap.
 */
import type { TrendData, TrendMarker, TrendMinute } from '../../../shared/api/contract.js';
import { computeMetrics, conversionRate, type StatsCounters } from '../../../shared/metrics/formulas.js';
import { INCIDENT_TYPE_LABELS } from '../operations/labels.js';
import type { Store } from '../store/store.js';

const MINUTE = 60_000;
const TRAILING = 5;
const MAX_ALERT_LABEL = 80;

const cut = (label: string) =>
  label.length > MAX_ALERT_LABEL ? `${label.slice(0, MAX_ALERT_LABEL - 1)}…` : label;

function alertLabel(ruleName: string, message: string): string {
  return cut(`${ruleName}：${message}`);
}

/** "网络中断：直播中断约5分钟"; a title that is just the type's name is said once. */
function incidentLabel(type: keyof typeof INCIDENT_TYPE_LABELS, title: string): string {
  const name = INCIDENT_TYPE_LABELS[type];
  return cut(title === name ? name : `${name}：${title}`);
}

export function buildTrend(store: Store, showId: string, sinceMinute = 0): TrendData {
  // Five minutes before `sinceMinute` are read too: the trailing conversion needs them.
  const rows = store.rollupsSince(showId, Math.max(0, sinceMinute - TRAILING * MINUTE));
  const minutes: TrendMinute[] = [];
  const history: { minute: number; counters: StatsCounters }[] = [];
  let peak = 0;
  let last: StatsCounters | null = null;
  for (const row of rows) {
    if (row.counters) last = row.counters;
    peak = Math.max(peak, row.onlineMax ?? 0);
    let conversion5m: number | null = null;
    if (last) {
      history.push({ minute: row.minute, counters: last });
      const from = history.findLast((h) => h.minute <= row.minute - TRAILING * MINUTE);
      if (from) conversion5m = conversionRate(last.buyers - from.counters.buyers, last.uv - from.counters.uv);
    }
    if (row.minute < sinceMinute) continue;
    minutes.push({
      minute: row.minute,
      online: row.onlineLast,
      onlineMax: row.onlineMax,
      comments: row.comments,
      orders: row.orders,
      gmv: row.gmv,
      conversion5m,
      values: row.counters ? computeMetrics({ counters: row.counters, peakOnline: peak }) : null,
    });
  }
  const markers: TrendMarker[] = [
    ...store
      .productSwitches(showId)
      .map((s) => ({ ts: s.ts, kind: 'product' as const, label: s.name ?? s.id })),
    ...store.gaps(showId).map((g) => ({
      ts: g.feedTs ?? g.detectedAt,
      kind: 'gap' as const,
      label: `#${g.afterSeq}→#${g.resumedSeq} (${g.missing})`,
    })),
    // Alerts sit where they were raised on the show's (feed) clock.
    ...store.alerts.markers(showId).map((a) => ({
      ts: a.ts,
      kind: 'alert' as const,
      label: alertLabel(a.ruleName, a.message),
    })),
    // Incidents sit where they were detected on the feed clock.
    ...store.operations.markers(showId).map((i) => ({
      ts: i.ts,
      kind: 'incident' as const,
      label: incidentLabel(i.type, i.title),
    })),
  ]
    .filter((m) => m.ts >= sinceMinute)
    .sort((a, b) => a.ts - b.ts);
  return { showId, minutes, markers };
}
