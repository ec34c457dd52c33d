import type { AlertEvidence } from '../../../../shared/api/alerts.js';
import { formatTimeOfDay } from '../../format/time.js';
import { useT } from '../../i18n/useI18n.js';

/**
 * The comments that raised an alert, newest first. Text only (React escapes it; never HTML),
 * each inside <bdi> so a right-to-left override cannot flip the row, long text wraps anywhere
 * and is cut at three lines with the whole of it in the tooltip.
 */
export function EvidenceList({ samples, count }: { samples: readonly AlertEvidence[]; count: number }) {
  const t = useT();
  if (samples.length === 0) {
    return (
      <p className="alert-evidence__none" data-testid="alert-evidence-none">
        {t('alerts.evidence.none')}
      </p>
    );
  }
  return (
    <div className="alert-evidence" data-testid="alert-evidence">
      <p className="alert-evidence__head">{t('alerts.evidence.head', { shown: samples.length, n: count })}</p>
      <ol className="alert-evidence__list">
        {samples.map((sample) => (
          <li key={sample.commentId} className="alert-evidence__row" data-testid="alert-evidence-row">
            <span className="alert-evidence__time">{formatTimeOfDay(sample.ts)}</span>
            <span className="alert-evidence__nick" title={sample.nickname}>
              <bdi>{sample.nickname}</bdi>
            </span>
            <span className="alert-evidence__text" data-testid="alert-evidence-text" title={sample.text}>
              <bdi>{sample.text}</bdi>
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}
