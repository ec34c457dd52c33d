/**
 * The field controller's operations UI: whether the checklist dialog (and which view), the
 * incident log and the playbook editor are open, which incident to bring into view, the last
 * action's result, and the show whose start warning was dismissed (kept in localStorage, so a
 * reload does not bring it back). The data itself lives in boardStore (progress, open incidents)
 * and in components/operations/operationsData.ts (the run, the list, playbooks).
 */
import { create } from 'zustand';
import type { MessageKey } from '../../../shared/i18n/messages.js';

const DISMISSED_WARNING_KEY = 'livedesk.ops.dismissedWarningRun';

export type ChecklistView = 'run' | 'template';

export interface OpsStatus {
  /** Changes with every status, so the same message twice is announced again. */
  id: number;
  tone: 'ok' | 'error';
  key: MessageKey;
  vars?: Record<string, string | number>;
}

export interface OperationsUiState {
  checklistOpen: boolean;
  checklistView: ChecklistView;
  incidentsOpen: boolean;
  playbooksOpen: boolean;
  /** The incident to scroll to and highlight (just opened, or asked for from an alert). */
  focusIncidentId: number | null;
  /** Bumped to ask the incident log to focus its new-incident form. */
  newFormRequest: number;
  /** Bumped to bring focusIncidentId into view again (it may be the same incident). */
  focusRequest: number;
  status: OpsStatus | null;
  /** The checklist run whose start warning the user hid. */
  dismissedWarningRun: number | null;
}

function readDismissed(): number | null {
  try {
    const raw = localStorage.getItem(DISMISSED_WARNING_KEY);
    const id = raw === null ? NaN : Number(raw);
    return Number.isInteger(id) && id > 0 ? id : null;
  } catch {
    // Storage unavailable (privacy settings): the warning shows again after a reload.
    return null;
  }
}

export const useOperationsUi = create<OperationsUiState>()(() => ({
  checklistOpen: false,
  checklistView: 'run',
  incidentsOpen: false,
  playbooksOpen: false,
  focusIncidentId: null,
  newFormRequest: 0,
  focusRequest: 0,
  status: null,
  dismissedWarningRun: readDismissed(),
}));

const set = useOperationsUi.setState;
let statusSeq = 0;

export const operationsUi = {
  // Opening a view clears the last result: it belonged to what was on screen before.
  openChecklist(view: ChecklistView = 'run') {
    set({ checklistOpen: true, checklistView: view, status: null });
  },
  closeChecklist() {
    set({ checklistOpen: false, checklistView: 'run' });
  },
  showChecklistView(checklistView: ChecklistView) {
    set({ checklistView });
  },
  /** Opens the log; with an id, on that incident, else on the new-incident form. */
  openIncidents(focusIncidentId: number | null = null) {
    set((s) => ({
      incidentsOpen: true,
      focusIncidentId,
      newFormRequest: focusIncidentId === null ? s.newFormRequest + 1 : s.newFormRequest,
      focusRequest: focusIncidentId === null ? s.focusRequest : s.focusRequest + 1,
    }));
  },
  closeIncidents() {
    set({ incidentsOpen: false, focusIncidentId: null });
  },
  clearFocusIncident() {
    set({ focusIncidentId: null });
  },
  openPlaybooks() {
    set({ playbooksOpen: true, status: null });
  },
  closePlaybooks() {
    set({ playbooksOpen: false });
  },
  report(tone: OpsStatus['tone'], key: MessageKey, vars?: OpsStatus['vars']) {
    statusSeq += 1;
    set({ status: { id: statusSeq, tone, key, ...(vars ? { vars } : {}) } });
  },
  clearStatus(id: number) {
    set((s) => (s.status?.id === id ? { status: null } : {}));
  },
  dismissWarning(runId: number) {
    try {
      localStorage.setItem(DISMISSED_WARNING_KEY, String(runId));
    } catch {
      // Not persisted; hidden in this window still.
    }
    set({ dismissedWarningRun: runId });
  },
};
