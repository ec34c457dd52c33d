/**
 * Incident KPIs for the post-show summary (seed 002: fault response ≤ 5 minutes): how many by
 * type, response time (detected → first action) median and max, the share responded within
 * INCIDENT_RESPONSE_TARGET_MS (inclusive) of all incidents, the share resolved, and the median
 * time to resolve. Medians of an even count are the mean of the middle two.
 */
import {
  INCIDENT_RESPONSE_TARGET_MS,
  type IncidentKpis,
  type IncidentType,
  type IncidentView,
} from '../../../shared/api/operations.js';
import { median } from '../alerts/summary.js';

export function computeIncidentKpis(
  incidents: readonly Pick<IncidentView, 'type' | 'responseMs' | 'resolveMs' | 'resolvedAt'>[],
  scope: { showId: string | null; from: number | null; to: number | null },
): IncidentKpis {
  const byType: Partial<Record<IncidentType, number>> = {};
  const responses: number[] = [];
  const resolves: number[] = [];
  let resolved = 0;
  for (const incident of incidents) {
    byType[incident.type] = (byType[incident.type] ?? 0) + 1;
    if (incident.responseMs !== null) responses.push(incident.responseMs);
    if (incident.resolvedAt !== null) resolved++;
    if (incident.resolveMs !== null) resolves.push(incident.resolveMs);
  }
  const total = incidents.length;
  const withinTarget = responses.filter((ms) => ms <= INCIDENT_RESPONSE_TARGET_MS).length;
  return {
    ...scope,
    total,
    byType,
    medianResponseMs: median(responses),
    maxResponseMs: responses.length === 0 ? null : Math.max(...responses),
    respondedWithin5MinRate: total === 0 ? null : withinTarget / total,
    resolvedRate: total === 0 ? null : resolved / total,
    medianResolveMs: median(resolves),
  };
}
