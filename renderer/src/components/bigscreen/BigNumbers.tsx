import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { formatCount, formatMetricValue, formatMoney, formatPercent } from '../../../../shared/format.js';
import type { ScalarMetricKey } from '../../../../shared/metrics/formulas.js';
import { METRIC_DEFINITIONS } from '../../../../shared/metrics/definitions.js';
import { useLocale, useT } from '../../i18n/useI18n.js';
import { useBoardStore } from '../../state/boardStore.js';
import { useTrendStore } from '../../state/trendStore.js';
import { commentRateFromTrend } from '../metrics/tileSeries.js';
import { BigNumber, type BigNumberKey } from './BigNumber.js';
import { GmvSparkline } from './GmvSparkline.js';
import { GmvTarget } from './GmvTarget.js';
import { PresentingCard } from './PresentingCard.js';

function unitOf(key: ScalarMetricKey) {
  return METRIC_DEFINITIONS.find((d) => d.key === key)?.unit ?? 'count';
}

/** A metric's value and its change vs 5 min ago, as primitives (narrow re-renders). */
function useMetric(key: ScalarMetricKey): { value: number | null; change: number | null } {
  return useBoardStore(
    useShallow((s) => ({
      value: s.metrics ? s.metrics.values[key] : null,
      change: s.metrics?.changes[key] ?? null,
    })),
  );
}

/** The big figures that are metrics of their own (GMV has its own card). */
type MetricBigKey = Exclude<Extract<BigNumberKey, ScalarMetricKey>, 'gmv'>;

function MetricNumber({ metric, sub }: { metric: MetricBigKey; sub: string }) {
  const t = useT();
  const locale = useLocale();
  const { value, change } = useMetric(metric);
  return (
    <BigNumber
      id={metric}
      label={t(`metric.${metric}`)}
      value={formatMetricValue(unitOf(metric), value, locale)}
      change={change}
    >
      {sub}
    </BigNumber>
  );
}

/** The six figures of the big screen (GMV first and largest), plus the product on screen. */
export function BigNumbers() {
  const t = useT();
  const locale = useLocale();
  const gmv = useMetric('gmv');
  const extra = useBoardStore(
    useShallow((s) => ({
      peak: s.metrics?.values.peakOnline ?? null,
      windowConversion: s.metrics?.window.current?.conversionRate ?? null,
      windowComments: s.metrics?.window.current?.comments ?? null,
      windowMinutes: s.metrics?.window.minutes ?? 5,
      orders: s.metrics?.values.orders ?? null,
      pv: s.metrics?.values.pv ?? null,
      comments: s.metrics?.values.comments ?? null,
    })),
  );
  const minutes = useTrendStore((s) => s.minutes);
  // Same definition as the board's comment-rate tile: the last complete minute, else the
  // 5-minute window's average.
  const rate = useMemo(() => commentRateFromTrend(minutes), [minutes]);
  const perMinute =
    rate.perMinute ??
    (extra.windowComments === null ? null : extra.windowComments / Math.max(1, extra.windowMinutes));
  return (
    <section className="bigscreen__numbers">
      <BigNumber
        id="gmv"
        hero
        label={t('metric.gmv')}
        value={formatMoney(gmv.value, locale)}
        change={gmv.change}
        backdrop={<GmvSparkline />}
      >
        <GmvTarget />
      </BigNumber>
      <MetricNumber metric="online" sub={t('bigscreen.peak', { v: formatCount(extra.peak, locale) })} />
      <MetricNumber
        metric="conversionRate"
        sub={t('bigscreen.last5m', { v: formatPercent(extra.windowConversion) })}
      />
      <MetricNumber metric="aov" sub={t('bigscreen.orders', { n: formatCount(extra.orders, locale) })} />
      <MetricNumber metric="gpm" sub={t('bigscreen.pv', { v: formatCount(extra.pv, locale) })} />
      <BigNumber
        id="commentsPerMin"
        label={t('bigscreen.commentsPerMin')}
        value={formatCount(perMinute, locale)}
        change={rate.change}
      >
        {t('bigscreen.total', { v: formatCount(extra.comments, locale) })}
      </BigNumber>
      <PresentingCard />
    </section>
  );
}
