/**
 * The data of a 直播工作总结: buildReport gives the figures, observations and text of a show or a
 * period (shared/api/report.ts); saveReport keeps what the user typed (names, edited text) per
 * scope. Both validate their input here — the hosts' checks are not the only callers (the CLI,
 * the export worker) — and refuse with a ReportError in plain words.
 */
import {
  ReportScopeSchema,
  SaveReportTextArgs,
  reportScopeKey,
  type Report,
  type ReportPeople,
  type ReportScope,
  type ReportText,
} from '../../../shared/api/report.js';
import type { Store } from '../store/store.js';
import type { ShowRecord } from '../store/types.js';
import { dayRange } from './local-time.js';
import { buildPeriodReport } from './period-report.js';
import { ReportError, firstIssueText } from './report-error.js';
import { PERIOD_SHOWS_WHERE, type ShowFilter } from './show-filter.js';
import { buildShowReport } from './show-report.js';

export { ReportError } from './report-error.js';

function parseScope(raw: unknown): ReportScope {
  const parsed = ReportScopeSchema.safeParse(raw);
  if (!parsed.success) throw new ReportError(`invalid report scope: ${firstIssueText(parsed.error.issues)}`);
  return parsed.data;
}

function findShow(store: Store, showId: string): ShowRecord {
  const show = store.getShow(showId);
  if (!show) throw new ReportError(`no such show: ${showId}`);
  return show;
}

function periodFilter(store: Store, scope: Extract<ReportScope, { kind: 'period' }>): ShowFilter {
  const { start, end } = dayRange(scope.from, scope.to);
  const filter: ShowFilter = { from: start, to: end, room: scope.roomId };
  const count = store.db
    .prepare<[ShowFilter], { n: number }>(`SELECT count(*) AS n FROM shows WHERE ${PERIOD_SHOWS_WHERE}`)
    .get(filter);
  if (!count?.n) {
    const room = scope.roomId === null ? '' : ` in room ${scope.roomId}`;
    throw new ReportError(`no shows between ${scope.from} and ${scope.to}${room}`);
  }
  return filter;
}

export function buildReport(store: Store, scope: ReportScope, options: { now?: number } = {}): Report {
  const checked = parseScope(scope);
  const now = options.now ?? Date.now();
  const key = reportScopeKey(checked);
  if (checked.kind === 'show') return buildShowReport(store, findShow(store, checked.showId), key, now);
  return buildPeriodReport(store, checked, periodFilter(store, checked), key, now);
}

/**
 * Saves the names and the edited text of a scope (null text: back to the prefilled one). Checked
 * first and written in one statement: a bad value or a scope that names nothing changes nothing.
 */
export function saveReport(
  store: Store,
  scope: ReportScope,
  people: ReportPeople,
  text: ReportText | null,
  now: number,
): void {
  const parsed = SaveReportTextArgs.safeParse({ scope, people, text });
  if (!parsed.success) throw new ReportError(`invalid report text: ${firstIssueText(parsed.error.issues)}`);
  const args = parsed.data;
  if (args.scope.kind === 'show') findShow(store, args.scope.showId);
  else periodFilter(store, args.scope);
  store.reportTexts.save(reportScopeKey(args.scope), args.people, args.text, now);
}
