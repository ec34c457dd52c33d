import type { LiveDeskClient } from '../../../../shared/api/contract.js';
import type { ChecklistRun } from '../../../../shared/api/operations.js';
import { useT } from '../../i18n/useI18n.js';
import { useBoardStore } from '../../state/boardStore.js';
import { operationsUi, useOperationsUi } from '../../state/operationsUi.js';
import { DialogHead } from '../common/DialogHead.js';
import { ChecklistProgress } from './ChecklistProgress.js';
import { DeadlineCountdown } from './DeadlineCountdown.js';
import { exportRun } from './operationsActions.js';
import { ScheduleFields } from './ScheduleFields.js';
import { CHECKLIST_KEY } from './useOperationsShortcuts.js';

/**
 * Title and scope (this show, or the next one), progress, the schedule with its countdown, and
 * the tools: export (设备调试记录表 as Excel or Markdown), the template, close.
 */
export function ChecklistHeader({ client, run }: { client: LiveDeskClient; run: ChecklistRun | null }) {
  const t = useT();
  const view = useOperationsUi((s) => s.checklistView);
  const showTitle = useBoardStore((s) => (s.show && s.show.endedAt === null ? s.show.title : null));
  const forShow = run !== null && run.showId !== null && showTitle !== null;
  return (
    <header className="checklist-head">
      <DialogHead
        as="div"
        titleId="checklist-title"
        title={t(view === 'template' ? 'ops.template.title' : 'ops.checklist.title')}
        close={{
          label: t('ops.checklist.close'),
          title: t('ops.checklist.closeTitle', { key: CHECKLIST_KEY }),
          testId: 'checklist-close',
          onClick: () => operationsUi.closeChecklist(),
        }}
      >
        <span className={`dialog__meta${forShow ? '' : ' is-next'}`} data-testid="checklist-scope">
          {forShow ? t('ops.checklist.forShow', { title: showTitle }) : t('ops.checklist.forNext')}
        </span>
        <span className="spacer" />
        {view === 'run' && run && (
          <>
            <button
              type="button"
              className="btn"
              data-testid="checklist-export-xlsx"
              onClick={() => void exportRun(client, run.id, 'xlsx')}
            >
              {t('ops.checklist.exportXlsx')}
            </button>
            <button
              type="button"
              className="btn"
              data-testid="checklist-export-md"
              onClick={() => void exportRun(client, run.id, 'md')}
            >
              {t('ops.checklist.exportMd')}
            </button>
          </>
        )}
        <button
          type="button"
          className="btn"
          data-testid="checklist-template-toggle"
          onClick={() => operationsUi.showChecklistView(view === 'template' ? 'run' : 'template')}
        >
          {t(view === 'template' ? 'ops.checklist.backToRun' : 'ops.checklist.template')}
        </button>
      </DialogHead>
      {view === 'run' && run && (
        <div className="checklist-head__row checklist-head__row--status">
          <ChecklistProgress progress={run.progress} />
          <ScheduleFields client={client} run={run} />
          <DeadlineCountdown deadline={run.deadline} complete={run.progress.open === 0} />
        </div>
      )}
    </header>
  );
}
