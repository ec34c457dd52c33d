import type { ChecklistRun } from '../../../../shared/api/operations.js';
import { useT } from '../../i18n/useI18n.js';

/** "12/18" with a bar split into passed / failed / n.a. (colour + the counts in words). */
export function ChecklistProgress({ progress }: { progress: ChecklistRun['progress'] }) {
  const t = useT();
  const share = (n: number) => `${progress.total > 0 ? (n / progress.total) * 100 : 0}%`;
  return (
    <div className="checklist-progress" data-testid="checklist-progress">
      <span className="checklist-progress__figure" data-testid="checklist-progress-figure">
        {t('ops.checklist.progress', { done: progress.done, total: progress.total })}
      </span>
      <span
        className="checklist-progress__bar"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={progress.total}
        aria-valuenow={progress.done}
        aria-label={t('ops.checklist.progressLabel', { done: progress.done, total: progress.total })}
      >
        <span className="checklist-progress__part is-pass" style={{ width: share(progress.pass) }} />
        <span className="checklist-progress__part is-fail" style={{ width: share(progress.fail) }} />
        <span className="checklist-progress__part is-na" style={{ width: share(progress.na) }} />
      </span>
      <span className="checklist-progress__counts" data-testid="checklist-counts">
        {t('ops.checklist.counts', progress)}
      </span>
    </div>
  );
}
