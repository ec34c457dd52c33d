/**
 * One show's 直播工作总结: the board as the show ended (history.showBoard, so every figure equals
 * the board), 环比 against the room's previous show, peaks and comment totals from the rollups,
 * the trend with its markers, the checklist run, reply KPIs, FAQ use, alerts, incidents, and the
 * observations and text built from them. Reads only (the export worker's connection is read-only)
 * and never scans the comments table.
 */
import type { ShowReport } from '../../../shared/api/report.js';
import { NO_TARGETS } from '../../../shared/metrics/targets.js';
import { summariseAlerts } from '../alerts/summary.js';
import { toView } from '../alerts/alert-tracker.js';
import { buildTrend } from '../engines/trend.js';
import { showBoard, showInfo } from '../history.js';
import { incidentKpisOf, incidentView } from '../operations/incident-view.js';
import { processMonoClock, stampOf } from '../operations/monotonic.js';
import { NO_PEOPLE } from '../store/report-texts-repo.js';
import type { Store } from '../store/store.js';
import type { ShowRecord } from '../store/types.js';
import { checklistOfShow } from './checklist-of-show.js';
import { compareMetrics, previousShowOf } from './comparison.js';
import { showFaqUsage } from './faq-usage.js';
import { showObservations } from './observations/index.js';
import { showPeaks } from './peaks.js';
import { showPrefill } from './prefill-text.js';
import { showReplyFigures } from './reply-figures.js';
import { commentFigures, productsByGmv, showSpan, trafficRows } from './show-figures.js';

export function buildShowReport(store: Store, show: ShowRecord, scopeKey: string, now: number): ShowReport {
  const board = showBoard(store, show.id);
  const final = board?.metrics?.values ?? null;
  const previousShow = previousShowOf(store.db, show);
  const previousFinal = previousShow ? (showBoard(store, previousShow.id)?.metrics?.values ?? null) : null;
  const span = showSpan(store.db, show);
  const trend = buildTrend(store, show.id);
  const peaks = showPeaks(trend.minutes);
  const products = productsByGmv(board?.metrics?.products ?? []);
  const comparisons = compareMetrics(final, previousFinal);
  const checklist = checklistOfShow(store.operations, show.id);
  const { replies, slowest } = showReplyFigures(store.db, show.id);
  const alertViews = store.alerts.all(show.id).map(toView);
  // An incident still open is measured up to now (its impact window), as the incident log does.
  const nowStamp = stampOf(now, processMonoClock);
  const storedIncidents = store.operations.filtered({ showId: show.id });
  const incidents = storedIncidents.map((i) => incidentView(store.operations, i, nowStamp));
  const targets = board?.targets ?? NO_TARGETS;
  const observations = showObservations({
    trend,
    endAt: span.endAt,
    final,
    comparisons,
    previousShow,
    targets,
    products,
    alerts: alertViews,
    replies,
    slowest,
    incidents,
    checklist,
  });
  const saved = store.reportTexts.get(scopeKey);
  const people = saved?.people ?? { ...NO_PEOPLE };
  const comments = commentFigures(trend.minutes, peaks.commentsPerMin);
  const info = showInfo(show);
  const text =
    saved?.text ?? showPrefill({ show: info, ...span, people, final, comments, replies, observations });
  return {
    kind: 'show',
    generatedAt: now,
    show: info,
    ...span,
    people,
    previousShow,
    final,
    comparisons,
    peaks,
    targets,
    traffic: trafficRows(store.latestStats(show.id)?.counters ?? null),
    products,
    trend,
    checklist,
    comments,
    replies,
    faqUsage: showFaqUsage(store.db, show.id),
    alerts: summariseAlerts(show.id, alertViews),
    incidents,
    incidentKpis: incidentKpisOf(storedIncidents, { showId: show.id, from: null, to: null }),
    observations,
    text,
    textEdited: saved?.text != null,
  };
}
