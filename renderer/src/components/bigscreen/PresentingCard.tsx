import { formatCount, formatMoney } from '../../../../shared/format.js';
import { useLocale, useT } from '../../i18n/useI18n.js';
import { useBoardStore } from '../../state/boardStore.js';

/** The product on screen now, large: the room reads the name and price off the TV. */
export function PresentingCard() {
  const t = useT();
  const locale = useLocale();
  const product = useBoardStore((s) => s.product);
  if (!product) {
    return (
      <div className="big-product big-product--none" data-testid="big-product">
        <span className="big-product__tag">{t('topbar.product')}</span>
        <div className="big-product__none">{t('topbar.noProduct')}</div>
      </div>
    );
  }
  const soldOut = product.stock === 0;
  return (
    <div className="big-product" data-testid="big-product" title={product.name}>
      <span className="big-product__tag">{t('topbar.product')}</span>
      <div className="big-product__name">{product.name}</div>
      <div className="big-product__meta">
        <span className="big-product__price">{formatMoney(product.price, locale)}</span>
        {product.stock !== null && (
          <span className={`big-product__stock${soldOut ? ' is-sold-out' : ''}`}>
            {soldOut ? t('topbar.soldOut') : `${t('topbar.stock')} ${formatCount(product.stock, locale)}`}
          </span>
        )}
      </div>
    </div>
  );
}
