import { useShallow } from 'zustand/react/shallow';
import { formatClock } from '../../../../shared/format.js';
import { useNow } from '../../hooks/useNow.js';
import { useT } from '../../i18n/useI18n.js';
import { useBoardStore } from '../../state/boardStore.js';

/** Time on air: now − startedAt while live; the final length once the show has ended. */
export function LiveTimer() {
  const t = useT();
  const { startedAt, endedAt } = useBoardStore(
    useShallow((s) => ({ startedAt: s.show?.startedAt ?? null, endedAt: s.show?.endedAt ?? null })),
  );
  if (startedAt === null) {
    return (
      <div className="live-timer live-timer--idle" data-testid="live-timer">
        <span className="live-timer__label">{t('topbar.notStarted')}</span>
        <span className="live-timer__clock">--:--:--</span>
      </div>
    );
  }
  if (endedAt !== null) {
    return (
      <div className="live-timer live-timer--ended" data-testid="live-timer">
        <span className="live-timer__label">{t('topbar.ended')}</span>
        <span className="live-timer__clock">{formatClock(endedAt - startedAt)}</span>
      </div>
    );
  }
  return <RunningTimer startedAt={startedAt} label={t('topbar.liveFor')} />;
}

/** Split out so only this small element re-renders every second. */
function RunningTimer({ startedAt, label }: { startedAt: number; label: string }) {
  const now = useNow(1000);
  return (
    <div className="live-timer live-timer--running" data-testid="live-timer">
      <span className="live-timer__label">
        <span className="live-dot" aria-hidden="true" />
        {label}
      </span>
      <span className="live-timer__clock">{formatClock(now - startedAt)}</span>
    </div>
  );
}
