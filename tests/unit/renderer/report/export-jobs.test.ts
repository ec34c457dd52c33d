import { describe, expect, it } from 'vitest';
import type { ExportJobView } from '../../../../shared/api/report.js';
import {
  downloadHref,
  formatBytes,
  pageToken,
  phaseMessage,
  progressPercent,
} from '../../../../renderer/src/components/report/exportJobs.js';
import { MAX_LISTED_JOBS, trimJobs } from '../../../../renderer/src/state/reportUi.js';

function job(n: number, state: ExportJobView['state']): ExportJobView {
  return {
    jobId: `exp-${n}`,
    scope: { kind: 'show', showId: 's' },
    format: 'md',
    state,
    progress: state === 'done' ? 1 : 0.5,
    phase: state,
    startedAt: n,
    finishedAt: state === 'running' ? null : n + 1,
    file: null,
    error: null,
  };
}

describe('export jobs as shown', () => {
  it('translates the phases it knows and leaves others as the core wrote them', () => {
    expect(phaseMessage('comments')).toBe('report.phase.comments');
    expect(phaseMessage('cancelling')).toBe('report.phase.cancelling');
    expect(phaseMessage('sheets-7')).toBeNull();
    expect(phaseMessage('toString')).toBeNull();
    expect(phaseMessage('')).toBeNull();
  });

  it('says how big a file is', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(5 * 1024 * 1024)).toBe('5.0 MB');
    expect(formatBytes(-1)).toBe('—');
  });

  it('keeps the bar within 0–100 and full once done', () => {
    expect(progressPercent({ progress: 0.456, state: 'running' })).toBe(46);
    expect(progressPercent({ progress: 1.7, state: 'running' })).toBe(100);
    expect(progressPercent({ progress: Number.NaN, state: 'running' })).toBe(0);
    expect(progressPercent({ progress: 0.2, state: 'done' })).toBe(100);
  });

  it('points the web download at the page’s own host with its token', () => {
    expect(downloadHref('exp-17-1', 'tok en&x')).toBe('api/exports/exp-17-1?token=tok%20en%26x');
    expect(downloadHref('exp-17-1', null)).toBe('api/exports/exp-17-1');
    expect(pageToken('?token=abc&x=1')).toBe('abc');
    expect(pageToken('')).toBeNull();
  });

  it('keeps running jobs and drops the oldest finished ones beyond the limit', () => {
    const jobs = [
      job(100, 'running'),
      ...Array.from({ length: MAX_LISTED_JOBS }, (_, i) => job(99 - i, 'done')),
    ];
    jobs.push(job(1, 'running'));
    const kept = trimJobs(jobs);
    expect(kept).toHaveLength(MAX_LISTED_JOBS);
    expect(kept[0]!.jobId).toBe('exp-100');
    expect(kept.at(-1)!.jobId).toBe('exp-1');
    // The two oldest finished jobs went.
    expect(kept.some((j) => j.jobId === 'exp-80' || j.jobId === 'exp-81')).toBe(false);
    expect(trimJobs(jobs.slice(0, 3))).toEqual(jobs.slice(0, 3));
  });
});
