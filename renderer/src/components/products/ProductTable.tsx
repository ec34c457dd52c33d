import { useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { formatCount, formatMoney, formatPercent, NO_DATA } from '../../../../shared/format.js';
import type { ProductMetrics } from '../../../../shared/metrics/formulas.js';
import type { MessageKey } from '../../../../shared/i18n/messages.js';
import { useLocale, useT } from '../../i18n/useI18n.js';
import { useBoardView, useStockView } from '../../state/boardView.js';
import { ProductFunnel } from './ProductFunnel.js';
import {
  DEFAULT_PRODUCT_SORT,
  nextSort,
  PRODUCT_COLUMNS,
  sortProducts,
  type ProductColumn,
  type ProductRow,
  type ProductSort,
} from './productSort.js';
import './products.css';

/** More rows than this are not useful at a glance. */
const MAX_ROWS = 200;
const NO_PRODUCTS: readonly ProductMetrics[] = [];
/** At or below this, stock is worth the host mentioning (DOMAIN.md: stock-outs of hit products). */
const LOW_STOCK = 20;

const COLUMN_LABEL: Record<ProductColumn, MessageKey> = {
  name: 'products.product',
  funnel: 'products.funnel',
  exposures: 'products.exposures',
  clicks: 'products.clicks',
  ctr: 'products.ctr',
  clickToPay: 'products.clickToPay',
  orders: 'products.orders',
  buyers: 'products.buyers',
  gmv: 'products.gmv',
  stock: 'products.stock',
};

/**
 * Per-product funnel (exposures → clicks → buyers) with the figures beside it; sortable by any
 * column (click a header, or Enter on it), GMV high→low first; the product on screen is marked.
 */
export function ProductTable() {
  const t = useT();
  const locale = useLocale();
  const [sort, setSort] = useState<ProductSort>(DEFAULT_PRODUCT_SORT);
  const { products, presentingId, presentingName, presentingStock } = useBoardView(
    useShallow((s) => ({
      products: s.metrics?.products ?? NO_PRODUCTS,
      presentingId: s.product?.id ?? null,
      presentingName: s.product?.name ?? '',
      presentingStock: s.product?.stock ?? null,
    })),
  );
  const stockById = useStockView((s) => s);
  const rows = useMemo(() => {
    const withNames: ProductRow[] = products.map((p) => {
      const isPresenting = p.id === presentingId;
      return {
        ...p,
        displayName: p.name ?? (isPresenting ? presentingName : null) ?? p.id,
        stock: isPresenting ? presentingStock : (stockById[p.id] ?? null),
      };
    });
    return sortProducts(withNames, sort, locale).slice(0, MAX_ROWS);
  }, [products, presentingId, presentingName, presentingStock, stockById, sort, locale]);

  return (
    <section className="panel products" data-testid="product-table" data-sort-column={sort.column}>
      <header className="panel__head">
        <h2 className="panel__title">{t('products.title')}</h2>
        <span className="panel__meta">{products.length}</span>
        <span className="panel__meta panel__meta--dim products__hint">{t('products.sortHint')}</span>
      </header>
      {rows.length === 0 ? (
        <div className="empty-state">{t('products.empty')}</div>
      ) : (
        <div className="products__scroll">
          <table className="products__table products__table--funnel">
            <thead>
              <tr>
                {PRODUCT_COLUMNS.map((column) => (
                  <SortHeader
                    key={column}
                    column={column}
                    sort={sort}
                    onSort={setSort}
                    label={t(COLUMN_LABEL[column])}
                  />
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((p) => (
                <ProductRowView key={p.id} row={p} presenting={p.id === presentingId} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function SortHeader({
  column,
  sort,
  onSort,
  label,
}: {
  column: ProductColumn;
  sort: ProductSort;
  onSort: (sort: ProductSort) => void;
  label: string;
}) {
  const active = sort.column === column;
  const ariaSort = active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none';
  return (
    <th className={`products__col products__col--${column}`} aria-sort={ariaSort}>
      {/* A real button: focusable, and Enter/Space sort like a click. */}
      <button
        type="button"
        className={`sort-button${active ? ' is-active' : ''}`}
        title={label}
        data-sort={column}
        data-direction={active ? sort.direction : undefined}
        onClick={() => onSort(nextSort(sort, column))}
      >
        <span>{label}</span>
        <span className="sort-button__arrow" aria-hidden="true">
          {active ? (sort.direction === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  );
}

function StockCell({ stock }: { stock: number | null }) {
  const t = useT();
  const locale = useLocale();
  if (stock === null) return <td className="products__stock">{NO_DATA}</td>;
  const tone = stock === 0 ? ' is-out' : stock <= LOW_STOCK ? ' is-low' : '';
  return (
    <td className={`products__stock${tone}`}>
      {stock === 0 ? t('topbar.soldOut') : formatCount(stock, locale)}
    </td>
  );
}

function ProductRowView({ row: p, presenting }: { row: ProductRow; presenting: boolean }) {
  const t = useT();
  const locale = useLocale();
  return (
    <tr data-product-id={p.id} className={presenting ? 'is-presenting' : undefined}>
      <td className="products__name" title={`${p.displayName} (${p.id})`}>
        {presenting && <span className="products__tag">{t('topbar.product')}</span>}
        {p.displayName}
      </td>
      <td className="products__funnel">
        <ProductFunnel product={p} />
      </td>
      <td className="products__cell--exposures">{formatCount(p.exposures, locale)}</td>
      <td className="products__cell--clicks">{formatCount(p.clicks, locale)}</td>
      <td className="products__cell--ctr">{formatPercent(p.ctr)}</td>
      <td className="products__cell--clickToPay">{formatPercent(p.clickToPay)}</td>
      <td className="products__cell--orders">{formatCount(p.orders, locale)}</td>
      <td className="products__cell--buyers">{formatCount(p.buyers, locale)}</td>
      <td className="products__gmv products__cell--gmv">{formatMoney(p.gmv, locale)}</td>
      <StockCell stock={p.stock} />
    </tr>
  );
}
