import { useT } from '../../i18n/useI18n.js';
import { useBoardSync } from '../../state/BoardSyncContext.js';
import { operationsUi, useOperationsUi } from '../../state/operationsUi.js';
import { ModalDialog } from '../common/ModalDialog.js';
import { ChecklistHeader } from './ChecklistHeader.js';
import { ChecklistItems } from './ChecklistItems.js';
import { OpsStatusLine } from './OpsStatusLine.js';
import { useOperationsData } from './operationsData.js';
import { TemplateEditor } from './TemplateEditor.js';
import { CHECKLIST_KEY, INCIDENTS_KEY } from './useOperationsShortcuts.js';

/** The operations keys work from inside: F9 closes the checklist, F7 goes to the log. */
const PASS_KEYS = [CHECKLIST_KEY, INCIDENTS_KEY];

/** The 设备调试清单; rendered only while open. */
export function ChecklistDialog() {
  const open = useOperationsUi((s) => s.checklistOpen);
  return open ? <Dialog /> : null;
}

/**
 * A large modal over the board (the checklist is done before the show, or in a quiet minute):
 * focus stays inside, Esc closes after whatever inside handles it first (an edited value
 * reverting). Keys other than Tab, Esc and the operations keys do not reach the board.
 */
function Dialog() {
  const t = useT();
  const { client } = useBoardSync();
  const view = useOperationsUi((s) => s.checklistView);
  const run = useOperationsData((s) => s.run);
  const runError = useOperationsData((s) => s.runError);

  return (
    <ModalDialog
      labelledBy="checklist-title"
      testId="checklist-dialog"
      className="checklist-dialog"
      onClose={() => operationsUi.closeChecklist()}
      passKeys={PASS_KEYS}
      marks={{ 'data-ops-modal': '' }}
    >
      <ChecklistHeader client={client} run={run} />
      <OpsStatusLine />
      <div className="dialog__body">
        {view === 'template' ? (
          <TemplateEditor client={client} />
        ) : run ? (
          <ChecklistItems client={client} run={run} />
        ) : (
          <p className={`banner${runError ? ' banner--bad' : ''}`} role={runError ? 'alert' : undefined}>
            {runError ? t('ops.checklist.loadFailed', { reason: runError }) : t('ops.checklist.loading')}
          </p>
        )}
      </div>
      {view === 'run' && (
        <footer className="kbd-hint" aria-hidden="true">
          {t('ops.checklist.keysHint')}
        </footer>
      )}
    </ModalDialog>
  );
}
