import { useState } from 'react';
import type { ShowSummary } from '../../../../shared/api/contract.js';
import { REPORT_FORMATS, type ReportFormat, type ReportScope } from '../../../../shared/api/report.js';
import type { MessageKey } from '../../../../shared/i18n/messages.js';
import { useT } from '../../i18n/useI18n.js';
import { useBoardSync } from '../../state/BoardSyncContext.js';
import { reportUi, useReportUi } from '../../state/reportUi.js';
import { ExportJobRow } from './ExportJobRow.js';
import { FORMAT_LABEL } from './exportJobs.js';
import { useExportPolling } from './useExportPolling.js';
import { messageOf } from '../common/errorMessage.js';

/**
 * Word / Excel / Markdown / CSV of the report on screen. What was typed is saved first (the core
 * builds the file from what it has); then the job runs in the core and its progress shows below,
 * with every export of this session.
 */
export function ExportPanel({
  scope,
  shows,
  flushEdits,
}: {
  scope: ReportScope | null;
  shows: readonly ShowSummary[];
  flushEdits: () => Promise<boolean>;
}) {
  const t = useT();
  const { client } = useBoardSync();
  const jobs = useReportUi((s) => s.jobs);
  const [starting, setStarting] = useState<ReportFormat | null>(null);
  const [problem, setProblem] = useState<{ key: MessageKey; reason?: string } | null>(null);
  useExportPolling(client);

  const start = async (format: ReportFormat) => {
    if (!scope || starting) return;
    setStarting(format);
    setProblem(null);
    try {
      if (!(await flushEdits())) {
        setProblem({ key: 'report.export.notSaved' });
        return;
      }
      reportUi.upsertJob(await client.startExport({ scope, format }));
    } catch (error) {
      setProblem({ key: 'report.export.startFailed', reason: messageOf(error) });
    } finally {
      setStarting(null);
    }
  };

  return (
    <section className="report-export" aria-labelledby="report-export-title" data-testid="report-export">
      <h2 id="report-export-title" className="report-export__title">
        {t('report.export.title')}
      </h2>
      <div className="report-export__formats">
        {REPORT_FORMATS.map((format) => (
          <button
            key={format}
            type="button"
            className={`btn${format === 'docx' ? ' btn--primary' : ''} report-export__format`}
            data-testid={`report-export-${format}`}
            title={t('report.export.startTitle', { format: t(FORMAT_LABEL[format]) })}
            disabled={!scope}
            aria-disabled={starting !== null}
            onClick={() => void start(format)}
          >
            {t(FORMAT_LABEL[format])}
          </button>
        ))}
      </div>
      <p className="field__hint">{t('report.export.hint')}</p>
      {problem && (
        <p className="field__error" role="alert" data-testid="report-export-problem">
          {t(problem.key, { reason: problem.reason ?? '' })}
        </p>
      )}
      <h3 className="report-export__list-title">{t('report.export.list')}</h3>
      {jobs.length === 0 ? (
        <p className="report-empty">{t('report.export.none')}</p>
      ) : (
        <ul className="report-jobs" data-testid="report-jobs">
          {jobs.map((job) => (
            <ExportJobRow key={job.jobId} job={job} shows={shows} />
          ))}
        </ul>
      )}
    </section>
  );
}
