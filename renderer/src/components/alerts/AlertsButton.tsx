import { useT } from '../../i18n/useI18n.js';
import { alertsUi, useAlertsUi } from '../../state/alertsUi.js';
import { useBoardStore } from '../../state/boardStore.js';
import { ToolButton } from '../common/ToolButton.js';
import { ALERT_PANEL_KEY } from './useAlertPanelShortcut.js';

/** The count takes the colour of the worst open alert; info alerts stay soft. */
const COUNT_TONE = {
  none: '',
  critical: 'badge--bad',
  warn: 'badge--warn',
  info: 'badge--soft-info',
} as const;

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
    <ToolButton
      testId="alerts-open"
      icon="!"
      iconClassName="alerts-button__icon"
      label={t('alerts.title')}
      className="alerts-button"
      title={t('alerts.openTitle', { key: ALERT_PANEL_KEY })}
      aria-label={t('alerts.openLabel', { n: total })}
      aria-expanded={open}
      aria-keyshortcuts={ALERT_PANEL_KEY}
      onClick={() => alertsUi.togglePanel()}
    >
      {total > 0 && (
        <span
          className={`badge ${COUNT_TONE[worst]} alerts-button__count`}
          data-testid="alerts-open-count"
          aria-hidden="true"
        >
          {total}
        </span>
      )}
    </ToolButton>
  );
}
