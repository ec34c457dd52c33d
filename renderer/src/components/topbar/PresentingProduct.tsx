import { formatCount, formatMoney } from '../../../../shared/format.js';
import { useLocale, useT } from '../../i18n/useI18n.js';
import { useBoardStore } from '../../state/boardStore.js';

/** At or below this, stock is worth the host mentioning (DOMAIN.md: stock-outs of hit products). */
const LOW_STOCK = 20;

export function PresentingProduct() {
  const t = useT();
  const locale = useLocale();
  const product = useBoardStore((s) => s.product);
  if (!product) {
    return (
      <div className="presenting presenting--none" data-testid="current-product">
        {t('topbar.noProduct')}
      </div>
    );
  }
  const stockTone =
    product.stock === null ? '' : product.stock === 0 ? 'bad' : product.stock <= LOW_STOCK ? 'warn' : '';
  return (
    <div className="presenting" data-testid="current-product" title={product.name}>
      <span className="presenting__tag">{t('topbar.product')}</span>
      <span className="presenting__name">{product.name}</span>
      <span className="presenting__price">{formatMoney(product.price, locale)}</span>
      <span className={`presenting__stock ${stockTone ? `presenting__stock--${stockTone}` : ''}`}>
        {t('topbar.stock')} {product.stock === 0 ? t('topbar.soldOut') : formatCount(product.stock, locale)}
      </span>
    </div>
  );
}
