/**
 * 六、存在问题 / 七、改进计划: the sentences a show's data supports, each a problem and what to do
 * about it. Deterministic, and every number comes from the report: a clean show gets none.
 */
import type { AlertView, TrendData } from '../../../../shared/api/contract.js';
import type { ChecklistRun, IncidentView } from '../../../../shared/api/operations.js';
import type { Observation } from '../../../../shared/api/report.js';
import type { ReplyKpis } from '../../../../shared/api/replies.js';
import type { SlowGroup } from '../reply-figures.js';
import { alertClusterObservations } from './alert-clusters.js';
import { checklistObservations } from './checklist.js';
import { incidentObservations } from './incidents.js';
import { metricObservations, type MetricObservationInput } from './metrics.js';
import { replyObservations } from './replies.js';

/** Enough to read; keeps the prefilled text inside ReportTextSchema's limits. */
export const MAX_OBSERVATIONS = 30;

export interface ShowObservationInput extends MetricObservationInput {
  trend: TrendData;
  alerts: readonly AlertView[];
  replies: ReplyKpis;
  slowest: SlowGroup | null;
  incidents: readonly IncidentView[];
  checklist: ChecklistRun | null;
}

export function showObservations(input: ShowObservationInput): Observation[] {
  return [
    ...checklistObservations(input.checklist),
    ...metricObservations(input),
    ...replyObservations(input.replies, input.slowest),
    ...alertClusterObservations(input.alerts, input.trend.markers),
    ...incidentObservations(input.incidents),
  ].slice(0, MAX_OBSERVATIONS);
}
