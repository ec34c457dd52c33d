import { useShallow } from 'zustand/react/shallow';
import { formatCount, formatMoney, formatPercent } from '../../../../shared/format.js';
import { targetProgress } from '../../../../shared/metrics/targets.js';
import { useLocale, useT } from '../../i18n/useI18n.js';
import { useBoardStore } from '../../state/boardStore.js';

/**
 * Under the big GMV: progress to the GMV target with the pace projection, or, without a
 * target, orders and buyers.
 */
export function GmvTarget() {
  const t = useT();
  const locale = useLocale();
  const { target, plannedMinutes, gmv, orders, buyers, at, startedAt, ended } = useBoardStore(
    useShallow((s) => ({
      target: s.targets.gmv ?? null,
      plannedMinutes: s.targets.plannedMinutes ?? null,
      gmv: s.metrics?.values.gmv ?? null,
      orders: s.metrics?.values.orders ?? null,
      buyers: s.metrics?.values.buyers ?? null,
      at: s.metrics?.at ?? null,
      startedAt: s.show?.startedAt ?? null,
      ended: s.show?.endedAt != null,
    })),
  );
  // Elapsed on the feed's clock, the same clock as the counters' rate.
  const elapsedMs = at !== null && startedAt !== null ? at - startedAt : 0;
  // An ended show has no pace left to project.
  const progress = targetProgress('gmv', target, gmv ?? 0, elapsedMs, ended ? null : plannedMinutes);
  if (!progress) {
    return (
      <div className="gmv-target gmv-target--none" data-testid="big-gmv-target" data-state="none">
        <span>{t('bigscreen.orders', { n: formatCount(orders, locale) })}</span>
        <span>{t('bigscreen.buyers', { n: formatCount(buyers, locale) })}</span>
        <span className="gmv-target__dim">{t('bigscreen.noTarget')}</span>
      </div>
    );
  }
  const reached = progress.progress >= 1;
  const tone =
    reached || progress.onTrack === true ? 'good' : progress.onTrack === false ? 'warn' : 'neutral';
  const pace = reached
    ? t('bigscreen.reached')
    : progress.onTrack === true
      ? t('bigscreen.onTrack')
      : progress.projected !== null
        ? t('bigscreen.projected', { v: formatMoney(Math.round(progress.projected), locale) })
        : null;
  return (
    <div className={`gmv-target gmv-target--${tone}`} data-testid="big-gmv-target" data-state={tone}>
      <div
        className="gmv-target__bar"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(Math.min(1, progress.progress) * 100)}
      >
        <div className="gmv-target__fill" style={{ width: `${Math.min(1, progress.progress) * 100}%` }} />
      </div>
      <div className="gmv-target__text">
        <span>{t('bigscreen.target', { v: formatMoney(progress.target, locale) })}</span>
        <strong>{t('bigscreen.progress', { p: formatPercent(progress.progress, 1) })}</strong>
        {pace && <span className="gmv-target__pace">{pace}</span>}
      </div>
    </div>
  );
}
