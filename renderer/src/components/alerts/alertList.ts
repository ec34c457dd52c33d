/**
 * What the bar and the panel show, derived from the board's AlertsState: the filtered list,
 * the one alert the bar headlines, and an acknowledged/snoozed alert merged in at once.
 */
import type { AlertsState, AlertView } from '../../../../shared/api/alerts.js';
import type { Severity } from '../../../../shared/alerts/rules.js';
import type { AlertStateFilter, SeverityFilter } from '../../state/alertsUi.js';

/** Warn and above are delivered (bar, notification, sound); info waits in the panel. */
export function isUrgent(severity: Severity): boolean {
  return severity === 'warn' || severity === 'critical';
}

export function visibleAlerts(
  recent: readonly AlertView[],
  stateFilter: AlertStateFilter,
  severityFilter: SeverityFilter,
): AlertView[] {
  return recent.filter(
    (a) =>
      (stateFilter === 'all' || a.state === 'open') &&
      (severityFilter === 'any' || a.severity === severityFilter),
  );
}

/**
 * The alert the bar shows: the newest open critical one, else the newest open warning; muted
 * rules never. Critical first, so a fresh warning cannot push a stream fault out of sight.
 */
export function headlineAlert(recent: readonly AlertView[], muted: ReadonlySet<string>): AlertView | null {
  const open = recent.filter((a) => a.state === 'open' && !muted.has(a.ruleId));
  return open.find((a) => a.severity === 'critical') ?? open.find((a) => a.severity === 'warn') ?? null;
}

/**
 * The state with one alert replaced by the service's answer to an action. Open counts move by
 * the change of this alert alone (the service counts alerts beyond the recent list too).
 */
export function withAlertView(state: AlertsState, view: AlertView): AlertsState {
  const at = state.recent.findIndex((a) => a.id === view.id);
  if (at < 0) return state;
  const before = state.recent[at]!;
  const open = { ...state.open };
  if (before.state === 'open') open[before.severity] = Math.max(0, open[before.severity] - 1);
  if (view.state === 'open') open[view.severity] += 1;
  return { ...state, recent: state.recent.map((a, i) => (i === at ? view : a)), open };
}

/** The selection kept valid: the selected alert while listed, else the first one (or none). */
export function resolveSelected(list: readonly AlertView[], selectedId: number | null): AlertView | null {
  return list.find((a) => a.id === selectedId) ?? list[0] ?? null;
}
