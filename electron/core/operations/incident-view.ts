/**
 * A stored incident as the API shows it (durations and the impact measured from the rollups),
 * and the KPIs of a set of incidents: pure functions of the store's rows, so the live incident
 * log and the post-show report compute them the same way.
 */
import type { IncidentKpis, IncidentView } from '../../../shared/api/operations.js';
import type { OperationsRepo, StoredIncident } from '../store/operations-repo.js';
import { impactFrom, impactWindows, type MinuteWindow } from './incident-impact.js';
import { computeIncidentKpis } from './incident-kpis.js';
import { durationMs, type ClockStamp } from './monotonic.js';

/** `now` ends the impact window of an incident not yet resolved. */
export function incidentView(repo: OperationsRepo, incident: StoredIncident, now: ClockStamp): IncidentView {
  const { detected, responded, resolved } = incident;
  return {
    id: incident.id,
    showId: incident.showId,
    type: incident.type,
    severity: incident.severity,
    title: incident.title,
    detectedAt: detected.wall,
    respondedAt: responded?.wall ?? null,
    resolvedAt: resolved?.wall ?? null,
    feedTs: incident.feedTs,
    responseMs: responded ? durationMs(detected, responded) : null,
    resolveMs: resolved ? durationMs(detected, resolved) : null,
    alertId: incident.alertId,
    notes: incident.notes.map((n) => ({ ...n })),
    steps: incident.steps.map((s) => ({ ...s })),
    impact: impactOf(repo, incident, now),
  };
}

function impactOf(repo: OperationsRepo, incident: StoredIncident, now: ClockStamp): IncidentView['impact'] {
  const { showId, feedTs } = incident;
  if (showId === null || feedTs === null) return null;
  const endFeedTs = feedTs + durationMs(incident.detected, incident.resolved ?? now);
  const w = impactWindows({ feedTs, endFeedTs, resolved: incident.resolved !== null });
  const totals = (window: MinuteWindow) => repo.rollupTotals(showId, window);
  return impactFrom(totals(w.before), totals(w.during), w.after && totals(w.after));
}

export function incidentKpisOf(
  incidents: readonly StoredIncident[],
  scope: { showId: string | null; from: number | null; to: number | null },
): IncidentKpis {
  return computeIncidentKpis(
    incidents.map((i) => ({
      type: i.type,
      resolvedAt: i.resolved?.wall ?? null,
      responseMs: i.responded ? durationMs(i.detected, i.responded) : null,
      resolveMs: i.resolved ? durationMs(i.detected, i.resolved) : null,
    })),
    scope,
  );
}
