import { useT } from '../../i18n/useI18n.js';
import { useBoardStore } from '../../state/boardStore.js';
import { operationsUi, useOperationsUi } from '../../state/operationsUi.js';
import { ToolButton } from '../common/ToolButton.js';
import { CHECKLIST_KEY } from './useOperationsShortcuts.js';

/**
 * Top-bar button: 清单 with the progress ("12/18"), red while an item has failed, green once
 * every item is done — "are we ready" at a glance.
 */
export function ChecklistButton() {
  const t = useT();
  const open = useOperationsUi((s) => s.checklistOpen);
  const progress = useBoardStore((s) => s.operations?.checklist?.progress ?? null);
  const tone = !progress ? '' : progress.fail > 0 ? ' is-fail' : progress.open === 0 ? ' is-done' : '';
  return (
    <ToolButton
      testId="checklist-open"
      icon="☑"
      label={t('ops.checklist.button')}
      className={`ops-tool${tone}`}
      title={t('ops.checklist.buttonTitle', { key: CHECKLIST_KEY })}
      aria-label={
        progress
          ? t('ops.checklist.buttonLabel', {
              done: progress.done,
              total: progress.total,
              fail: progress.fail,
            })
          : t('ops.checklist.title')
      }
      aria-haspopup="dialog"
      aria-expanded={open}
      aria-keyshortcuts={CHECKLIST_KEY}
      onClick={() => operationsUi.openChecklist()}
    >
      {progress && (
        <span className="ops-tool__figure" data-testid="checklist-open-progress">
          {t('ops.checklist.progress', { done: progress.done, total: progress.total })}
        </span>
      )}
    </ToolButton>
  );
}
