import { useEffect } from 'react';
import { modalOpen } from '../../hooks/modalOpen.js';
import { alertsUi, useAlertsUi } from '../../state/alertsUi.js';

/**
 * F8 opens the alert panel (or goes to it), and closes it from inside. No board key uses it (F6 is 待回复, Ctrl+/ the 话术库,
 * Ctrl+, settings); the FAQ editor warns when an entry takes it as a hotkey. Ctrl+Shift+A, the
 * other obvious choice, is the browser's tab search in the web host.
 */
export const ALERT_PANEL_KEY = 'F8';

export function focusAlertList(): void {
  document.querySelector<HTMLElement>('[data-testid="alert-list"]')?.focus();
}

export function useAlertPanelShortcut(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== ALERT_PANEL_KEY || event.ctrlKey || event.altKey || event.metaKey || event.shiftKey)
        return;
      // A modal dialog owns the keyboard (and an FAQ hotkey that took F8 already acted).
      if (event.defaultPrevented || modalOpen()) return;
      event.preventDefault();
      if (useAlertsUi.getState().panelOpen) {
        // Open but the keyboard is elsewhere: go to it; already in it: close it.
        if (document.activeElement?.closest('[data-testid="alert-panel"]')) alertsUi.closePanel();
        else focusAlertList();
        return;
      }
      alertsUi.openPanel();
      // The panel mounts with this render; focus its list then.
      requestAnimationFrame(focusAlertList);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
