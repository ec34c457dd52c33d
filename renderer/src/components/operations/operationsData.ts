/**
 * What the checklist dialog and the incident log show beyond the board's summary: the current
 * checklist run, the playbooks, the show's incidents and their KPIs. Fetched when a view opens
 * and again when the board's operations revision moves (an edit here, in another window, or a
 * show starting); action answers are applied at once.
 */
import { create } from 'zustand';
import type {
  ChecklistRun,
  IncidentKpis,
  IncidentView,
  PlaybooksView,
} from '../../../../shared/api/operations.js';
import { upsertIncident } from './operationsState.js';

export interface OperationsData {
  run: ChecklistRun | null;
  runError: string | null;
  playbooks: PlaybooksView | null;
  playbooksError: string | null;
  /** The current show's incidents, newest first. */
  incidents: IncidentView[] | null;
  incidentsError: string | null;
  kpis: IncidentKpis | null;
}

export const useOperationsData = create<OperationsData>()(() => ({
  run: null,
  runError: null,
  playbooks: null,
  playbooksError: null,
  incidents: null,
  incidentsError: null,
  kpis: null,
}));

const set = useOperationsData.setState;

export const operationsData = {
  setRun(run: ChecklistRun) {
    set({ run, runError: null });
  },
  setRunError(runError: string) {
    set({ runError });
  },
  setPlaybooks(playbooks: PlaybooksView) {
    set({ playbooks, playbooksError: null });
  },
  setPlaybooksError(playbooksError: string) {
    set({ playbooksError });
  },
  setIncidents(incidents: IncidentView[]) {
    set({ incidents, incidentsError: null });
  },
  setIncidentsError(incidentsError: string) {
    set({ incidentsError });
  },
  upsertIncident(view: IncidentView) {
    set((s) => ({ incidents: upsertIncident(s.incidents ?? [], view) }));
  },
  setKpis(kpis: IncidentKpis) {
    set({ kpis });
  },
};

/**
 * The core words its refusals "中文 · English" (electron/core/operations/errors.ts): the part in
 * the reader's language, or the whole message when it is not written that way.
 */
export function reasonIn(message: string, locale: 'zh-CN' | 'en'): string {
  const at = message.indexOf(' · ');
  if (at < 0) return message;
  return locale === 'en' ? message.slice(at + 3) : message.slice(0, at);
}
