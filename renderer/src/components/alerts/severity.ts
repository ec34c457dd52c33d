/** A severity's words and mark, so it is never told by colour alone. */
import type { Severity } from '../../../../shared/alerts/rules.js';

export function severityKey(severity: Severity) {
  return `alerts.severity.${severity}` as const;
}

/** The mark inside the severity badge, next to its word (colour-blind safe). */
export const SEVERITY_ICON: Record<Severity, string> = {
  critical: '!!',
  warn: '!',
  info: 'i',
};

export function stateKey(state: 'open' | 'acked' | 'snoozed') {
  return `alerts.state.${state}` as const;
}
