import type { IncidentView, OperationsState } from '../../../../shared/api/operations.js';

export function incident(id: number, over: Partial<IncidentView> = {}): IncidentView {
  return {
    id,
    showId: 'show-1',
    type: 'network_down',
    severity: 'medium',
    title: `incident ${id}`,
    detectedAt: 1_000_000 + id * 1000,
    respondedAt: null,
    resolvedAt: null,
    feedTs: null,
    responseMs: null,
    resolveMs: null,
    alertId: null,
    notes: [],
    steps: [],
    impact: null,
    ...over,
  };
}

export function opsState(openIncidents: IncidentView[]): OperationsState {
  return { checklist: null, openIncidents, revision: 1 };
}
