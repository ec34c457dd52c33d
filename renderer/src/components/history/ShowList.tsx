import type { ShowSummary } from '../../../../shared/api/contract.js';
import { formatClock, formatCount, formatMoney, NO_DATA } from '../../../../shared/format.js';
import { useLocale, useT } from '../../i18n/useI18n.js';
import { goTo, historyHash } from '../../state/hashRoute.js';
import { formatDateTime, previousShowId, showDurationMs } from './showFacts.js';

/** Every show in the database, newest first; a row opens that show's final board. */
export function ShowList({ shows }: { shows: readonly ShowSummary[] }) {
  const t = useT();
  if (shows.length === 0) return <p className="history__note">{t('history.empty')}</p>;
  return (
    <>
      <ShowTotals shows={shows} />
      <div className="panel history-list">
        <div className="history-list__scroll">
          <table className="history-table" data-testid="show-list">
            <thead>
              <tr>
                <th scope="col" className="history-table__title">
                  {t('history.col.title')}
                </th>
                <th scope="col" className="history-table__room">
                  {t('history.col.room')}
                </th>
                <th scope="col" className="history-table__text">
                  {t('history.col.date')}
                </th>
                <th scope="col">{t('history.col.duration')}</th>
                <th scope="col">{t('history.col.gmv')}</th>
                <th scope="col">{t('history.col.peak')}</th>
                <th scope="col">{t('history.col.comments')}</th>
                <th scope="col">{t('history.col.uv')}</th>
                <th scope="col" className="history-table__actions">
                  {t('history.col.actions')}
                </th>
              </tr>
            </thead>
            <tbody>
              {shows.map((show) => (
                <ShowRow key={show.id} show={show} previousId={previousShowId(shows, show.id)} />
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </>
  );
}

/** Totals and averages over every listed show. */
function ShowTotals({ shows }: { shows: readonly ShowSummary[] }) {
  const t = useT();
  const locale = useLocale();
  const gmv = shows.reduce((sum, s) => sum + s.gmv, 0);
  const peak = shows.reduce((sum, s) => sum + s.peakOnline, 0);
  const comments = shows.reduce((sum, s) => sum + s.comments, 0);
  const durationMs = shows.reduce((sum, s) => sum + (showDurationMs(s, s.lastAt) ?? 0), 0);
  const items = [
    { key: 'gmv', label: t('history.total.gmv'), value: formatMoney(gmv, locale) },
    { key: 'avgGmv', label: t('history.total.avgGmv'), value: formatMoney(gmv / shows.length, locale) },
    { key: 'avgPeak', label: t('history.total.avgPeak'), value: formatCount(peak / shows.length, locale) },
    { key: 'comments', label: t('history.total.comments'), value: formatCount(comments, locale) },
    { key: 'hours', label: t('history.total.hours'), value: formatClock(durationMs) },
  ];
  return (
    <dl className="history-totals" data-testid="history-totals">
      {items.map((item) => (
        <div key={item.key} className="history-totals__item">
          <dt className="history-totals__label">{item.label}</dt>
          <dd className="history-totals__value">{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}

function ShowRow({ show, previousId }: { show: ShowSummary; previousId: string | null }) {
  const t = useT();
  const locale = useLocale();
  const duration = showDurationMs(show, show.lastAt);
  const boardHash = historyHash({ page: 'show', showId: show.id });
  return (
    // The whole row opens the show for the mouse; the title link is the keyboard's way in.
    <tr data-show-id={show.id} className="history-table__row" onClick={() => goTo(boardHash)}>
      <td className="history-table__title">
        <a
          href={boardHash}
          className="history-table__link"
          data-testid="show-open"
          onClick={(e) => e.stopPropagation()}
        >
          {show.title}
        </a>
        {show.endedAt === null && <span className="history-table__live">{t('history.live')}</span>}
      </td>
      <td className="history-table__room" title={show.roomId}>
        {show.roomTitle}
      </td>
      <td className="history-table__text">{formatDateTime(show.startedAt)}</td>
      <td>{duration === null ? NO_DATA : formatClock(duration)}</td>
      <td className="history-table__gmv">{formatMoney(show.gmv, locale)}</td>
      <td>{formatCount(show.peakOnline, locale)}</td>
      <td>{formatCount(show.comments, locale)}</td>
      <td>{formatCount(show.uv, locale)}</td>
      <td className="history-table__actions">
        {previousId ? (
          <a
            href={historyHash({ page: 'compare', showId: show.id, otherId: previousId })}
            className="history-table__action"
            data-testid="show-compare"
            title={t('history.compareTitle')}
            onClick={(e) => e.stopPropagation()}
          >
            {t('history.compare')}
          </a>
        ) : (
          <span className="history-table__action is-disabled">{NO_DATA}</span>
        )}
      </td>
    </tr>
  );
}
