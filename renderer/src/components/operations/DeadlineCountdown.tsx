import { useNow } from '../../hooks/useNow.js';
import { useT } from '../../i18n/useI18n.js';
import { formatDuration } from './incidentClock.js';

const DAY_MS = 24 * 60 * 60_000;

/** Time left to the checklist's deadline; red once it has passed with items still open. */
export function DeadlineCountdown({ deadline, complete }: { deadline: number | null; complete: boolean }) {
  const t = useT();
  const now = useNow(1000);
  if (complete) {
    return (
      <span className="checklist-deadline is-done" data-testid="checklist-deadline">
        ✓ {t('ops.checklist.allDone')}
      </span>
    );
  }
  if (deadline === null) {
    return (
      <span className="checklist-deadline is-none" data-testid="checklist-deadline">
        {t('ops.checklist.noDeadline')}
      </span>
    );
  }
  const left = deadline - now;
  // Days away: the day count reads better than 27244:38:45.
  const time = (ms: number) =>
    ms >= DAY_MS ? t('ops.checklist.days', { n: Math.floor(ms / DAY_MS) }) : formatDuration(ms);
  return (
    <span
      className={`checklist-deadline${left < 0 ? ' is-overdue' : ''}`}
      data-testid="checklist-deadline"
      data-overdue={left < 0 ? '' : undefined}
    >
      {left >= 0
        ? t('ops.checklist.timeLeft', { time: time(left) })
        : t('ops.checklist.overdue', { time: time(-left) })}
    </span>
  );
}
