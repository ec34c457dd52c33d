import { useCallback, useEffect, useState } from 'react';
import type { Report, ReportScope } from '../../../../shared/api/report.js';
import { useLocale, useT } from '../../i18n/useI18n.js';
import { useBoardSync } from '../../state/BoardSyncContext.js';
import { useAsync } from '../history/useAsync.js';
import { PeriodReportDoc } from './PeriodReportDoc.js';
import { ReportToolbar } from './ReportToolbar.js';
import { ResetConfirm } from './ResetConfirm.js';
import { ShowReportDoc } from './ShowReportDoc.js';
import { useReportDraft } from './useReportDraft.js';
import { messageOf } from '../common/errorMessage.js';

export type Flush = () => Promise<boolean>;

/** One report (keyed by its scope): loads it, then the editor. */
export function ReportWorkspace({
  scope: initialScope,
  registerFlush,
}: {
  scope: ReportScope;
  registerFlush: (flush: Flush | null) => void;
}) {
  const t = useT();
  const { client } = useBoardSync();
  // The caller keys this by scope: the first one is the one for good (a new object each render
  // must not be a new request).
  const [scope] = useState(initialScope);
  const load = useCallback(() => client.getReport({ scope }), [client, scope]);
  const report = useAsync(load);
  if (report.status === 'loading') return <p className="empty-state">{t('report.loading')}</p>;
  if (report.status === 'error') {
    return (
      <p className="banner banner--bad" role="alert" data-testid="report-load-error">
        <span className="banner__text">{t('report.loadFailed', { reason: report.error })}</span>
        <button type="button" className="btn btn--sm" onClick={report.retry}>
          {t('report.retry')}
        </button>
      </p>
    );
  }
  return <ReportEditor scope={scope} initial={report.value} registerFlush={registerFlush} />;
}

function ReportEditor({
  scope,
  initial,
  registerFlush,
}: {
  scope: ReportScope;
  initial: Report;
  registerFlush: (flush: Flush | null) => void;
}) {
  const { client } = useBoardSync();
  const locale = useLocale();
  const [report, setReport] = useState(initial);
  const [refresh, setRefresh] = useState<{ busy: boolean; error: string | null }>({
    busy: false,
    error: null,
  });
  const [confirming, setConfirming] = useState(false);
  const edits = useReportDraft(scope, initial, client, setReport);
  const { flush, adopt } = edits;

  useEffect(() => {
    registerFlush(flush);
    return () => registerFlush(null);
  }, [flush, registerFlush]);
  useSaveShortcut(flush);

  const reload = useCallback(async () => {
    setRefresh({ busy: true, error: null });
    try {
      const fresh = await client.getReport({ scope });
      setReport(fresh);
      adopt(fresh);
      setRefresh({ busy: false, error: null });
    } catch (error) {
      setRefresh({ busy: false, error: messageOf(error) });
    }
  }, [adopt, client, scope]);

  return (
    <div className="report-editor" data-testid="report-editor" data-kind={report.kind}>
      <ReportToolbar
        report={report}
        edits={edits}
        refresh={refresh}
        onRefresh={() => void reload()}
        onReset={() => setConfirming(true)}
      />
      <div className="report-editor__scroll">
        {report.kind === 'show' ? (
          <ShowReportDoc report={report} edits={edits} locale={locale} />
        ) : (
          <PeriodReportDoc report={report} edits={edits} locale={locale} />
        )}
      </div>
      {confirming && (
        <ResetConfirm
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            void edits.resetText();
          }}
        />
      )}
    </div>
  );
}

/** Ctrl+S (⌘S) saves now, wherever the focus is in the view (and not the browser's "save page"). */
function useSaveShortcut(flush: Flush): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      // An FAQ entry's hotkey set to Ctrl+S acted first (it prevents the default): leave it.
      if (event.defaultPrevented || !(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey)
        return;
      if (event.key.toLowerCase() !== 's') return;
      event.preventDefault();
      void flush();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [flush]);
}
