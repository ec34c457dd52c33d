import type { IncidentImpact } from '../../../../shared/api/operations.js';
import { formatCount, formatMoney } from '../../../../shared/format.js';
import { useLocale, useT } from '../../i18n/useI18n.js';

/**
 * What the incident cost, from the per-minute rollups: online before / lowest / after, the
 * comment rate and GMV per minute before vs during. A drop is marked, so it reads at a glance.
 */
export function IncidentImpactView({ impact }: { impact: IncidentImpact | null }) {
  const t = useT();
  const locale = useLocale();
  if (!impact) {
    return (
      <p className="incident-impact is-pending" data-testid="incident-impact-pending">
        {t('ops.impact.pending')}
      </p>
    );
  }
  const count = (n: number | null) => formatCount(n === null ? null : Math.round(n), locale);
  const money = (n: number | null) => formatMoney(n === null ? null : Math.round(n), locale);
  const dropped = (before: number | null, during: number | null) =>
    before !== null && during !== null && during < before ? ' is-drop' : '';
  return (
    <table className="incident-impact" data-testid="incident-impact">
      <caption className="incident-impact__caption">{t('ops.impact.title')}</caption>
      <thead>
        <tr>
          <th scope="col" />
          <th scope="col">{t('ops.impact.before')}</th>
          <th scope="col">
            {t('ops.impact.lowest')} / {t('ops.impact.during')}
          </th>
          <th scope="col">{t('ops.impact.after')}</th>
        </tr>
      </thead>
      <tbody>
        <tr data-testid="impact-online">
          <th scope="row">{t('ops.impact.online')}</th>
          <td>{count(impact.onlineBefore)}</td>
          <td className={dropped(impact.onlineBefore, impact.onlineLowest)}>{count(impact.onlineLowest)}</td>
          <td>{count(impact.onlineAfter)}</td>
        </tr>
        <tr data-testid="impact-comments">
          <th scope="row">{t('ops.impact.comments')}</th>
          <td>{count(impact.commentsPerMinBefore)}</td>
          <td className={dropped(impact.commentsPerMinBefore, impact.commentsPerMinDuring)}>
            {count(impact.commentsPerMinDuring)}
          </td>
          <td />
        </tr>
        <tr data-testid="impact-gmv">
          <th scope="row">{t('ops.impact.gmv')}</th>
          <td>{money(impact.gmvPerMinBefore)}</td>
          <td className={dropped(impact.gmvPerMinBefore, impact.gmvPerMinDuring)}>
            {money(impact.gmvPerMinDuring)}
          </td>
          <td />
        </tr>
      </tbody>
    </table>
  );
}
