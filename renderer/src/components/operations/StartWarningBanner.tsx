import { formatTimeOfDay } from '../../format/time.js';
import { useT } from '../../i18n/useI18n.js';
import { useBoardStore } from '../../state/boardStore.js';
import { operationsUi, useOperationsUi } from '../../state/operationsUi.js';
import { CloseButton } from '../common/IconButton.js';

/**
 * The show went live with checklist items open or failed: a strip of its own under the top bar
 * (it pushes the board down rather than cover it) until the checklist is opened or the warning
 * hidden for this show.
 */
export function StartWarningBanner() {
  const t = useT();
  const checklist = useBoardStore((s) => s.operations?.checklist ?? null);
  const dismissed = useOperationsUi((s) => s.dismissedWarningRun);
  const warning = checklist?.startWarning ?? null;
  if (!checklist || !warning || dismissed === checklist.runId) return null;
  return (
    <div className="start-warning" role="alert" data-testid="start-warning">
      <span className="start-warning__icon" aria-hidden="true">
        !
      </span>
      <span className="start-warning__text" data-testid="start-warning-text">
        {t('ops.warning.text', { open: warning.open, failed: warning.failed })}
        <span className="start-warning__at">{t('ops.warning.at', { at: formatTimeOfDay(warning.at) })}</span>
      </span>
      <button
        type="button"
        className="btn btn--sm"
        data-testid="start-warning-open"
        onClick={() => operationsUi.openChecklist()}
      >
        {t('ops.warning.open')}
      </button>
      <CloseButton
        small
        label={t('ops.warning.dismiss')}
        testId="start-warning-dismiss"
        onClick={() => operationsUi.dismissWarning(checklist.runId)}
      />
    </div>
  );
}
