import { useEffect } from 'react';
import type { LiveDeskClient } from '../../../../shared/api/contract.js';
import { useAlertsUi } from '../../state/alertsUi.js';
import { useBoardStore } from '../../state/boardStore.js';
import { useBoardSync } from '../../state/BoardSyncContext.js';
import { operationsUi, useOperationsUi } from '../../state/operationsUi.js';
import { ChecklistDialog } from './ChecklistDialog.js';
import { IncidentPanel } from './IncidentPanel.js';
import { loadIncidents, loadPlaybooks, loadRun } from './operationsActions.js';
import { PlaybookEditor } from './PlaybookEditor.js';
import { useOperationsShortcuts } from './useOperationsShortcuts.js';
import './operations.css';

/**
 * Everything of the checklist and the incident log that is not in the top bar or the warning
 * strip: the dialogs, the log, the F7 / F9 keys, and keeping their data fresh. Always mounted.
 */
export function OperationsLayer() {
  const { client } = useBoardSync();
  useOperationsShortcuts();
  useOperationsSync(client);
  useOneDrawerAtATime();
  return (
    <>
      <ChecklistDialog />
      <IncidentPanel />
      <PlaybookEditor />
    </>
  );
}

/**
 * Fetches what an open view shows, and again whenever the board's operations revision moves
 * (an edit in another window, a show starting, an incident opened from an alert).
 */
function useOperationsSync(client: LiveDeskClient): void {
  const checklistOpen = useOperationsUi((s) => s.checklistOpen);
  const incidentsOpen = useOperationsUi((s) => s.incidentsOpen);
  const playbooksOpen = useOperationsUi((s) => s.playbooksOpen);
  const revision = useBoardStore((s) => s.operations?.revision ?? 0);
  const showId = useBoardStore((s) => s.show?.id ?? null);
  // The core makes a run on first use; fetching it at once puts "清单 0/27" in the top bar.
  const runMissing = useBoardStore((s) => s.operations !== null && s.operations.checklist === null);
  useEffect(() => {
    if (checklistOpen || runMissing) void loadRun(client);
  }, [client, checklistOpen, runMissing, revision, showId]);
  useEffect(() => {
    if (checklistOpen || playbooksOpen) void loadPlaybooks(client);
  }, [client, checklistOpen, playbooksOpen]);
  useEffect(() => {
    if (incidentsOpen) void loadIncidents(client);
  }, [client, incidentsOpen, revision, showId]);
}

/** The alert panel and the incident log share the right edge: opening one closes the other. */
function useOneDrawerAtATime(): void {
  const alertPanelOpen = useAlertsUi((s) => s.panelOpen);
  useEffect(() => {
    if (alertPanelOpen && useOperationsUi.getState().incidentsOpen) operationsUi.closeIncidents();
  }, [alertPanelOpen]);
}
