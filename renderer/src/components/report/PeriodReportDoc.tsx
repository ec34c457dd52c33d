import type { PeriodReport, PeriodShowRow } from '../../../../shared/api/report.js';
import { formatCount, formatMoney, formatPercent, NO_DATA } from '../../../../shared/format.js';
import type { Locale } from '../../../../shared/i18n/messages.js';
import { useT } from '../../i18n/useI18n.js';
import { FaqUseTable } from './ExecutionSection.js';
import { IncidentKpiStrip } from './IncidentsSection.js';
import { Block, Facts, Kpis, Section, Table, type Column } from './ReportParts.js';
import { PeopleFields, TextBlock } from './ReportInputs.js';
import { formatHours, formatSpan, periodShowRows, type PeriodShowDisplayRow } from './reportRows.js';
import { replyKpiItems } from './replyKpiItems.js';
import type { ReportDraftState } from './useReportDraft.js';

/**
 * A period's summary (a week, a month, a year of shows): the "本年度累计参与直播场次 N 场"
 * paragraph of the seeds, computed — totals, averages, best and weakest show, every show.
 */
export function PeriodReportDoc({
  report,
  edits,
  locale,
}: {
  report: PeriodReport;
  edits: ReportDraftState;
  locale: Locale;
}) {
  const t = useT();
  const { totals } = report;
  const roomTitle = report.roomId
    ? (report.shows.find((s) => s.roomId === report.roomId)?.roomTitle ?? report.roomId)
    : t('report.scope.allRooms');
  return (
    <article className="report-doc" data-testid="report-doc" data-period={`${report.from}/${report.to}`}>
      <Section id="overview" title={t('report.sec.overview')}>
        <Facts
          testId="report-facts"
          facts={[
            { key: 'period', label: t('report.fact.period'), value: `${report.from} – ${report.to}` },
            { key: 'room', label: t('report.fact.room'), value: roomTitle },
            { key: 'shows', label: t('report.fact.shows'), value: formatCount(totals.shows, locale) },
            {
              key: 'hours',
              label: t('report.fact.hours'),
              value: t('report.hours', { n: formatHours(totals.hoursLive) }),
            },
          ]}
        />
        <PeopleFields edits={edits} />
        <TextBlock field="overview" edits={edits} />
      </Section>
      <Section id="metrics" title={t('report.sec.metrics')}>
        {report.shows.length === 0 ? (
          <p className="report-empty">{t('report.period.noShows')}</p>
        ) : (
          <PeriodFigures report={report} locale={locale} />
        )}
        <TextBlock field="metricsNote" edits={edits} />
      </Section>
      <Section id="prep" title={t('report.sec.prep')}>
        <p className="report-empty">{t('report.period.prepNone')}</p>
        <TextBlock field="prepNote" edits={edits} />
      </Section>
      <Section id="execution" title={t('report.sec.execution')}>
        <Kpis
          testId="report-replies"
          items={[
            {
              key: 'comments-total',
              label: t('report.total.comments'),
              value: formatCount(totals.comments, locale),
            },
            ...replyKpiItems(report.replies, t, locale),
            { key: 'faq-uses', label: t('report.total.faqUses'), value: formatCount(totals.faqUses, locale) },
            {
              key: 'alerts-total',
              label: t('report.total.alerts'),
              value: formatCount(totals.alerts, locale),
            },
          ]}
        />
        <Block title={t('report.faq.title')}>
          <FaqUseTable rows={report.faqUsage} locale={locale} />
        </Block>
        <TextBlock field="executionNote" edits={edits} />
      </Section>
      <Section id="incidents" title={t('report.sec.incidents')}>
        <IncidentKpiStrip kpis={report.incidentKpis} locale={locale} />
        <TextBlock field="incidentsNote" edits={edits} />
      </Section>
      <Section id="problems" title={t('report.sec.problems')}>
        <TextBlock field="problems" edits={edits} />
      </Section>
      <Section id="improvements" title={t('report.sec.improvements')}>
        <TextBlock field="improvements" edits={edits} />
      </Section>
    </article>
  );
}

function PeriodFigures({ report, locale }: { report: PeriodReport; locale: Locale }) {
  const t = useT();
  const { totals, averages } = report;
  const money = (v: number | null) => formatMoney(v, locale);
  const count = (v: number | null) => formatCount(v, locale);
  return (
    <>
      <Block title={t('report.period.totals')}>
        <Kpis
          testId="report-period-totals"
          items={[
            { key: 'total-shows', label: t('report.total.shows'), value: count(totals.shows) },
            { key: 'total-hours', label: t('report.total.hoursLive'), value: formatHours(totals.hoursLive) },
            { key: 'total-gmv', label: t('report.total.gmv'), value: money(totals.gmv) },
            { key: 'total-orders', label: t('report.total.orders'), value: count(totals.orders) },
            { key: 'total-buyers', label: t('report.total.buyers'), value: count(totals.buyers) },
            { key: 'total-uv', label: t('report.total.uv'), value: count(totals.uv) },
            { key: 'total-comments', label: t('report.total.comments'), value: count(totals.comments) },
          ]}
        />
      </Block>
      <Block title={t('report.period.averages')}>
        <Kpis
          testId="report-period-averages"
          items={[
            {
              key: 'avg-duration',
              label: t('report.avg.durationMs'),
              value: formatSpan(averages.durationMs, locale),
            },
            { key: 'avg-gmv', label: t('report.avg.gmv'), value: money(averages.gmv) },
            { key: 'avg-peak', label: t('report.avg.peakOnline'), value: count(averages.peakOnline) },
            { key: 'avg-uv', label: t('report.avg.uv'), value: count(averages.uv) },
            {
              key: 'avg-conversion',
              label: t('report.avg.conversion'),
              value: formatPercent(averages.conversion),
            },
            { key: 'avg-aov', label: t('report.avg.aov'), value: money(averages.aov) },
          ]}
        />
      </Block>
      <div className="report-grid report-grid--two">
        <BestWorst title={t('report.period.best')} show={report.best} locale={locale} testId="report-best" />
        <BestWorst
          title={t('report.period.worst')}
          show={report.worst}
          locale={locale}
          testId="report-worst"
        />
      </div>
      <Block title={t('report.period.shows')}>
        <ShowsTable rows={periodShowRows(report.shows, locale)} />
      </Block>
    </>
  );
}

function BestWorst({
  title,
  show,
  locale,
  testId,
}: {
  title: string;
  show: PeriodShowRow | null;
  locale: Locale;
  testId: string;
}) {
  const t = useT();
  return (
    <Block title={title}>
      {show ? (
        <Facts
          testId={testId}
          facts={[
            { key: 'show', label: t('report.fact.show'), value: show.title, title: show.id },
            { key: 'gmv', label: t('report.col.gmv'), value: formatMoney(show.gmv, locale) },
            { key: 'uv', label: t('report.col.uv'), value: formatCount(show.uv, locale) },
            { key: 'conversion', label: t('report.col.conversion'), value: formatPercent(show.conversion) },
          ]}
        />
      ) : (
        <p className="report-empty">{NO_DATA}</p>
      )}
    </Block>
  );
}

function ShowsTable({ rows }: { rows: readonly PeriodShowDisplayRow[] }) {
  const t = useT();
  const columns: Column<PeriodShowDisplayRow>[] = [
    { key: 'date', label: t('report.col.date'), cell: (r) => r.date },
    { key: 'title', label: t('report.fact.show'), wide: true, cell: (r) => r.title, title: (r) => r.id },
    { key: 'room', label: t('report.col.room'), cell: (r) => r.room },
    { key: 'duration', label: t('report.col.duration'), numeric: true, cell: (r) => r.duration },
    { key: 'gmv', label: t('report.col.gmv'), numeric: true, cell: (r) => <strong>{r.gmv}</strong> },
    { key: 'orders', label: t('report.col.orders'), numeric: true, cell: (r) => r.orders },
    { key: 'uv', label: t('report.col.uv'), numeric: true, cell: (r) => r.uv },
    { key: 'peak', label: t('report.col.peakOnline'), numeric: true, cell: (r) => r.peakOnline },
    { key: 'conversion', label: t('report.col.conversion'), numeric: true, cell: (r) => r.conversion },
    { key: 'comments', label: t('report.col.comments'), numeric: true, cell: (r) => r.comments },
    { key: 'answered', label: t('report.col.answered'), numeric: true, cell: (r) => r.answered },
    { key: 'incidents', label: t('report.col.incidents'), numeric: true, cell: (r) => r.incidents },
  ];
  return (
    <Table
      columns={columns}
      rows={rows}
      rowKey={(r) => r.id}
      empty={t('report.period.noShows')}
      testId="report-period-shows"
    />
  );
}
