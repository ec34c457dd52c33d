import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useFocusTrap } from '../../hooks/useFocusTrap.js';
import { useT } from '../../i18n/useI18n.js';
import { useBoardSync } from '../../state/BoardSyncContext.js';
import { operationsUi, useOperationsUi } from '../../state/operationsUi.js';
import { ChecklistHeader } from './ChecklistHeader.js';
import { ChecklistItems } from './ChecklistItems.js';
import { OpsStatusLine } from './OpsStatusLine.js';
import { useOperationsData } from './operationsData.js';
import { TemplateEditor } from './TemplateEditor.js';
import { CHECKLIST_KEY, INCIDENTS_KEY } from './useOperationsShortcuts.js';

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
  const ref = useRef<HTMLDivElement>(null);
  useFocusTrap(ref);

  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) operationsUi.closeChecklist();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  const keepKeysInside = (event: KeyboardEvent) => {
    if (['Tab', 'Escape', CHECKLIST_KEY, INCIDENTS_KEY].includes(event.key)) return;
    event.stopPropagation();
  };

  return (
    <div className="ops-layer">
      <div className="ops-backdrop" aria-hidden="true" onClick={() => operationsUi.closeChecklist()} />
      <div
        ref={ref}
        className="ops-dialog checklist-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="checklist-title"
        data-ops-modal=""
        data-testid="checklist-dialog"
        tabIndex={-1}
        onKeyDown={keepKeysInside}
      >
        <ChecklistHeader client={client} run={run} />
        <OpsStatusLine />
        <div className="ops-dialog__body">
          {view === 'template' ? (
            <TemplateEditor client={client} />
          ) : run ? (
            <ChecklistItems client={client} run={run} />
          ) : (
            <p className={`ops-banner${runError ? ' is-bad' : ''}`} role={runError ? 'alert' : undefined}>
              {runError ? t('ops.checklist.loadFailed', { reason: runError }) : t('ops.checklist.loading')}
            </p>
          )}
        </div>
        {view === 'run' && (
          <footer className="ops-dialog__keys" aria-hidden="true">
            {t('ops.checklist.keysHint')}
          </footer>
        )}
      </div>
    </div>
  );
}
