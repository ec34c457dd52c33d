import { useCallback } from 'react';
import type { ShowSummary } from '../../../../shared/api/contract.js';
import { useT } from '../../i18n/useI18n.js';
import { useBoardSync } from '../../state/BoardSyncContext.js';
import { goTo, goToBoard, historyHash, type HistoryRoute } from '../../state/hashRoute.js';
import { CompareView } from './CompareView.js';
import { PastShowBoard } from './PastShowBoard.js';
import { ShowList } from './ShowList.js';
import { useAsync } from './useAsync.js';
import './history.css';

/** `#/history…`: the list of shows, one show's final board, or two shows side by side. */
export function HistoryView({ route }: { route: HistoryRoute }) {
  const t = useT();
  const { client } = useBoardSync();
  const loadShows = useCallback(() => client.listShows(), [client]);
  const shows = useAsync(loadShows);
  const list = shows.status === 'ok' ? shows.value : null;
  const current = route.page === 'list' ? null : (list?.find((s) => s.id === route.showId) ?? null);

  return (
    <main className="history" data-testid="history-view" data-page={route.page}>
      <header className="history__head">
        <button type="button" className="history__back" data-testid="history-back" onClick={goToBoard}>
          <span aria-hidden="true">←</span> {t('history.back')}
        </button>
        <nav className="history__crumbs" aria-label={t('history.title')}>
          {route.page === 'list' ? (
            <h1 className="history__title">{t('history.title')}</h1>
          ) : (
            <>
              <a className="history__crumb" href={historyHash({ page: 'list' })}>
                {t('history.allShows')}
              </a>
              <span className="history__sep" aria-hidden="true">
                /
              </span>
              <h1 className="history__title history__title--show" title={current?.title}>
                {current?.title ?? route.showId}
              </h1>
            </>
          )}
          {list && route.page === 'list' && (
            <span className="history__count">{t('history.count', { n: list.length })}</span>
          )}
        </nav>
        {route.page !== 'list' && <ShowTabs route={route} shows={list} />}
      </header>
      <div className="history__body">
        {shows.status === 'loading' && <p className="history__note">{t('history.loading')}</p>}
        {shows.status === 'error' && (
          <p className="history__note history__note--bad" role="alert">
            {t('history.loadFailed', { reason: shows.error })}{' '}
            <button type="button" className="history__link" onClick={shows.retry}>
              {t('history.retry')}
            </button>
          </p>
        )}
        {list && route.page === 'list' && <ShowList shows={list} />}
        {list && route.page === 'show' && <PastShowBoard key={route.showId} showId={route.showId} />}
        {list && route.page === 'compare' && (
          <CompareView
            key={`${route.showId}/${route.otherId}`}
            showId={route.showId}
            otherId={route.otherId}
            shows={list}
          />
        )}
      </div>
    </main>
  );
}

function ShowTabs({
  route,
  shows,
}: {
  route: Exclude<HistoryRoute, { page: 'list' }>;
  shows: readonly ShowSummary[] | null;
}) {
  const t = useT();
  const tabs = [
    {
      page: 'show' as const,
      label: t('history.view'),
      hash: historyHash({ page: 'show', showId: route.showId }),
    },
    {
      page: 'compare' as const,
      label: t('history.compare'),
      hash: historyHash({ page: 'compare', showId: route.showId, otherId: null }),
    },
  ];
  return (
    <div className="history__tabs" role="tablist" aria-label={shows ? t('history.title') : undefined}>
      {tabs.map((tab) => (
        <button
          key={tab.page}
          type="button"
          role="tab"
          aria-selected={route.page === tab.page}
          data-testid={`history-tab-${tab.page}`}
          className={`history__tab${route.page === tab.page ? ' is-current' : ''}`}
          onClick={() => goTo(tab.hash)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}
