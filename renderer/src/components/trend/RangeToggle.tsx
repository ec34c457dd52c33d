import { useT } from '../../i18n/useI18n.js';
import { TREND_RANGES, type TrendRange } from './trendRange.js';

/** 全场 / 最近30分钟 / 最近10分钟; none is pressed while the user has zoomed in by hand. */
export function RangeToggle({
  value,
  onChange,
}: {
  value: TrendRange | null;
  onChange: (r: TrendRange) => void;
}) {
  const t = useT();
  return (
    <div className="seg" role="group" aria-label={t('trend.rangeLabel')}>
      {TREND_RANGES.map((range) => (
        <button
          key={range}
          type="button"
          className={`seg__item${value === range ? ' is-current' : ''}`}
          aria-pressed={value === range}
          data-testid={`trend-range-${range}`}
          onClick={() => onChange(range)}
        >
          {t(`trend.range.${range}`)}
        </button>
      ))}
    </div>
  );
}
