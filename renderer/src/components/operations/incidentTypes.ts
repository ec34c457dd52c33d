/** Incident types and severities as the UI names them, and the type an alert suggests. */
import type { AlertView } from '../../../../shared/api/alerts.js';
import {
  INCIDENT_TYPES,
  type IncidentSeverity,
  type IncidentType,
} from '../../../../shared/api/operations.js';
import type { MessageKey } from '../../../../shared/i18n/messages.js';

export const INCIDENT_TYPE_KEY = {
  stream_stutter: 'ops.type.stream_stutter',
  audio_delay: 'ops.type.audio_delay',
  black_screen: 'ops.type.black_screen',
  network_down: 'ops.type.network_down',
  device_failure: 'ops.type.device_failure',
  negative_sentiment: 'ops.type.negative_sentiment',
  out_of_stock: 'ops.type.out_of_stock',
  price_link_error: 'ops.type.price_link_error',
  cs_backlog: 'ops.type.cs_backlog',
  other: 'ops.type.other',
} as const satisfies Record<IncidentType, MessageKey>;

export const SEVERITY_KEY = {
  low: 'ops.severity.low',
  medium: 'ops.severity.medium',
  high: 'ops.severity.high',
} as const satisfies Record<IncidentSeverity, MessageKey>;

/** The digit that picks a type in the new-incident form: 1–9, then 0 for the tenth. */
export function typeDigit(type: IncidentType): string {
  return String((INCIDENT_TYPES.indexOf(type) + 1) % 10);
}

export function typeOfDigit(digit: string): IncidentType | null {
  if (!/^[0-9]$/.test(digit)) return null;
  return INCIDENT_TYPES[(Number(digit) + 9) % 10] ?? null;
}

export function isIncidentType(value: string): value is IncidentType {
  return (INCIDENT_TYPES as readonly string[]).includes(value);
}

/**
 * The shipped rules by the words of their ids (a user's own rule named e.g. "stock-red" still
 * maps): a fault burst is a stream stutter, complaints are negative sentiment, stock questions
 * are out of stock, price / coupon / link questions a price or link error, a silent or gapped
 * feed a network outage; anything else is "other", for the controller to change.
 */
const RULE_WORDS: readonly (readonly [RegExp, IncidentType])[] = [
  [/(?:^|-)(?:stream|fault|stutter|lag)(?:-|$)/, 'stream_stutter'],
  [/(?:^|-)(?:audio|sound)(?:-|$)/, 'audio_delay'],
  [/(?:^|-)complaints?(?:-|$)/, 'negative_sentiment'],
  [/(?:^|-)stock(?:-|$)/, 'out_of_stock'],
  [/(?:^|-)(?:price|coupon|link)(?:-|$)/, 'price_link_error'],
  [/^feed-(?:silence|gap)$/, 'network_down'],
];

export function incidentTypeForAlert(alert: Pick<AlertView, 'ruleId'>): IncidentType {
  return RULE_WORDS.find(([words]) => words.test(alert.ruleId))?.[1] ?? 'other';
}

export function severityForAlert(alert: Pick<AlertView, 'severity'>): IncidentSeverity {
  return alert.severity === 'critical' ? 'high' : alert.severity === 'warn' ? 'medium' : 'low';
}
