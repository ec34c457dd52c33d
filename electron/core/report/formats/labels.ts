/**
 * The Chinese names the report writes (it is a Chinese work summary whatever the UI language):
 * metric, traffic-source, severity and state names come from the app's zh-CN messages, so the
 * report says what the board says.
 */
import type { AlertKind, AlertState } from '../../../../shared/api/alerts.js';
import type { IncidentSeverity } from '../../../../shared/api/operations.js';
import type { QuestionState } from '../../../../shared/api/replies.js';
import type { Severity } from '../../../../shared/alerts/rules.js';
import { zhCN } from '../../../../shared/i18n/messages.js';
import type { MetricKey } from '../../../../shared/metrics/formulas.js';

export { INCIDENT_TYPE_LABELS, SECTION_LABELS, STATUS_LABELS } from '../../operations/labels.js';

const messages: Readonly<Record<string, string>> = zhCN;

export function metricLabel(key: MetricKey): string {
  return messages[`metric.${key}`] ?? key;
}

/** Known sources by their 罗盘 name; a source the app does not know keeps the feed's key. */
export function trafficLabel(source: string): string {
  return messages[`traffic.${source}`] ?? source;
}

export function alertSeverityLabel(severity: Severity): string {
  return messages[`alerts.severity.${severity}`] ?? severity;
}

export function alertStateLabel(state: AlertState): string {
  return messages[`alerts.state.${state}`] ?? state;
}

export function alertKindLabel(kind: AlertKind): string {
  return messages[`alerts.kind.${kind}`] ?? kind;
}

export function incidentSeverityLabel(severity: IncidentSeverity): string {
  return messages[`ops.severity.${severity}`] ?? severity;
}

export const QUESTION_STATE_LABELS: Readonly<Record<QuestionState, string>> = {
  pending: '待回复',
  answered: '已回复',
  dismissed: '已忽略',
};
