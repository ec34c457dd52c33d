import { useEffect } from 'react';
import type { LiveDeskClient } from '../../../../shared/api/contract.js';
import { reportUi, useReportUi } from '../../state/reportUi.js';
import { EXPORT_POLL_MS, isRunning } from './exportJobs.js';

/** The words for a job the core no longer knows (the app restarted, or it was pruned). */
export const LOST_JOB_ERROR = 'lost';

/**
 * While any of this session's exports runs, asks for its progress every EXPORT_POLL_MS (one
 * round of requests at a time: a slow answer is never overtaken by the next question).
 */
export function useExportPolling(client: LiveDeskClient): void {
  const anyRunning = useReportUi((s) => s.jobs.some(isRunning));
  useEffect(() => {
    if (!anyRunning) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      const running = useReportUi.getState().jobs.filter(isRunning);
      await Promise.all(
        running.map(async (job) => {
          try {
            const fresh = await client.getExportJob({ jobId: job.jobId });
            if (stopped) return;
            reportUi.upsertJob(
              fresh ?? {
                ...job,
                state: 'failed',
                phase: 'failed',
                finishedAt: Date.now(),
                error: LOST_JOB_ERROR,
              },
            );
          } catch {
            // The link dropped for a moment: ask again on the next round.
          }
        }),
      );
      if (!stopped) timer = setTimeout(() => void poll(), EXPORT_POLL_MS);
    };
    timer = setTimeout(() => void poll(), EXPORT_POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [anyRunning, client]);
}
