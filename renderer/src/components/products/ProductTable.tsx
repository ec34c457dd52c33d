import { useShallow } from 'zustand/react/shallow';
import { formatCount, formatMoney, formatPercent } from '../../../../shared/format.js';
import type { ProductMetrics } from '../../../../shared/metrics/formulas.js';
import { useLocale, useT } from '../../i18n/useI18n.js';
import { useBoardStore } from '../../state/boardStore.js';

/** More rows than this are not useful at a glance; the best sellers come first. */
const MAX_ROWS = 200;
const NO_PRODUCTS: readonly ProductMetrics[] = [];

/** Per-product funnel (exposure → click → order), by GMV; the product on screen is marked. */
export function ProductTable() {
  const t = useT();
  const locale = useLocale();
  const { products, presentingId, presentingName } = useBoardStore(
    useShallow((s) => ({
      products: s.metrics?.products ?? NO_PRODUCTS,
      presentingId: s.product?.id ?? null,
      presentingName: s.product?.name ?? '',
    })),
  );
  const rows = [...products].sort((a, b) => b.gmv - a.gmv).slice(0, MAX_ROWS);
  return (
    <section className="panel products" data-testid="product-table">
      <header className="panel__head">
        <h2 className="panel__title">{t('products.title')}</h2>
        <span className="panel__meta">{products.length}</span>
      </header>
      {rows.length === 0 ? (
        <div className="panel__empty">{t('products.empty')}</div>
      ) : (
        <div className="products__scroll">
          <table className="products__table">
            <thead>
              <tr>
                <th className="products__name">{t('products.product')}</th>
                <th>{t('products.exposures')}</th>
                <th>{t('products.clicks')}</th>
                <th>{t('products.ctr')}</th>
                <th>{t('products.clickToPay')}</th>
                <th>{t('products.orders')}</th>
                <th>{t('products.buyers')}</th>
                <th>{t('products.gmv')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((p) => {
                const isPresenting = presentingId === p.id;
                const name = p.name ?? (isPresenting ? presentingName : null) ?? p.id;
                return (
                  <tr
                    key={p.id}
                    data-product-id={p.id}
                    className={isPresenting ? 'is-presenting' : undefined}
                  >
                    <td className="products__name" title={`${name} (${p.id})`}>
                      {isPresenting && <span className="products__tag">{t('topbar.product')}</span>}
                      {name}
                    </td>
                    <td>{formatCount(p.exposures, locale)}</td>
                    <td>{formatCount(p.clicks, locale)}</td>
                    <td>{formatPercent(p.ctr)}</td>
                    <td>{formatPercent(p.clickToPay)}</td>
                    <td>{formatCount(p.orders, locale)}</td>
                    <td>{formatCount(p.buyers, locale)}</td>
                    <td>{formatMoney(p.gmv, locale)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
