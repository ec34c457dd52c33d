import { memo, useMemo } from 'react';
import { formatCount } from '../../../../shared/format.js';
import { useLocale, useT } from '../../i18n/useI18n.js';
import { useBoardView, useTrendView } from '../../state/boardView.js';
import type { TileSize } from '../../state/tileLayout.js';
import { TileFrame } from './TileFrame.js';
import { commentRateFromTrend } from './tileSeries.js';

/**
 * 评论速率: comments in the last complete minute, from the per-minute trend (sharper than the
 * 5-minute window, so a burst shows within a minute). Until the trend has a complete minute it
 * falls back to the last 5-minute window's average.
 */
export const CommentRateTile = memo(function CommentRateTile({ size }: { size: TileSize }) {
  const t = useT();
  const locale = useLocale();
  const minutes = useTrendView((s) => s.minutes);
  const windowComments = useBoardView((s) => s.metrics?.window.current?.comments ?? null);
  const windowMinutes = useBoardView((s) => s.metrics?.window.minutes ?? 5);
  const fromTrend = useMemo(() => commentRateFromTrend(minutes), [minutes]);
  const perMinute =
    fromTrend.perMinute ?? (windowComments === null ? null : windowComments / Math.max(1, windowMinutes));
  const value = formatCount(perMinute, locale);
  return (
    <TileFrame
      tileKey="commentRate"
      size={size}
      label={t('metric.commentRate')}
      formula={t('metric.commentRateFormula')}
      value={value}
      unit={perMinute === null ? undefined : t('metric.perMinute')}
      change={fromTrend.change}
      series={fromTrend.series}
    />
  );
});
