/**
 * From what the user picked (本场 / 往期场次 / 时间段) to the contract's ReportScope, with the reason
 * in words when it cannot be one yet (no show recorded, a day not filled in, from after to).
 */
import type { ShowSummary } from '../../../../shared/api/contract.js';
import { ReportScopeSchema, type ReportScope } from '../../../../shared/api/report.js';
import type { MessageKey } from '../../../../shared/i18n/messages.js';
import type { ScopeChoice } from '../../state/reportUi.js';

export type ScopeResult = { ok: true; scope: ReportScope } | { ok: false; problem: MessageKey };

const pad2 = (n: number) => String(n).padStart(2, '0');

/** ms → the local calendar day "2026-11-23" (what a date input holds). */
export function localDay(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())}`;
}

/** The last seven days, today included: the usual weekly summary. */
export function defaultPeriod(now: number = Date.now()): { from: string; to: string } {
  const from = new Date(now);
  from.setDate(from.getDate() - 6);
  return { from: localDay(from.getTime()), to: localDay(now) };
}

function isCalendarDay(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && localDay(new Date(`${value}T00:00:00`).getTime()) === value;
}

/**
 * "current" is the show running now, else the newest recorded one; a past show must still be in
 * the list; a period needs two real days in order.
 */
export function resolveScope(
  choice: ScopeChoice,
  currentShowId: string | null,
  shows: readonly Pick<ShowSummary, 'id'>[],
): ScopeResult {
  if (choice.kind === 'current') {
    const showId = currentShowId ?? shows[0]?.id ?? null;
    return showId === null
      ? { ok: false, problem: 'report.scope.noShow' }
      : checked({ kind: 'show', showId });
  }
  if (choice.kind === 'show') {
    if (!shows.some((s) => s.id === choice.showId)) return { ok: false, problem: 'report.scope.showGone' };
    return checked({ kind: 'show', showId: choice.showId });
  }
  if (!isCalendarDay(choice.from) || !isCalendarDay(choice.to)) {
    return { ok: false, problem: 'report.scope.badDay' };
  }
  if (choice.from > choice.to) return { ok: false, problem: 'report.scope.fromAfterTo' };
  return checked({ kind: 'period', from: choice.from, to: choice.to, roomId: choice.roomId });
}

/** The contract's own schema has the last word (it is what the core will check). */
function checked(scope: unknown): ScopeResult {
  const parsed = ReportScopeSchema.safeParse(scope);
  return parsed.success ? { ok: true, scope: parsed.data } : { ok: false, problem: 'report.scope.invalid' };
}

export interface RoomOption {
  id: string;
  title: string;
}

/** Every room that has a show, in the order first seen (the list is newest first). */
export function roomsOf(shows: readonly Pick<ShowSummary, 'roomId' | 'roomTitle'>[]): RoomOption[] {
  const rooms = new Map<string, string>();
  for (const show of shows)
    if (!rooms.has(show.roomId)) rooms.set(show.roomId, show.roomTitle || show.roomId);
  return [...rooms].map(([id, title]) => ({ id, title }));
}

/** Short words for a scope (the export list): the show's title, or "from – to". */
export function scopeLabel(scope: ReportScope, shows: readonly Pick<ShowSummary, 'id' | 'title'>[]): string {
  if (scope.kind === 'show') return shows.find((s) => s.id === scope.showId)?.title ?? scope.showId;
  return `${scope.from} – ${scope.to}`;
}
