import { formatChange } from '../../../../shared/format.js';
import { useT } from '../../i18n/useI18n.js';

/** Change vs 5 min ago: green ▲ when up, red ▼ when down, for every metric alike. */
export function ChangeIndicator({ change }: { change: number | null }) {
  const t = useT();
  if (change === null || !Number.isFinite(change)) {
    return (
      <span
        className="change change--none"
        data-testid="metric-change"
        data-direction="none"
        title={t('metric.noComparison')}
      >
        —
      </span>
    );
  }
  const direction = change > 0 ? 'up' : change < 0 ? 'down' : 'flat';
  const arrow = direction === 'up' ? '▲' : direction === 'down' ? '▼' : '';
  return (
    <span
      className={`change change--${direction}`}
      data-testid="metric-change"
      data-direction={direction}
      title={t('metric.vs5m')}
    >
      {arrow && <span className="change__arrow">{arrow}</span>}
      {formatChange(change)}
    </span>
  );
}
