import type { ShowReport } from '../../../../shared/api/report.js';
import type { Locale } from '../../../../shared/i18n/messages.js';
import { useT } from '../../i18n/useI18n.js';
import { ExecutionSection } from './ExecutionSection.js';
import { IncidentsSection } from './IncidentsSection.js';
import { MetricsSection } from './MetricsSection.js';
import { PrepSection } from './PrepSection.js';
import { Facts, Section } from './ReportParts.js';
import { PeopleFields, TextBlock } from './ReportInputs.js';
import { dateTime, formatSpan } from './reportRows.js';
import type { ReportDraftState } from './useReportDraft.js';

/** One show's summary, laid out as the exported document: 一 … 七. */
export function ShowReportDoc({
  report,
  edits,
  locale,
}: {
  report: ShowReport;
  edits: ReportDraftState;
  locale: Locale;
}) {
  const t = useT();
  const { show, previousShow } = report;
  return (
    <article className="report-doc" data-testid="report-doc" data-show-id={show.id}>
      <Section id="overview" title={t('report.sec.overview')}>
        <Facts
          testId="report-facts"
          facts={[
            { key: 'show', label: t('report.fact.show'), value: show.title, title: show.id },
            { key: 'room', label: t('report.fact.room'), value: show.roomTitle || show.roomId },
            { key: 'start', label: t('report.fact.start'), value: dateTime(report.startAt) },
            { key: 'end', label: t('report.fact.end'), value: dateTime(report.endAt) },
            {
              key: 'duration',
              label: t('report.fact.duration'),
              value: formatSpan(report.durationMs, locale),
            },
            {
              key: 'previous',
              label: t('report.fact.previous'),
              value: previousShow
                ? `${previousShow.title} · ${dateTime(previousShow.startedAt)}`
                : t('report.fact.noPrevious'),
            },
          ]}
        />
        <PeopleFields edits={edits} />
        <TextBlock field="overview" edits={edits} />
      </Section>
      <Section id="metrics" title={t('report.sec.metrics')}>
        <MetricsSection report={report} locale={locale} />
        <TextBlock field="metricsNote" edits={edits} />
      </Section>
      <Section id="prep" title={t('report.sec.prep')}>
        <PrepSection checklist={report.checklist} />
        <TextBlock field="prepNote" edits={edits} />
      </Section>
      <Section id="execution" title={t('report.sec.execution')}>
        <ExecutionSection report={report} locale={locale} />
        <TextBlock field="executionNote" edits={edits} />
      </Section>
      <Section id="incidents" title={t('report.sec.incidents')}>
        <IncidentsSection incidents={report.incidents} kpis={report.incidentKpis} locale={locale} />
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
