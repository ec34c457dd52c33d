import { useState } from 'react';
import type { ShowReport } from '../../../../shared/api/report.js';
import type { Locale } from '../../../../shared/i18n/messages.js';
import { hasMessage, useT } from '../../i18n/useI18n.js';
import { Block, Table, type Column } from './ReportParts.js';
import {
  metricRows,
  peakRows,
  productRows,
  targetRows,
  trafficRows,
  type MetricRow,
  type PeakRow,
  type ProductRow,
  type TargetRow,
  type TrafficDisplayRow,
} from './reportRows.js';

/** Products shown before "show all": the top sellers carry the story. */
const TOP_PRODUCTS = 10;

/** 二、核心数据指标分析: every metric vs the previous show, targets, peaks, traffic, the funnel. */
export function MetricsSection({ report, locale }: { report: ShowReport; locale: Locale }) {
  const t = useT();
  if (report.final === null) return <p className="report-empty">{t('report.noStats')}</p>;
  const targets = targetRows(report.targets, report.final, locale);
  return (
    <>
      <MetricTables report={report} locale={locale} />
      <div className="report-grid">
        {targets.length > 0 && (
          <Block title={t('report.targets.title')}>
            <TargetTable rows={targets} />
          </Block>
        )}
        <Block title={t('report.peaks.title')}>
          <PeakTable rows={peakRows(report.peaks, locale)} />
        </Block>
        <Block title={t('report.traffic.title')}>
          <TrafficTable rows={trafficRows(report.traffic, locale)} />
        </Block>
      </div>
      <ProductBlock rows={productRows(report.products, locale)} />
    </>
  );
}

/** The metrics in two tables side by side (one under the other on a narrow window). */
function MetricTables({ report, locale }: { report: ShowReport; locale: Locale }) {
  const t = useT();
  const rows = metricRows(report.comparisons, locale);
  const half = Math.ceil(rows.length / 2);
  const columns: Column<MetricRow>[] = [
    { key: 'metric', label: t('report.col.metric'), wide: true, cell: (r) => t(r.label) },
    {
      key: 'value',
      label: t('report.col.value'),
      numeric: true,
      cell: (r) => <strong data-testid={`report-metric-${r.key}`}>{r.value}</strong>,
      title: (r) => r.exact ?? undefined,
    },
    { key: 'previous', label: t('report.col.previous'), numeric: true, cell: (r) => r.previous },
    {
      key: 'change',
      label: t('report.col.change'),
      numeric: true,
      cell: (r) => <span className={`report-change is-${r.tone}`}>{r.change}</span>,
    },
  ];
  const aside = report.previousShow ? report.previousShow.title : t('report.metrics.vsNone');
  return (
    <Block title={t('report.metrics.title')} aside={aside}>
      <div className="report-pair" data-testid="report-metrics">
        {[rows.slice(0, half), rows.slice(half)].map((part, i) => (
          <Table key={i} columns={columns} rows={part} rowKey={(r) => r.key} />
        ))}
      </div>
    </Block>
  );
}

function TargetTable({ rows }: { rows: readonly TargetRow[] }) {
  const t = useT();
  const columns: Column<TargetRow>[] = [
    { key: 'metric', label: t('report.col.metric'), wide: true, cell: (r) => t(r.label) },
    { key: 'target', label: t('report.col.target'), numeric: true, cell: (r) => r.target },
    { key: 'actual', label: t('report.col.actual'), numeric: true, cell: (r) => r.actual },
    {
      key: 'achieved',
      label: t('report.col.achieved'),
      numeric: true,
      cell: (r) => <span className={`report-change is-${r.met ? 'good' : 'bad'}`}>{r.achieved}</span>,
    },
  ];
  return <Table columns={columns} rows={rows} rowKey={(r) => r.key} testId="report-targets" />;
}

function PeakTable({ rows }: { rows: readonly PeakRow[] }) {
  const t = useT();
  const columns: Column<PeakRow>[] = [
    { key: 'metric', label: t('report.col.metric'), wide: true, cell: (r) => t(r.label) },
    { key: 'peak', label: t('report.col.peak'), numeric: true, cell: (r) => <strong>{r.value}</strong> },
    { key: 'at', label: t('report.col.at'), numeric: true, cell: (r) => r.at },
  ];
  return <Table columns={columns} rows={rows} rowKey={(r) => r.key} testId="report-peaks" />;
}

function TrafficTable({ rows }: { rows: readonly TrafficDisplayRow[] }) {
  const t = useT();
  const label = (source: string) => {
    const key = `traffic.${source}`;
    return hasMessage(key) ? t(key) : source;
  };
  const columns: Column<TrafficDisplayRow>[] = [
    { key: 'source', label: t('report.col.source'), wide: true, cell: (r) => label(r.source) },
    { key: 'uv', label: t('report.col.uv'), numeric: true, cell: (r) => r.uv },
    {
      key: 'share',
      label: t('report.col.share'),
      numeric: true,
      cell: (r) => (
        <span className="report-share">
          <span className="report-share__bar" aria-hidden="true">
            <span style={{ width: `${r.fraction * 100}%` }} />
          </span>
          {r.share}
        </span>
      ),
    },
  ];
  return <Table columns={columns} rows={rows} rowKey={(r) => r.source} testId="report-traffic" />;
}

function ProductBlock({ rows }: { rows: readonly ProductRow[] }) {
  const t = useT();
  const [all, setAll] = useState(false);
  const shown = all ? rows : rows.slice(0, TOP_PRODUCTS);
  const columns: Column<ProductRow>[] = [
    { key: 'name', label: t('report.col.product'), wide: true, cell: (r) => r.name, title: (r) => r.id },
    { key: 'exposures', label: t('report.col.exposures'), numeric: true, cell: (r) => r.exposures },
    { key: 'clicks', label: t('report.col.clicks'), numeric: true, cell: (r) => r.clicks },
    { key: 'ctr', label: t('report.col.ctr'), numeric: true, cell: (r) => r.ctr },
    { key: 'clickUsers', label: t('report.col.clickUsers'), numeric: true, cell: (r) => r.clickUsers },
    { key: 'buyers', label: t('report.col.buyers'), numeric: true, cell: (r) => r.buyers },
    { key: 'clickToPay', label: t('report.col.clickToPay'), numeric: true, cell: (r) => r.clickToPay },
    { key: 'orders', label: t('report.col.orders'), numeric: true, cell: (r) => r.orders },
    { key: 'gmv', label: t('report.col.gmv'), numeric: true, cell: (r) => <strong>{r.gmv}</strong> },
  ];
  const toggle =
    rows.length > TOP_PRODUCTS ? (
      <button
        type="button"
        className="btn btn--ghost btn--sm"
        aria-expanded={all}
        onClick={() => setAll(!all)}
      >
        {all ? t('report.products.less', { n: TOP_PRODUCTS }) : t('report.products.more', { n: rows.length })}
      </button>
    ) : undefined;
  return (
    <Block title={t('report.products.title')} aside={toggle}>
      <Table columns={columns} rows={shown} rowKey={(r) => r.id} testId="report-products" />
    </Block>
  );
}
