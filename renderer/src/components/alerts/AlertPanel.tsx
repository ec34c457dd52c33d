import { useEffect, useMemo } from 'react';
import type { AlertView } from '../../../../shared/api/alerts.js';
import { useT } from '../../i18n/useI18n.js';
import { alertsUi, useAlertsUi } from '../../state/alertsUi.js';
import { useBoardStore } from '../../state/boardStore.js';
import { useBoardSync } from '../../state/BoardSyncContext.js';
import { DialogHead } from '../common/DialogHead.js';
import { SidePanel } from '../common/SidePanel.js';
import { visibleAlerts } from './alertList.js';
import { AlertList } from './AlertList.js';
import { AlertStatusLine } from './AlertStatusLine.js';
import { PanelFilters, PanelTools } from './PanelControls.js';
import { ALERT_PANEL_KEY, focusAlertList } from './useAlertPanelShortcut.js';

const NO_ALERTS: readonly AlertView[] = [];

/** The alert panel; rendered only while open. */
export function AlertPanel() {
  const open = useAlertsUi((s) => s.panelOpen);
  return open ? <Panel /> : null;
}

/**
 * A drawer on the right, over the comment column (the metrics stay in sight). Not modal: the
 * board stays usable; Esc inside it (or F8) closes it and gives the keyboard back.
 */
function Panel() {
  const t = useT();
  const { client } = useBoardSync();
  const recent = useBoardStore((s) => s.alerts?.recent ?? NO_ALERTS);
  const total = useBoardStore((s) => s.alerts?.open ?? null);
  const stateFilter = useAlertsUi((s) => s.stateFilter);
  const severityFilter = useAlertsUi((s) => s.severityFilter);
  const alerts = useMemo(
    () => visibleAlerts(recent, stateFilter, severityFilter),
    [recent, stateFilter, severityFilter],
  );

  // Opened from the bar or a button: the keyboard goes to the list (SidePanel gives it back).
  useEffect(focusAlertList, []);

  const openCount = total ? total.critical + total.warn + total.info : 0;
  return (
    <SidePanel labelledBy="alert-panel-title" testId="alert-panel" onClose={() => alertsUi.closePanel()}>
      <DialogHead
        titleId="alert-panel-title"
        title={t('alerts.title')}
        close={{
          label: t('alerts.close'),
          title: t('alerts.closeTitle', { key: ALERT_PANEL_KEY }),
          testId: 'alert-panel-close',
          onClick: () => alertsUi.closePanel(),
        }}
      >
        <span className="dialog__meta" data-testid="alert-panel-open-count">
          {t('alerts.openCount', { n: openCount })}
        </span>
        <span className="spacer" />
        <PanelTools />
      </DialogHead>
      <PanelFilters />
      <AlertStatusLine />
      <div className="side-panel__body">
        {alerts.length > 0 ? (
          <AlertList client={client} alerts={alerts} />
        ) : (
          <p className="empty-state" data-testid="alert-panel-empty">
            {recent.length === 0 ? t('alerts.none') : t('alerts.noneFiltered')}
          </p>
        )}
      </div>
      <footer className="kbd-hint" aria-hidden="true">
        {t('alerts.keysHint')}
      </footer>
    </SidePanel>
  );
}
