import type { AlertRuleSummary } from '../../../../shared/api/alerts.js';
import type { TopQuestion } from '../../../../shared/api/replies.js';
import type { FaqUseRow, ShowReport } from '../../../../shared/api/report.js';
import { formatCount, NO_DATA } from '../../../../shared/format.js';
import type { Locale } from '../../../../shared/i18n/messages.js';
import { useT } from '../../i18n/useI18n.js';
import { severityKey } from '../alerts/severity.js';
import { Block, Kpis, Table, type Column } from './ReportParts.js';
import { clockTime, formatRate, formatSpan } from './reportRows.js';
import { replyKpiItems } from './replyKpiItems.js';

/**
 * 四、直播中执行: comments handled, replies against the 30 s target, the top questions, the FAQ
 * entries used, and the alerts by rule with their time to acknowledge.
 */
export function ExecutionSection({ report, locale }: { report: ShowReport; locale: Locale }) {
  const t = useT();
  const { comments, replies, alerts } = report;
  const target = t('report.replies.target');
  return (
    <>
      <Block title={t('report.exec.comments')}>
        <Kpis
          testId="report-comments"
          items={[
            {
              key: 'comments-total',
              label: t('report.exec.total'),
              value: formatCount(comments.total, locale),
            },
            {
              key: 'comments-avg',
              label: t('report.exec.perMinuteAvg'),
              value: formatRate(comments.perMinuteAvg, locale),
            },
            {
              key: 'comments-peak',
              label: t('report.exec.peakPerMin'),
              value: comments.peakPerMin ? formatCount(comments.peakPerMin.value, locale) : NO_DATA,
              ...(comments.peakPerMin ? { note: clockTime(comments.peakPerMin.at) } : {}),
            },
          ]}
        />
      </Block>
      <Block title={t('report.replies.title')} aside={target}>
        <Kpis testId="report-replies" items={replyKpiItems(replies, t, locale)} />
      </Block>
      <div className="report-grid report-grid--two">
        <Block title={t('report.top.title')}>
          <TopQuestions rows={replies.top} locale={locale} />
        </Block>
        <Block title={t('report.faq.title')}>
          <FaqUseTable rows={report.faqUsage} locale={locale} />
        </Block>
      </div>
      <Block title={t('report.alerts.title')}>
        <Kpis
          testId="report-alerts"
          items={[
            {
              key: 'alerts-total',
              label: t('report.alerts.total'),
              value: formatCount(alerts.total, locale),
            },
            {
              key: 'alerts-acked',
              label: t('report.alerts.acked'),
              value: formatCount(alerts.acked, locale),
            },
            {
              key: 'alerts-median',
              label: t('report.alerts.medianAck'),
              value: formatSpan(alerts.medianAckMs, locale),
            },
          ]}
        />
        <AlertRules rows={alerts.byRule} locale={locale} />
      </Block>
    </>
  );
}

function TopQuestions({ rows, locale }: { rows: readonly TopQuestion[]; locale: Locale }) {
  const t = useT();
  const columns: Column<TopQuestion>[] = [
    { key: 'text', label: t('report.col.question'), wide: true, cell: (q) => q.text },
    { key: 'count', label: t('report.col.times'), numeric: true, cell: (q) => formatCount(q.count, locale) },
    {
      key: 'answered',
      label: t('report.col.answered'),
      numeric: true,
      cell: (q) => formatCount(q.answered, locale),
    },
  ];
  return (
    <Table
      columns={columns}
      rows={rows.slice(0, 10)}
      rowKey={(q) => q.groupKey}
      testId="report-top-questions"
    />
  );
}

/** The FAQ entries used, most used first (a show's or a period's). */
export function FaqUseTable({ rows, locale }: { rows: readonly FaqUseRow[]; locale: Locale }) {
  const t = useT();
  const columns: Column<FaqUseRow>[] = [
    { key: 'question', label: t('report.col.question'), wide: true, cell: (f) => f.question },
    { key: 'category', label: t('report.col.category'), cell: (f) => f.category || NO_DATA },
    { key: 'uses', label: t('report.col.uses'), numeric: true, cell: (f) => formatCount(f.uses, locale) },
  ];
  return <Table columns={columns} rows={rows} rowKey={(f) => f.faqId} testId="report-faq" />;
}

function AlertRules({ rows, locale }: { rows: readonly AlertRuleSummary[]; locale: Locale }) {
  const t = useT();
  const columns: Column<AlertRuleSummary>[] = [
    { key: 'rule', label: t('report.col.rule'), wide: true, cell: (r) => r.ruleName, title: (r) => r.ruleId },
    {
      key: 'severity',
      label: t('report.col.severity'),
      cell: (r) => (
        <span className={`report-sev report-sev--${r.severity}`}>{t(severityKey(r.severity))}</span>
      ),
    },
    {
      key: 'alerts',
      label: t('report.col.alerts'),
      numeric: true,
      cell: (r) => formatCount(r.alerts, locale),
    },
    {
      key: 'evidence',
      label: t('report.col.evidence'),
      numeric: true,
      cell: (r) => formatCount(r.evidence, locale),
    },
    {
      key: 'acked',
      label: t('report.alerts.acked'),
      numeric: true,
      cell: (r) => formatCount(r.acked, locale),
    },
    {
      key: 'medianAck',
      label: t('report.col.medianAck'),
      numeric: true,
      cell: (r) => formatSpan(r.medianAckMs, locale),
    },
    {
      key: 'maxAck',
      label: t('report.col.maxAck'),
      numeric: true,
      cell: (r) => formatSpan(r.maxAckMs, locale),
    },
  ];
  return <Table columns={columns} rows={rows} rowKey={(r) => r.ruleId} testId="report-alert-rules" />;
}
