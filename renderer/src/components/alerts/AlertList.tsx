import { useEffect, type KeyboardEvent } from 'react';
import type { AlertView } from '../../../../shared/api/alerts.js';
import type { LiveDeskClient } from '../../../../shared/api/contract.js';
import { useNow } from '../../hooks/useNow.js';
import { useT } from '../../i18n/useI18n.js';
import { alertsUi, useAlertsUi } from '../../state/alertsUi.js';
import { openIncidentFromAlert } from '../operations/operationsActions.js';
import { OPEN_INCIDENT_KEY } from '../operations/OpenIncidentButton.js';
import { ackAlert, muteRule, snoozeAlert, SNOOZE_CHOICES } from './alertActions.js';
import { resolveSelected } from './alertList.js';
import { useAlertRules } from './alertRulesStore.js';
import { AlertCard } from './AlertCard.js';

const cardId = (id: number) => `alert-card-${id}`;

/**
 * The alerts, newest first, as a listbox worked from the keyboard: ↑/↓ (Home/End) select,
 * Enter expands the evidence, A acknowledges, S snoozes 5 minutes, M mutes (or unmutes) the
 * rule. Letter keys act from anywhere in the list; Enter and Space on a button stay the button's.
 */
export function AlertList({ client, alerts }: { client: LiveDeskClient; alerts: readonly AlertView[] }) {
  const t = useT();
  const now = useNow();
  const selectedId = useAlertsUi((s) => s.selectedId);
  const expanded = useAlertsUi((s) => s.expanded);
  const muted = useAlertRules((s) => s.muted);
  const selected = resolveSelected(alerts, selectedId);

  // Keep the selected card in view as the selection moves (or a new alert pushes it down).
  useEffect(() => {
    if (selected) document.getElementById(cardId(selected.id))?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  const moveTo = (index: number) => {
    const target = alerts[Math.max(0, Math.min(alerts.length - 1, index))];
    if (target) alertsUi.select(target.id);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLOListElement>) => {
    if (event.ctrlKey || event.altKey || event.metaKey || event.nativeEvent.isComposing) return;
    const onButton = event.target !== event.currentTarget;
    const at = selected ? alerts.indexOf(selected) : -1;
    const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
    let handled = true;
    if (key === 'ArrowDown') moveTo(at + 1);
    else if (key === 'ArrowUp') moveTo(at - 1);
    else if (key === 'Home') moveTo(0);
    else if (key === 'End') moveTo(alerts.length - 1);
    else if (key === 'Enter' && !onButton && selected) alertsUi.toggleExpanded(selected.id);
    else if (key === 'a' && selected && selected.state !== 'acked') void ackAlert(client, selected);
    else if (key === 's' && selected) void snoozeAlert(client, selected, SNOOZE_CHOICES[0]);
    else if (key === 'm' && selected) {
      const rule = { id: selected.ruleId, name: selected.ruleName };
      void muteRule(client, rule, !muted.has(rule.id));
    } else if (key === OPEN_INCIDENT_KEY && selected) void openIncidentFromAlert(client, selected);
    else handled = false;
    if (handled) event.preventDefault();
  };

  return (
    <ol
      className="alert-list"
      role="listbox"
      tabIndex={0}
      aria-label={t('alerts.listLabel')}
      aria-activedescendant={selected ? cardId(selected.id) : undefined}
      data-testid="alert-list"
      onKeyDown={onKeyDown}
    >
      {alerts.map((alert) => (
        <AlertCard
          key={alert.id}
          id={cardId(alert.id)}
          alert={alert}
          client={client}
          now={now}
          selected={alert === selected}
          expanded={expanded.has(alert.id)}
          muted={muted.has(alert.ruleId)}
        />
      ))}
    </ol>
  );
}
