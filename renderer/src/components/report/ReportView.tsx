import { useCallback, useRef } from 'react';
import { reportScopeKey } from '../../../../shared/api/report.js';
import { useT } from '../../i18n/useI18n.js';
import { useBoardSync } from '../../state/BoardSyncContext.js';
import { useBoardStore } from '../../state/boardStore.js';
import { reportUi, useReportUi } from '../../state/reportUi.js';
import { useWindowEscape } from '../../hooks/useWindowEscape.js';
import { useAsync } from '../history/useAsync.js';
import { ExportPanel } from './ExportPanel.js';
import { ReportWorkspace, type Flush } from './ReportWorkspace.js';
import { resolveScope } from './reportScope.js';
import { ScopePicker } from './ScopePicker.js';
import { REPORT_KEY } from './useReportShortcut.js';
import './report.css';

/**
 * The summary view (直播工作总结), in place of the board: pick the report (this show, a past
 * show, a period), review the figures laid out as the document will be, edit the text (saved as
 * you type), export. Esc or the key closes it; what was typed is saved on the way out.
 */
export function ReportView() {
  const t = useT();
  const { client } = useBoardSync();
  const choice = useReportUi((s) => s.choice);
  const currentShowId = useBoardStore((s) => s.show?.id ?? null);
  // Asked again when the running show changes (a show that just started is not listed yet).
  const loadShows = useCallback(() => client.listShows(), [client, currentShowId]); // eslint-disable-line react-hooks/exhaustive-deps
  const shows = useAsync(loadShows);
  // Esc leaves the view (after whatever inside used it, never from under a modal dialog).
  useWindowEscape(reportUi.close);
  // The open report's "save now", so an export never misses what was just typed.
  const flushRef = useRef<Flush | null>(null);
  const registerFlush = useCallback((flush: Flush | null) => {
    flushRef.current = flush;
  }, []);
  const flushEdits = useCallback(() => flushRef.current?.() ?? Promise.resolve(true), []);

  const list = shows.status === 'ok' ? shows.value : null;
  const resolved = list ? resolveScope(choice, currentShowId, list) : null;
  const scope = resolved?.ok ? resolved.scope : null;

  return (
    <main className="report" data-testid="report-view" aria-labelledby="report-title">
      <header className="report__head">
        <button
          type="button"
          className="btn"
          data-testid="report-back"
          title={t('report.backTitle', { key: REPORT_KEY })}
          onClick={reportUi.close}
        >
          <span aria-hidden="true">←</span> {t('report.back')}
        </button>
        <h1 id="report-title" className="report__title">
          {t('report.title')}
        </h1>
        {list && (
          <ScopePicker
            choice={choice}
            shows={list}
            currentShowId={currentShowId}
            onChoose={reportUi.choose}
          />
        )}
        {resolved && !resolved.ok && (
          <p className="field__error report__scope-problem" role="alert" data-testid="report-scope-problem">
            {t(resolved.problem)}
          </p>
        )}
      </header>
      <div className="report__body">
        <div className="report__main">
          {shows.status === 'loading' && <p className="empty-state">{t('report.showsLoading')}</p>}
          {shows.status === 'error' && (
            <p className="banner banner--bad" role="alert">
              <span className="banner__text">{t('report.showsFailed', { reason: shows.error })}</span>
              <button type="button" className="btn btn--sm" onClick={shows.retry}>
                {t('report.retry')}
              </button>
            </p>
          )}
          {scope && (
            <ReportWorkspace key={reportScopeKey(scope)} scope={scope} registerFlush={registerFlush} />
          )}
        </div>
        <aside className="report__side" aria-label={t('report.export.title')}>
          <ExportPanel scope={scope} shows={list ?? []} flushEdits={flushEdits} />
          <p className="kbd-hint report__keys">{t('report.keys', { key: REPORT_KEY })}</p>
        </aside>
      </div>
    </main>
  );
}
