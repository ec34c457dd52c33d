import type { IncidentKpis, IncidentView } from '../../../../shared/api/operations.js';
import { INCIDENT_RESPONSE_TARGET_MS } from '../../../../shared/api/operations.js';
import { formatCount, formatPercent } from '../../../../shared/format.js';
import type { Locale } from '../../../../shared/i18n/messages.js';
import { useT } from '../../i18n/useI18n.js';
import { INCIDENT_TYPE_KEY, SEVERITY_KEY } from '../operations/incidentTypes.js';
import { Kpis, Table, type Column } from './ReportParts.js';
import { dateTime, formatSpan, impactParts, incidentTimes, stepsDone, withinTarget } from './reportRows.js';

/** The strip of incident figures (a show's or a period's). */
export function IncidentKpiStrip({ kpis, locale }: { kpis: IncidentKpis; locale: Locale }) {
  const t = useT();
  const median = withinTarget(kpis.medianResponseMs, INCIDENT_RESPONSE_TARGET_MS);
  return (
    <Kpis
      testId="report-incident-kpis"
      items={[
        { key: 'inc-total', label: t('report.inc.total'), value: formatCount(kpis.total, locale) },
        {
          key: 'inc-median-response',
          label: t('report.inc.medianResponse'),
          value: formatSpan(kpis.medianResponseMs, locale),
          ...(median === null ? {} : { tone: median ? ('good' as const) : ('bad' as const) }),
        },
        {
          key: 'inc-within5',
          label: t('report.inc.within5'),
          value: formatPercent(kpis.respondedWithin5MinRate, 1),
        },
        { key: 'inc-resolved', label: t('report.inc.resolved'), value: formatPercent(kpis.resolvedRate, 1) },
        {
          key: 'inc-median-resolve',
          label: t('report.inc.medianResolve'),
          value: formatSpan(kpis.medianResolveMs, locale),
        },
      ]}
    />
  );
}

/** 五、事故与应急: each incident with its response and resolve times, steps taken and impact. */
export function IncidentsSection({
  incidents,
  kpis,
  locale,
}: {
  incidents: readonly IncidentView[];
  kpis: IncidentKpis;
  locale: Locale;
}) {
  const t = useT();
  if (incidents.length === 0) return <p className="report-empty">{t('report.inc.none')}</p>;
  const columns: Column<IncidentView>[] = [
    { key: 'id', label: '#', numeric: true, cell: (i) => i.id },
    {
      key: 'type',
      label: t('report.col.type'),
      cell: (i) => (
        <>
          {t(INCIDENT_TYPE_KEY[i.type])}
          <span className={`report-sev report-sev--${i.severity}`}>{t(SEVERITY_KEY[i.severity])}</span>
        </>
      ),
    },
    { key: 'title', label: t('report.col.title'), wide: true, cell: (i) => i.title },
    { key: 'detected', label: t('report.col.detected'), numeric: true, cell: (i) => dateTime(i.detectedAt) },
    {
      key: 'response',
      label: t('report.col.response'),
      numeric: true,
      cell: (i) => {
        const { responseMs } = incidentTimes(i);
        if (responseMs === null)
          return <span className="report-change is-bad">{t('report.inc.noResponse')}</span>;
        const late = responseMs > INCIDENT_RESPONSE_TARGET_MS;
        return (
          <span className={`report-change is-${late ? 'bad' : 'good'}`}>
            {formatSpan(responseMs, locale)}
          </span>
        );
      },
    },
    {
      key: 'resolve',
      label: t('report.col.resolve'),
      numeric: true,
      cell: (i) => {
        const { resolveMs } = incidentTimes(i);
        return resolveMs === null ? t('report.inc.unresolved') : formatSpan(resolveMs, locale);
      },
    },
    { key: 'steps', label: t('report.col.steps'), numeric: true, cell: (i) => stepsDone(i) },
    { key: 'impact', label: t('report.col.impact'), cell: (i) => <Impact incident={i} locale={locale} /> },
  ];
  return (
    <>
      <IncidentKpiStrip kpis={kpis} locale={locale} />
      <Table
        columns={columns}
        rows={incidents}
        rowKey={(i) => String(i.id)}
        empty={t('report.inc.none')}
        testId="report-incidents"
      />
    </>
  );
}

function Impact({ incident, locale }: { incident: IncidentView; locale: Locale }) {
  const t = useT();
  const parts = impactParts(incident.impact, locale);
  const lines = [
    parts.online && t('report.impact.online', parts.online),
    parts.comments && t('report.impact.comments', parts.comments),
    parts.gmv && t('report.impact.gmv', parts.gmv),
  ].filter((line): line is string => Boolean(line));
  if (lines.length === 0) return <>—</>;
  return (
    <span className="report-impact">
      {lines.map((line) => (
        <span key={line}>{line}</span>
      ))}
    </span>
  );
}
