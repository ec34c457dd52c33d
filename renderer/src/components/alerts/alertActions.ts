/**
 * What the controller does with an alert: acknowledge (with the operator name), snooze, or mute
 * its rule. Each answer is applied at once (before the next board update), and the result is
 * announced in the panel's status line.
 */
import type { AlertView } from '../../../../shared/api/alerts.js';
import type { LiveDeskClient } from '../../../../shared/api/contract.js';
import { alertsUi, useAlertsUi } from '../../state/alertsUi.js';
import { boardActions, useBoardStore } from '../../state/boardStore.js';
import { withAlertView } from './alertList.js';
import { alertRulesActions } from './alertRulesStore.js';
import { messageOf } from '../common/errorMessage.js';

export const SNOOZE_CHOICES = [5, 15, 30] as const;

function applyView(view: AlertView | null): boolean {
  const alerts = useBoardStore.getState().alerts;
  if (!view) return false;
  if (alerts) boardActions.setAlerts(withAlertView(alerts, view));
  return true;
}

export async function ackAlert(client: LiveDeskClient, alert: AlertView): Promise<void> {
  try {
    const view = await client.ackAlert({ id: alert.id, by: useAlertsUi.getState().operator });
    if (applyView(view)) alertsUi.report('ok', 'alerts.status.acked', { rule: alert.ruleName });
    else alertsUi.report('error', 'alerts.status.gone');
  } catch (error) {
    alertsUi.report('error', 'alerts.status.failed', { reason: messageOf(error) });
  }
}

export async function snoozeAlert(client: LiveDeskClient, alert: AlertView, minutes: number): Promise<void> {
  try {
    const view = await client.snoozeAlert({ id: alert.id, minutes });
    if (applyView(view)) alertsUi.report('ok', 'alerts.status.snoozed', { rule: alert.ruleName, n: minutes });
    else alertsUi.report('error', 'alerts.status.gone');
  } catch (error) {
    alertsUi.report('error', 'alerts.status.failed', { reason: messageOf(error) });
  }
}

export async function muteRule(
  client: LiveDeskClient,
  rule: { id: string; name: string },
  muted: boolean,
): Promise<void> {
  try {
    alertRulesActions.setView(await client.muteAlertRule({ id: rule.id, muted }));
    alertsUi.report('ok', muted ? 'alerts.status.muted' : 'alerts.status.unmuted', { rule: rule.name });
  } catch (error) {
    alertsUi.report('error', 'alerts.status.failed', { reason: messageOf(error) });
  }
}
