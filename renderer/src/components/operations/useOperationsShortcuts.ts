import { useEffect } from 'react';
import { operationsUi, useOperationsUi } from '../../state/operationsUi.js';

/**
 * F9 opens the checklist (清单) and closes it from inside; F7 opens the incident log on its
 * new-incident form (type → Enter: logged), or closes it from inside. Clear of the board's other
 * keys (F6 待回复, F8 告警, Ctrl+/ 话术库, Ctrl+, settings) and of the browser's and Electron's
 * own (Ctrl+Shift+I is DevTools, F10 the menu bar, F11 full screen, F12 DevTools). An FAQ hotkey
 * set to F7 or F9 wins (the FAQ editor warns about both).
 */
export const CHECKLIST_KEY = 'F9';
export const INCIDENTS_KEY = 'F7';

const plain = (event: KeyboardEvent) => !event.ctrlKey && !event.altKey && !event.metaKey && !event.shiftKey;

export function focusNewIncident(): void {
  document.querySelector<HTMLElement>('[data-testid="incident-new-type"]')?.focus();
}

/** Another app's modal (settings, FAQ library, rule editor) owns the keyboard; ours do not block. */
function foreignModalOpen(): boolean {
  return [...document.querySelectorAll('[aria-modal="true"]')].some(
    (el) => !el.hasAttribute('data-ops-modal'),
  );
}

export function useOperationsShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || !plain(event)) return;
      if (event.key !== CHECKLIST_KEY && event.key !== INCIDENTS_KEY) return;
      if (foreignModalOpen()) return;
      event.preventDefault();
      const ui = useOperationsUi.getState();
      if (event.key === CHECKLIST_KEY) {
        if (ui.checklistOpen) operationsUi.closeChecklist();
        else operationsUi.openChecklist();
        return;
      }
      // The checklist is modal: F7 from inside it goes to the log instead.
      if (ui.checklistOpen) operationsUi.closeChecklist();
      const inLog = document.activeElement?.closest('[data-testid="incident-panel"]');
      if (ui.incidentsOpen && inLog) operationsUi.closeIncidents();
      else if (ui.incidentsOpen) focusNewIncident();
      else operationsUi.openIncidents();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
