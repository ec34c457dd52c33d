import type { Report } from '../../../../shared/api/report.js';
import { useT } from '../../i18n/useI18n.js';
import { dateTime } from './reportRows.js';
import type { ReportDraftState } from './useReportDraft.js';

const STATUS_LABEL = {
  saved: 'report.save.saved',
  pending: 'report.save.pending',
  saving: 'report.save.saving',
  error: 'report.save.error',
} as const;

/** Above the document: whether the edits are saved, save now, fresh figures, back to the prefill. */
export function ReportToolbar({
  report,
  edits,
  refresh,
  onRefresh,
  onReset,
}: {
  report: Report;
  edits: ReportDraftState;
  refresh: { busy: boolean; error: string | null };
  onRefresh: () => void;
  onReset: () => void;
}) {
  const t = useT();
  const { status, error } = edits;
  return (
    <div className="report-toolbar">
      <div className="report-toolbar__row">
        <span
          className={`report-save report-save--${status}`}
          role="status"
          aria-live="polite"
          data-testid="report-save-state"
          data-state={status}
        >
          <span className="report-save__dot" aria-hidden="true" />
          {t(STATUS_LABEL[status], { reason: error ?? '' })}
        </span>
        <button
          type="button"
          className="btn btn--sm"
          data-testid="report-save-now"
          title={t('report.save.nowTitle')}
          onClick={() => void edits.flush()}
        >
          {t('report.save.now')} <kbd>Ctrl+S</kbd>
        </button>
        <span
          className={`chip${edits.draft.textTouched ? ' report-toolbar__edited' : ''}`}
          data-testid="report-text-state"
        >
          {edits.draft.textTouched ? t('report.textEdited') : t('report.textPrefilled')}
        </span>
        <span className="spacer" />
        <span className="report-toolbar__meta">
          {t('report.generatedAt', { time: dateTime(report.generatedAt) })}
        </span>
        <button
          type="button"
          className="btn btn--sm"
          data-testid="report-refresh"
          title={t('report.refreshTitle')}
          aria-disabled={refresh.busy}
          onClick={() => {
            if (!refresh.busy) onRefresh();
          }}
        >
          <span aria-hidden="true">↻</span> {t('report.refresh')}
        </button>
        <button
          type="button"
          className="btn btn--sm"
          data-testid="report-reset"
          title={t('report.resetTitle')}
          disabled={!edits.draft.textTouched}
          onClick={onReset}
        >
          {t('report.reset')}
        </button>
      </div>
      {edits.restored && <p className="status-line is-ok">{t('report.save.restored')}</p>}
      {refresh.error && (
        <p className="status-line is-error" role="alert">
          {t('report.loadFailed', { reason: refresh.error })}
        </p>
      )}
    </div>
  );
}
