/**
 * A period's 直播工作总结 (a week, a month, a year of shows): one row per show, totals, averages,
 * best and worst by GMV, replies and incidents across the shows, FAQ use and the text — seed
 * 002's "本年度累计参与直播场次286场" paragraph, computed. A few statements whatever the number
 * of shows (period-figures.ts).
 */
import type { PeriodReport, PeriodShowRow } from '../../../shared/api/report.js';
import { aov, conversionRate, ratio } from '../../../shared/metrics/formulas.js';
import { incidentKpisOf, incidentView } from '../operations/incident-view.js';
import { processMonoClock, stampOf } from '../operations/monotonic.js';
import { NO_PEOPLE } from '../store/report-texts-repo.js';
import type { Store } from '../store/store.js';
import { periodFaqUsage } from './faq-usage.js';
import { periodObservations } from './observations/period.js';
import { periodReplies, periodShowRows } from './period-figures.js';
import { periodPrefill } from './prefill-text.js';
import { PERIOD_SHOW_IDS, type ShowFilter } from './show-filter.js';

const HOUR_MS = 3.6e6;

function totalsOf(rows: readonly PeriodShowRow[]): PeriodReport['totals'] {
  const sum = (pick: (r: PeriodShowRow) => number) => rows.reduce((s, r) => s + pick(r), 0);
  return {
    shows: rows.length,
    hoursLive: sum((r) => r.durationMs) / HOUR_MS,
    gmv: sum((r) => r.gmv),
    orders: sum((r) => r.orders),
    buyers: sum((r) => r.buyers),
    uv: sum((r) => r.uv),
    comments: sum((r) => r.comments),
    questions: sum((r) => r.questions),
    answered: sum((r) => r.answered),
    faqUses: sum((r) => r.faqUses),
    alerts: sum((r) => r.alerts),
    incidents: sum((r) => r.incidents),
  };
}

/**
 * Means per show for durations, GMV, peak online and uv. Conversion and AOV are the DOMAIN.md
 * definitions applied to the period's totals (Σbuyers ÷ Σuv, Σgmv ÷ Σbuyers), not a mean of the
 * shows' rates: a small show does not weigh as much as a big one.
 */
function averagesOf(rows: readonly PeriodShowRow[], t: PeriodReport['totals']): PeriodReport['averages'] {
  const mean = (total: number) => ratio(total, rows.length);
  return {
    durationMs: mean(rows.reduce((s, r) => s + r.durationMs, 0)),
    gmv: mean(t.gmv),
    peakOnline: mean(rows.reduce((s, r) => s + r.peakOnline, 0)),
    uv: mean(t.uv),
    conversion: conversionRate(t.buyers, t.uv),
    aov: aov(t.gmv, t.buyers),
  };
}

/** Highest / lowest GMV; on a tie the earlier show. */
function bestAndWorst(rows: readonly PeriodShowRow[]): Pick<PeriodReport, 'best' | 'worst'> {
  let best: PeriodShowRow | null = null;
  let worst: PeriodShowRow | null = null;
  for (const r of rows) {
    if (!best || r.gmv > best.gmv) best = r;
    if (!worst || r.gmv < worst.gmv) worst = r;
  }
  return { best, worst };
}

export interface PeriodScope {
  from: string;
  to: string;
  roomId: string | null;
}

export function buildPeriodReport(
  store: Store,
  scope: PeriodScope,
  filter: ShowFilter,
  scopeKey: string,
  now: number,
): PeriodReport {
  // Incidents of the period's shows (the table is small: a few per show). Not by detection time:
  // detection is wall clock, while a show's start is the feed's (a replayed show is in the past).
  const showIds = new Set(store.db.prepare<[ShowFilter], string>(PERIOD_SHOW_IDS).pluck().all(filter));
  const storedIncidents = store.operations
    .filtered({})
    .filter((i) => i.showId !== null && showIds.has(i.showId));
  const incidentsPerShow = new Map<string, number>();
  for (const i of storedIncidents)
    incidentsPerShow.set(i.showId!, (incidentsPerShow.get(i.showId!) ?? 0) + 1);

  const shows = periodShowRows(store.db, filter, incidentsPerShow);
  const totals = totalsOf(shows);
  const replies = periodReplies(store.db, filter);
  const incidentKpis = incidentKpisOf(storedIncidents, { showId: null, from: filter.from, to: filter.to });
  const nowStamp = stampOf(now, processMonoClock);
  const observations = periodObservations({
    replies,
    incidents: storedIncidents.map((i) => incidentView(store.operations, i, nowStamp)),
    startedUnchecked: startedUnchecked(store, filter),
  });
  const { best, worst } = bestAndWorst(shows);
  const saved = store.reportTexts.get(scopeKey);
  const people = saved?.people ?? { ...NO_PEOPLE };
  const text =
    saved?.text ??
    periodPrefill({ ...scope, people, shows, totals, replies, best, incidentKpis, observations });
  return {
    kind: 'period',
    generatedAt: now,
    from: scope.from,
    to: scope.to,
    roomId: scope.roomId,
    people,
    shows,
    totals,
    averages: averagesOf(shows, totals),
    best,
    worst,
    replies,
    incidentKpis,
    faqUsage: periodFaqUsage(store.db, filter),
    observations,
    text,
    textEdited: saved?.text != null,
  };
}

/** Shows of the period whose checklist run recorded a start with items open or failed. */
function startedUnchecked(store: Store, filter: ShowFilter) {
  return store.db
    .prepare<[ShowFilter], { title: string; started_at: number; warning: string }>(
      `SELECT sh.title, sh.started_at, r.start_warning AS warning
       FROM checklist_runs r JOIN shows sh ON sh.id = r.show_id
       WHERE r.start_warning IS NOT NULL AND r.show_id IN (${PERIOD_SHOW_IDS})
       ORDER BY sh.started_at`,
    )
    .all(filter)
    .flatMap((r) => {
      try {
        const w = JSON.parse(r.warning) as { open?: unknown; failed?: unknown };
        return typeof w.open === 'number' && typeof w.failed === 'number'
          ? [{ title: r.title, startedAt: r.started_at, open: w.open, failed: w.failed }]
          : [];
      } catch {
        return [];
      }
    });
}
