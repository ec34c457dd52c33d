import { useT } from '../../i18n/useI18n.js';
import { useBoardStore } from '../../state/boardStore.js';
import { operationsUi, useOperationsUi } from '../../state/operationsUi.js';
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
    <button
      type="button"
      className={`tool-button ops-tool${tone}`}
      data-testid="checklist-open"
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
      <span aria-hidden="true">☑</span>{' '}
      <span className="tool-button__label">{t('ops.checklist.button')}</span>
      {progress && (
        <span className="ops-tool__figure" data-testid="checklist-open-progress">
          {t('ops.checklist.progress', { done: progress.done, total: progress.total })}
        </span>
      )}
    </button>
  );
}
