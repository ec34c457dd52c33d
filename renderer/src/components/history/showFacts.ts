/** Facts about a show that the history list and the comparison both show. */
import type { ShowInfo, ShowSummary } from '../../../../shared/api/contract.js';

const pad2 = (n: number) => String(n).padStart(2, '0');

/** ms → local "2025-11-23 09:05". */
export function formatDateTime(ts: number): string {
  const d = new Date(ts);
  if (Number.isNaN(d.getTime())) return '—';
  return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())} ${pad2(d.getHours())}:${pad2(
    d.getMinutes(),
  )}`;
}

/** How long the show ran (or has run so far): end, else its last stats, else nothing known. */
export function showDurationMs(show: ShowInfo, lastAt: number | null): number | null {
  const end = show.endedAt ?? lastAt;
  return end === null ? null : Math.max(0, end - show.startedAt);
}

/** The show just before `showId` in a newest-first list (环比's default partner). */
export function previousShowId(shows: readonly ShowSummary[], showId: string): string | null {
  const index = shows.findIndex((s) => s.id === showId);
  return index === -1 ? null : (shows[index + 1]?.id ?? null);
}
