import { useState } from 'react';
import type { ShowSummary } from '../../../../shared/api/contract.js';
import type { ExportJobView } from '../../../../shared/api/report.js';
import { useT } from '../../i18n/useI18n.js';
import { useBoardSync } from '../../state/BoardSyncContext.js';
import { reportUi } from '../../state/reportUi.js';
import { CloseButton } from '../common/IconButton.js';
import {
  downloadHref,
  FORMAT_LABEL,
  formatBytes,
  isDesktopApp,
  pageToken,
  phaseMessage,
  progressPercent,
} from './exportJobs.js';
import { clockTime } from './reportRows.js';
import { scopeLabel } from './reportScope.js';
import { LOST_JOB_ERROR } from './useExportPolling.js';
import { messageOf } from '../common/errorMessage.js';

/** One export of this session: progress and cancel while it runs, then the file or the reason. */
export function ExportJobRow({ job, shows }: { job: ExportJobView; shows: readonly ShowSummary[] }) {
  const t = useT();
  const { client } = useBoardSync();
  const [note, setNote] = useState<string | null>(null);
  const percent = progressPercent(job);
  const phase = phaseMessage(job.phase);
  const phaseText = phase ? t(phase) : job.phase;

  const cancel = async () => {
    try {
      const fresh = await client.cancelExport({ jobId: job.jobId });
      if (fresh) reportUi.upsertJob(fresh);
    } catch (error) {
      setNote(messageOf(error));
    }
  };
  const reveal = async () => {
    try {
      setNote((await client.revealExport({ jobId: job.jobId })) ? null : t('report.export.revealFailed'));
    } catch {
      setNote(t('report.export.revealFailed'));
    }
  };

  return (
    <li
      className={`report-job report-job--${job.state}`}
      data-testid="report-job"
      data-job-id={job.jobId}
      data-state={job.state}
    >
      <div className="report-job__head">
        <span className="chip">{t(FORMAT_LABEL[job.format])}</span>
        <span className="report-job__scope" title={scopeLabel(job.scope, shows)}>
          {scopeLabel(job.scope, shows)}
        </span>
        <span className="report-job__time">{clockTime(job.startedAt)}</span>
        {job.state !== 'running' && (
          <CloseButton
            small
            label={t('report.export.remove')}
            title={t('report.export.removeTitle')}
            onClick={() => reportUi.removeJob(job.jobId)}
          />
        )}
      </div>
      {job.state === 'running' && (
        <div className="report-job__progress">
          <div
            className="report-job__bar"
            role="progressbar"
            aria-label={t('report.export.progress')}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            aria-valuetext={`${phaseText} ${percent}%`}
            data-testid="report-job-progress"
          >
            <span style={{ width: `${percent}%` }} />
          </div>
          <span className="report-job__phase" data-testid="report-job-phase">
            {phaseText} · {percent}%
          </span>
          <button
            type="button"
            className="btn btn--sm"
            data-testid="report-job-cancel"
            title={t('report.export.cancelTitle')}
            disabled={job.phase === 'cancelling'}
            onClick={() => void cancel()}
          >
            {t('report.export.cancel')}
          </button>
        </div>
      )}
      {job.state === 'done' && job.file && (
        <div className="report-job__file">
          <span className="report-job__name" title={job.file.path} data-testid="report-job-file">
            {job.file.name}
          </span>
          <span className="report-job__size" data-testid="report-job-size">
            {formatBytes(job.file.bytes)}
          </span>
          {isDesktopApp() ? (
            <button
              type="button"
              className="btn btn--sm"
              data-testid="report-job-reveal"
              onClick={() => void reveal()}
            >
              {t('report.export.reveal')}
            </button>
          ) : (
            <a
              className="btn btn--sm btn--primary"
              href={downloadHref(job.jobId, pageToken())}
              download={job.file.name}
              data-testid="report-job-download"
            >
              {t('report.export.download')}
            </a>
          )}
        </div>
      )}
      {job.state === 'failed' && (
        <p className="field__error" role="alert" data-testid="report-job-error">
          {job.error === LOST_JOB_ERROR
            ? t('report.export.lost')
            : t('report.export.failed', { reason: job.error ?? phaseText })}
        </p>
      )}
      {job.state === 'cancelled' && <p className="report-job__note">{t('report.export.cancelled')}</p>}
      {note && (
        <p className="field__error" role="alert">
          {note}
        </p>
      )}
    </li>
  );
}
