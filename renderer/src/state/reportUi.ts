/**
 * The summary view (直播工作总结): whether it is open, which report it shows, and this session's
 * export jobs (kept here, not in the view, so the list survives closing and reopening it).
 * UI-only state; the report and its edited text live in the core.
 */
import { create } from 'zustand';
import type { ExportJobView } from '../../../shared/api/report.js';

/**
 * What the user picked: the show running now (or the newest one), a past show, or a period.
 * Period days are kept as typed (YYYY-MM-DD from the date inputs) and checked when used.
 */
export type ScopeChoice =
  | { kind: 'current' }
  | { kind: 'show'; showId: string }
  | { kind: 'period'; from: string; to: string; roomId: string | null };

export interface ReportUiState {
  open: boolean;
  choice: ScopeChoice;
  /** This session's exports, newest first. */
  jobs: ExportJobView[];
}

/** At most this many jobs are listed (the oldest finished ones drop off). */
export const MAX_LISTED_JOBS = 20;

export const useReportUi = create<ReportUiState>()(() => ({
  open: false,
  choice: { kind: 'current' },
  jobs: [],
}));

const set = useReportUi.setState;

export const reportUi = {
  open: () => set({ open: true }),
  close: () => set({ open: false }),
  toggle: () => set((s) => ({ open: !s.open })),
  choose: (choice: ScopeChoice) => set({ choice }),
  /** A job just started goes on top; a known one is replaced by its newer view. */
  upsertJob(job: ExportJobView) {
    set((s) => {
      const known = s.jobs.some((j) => j.jobId === job.jobId);
      const jobs = known ? s.jobs.map((j) => (j.jobId === job.jobId ? job : j)) : [job, ...s.jobs];
      return { jobs: trimJobs(jobs) };
    });
  },
  removeJob(jobId: string) {
    set((s) => ({ jobs: s.jobs.filter((j) => j.jobId !== jobId) }));
  },
};

/** Running jobs are always kept; finished ones beyond the limit go, oldest first. */
export function trimJobs(jobs: readonly ExportJobView[]): ExportJobView[] {
  if (jobs.length <= MAX_LISTED_JOBS) return [...jobs];
  let excess = jobs.length - MAX_LISTED_JOBS;
  const kept: ExportJobView[] = [];
  for (let i = jobs.length - 1; i >= 0; i -= 1) {
    const job = jobs[i]!;
    if (excess > 0 && job.state !== 'running') {
      excess -= 1;
      continue;
    }
    kept.unshift(job);
  }
  return kept;
}
