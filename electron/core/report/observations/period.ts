/**
 * What a period's data supports: replies below target over all its questions, incidents handled
 * below the bar (named with their date), and shows that started with the checklist unfinished.
 */
import type { IncidentView } from '../../../../shared/api/operations.js';
import type { Observation, PeriodReport } from '../../../../shared/api/report.js';
import { dateZh, hhmm } from '../local-time.js';
import { incidentObservations } from './incidents.js';
import { MAX_OBSERVATIONS } from './index.js';
import { periodReplyObservations } from './replies.js';

export interface PeriodObservationInput {
  replies: PeriodReport['replies'];
  incidents: readonly IncidentView[];
  /** Shows of the period that started with checklist items open or failed, oldest first. */
  startedUnchecked: readonly { title: string; startedAt: number; open: number; failed: number }[];
}

const MAX_SHOWS_NAMED = 5;

export function periodObservations(input: PeriodObservationInput): Observation[] {
  const out: Observation[] = [...periodReplyObservations(input.replies)];
  const unchecked = input.startedUnchecked;
  if (unchecked.length > 0) {
    const named = unchecked
      .slice(0, MAX_SHOWS_NAMED)
      .map((s) => `「${s.title}」（${dateZh(s.startedAt)}，${s.open} 项未检、${s.failed} 项不通过）`)
      .join('、');
    out.push({
      kind: 'checklist-start-open',
      problem: `${unchecked.length} 场开播时设备调试清单未完成：${named}${unchecked.length > MAX_SHOWS_NAMED ? ' 等' : ''}`,
      improvement: '每场开播前 2 小时完成设备调试清单，未完成不开播；不通过的项按应急预案准备备用方案',
    });
  }
  out.push(...incidentObservations(input.incidents, (ts) => `${dateZh(ts)} ${hhmm(ts)}`));
  return out.slice(0, MAX_OBSERVATIONS);
}
