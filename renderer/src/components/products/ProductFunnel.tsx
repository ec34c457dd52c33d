import { formatCount, formatPercent } from '../../../../shared/format.js';
import type { ProductMetrics } from '../../../../shared/metrics/formulas.js';
import { useLocale, useT } from '../../i18n/useI18n.js';

/** Width in % of exposures; a stage that happened at all stays visible (≥ 2 %). */
function stageWidth(count: number, exposures: number): number {
  if (exposures <= 0 || count <= 0) return 0;
  return Math.max(2, Math.min(100, (count / exposures) * 100));
}

/** Exposures → clicks → buyers as three bars, each as wide as its share of the exposures. */
export function ProductFunnel({ product }: { product: ProductMetrics }) {
  const t = useT();
  const locale = useLocale();
  const { exposures, clicks, buyers } = product;
  const title = t('products.funnelTitle', {
    exposures: formatCount(exposures, locale),
    clicks: formatCount(clicks, locale),
    ctr: formatPercent(product.ctr, 1),
    buyers: formatCount(buyers, locale),
    pay: formatPercent(product.clickToPay, 1),
  });
  return (
    <span className="funnel" title={title} role="img" aria-label={title}>
      <span className="funnel__bar funnel__bar--exposures" style={{ width: exposures > 0 ? '100%' : 0 }} />
      <span
        className="funnel__bar funnel__bar--clicks"
        style={{ width: `${stageWidth(clicks, exposures)}%` }}
      />
      <span
        className="funnel__bar funnel__bar--buyers"
        style={{ width: `${stageWidth(buyers, exposures)}%` }}
      />
    </span>
  );
}
