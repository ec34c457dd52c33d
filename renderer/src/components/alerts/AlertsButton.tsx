import { useT } from '../../i18n/useI18n.js';
import { alertsUi, useAlertsUi } from '../../state/alertsUi.js';
import { useBoardStore } from '../../state/boardStore.js';
import { ALERT_PANEL_KEY } from './useAlertPanelShortcut.js';

/**
 * Top-bar button: opens the alert panel, with the number of open alerts in the colour of the
 * worst one (info alerts never reach the bar, so this is where they show).
 */
export function AlertsButton() {
  const t = useT();
  const open = useAlertsUi((s) => s.panelOpen);
  const counts = useBoardStore((s) => s.alerts?.open ?? null);
  const total = counts ? counts.critical + counts.warn + counts.info : 0;
  const worst =
    !counts || total === 0 ? 'none' : counts.critical > 0 ? 'critical' : counts.warn > 0 ? 'warn' : 'info';
  return (
    <button
      type="button"
      className="tool-button alerts-button"
      data-testid="alerts-open"
      title={t('alerts.openTitle', { key: ALERT_PANEL_KEY })}
      aria-label={t('alerts.openLabel', { n: total })}
      aria-expanded={open}
      aria-keyshortcuts={ALERT_PANEL_KEY}
      onClick={() => alertsUi.togglePanel()}
    >
      <span className="alerts-button__icon" aria-hidden="true">
        !
      </span>{' '}
      <span className="tool-button__label">{t('alerts.title')}</span>
      {total > 0 && (
        <span
          className={`alerts-button__count is-${worst}`}
          data-testid="alerts-open-count"
          aria-hidden="true"
        >
          {total}
        </span>
      )}
    </button>
  );
}
