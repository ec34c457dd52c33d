/**
 * The building blocks of the on-screen document: a numbered section, a list of facts, a strip
 * of key figures, a dense table, and the editable text block.
 */
import type { ReactNode } from 'react';
import { useT } from '../../i18n/useI18n.js';
import type { Tone } from './reportRows.js';

export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="report-sec" aria-labelledby={`report-sec-${id}`} data-testid={`report-sec-${id}`}>
      <h2 id={`report-sec-${id}`} className="report-sec__title">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** A sub-heading inside a section (指标对比, 商品漏斗 …). */
export function Block({
  title,
  aside,
  className,
  children,
}: {
  title: string;
  aside?: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={className ? `report-block ${className}` : 'report-block'}>
      <h3 className="report-block__title">
        {title}
        {aside && <span className="report-block__aside">{aside}</span>}
      </h3>
      {children}
    </div>
  );
}

export interface Fact {
  key: string;
  label: string;
  value: ReactNode;
  title?: string;
}

export function Facts({ facts, testId }: { facts: readonly Fact[]; testId?: string }) {
  return (
    <dl className="report-facts" data-testid={testId}>
      {facts.map((f) => (
        <div key={f.key} className="report-facts__item" data-fact={f.key}>
          <dt>{f.label}</dt>
          <dd title={f.title}>{f.value}</dd>
        </div>
      ))}
    </dl>
  );
}

export interface Kpi {
  key: string;
  label: string;
  value: string;
  /** Small words under the figure (the target, a time). */
  note?: string;
  tone?: Tone;
  title?: string;
}

/** Key figures in a row of boxes, each with its label; a tone colours the figure. */
export function Kpis({ items, testId }: { items: readonly Kpi[]; testId?: string }) {
  return (
    <dl className="report-kpis" data-testid={testId}>
      {items.map((k) => (
        <div key={k.key} className="report-kpis__item" data-kpi={k.key}>
          <dt className="report-kpis__label">{k.label}</dt>
          <dd
            className={`report-kpis__value${k.tone ? ` is-${k.tone}` : ''}`}
            title={k.title}
            data-testid={`report-kpi-${k.key}`}
          >
            {k.value}
          </dd>
          {k.note && <dd className="report-kpis__note">{k.note}</dd>}
        </div>
      ))}
    </dl>
  );
}

export interface Column<R> {
  key: string;
  label: string;
  /** Figures are right-aligned in tabular digits. */
  numeric?: boolean;
  /** The column that takes the spare width (and wraps). */
  wide?: boolean;
  cell: (row: R) => ReactNode;
  title?: (row: R) => string | undefined;
}

export function Table<R>({
  columns,
  rows,
  rowKey,
  empty,
  testId,
  label,
}: {
  columns: readonly Column<R>[];
  rows: readonly R[];
  rowKey: (row: R) => string;
  /** What shows instead of an empty table (default: the report's "no data" words). */
  empty?: string;
  testId?: string;
  label?: string;
}) {
  const t = useT();
  if (rows.length === 0) return <p className="report-empty">{empty ?? t('report.empty')}</p>;
  return (
    <div className="report-table-wrap">
      <table className="report-table" data-testid={testId} aria-label={label}>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={cellClass(c)}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} data-row={rowKey(row)}>
              {columns.map((c) => (
                <td key={c.key} className={cellClass(c)} title={c.title?.(row)} data-col={c.key}>
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function cellClass(c: Pick<Column<unknown>, 'numeric' | 'wide'>): string | undefined {
  const names = [c.numeric ? 'is-num' : '', c.wide ? 'is-wide' : ''].filter(Boolean);
  return names.length > 0 ? names.join(' ') : undefined;
}
