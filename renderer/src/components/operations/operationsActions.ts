/**
 * What the controller does to the checklist and the incidents. Every answer is applied at once
 * (before the next board update), and a failure is announced in the status line with the
 * core's reason — nothing is half-applied in the page: the view shows what the core stored.
 */
import type { AlertView } from '../../../../shared/api/alerts.js';
import type { LiveDeskClient } from '../../../../shared/api/contract.js';
import type {
  ChecklistItemStatus,
  ChecklistRun,
  IncidentView,
  OpenIncidentArgs,
  UpdateIncidentArgs,
} from '../../../../shared/api/operations.js';
import { saveExportFile } from '../faq/fileTransfer.js';
import { useAlertsUi } from '../../state/alertsUi.js';
import { usePrefsStore } from '../../state/prefsStore.js';
import { boardActions, useBoardStore } from '../../state/boardStore.js';
import { operationsUi } from '../../state/operationsUi.js';
import { incidentTypeForAlert, severityForAlert } from './incidentTypes.js';
import { operationsData, reasonIn } from './operationsData.js';
import { withChecklist, withIncident } from './operationsState.js';
import { messageOf } from '../common/errorMessage.js';

/** Why a call failed, in the reader's language. */
function reasonOf(error: unknown): string {
  return reasonIn(messageOf(error), usePrefsStore.getState().locale);
}

function applyRun(run: ChecklistRun): void {
  operationsData.setRun(run);
  const ops = useBoardStore.getState().operations;
  if (ops) boardActions.setOperations(withChecklist(ops, run));
}

function applyIncident(view: IncidentView): void {
  operationsData.upsertIncident(view);
  const ops = useBoardStore.getState().operations;
  if (ops) boardActions.setOperations(withIncident(ops, view));
}

export interface ItemPatch {
  status?: ChecklistItemStatus;
  measured?: string | null;
  note?: string;
}

/**
 * Saves one item's change with the operator's name. Returns null when stored, else the core's
 * reason (e.g. a value that is not a number, or "pass" for a value out of range): the row shows
 * it where the problem is, and nothing was saved.
 */
export async function updateItem(
  client: LiveDeskClient,
  runId: number,
  itemId: string,
  patch: ItemPatch,
): Promise<string | null> {
  try {
    const who = useAlertsUi.getState().operator;
    applyRun(await client.updateChecklistItem({ runId, itemId, ...patch, who }));
    return null;
  } catch (error) {
    return reasonOf(error);
  }
}

export async function scheduleRun(
  client: LiveDeskClient,
  runId: number,
  scheduledStart: number | null,
  deadline?: number | null,
): Promise<boolean> {
  try {
    applyRun(
      await client.scheduleChecklist({
        runId,
        scheduledStart,
        ...(deadline !== undefined ? { deadline } : {}),
      }),
    );
    return true;
  } catch (error) {
    operationsUi.report('error', 'ops.checklist.scheduleFailed', { reason: reasonOf(error) });
    return false;
  }
}

export async function exportRun(client: LiveDeskClient, runId: number, format: 'xlsx' | 'md'): Promise<void> {
  try {
    const file = await client.exportChecklist({ runId, format });
    saveExportFile(file);
    operationsUi.report('ok', 'ops.checklist.exported', { file: file.fileName });
  } catch (error) {
    operationsUi.report('error', 'ops.incident.actionFailed', { reason: reasonOf(error) });
  }
}

export async function loadRun(client: LiveDeskClient): Promise<void> {
  try {
    applyRun(await client.getChecklist({}));
  } catch (error) {
    operationsData.setRunError(reasonOf(error));
  }
}

export async function loadPlaybooks(client: LiveDeskClient): Promise<void> {
  try {
    operationsData.setPlaybooks(await client.getPlaybooks());
  } catch (error) {
    operationsData.setPlaybooksError(reasonOf(error));
  }
}

/** The show's incidents and their KPIs, fetched together so the two agree. */
export async function loadIncidents(client: LiveDeskClient): Promise<void> {
  try {
    const [incidents, kpis] = await Promise.all([client.listIncidents({}), client.getIncidentKpis({})]);
    operationsData.setIncidents(incidents);
    operationsData.setKpis(kpis);
  } catch (error) {
    operationsData.setIncidentsError(reasonOf(error));
  }
}

/** Opens an incident (written to SQLite at once) and brings it into view in the log. */
export async function openIncident(
  client: LiveDeskClient,
  args: OpenIncidentArgs,
): Promise<IncidentView | null> {
  try {
    const view = await client.openIncident(args);
    applyIncident(view);
    operationsUi.openIncidents(view.id);
    operationsUi.report('ok', 'ops.new.opened', { id: view.id, type: view.type });
    return view;
  } catch (error) {
    operationsUi.report('error', 'ops.incident.actionFailed', { reason: reasonOf(error) });
    return null;
  }
}

export async function updateIncident(client: LiveDeskClient, args: UpdateIncidentArgs): Promise<boolean> {
  try {
    applyIncident(await client.updateIncident(args));
    return true;
  } catch (error) {
    operationsUi.report('error', 'ops.incident.actionFailed', { reason: reasonOf(error) });
    return false;
  }
}

/**
 * 开事故 on an alert: the type its rule suggests, the severity its level suggests, linked to the
 * alert (whose message becomes the first note). An alert that already has one shows it instead.
 */
export async function openIncidentFromAlert(
  client: LiveDeskClient,
  alert: Pick<AlertView, 'id' | 'ruleId' | 'severity' | 'incidentId'>,
): Promise<void> {
  if (alert.incidentId !== null) {
    operationsUi.openIncidents(alert.incidentId);
    return;
  }
  await openIncident(client, {
    type: incidentTypeForAlert(alert),
    severity: severityForAlert(alert),
    alertId: alert.id,
  });
}
