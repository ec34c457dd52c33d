import { REPLY_TARGET_MS, type ReplyKpis } from '../../../../shared/api/replies.js';
import type { PeriodReport } from '../../../../shared/api/report.js';
import { formatCount, formatPercent } from '../../../../shared/format.js';
import type { Locale } from '../../../../shared/i18n/messages.js';
import type { Translate } from '../../i18n/useI18n.js';
import type { Kpi } from './ReportParts.js';
import { formatSpan, withinTarget, type Tone } from './reportRows.js';

/** A show's reply KPIs, or a period's (which have no answered count and no p90). */
type ReplyFigures = PeriodReport['replies'] & Partial<Pick<ReplyKpis, 'answered' | 'p90ResponseMs'>>;

const metTone = (met: boolean | null): Tone | undefined => (met === null ? undefined : met ? 'good' : 'bad');

/**
 * The reply figures as KPI boxes, the same in a show's and a period's summary: questions,
 * answered, resolution, median and p90 response (coloured against the 30 s target), within 30 s.
 */
export function replyKpiItems(r: ReplyFigures, t: Translate, locale: Locale): Kpi[] {
  const medianMet = withinTarget(r.medianResponseMs, REPLY_TARGET_MS);
  const items: (Kpi | null)[] = [
    {
      key: 'replies-questions',
      label: t('report.replies.questions'),
      value: formatCount(r.questions, locale),
    },
    r.answered === undefined
      ? null
      : {
          key: 'replies-answered',
          label: t('report.replies.answered'),
          value: formatCount(r.answered, locale),
        },
    {
      key: 'replies-resolution',
      label: t('report.replies.resolution'),
      value: formatPercent(r.resolutionRate, 1),
    },
    {
      key: 'replies-median',
      label: t('report.replies.median'),
      value: formatSpan(r.medianResponseMs, locale),
      ...(medianMet === null ? {} : { note: t(medianMet ? 'report.replies.met' : 'report.replies.missed') }),
      tone: metTone(medianMet),
    },
    r.p90ResponseMs === undefined
      ? null
      : {
          key: 'replies-p90',
          label: t('report.replies.p90'),
          value: formatSpan(r.p90ResponseMs, locale),
          tone: metTone(withinTarget(r.p90ResponseMs, REPLY_TARGET_MS)),
        },
    {
      key: 'replies-within30',
      label: t('report.replies.within30'),
      value: formatPercent(r.within30sRate, 1),
    },
  ];
  return items.filter((k): k is Kpi => k !== null);
}
