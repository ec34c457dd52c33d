/**
 * Applying an action's answer at once, before the next board update brings it: a checklist run
 * becomes the board's progress, an incident replaces its older self in the open list and in the
 * show's list.
 */
import type { ChecklistRun, IncidentView, OperationsState } from '../../../../shared/api/operations.js';

export function checklistSummary(run: ChecklistRun): NonNullable<OperationsState['checklist']> {
  return { runId: run.id, progress: run.progress, deadline: run.deadline, startWarning: run.startWarning };
}

export function withChecklist(ops: OperationsState, run: ChecklistRun): OperationsState {
  // The board follows the current run; an older run opened by id must not replace it.
  if (ops.checklist && ops.checklist.runId !== run.id) return ops;
  return { ...ops, checklist: checklistSummary(run) };
}

/** Open incidents stay oldest first; a resolved one leaves the list. */
export function withIncident(ops: OperationsState, view: IncidentView): OperationsState {
  const others = ops.openIncidents.filter((i) => i.id !== view.id);
  if (view.resolvedAt !== null) {
    return others.length === ops.openIncidents.length ? ops : { ...ops, openIncidents: others };
  }
  const openIncidents = [...others, view].sort((a, b) => a.detectedAt - b.detectedAt || a.id - b.id);
  return { ...ops, openIncidents };
}

/** The show's list is newest first (as listIncidents gives it). */
export function upsertIncident(list: readonly IncidentView[], view: IncidentView): IncidentView[] {
  const others = list.filter((i) => i.id !== view.id);
  return [...others, view].sort((a, b) => b.detectedAt - a.detectedAt || b.id - a.id);
}
