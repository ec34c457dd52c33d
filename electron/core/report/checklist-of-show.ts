/** The checklist run a show took (null if none), as the checklist screen shows it. */
import type { ChecklistRun } from '../../../shared/api/operations.js';
import { progressOf } from '../operations/checklist-runs.js';
import type { OperationsRepo } from '../store/operations-repo.js';

export function checklistOfShow(repo: OperationsRepo, showId: string): ChecklistRun | null {
  const run = repo.runOfShow(showId);
  if (!run) return null;
  const items = repo.items(run.id);
  return { ...run, items, progress: progressOf(items) };
}
