/**
 * The alerts of a show for the post-show summary: per rule how many alerts, how much evidence,
 * how many were acknowledged and how fast (first match → acknowledged); and the totals.
 */
import type { AlertRuleSummary, AlertSummary, AlertView } from '../../../shared/api/alerts.js';
import type { Severity } from '../../../shared/alerts/rules.js';

/** Median of numbers (the mean of the middle two for an even count), null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

const ackMs = (a: AlertView): number | null =>
  a.ackedAt === null ? null : Math.max(0, a.ackedAt - a.firstAt);
const SEVERITY_ORDER: Record<Severity, number> = { critical: 0, warn: 1, info: 2 };

export function summariseAlerts(showId: string | null, alerts: readonly AlertView[]): AlertSummary {
  const bySeverity: Record<Severity, number> = { info: 0, warn: 0, critical: 0 };
  const rules = new Map<string, { summary: AlertRuleSummary; ackTimes: number[] }>();
  const allAckTimes: number[] = [];
  for (const alert of alerts) {
    bySeverity[alert.severity]++;
    let entry = rules.get(alert.ruleId);
    if (!entry) {
      entry = {
        summary: {
          ruleId: alert.ruleId,
          ruleName: alert.ruleName,
          severity: alert.severity,
          alerts: 0,
          evidence: 0,
          acked: 0,
          medianAckMs: null,
          maxAckMs: null,
        },
        ackTimes: [],
      };
      rules.set(alert.ruleId, entry);
    }
    // The newest alert's name and severity (a rule edited mid-show reads as it was last).
    entry.summary.ruleName = alert.ruleName;
    entry.summary.severity = alert.severity;
    entry.summary.alerts++;
    entry.summary.evidence += alert.count;
    const ms = ackMs(alert);
    if (ms !== null) {
      entry.summary.acked++;
      entry.ackTimes.push(ms);
      allAckTimes.push(ms);
    }
  }
  const byRule = [...rules.values()].map(({ summary, ackTimes }) => ({
    ...summary,
    medianAckMs: median(ackTimes),
    maxAckMs: ackTimes.length > 0 ? Math.max(...ackTimes) : null,
  }));
  byRule.sort(
    (a, b) =>
      b.alerts - a.alerts ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      a.ruleId.localeCompare(b.ruleId),
  );
  return {
    showId,
    total: alerts.length,
    acked: allAckTimes.length,
    bySeverity,
    byRule,
    medianAckMs: median(allAckTimes),
  };
}
