/**
 * Export jobs as the view shows them: the phase in words, the size of the file, where the web
 * host serves it, and which host the page runs in. Pure, apart from reading the page's URL.
 */
import type { ExportJobView, ReportFormat } from '../../../../shared/api/report.js';
import { messagesFor, type MessageKey } from '../../../../shared/i18n/messages.js';

/** How often a running job is asked for its progress. */
export const EXPORT_POLL_MS = 250;

export const FORMAT_LABEL: Record<ReportFormat, MessageKey> = {
  docx: 'report.export.docx',
  xlsx: 'report.export.xlsx',
  md: 'report.export.md',
  csv: 'report.export.csv',
};

/** The phase's words, or null for a phase this build does not know (shown as the core wrote it). */
export function phaseMessage(phase: string): MessageKey | null {
  const key = `report.phase.${phase}`;
  return /^[a-z][a-zA-Z]*$/.test(phase) && isMessageKey(key) ? key : null;
}

function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(messagesFor('zh-CN'), key);
}

/** 1536 → "1.5 KB"; bytes up to GB, one decimal from KB on. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  if (bytes < 1024) return `${Math.round(bytes)} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

/** 0…1 → whole percent, clamped (a progress bar never runs backwards or past the end). */
export function progressPercent(job: Pick<ExportJobView, 'progress' | 'state'>): number {
  if (job.state === 'done') return 100;
  const p = Number.isFinite(job.progress) ? job.progress : 0;
  return Math.round(Math.min(1, Math.max(0, p)) * 100);
}

export const isRunning = (job: Pick<ExportJobView, 'state'>) => job.state === 'running';

/**
 * The web host's download address for a finished job, relative to the page (so it works under
 * any origin the page was opened from); the token is the page's own.
 */
export function downloadHref(jobId: string, token: string | null): string {
  const query = token ? `?token=${encodeURIComponent(token)}` : '';
  return `api/exports/${encodeURIComponent(jobId)}${query}`;
}

/** The page's access token (the web host puts it in the URL it prints). */
export function pageToken(search: string = window.location.search): string | null {
  return new URLSearchParams(search).get('token');
}

/** Inside the desktop app the preload provides window.livedesk; the web page has none. */
export function isDesktopApp(): boolean {
  return typeof window !== 'undefined' && window.livedesk !== undefined;
}
