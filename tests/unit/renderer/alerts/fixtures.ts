import type { AlertsState, AlertView } from '../../../../shared/api/alerts.js';

export function alertView(id: number, over: Partial<AlertView> = {}): AlertView {
  return {
    id,
    showId: 'show-1',
    ruleId: `rule-${id}`,
    ruleName: `规则${id}`,
    kind: 'keyword',
    severity: 'warn',
    hint: '查推流',
    message: '10 条相关评论',
    firstAt: 1_000 * id,
    lastAt: 1_000 * id,
    feedTs: null,
    count: 10,
    distinctUsers: 8,
    samples: [],
    state: 'open',
    ackedAt: null,
    ackedBy: null,
    snoozedUntil: null,
    incidentId: null,
    ...over,
  };
}

/** Newest first, open counts as the service would count them. */
export function alertsState(recent: AlertView[]): AlertsState {
  const open = { info: 0, warn: 0, critical: 0 };
  for (const a of recent) if (a.state === 'open') open[a.severity] += 1;
  return { showId: 'show-1', recent, open, rulesRevision: 1 };
}
