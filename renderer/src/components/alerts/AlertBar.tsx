import type { KeyboardEvent } from 'react';
import type { AlertsState } from '../../../../shared/api/alerts.js';
import { SEVERITIES } from '../../../../shared/alerts/rules.js';
import { useNow } from '../../hooks/useNow.js';
import { useT } from '../../i18n/useI18n.js';
import { alertsUi } from '../../state/alertsUi.js';
import { useBoardStore } from '../../state/boardStore.js';
import { useBoardSync } from '../../state/BoardSyncContext.js';
import { ackAlert } from './alertActions.js';
import { alertAge } from './alertAge.js';
import { headlineAlert } from './alertList.js';
import { useAlertRules } from './alertRulesStore.js';
import { SeverityBadge } from './SeverityBadge.js';
import { ALERT_PANEL_KEY } from './useAlertPanelShortcut.js';
import './alerts.css';

/**
 * A slim strip under the top bar while a warning or critical alert is open: what, what to do,
 * how many and how long ago, with the open count per severity; a click (or Enter) opens the
 * panel on it, 确认 acknowledges it on the spot. It takes its own row, so it never covers the
 * metrics; with nothing urgent open it is not there at all.
 */
export function AlertBar() {
  const alerts = useBoardStore((s) => s.alerts);
  const muted = useAlertRules((s) => s.muted);
  const headline = alerts ? headlineAlert(alerts.recent, muted) : null;
  if (!alerts || !headline) return null;
  return <Bar alerts={alerts} headlineId={headline.id} />;
}

function Bar({ alerts, headlineId }: { alerts: AlertsState; headlineId: number }) {
  const t = useT();
  const { client } = useBoardSync();
  const now = useNow();
  const alert = alerts.recent.find((a) => a.id === headlineId)!;
  const age = alertAge(now - alert.firstAt);
  const open = () => alertsUi.openPanel(alert.id);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    open();
  };
  return (
    // A region, not a live region: the age ticks every second and must not be read out each time.
    <section
      className={`alert-bar is-${alert.severity}`}
      aria-label={t('alerts.title')}
      data-testid="alert-bar"
      data-alert-id={alert.id}
      data-severity={alert.severity}
    >
      <div
        className="alert-bar__main"
        role="button"
        tabIndex={0}
        title={t('alerts.bar.openTitle', { key: ALERT_PANEL_KEY })}
        aria-keyshortcuts={ALERT_PANEL_KEY}
        onClick={open}
        onKeyDown={onKeyDown}
      >
        <SeverityBadge severity={alert.severity} />
        <span className="alert-bar__rule" data-testid="alert-bar-rule">
          <bdi>{alert.ruleName}</bdi>
        </span>
        <span className="alert-bar__count" data-testid="alert-bar-count">
          ×{alert.count}
        </span>
        <span className="alert-bar__message" data-testid="alert-bar-message">
          <bdi>{alert.message}</bdi>
        </span>
        {alert.hint && (
          <span className="alert-bar__hint" data-testid="alert-bar-hint">
            <span className="alert-bar__hint-label">{t('alerts.hint')}</span>
            <bdi>{alert.hint}</bdi>
          </span>
        )}
        <span className="alert-bar__age" data-testid="alert-bar-age">
          {t(age.key, age.vars)}
        </span>
      </div>
      <span className="alert-bar__counts" aria-label={t('alerts.bar.countsLabel')}>
        {[...SEVERITIES].reverse().map((severity) => (
          <span
            key={severity}
            className={`alert-bar__tally is-${severity}${alerts.open[severity] > 0 ? ' has-open' : ''}`}
            data-testid={`alert-bar-open-${severity}`}
          >
            {t(`alerts.severity.${severity}`)} {alerts.open[severity]}
          </span>
        ))}
      </span>
      <button
        type="button"
        className="alert-bar__ack"
        data-testid="alert-bar-ack"
        title={t('alerts.action.ackTitle')}
        onClick={() => void ackAlert(client, alert)}
      >
        {t('alerts.action.ack')}
      </button>
    </section>
  );
}
