import { useShallow } from 'zustand/react/shallow';
import { formatCount } from '../../../../shared/format.js';
import { useNow } from '../../hooks/useNow.js';
import { useLocale, useT } from '../../i18n/useI18n.js';
import { useBoardStore } from '../../state/boardStore.js';
import { settingsUi } from '../../state/settingsUi.js';

const openDiagnostics = () => settingsUi.open('diagnostics');

/** The feed's bookkeeping in one thin strip: is everything arriving, and is any of it bad? */
export function FeedHealth() {
  const t = useT();
  const locale = useLocale();
  const feed = useBoardStore(
    useShallow((s) =>
      s.feed
        ? {
            lastSeq: s.feed.lastSeq,
            stored: s.feed.commentsStored,
            duplicates: s.feed.duplicatesDropped,
            invalid: s.feed.invalid,
            truncated: s.feed.truncated,
            gaps: s.feed.gaps,
            reconnects: s.feed.reconnects,
            lastError: s.feed.lastError,
          }
        : null,
    ),
  );
  if (!feed) return <div className="feed-health" />;
  const missing = feed.gaps.reduce((sum, gap) => sum + gap.missing, 0);
  const gapDetail = feed.gaps
    .slice(-5)
    .map((gap) => `#${gap.afterSeq} → #${gap.resumedSeq} (${t('feed.missing', { n: gap.missing })})`)
    .join('\n');
  return (
    <div className="feed-health">
      <Stat label={t('feed.lastSeq')} value={feed.lastSeq.toLocaleString('en-US')} testId="feed-last-seq" />
      <Stat label={t('feed.stored')} value={formatCount(feed.stored, locale)} testId="feed-stored" />
      <Stat
        label={t('feed.duplicates')}
        value={formatCount(feed.duplicates, locale)}
        testId="feed-duplicates"
      />
      <Stat
        label={t('feed.invalid')}
        value={formatCount(feed.invalid, locale)}
        testId="feed-invalid"
        tone={feed.invalid > 0 ? 'warn' : undefined}
        onClick={openDiagnostics}
        title={t('diag.openTitle')}
      />
      <Stat label={t('feed.truncated')} value={formatCount(feed.truncated, locale)} testId="feed-truncated" />
      <Stat
        label={t('feed.gaps')}
        value={
          feed.gaps.length === 0
            ? '0'
            : `${feed.gaps.length} (${t('feed.missing', { n: formatCount(missing, locale) })})`
        }
        testId="feed-gaps"
        tone={feed.gaps.length > 0 ? 'bad' : undefined}
        title={gapDetail ? `${gapDetail}\n${t('diag.openTitle')}` : t('diag.openTitle')}
        onClick={openDiagnostics}
      />
      <Stat label={t('feed.reconnects')} value={String(feed.reconnects)} testId="feed-reconnects" />
      <LastEvent />
      {feed.lastError && (
        <span className="feed-health__error" data-testid="feed-error" title={feed.lastError}>
          {t('feed.lastError')}: {feed.lastError}
        </span>
      )}
      <button
        type="button"
        className="feed-health__diag"
        data-testid="diagnostics-open"
        title={t('diag.openTitle')}
        onClick={openDiagnostics}
      >
        {t('diag.open')} <span aria-hidden="true">›</span>
      </button>
    </div>
  );
}

interface StatProps {
  label: string;
  value: string;
  testId: string;
  tone?: 'warn' | 'bad' | undefined;
  title?: string | undefined;
  /** Makes the figure a button (opens the details behind it). */
  onClick?: () => void;
}

function Stat({ label, value, testId, tone, title, onClick }: StatProps) {
  const className = `feed-stat${tone ? ` feed-stat--${tone}` : ''}`;
  const content = (
    <>
      <span className="feed-stat__label">{label}</span>
      <span className="feed-stat__value" data-testid={testId}>
        {value}
      </span>
    </>
  );
  return onClick ? (
    <button
      type="button"
      className={`${className} feed-stat--button`}
      title={title}
      data-testid={`${testId}-open`}
      onClick={onClick}
    >
      {content}
    </button>
  ) : (
    <span className={className} title={title}>
      {content}
    </span>
  );
}

function LastEvent() {
  const t = useT();
  const now = useNow(1000);
  const lastEventAt = useBoardStore((s) => s.feed?.lastEventAt ?? null);
  const ago =
    lastEventAt === null
      ? '—'
      : t('feed.agoSeconds', { s: Math.max(0, Math.round((now - lastEventAt) / 1000)) });
  return <Stat label={t('feed.lastEvent')} value={ago} testId="feed-last-event" />;
}
