import { formatCount, formatMoney, formatPercent } from '../../../../shared/format.js';
import type { Locale } from '../../../../shared/i18n/messages.js';
import {
  TARGET_KEYS,
  targetProgress,
  type TargetKey,
  type TargetProgress,
} from '../../../../shared/metrics/targets.js';
import { useLocale, useT, type Translate } from '../../i18n/useI18n.js';
import { useBoardView } from '../../state/boardView.js';

export function isTargetKey(key: string): key is TargetKey {
  return (TARGET_KEYS as readonly string[]).includes(key);
}

/** Progress towards the show's target for this metric; null when it has none (or key is null). */
export function useTargetProgress(key: TargetKey | null): TargetProgress | null {
  // Primitives only: a selector returning a fresh object would re-render on every store write.
  const target = useBoardView((s) => (key ? s.targets[key] : null));
  const plannedMinutes = useBoardView((s) => s.targets.plannedMinutes);
  const current = useBoardView((s) => (key ? (s.metrics?.values[key] ?? 0) : 0));
  const at = useBoardView((s) => s.metrics?.at ?? null);
  const startedAt = useBoardView((s) => s.show?.startedAt ?? null);
  if (!key || !at) return null;
  const elapsedMs = startedAt !== null ? at - startedAt : 0;
  return targetProgress(key, target, current, elapsedMs, plannedMinutes);
}

function formatTargetValue(key: TargetKey, value: number, locale: Locale): string {
  return key === 'gmv' ? formatMoney(value, locale) : formatCount(value, locale);
}

export type PaceWording = 'long' | 'short' | 'tiny';

/** "预计 ¥X · 按当前节奏可达成", "预计 ¥X · 可达成", or just "可达成". */
export function paceText(p: TargetProgress, t: Translate, locale: Locale, wording: PaceWording): string {
  const goal = t('targets.goal', { value: formatTargetValue(p.key, p.target, locale) });
  if (p.current >= p.target)
    return wording === 'long' ? `${t('targets.reached')} · ${goal}` : t('targets.reached');
  if (p.projected !== null && p.onTrack !== null) {
    const verdict =
      wording === 'long'
        ? t(p.onTrack ? 'targets.onTrack' : 'targets.behind')
        : t(p.onTrack ? 'targets.onTrackShort' : 'targets.behindShort');
    if (wording === 'tiny') return verdict;
    return `${t('targets.projected', { value: formatTargetValue(p.key, p.projected, locale) })} · ${verdict}`;
  }
  // Peak online is a level, not a rate: there is nothing to project, only the goal.
  if (p.key === 'peakOnline' || wording !== 'long') return goal;
  return `${goal} · ${t('targets.paceUnknown')}`;
}

/**
 * Progress bar, percentage and pace. Headline tiles get a bar row and the pace sentence; compact
 * tiles keep their height: percentage and verdict beside the value, the bar along the bottom
 * edge. Long and short wordings are both rendered and the tile's width picks one (CSS
 * container query), so the sentence is whole wherever it fits.
 */
export function TargetProgressView({
  progress,
  label,
  compact,
}: {
  progress: TargetProgress;
  label: string;
  compact: boolean;
}) {
  const t = useT();
  const locale = useLocale();
  const percent = Math.round(progress.progress * 100);
  const onTrack = progress.onTrack === null ? 'unknown' : String(progress.onTrack);
  const full = paceText(progress, t, locale, 'long');
  // What fits: the headline tile's narrow form is "short"; a compact tile's wide form is.
  const wide = compact ? paceText(progress, t, locale, 'short') : full;
  const narrow = paceText(progress, t, locale, compact ? 'tiny' : 'short');
  const bar = (
    <div
      className="target-progress__bar"
      role="progressbar"
      aria-label={t('targets.progressLabel', { metric: label, pct: `${percent}%` })}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.min(100, percent)}
      aria-valuetext={full}
    >
      <span
        className="target-progress__fill"
        style={{ width: `${Math.min(100, Math.max(0, progress.progress * 100))}%` }}
      />
    </div>
  );
  const pace = (
    <span className="target-progress__pace">
      <span className="pace--long">{wide}</span>
      <span className="pace--short">{narrow}</span>
    </span>
  );
  return (
    <div
      className={`target-progress target-progress--${onTrack} target-progress--${compact ? 'compact' : 'headline'}`}
      data-testid="target-progress"
      data-target={progress.key}
      data-on-track={onTrack}
      title={full}
    >
      {compact ? (
        <>
          <span className="target-progress__pct">{formatPercent(progress.progress, 0)}</span>
          {pace}
          {bar}
        </>
      ) : (
        <>
          <div className="target-progress__row">
            {bar}
            <span className="target-progress__pct">{formatPercent(progress.progress, 0)}</span>
            <span className="target-progress__goal">
              / {formatTargetValue(progress.key, progress.target, locale)}
            </span>
          </div>
          {pace}
        </>
      )}
    </div>
  );
}
