import { useEffect, useLayoutEffect, useMemo, useState } from 'react';
import type { AlertView } from '../../../../shared/api/alerts.js';
import { useT } from '../../i18n/useI18n.js';
import { alertsUi, useAlertsUi } from '../../state/alertsUi.js';
import { useBoardStore } from '../../state/boardStore.js';
import { useBoardSync } from '../../state/BoardSyncContext.js';
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

  // Opened from the bar or a button: the keyboard goes to the list, and back when closed.
  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    focusAlertList();
    return () => {
      if (previous?.isConnected && !previous.closest('[data-testid="alert-panel"]')) previous.focus();
    };
  }, []);

  const top = useTopBarBottom();
  const openCount = total ? total.critical + total.warn + total.info : 0;
  return (
    <aside
      className="alert-panel"
      role="dialog"
      aria-modal="false"
      aria-labelledby="alert-panel-title"
      data-testid="alert-panel"
      style={{ top }}
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || event.defaultPrevented) return;
        event.preventDefault();
        alertsUi.closePanel();
      }}
    >
      <header className="alert-panel__head">
        <h2 id="alert-panel-title" className="alert-panel__title">
          {t('alerts.title')}
        </h2>
        <span className="alert-panel__open" data-testid="alert-panel-open-count">
          {t('alerts.openCount', { n: openCount })}
        </span>
        <span className="alert-panel__spacer" />
        <PanelTools />
        <button
          type="button"
          className="icon-button"
          data-testid="alert-panel-close"
          aria-label={t('alerts.close')}
          title={t('alerts.closeTitle', { key: ALERT_PANEL_KEY })}
          onClick={() => alertsUi.closePanel()}
        >
          <span aria-hidden="true">✕</span>
        </button>
      </header>
      <PanelFilters />
      <AlertStatusLine />
      <div className="alert-panel__body">
        {alerts.length > 0 ? (
          <AlertList client={client} alerts={alerts} />
        ) : (
          <p className="panel__empty" data-testid="alert-panel-empty">
            {recent.length === 0 ? t('alerts.none') : t('alerts.noneFiltered')}
          </p>
        )}
      </div>
      <footer className="alert-panel__keys" aria-hidden="true">
        {t('alerts.keysHint')}
      </footer>
    </aside>
  );
}

/** Where the top bar ends: the drawer starts there, so the bar's tools stay usable. */
function useTopBarBottom(): number {
  const [bottom, setBottom] = useState(0);
  useLayoutEffect(() => {
    const bar = document.querySelector('.topbar');
    if (!bar) return;
    const measure = () => setBottom(Math.round(bar.getBoundingClientRect().bottom));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(bar);
    return () => observer.disconnect();
  }, []);
  return bottom;
}
