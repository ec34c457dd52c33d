import { useShallow } from 'zustand/react/shallow';
import type { FeedState } from '../../../../shared/api/contract.js';
import { useNow } from '../../hooks/useNow.js';
import { useT } from '../../i18n/useI18n.js';
import { useBoardStore } from '../../state/boardStore.js';

/** A live feed that has sent nothing for this long is probably stuck (DOMAIN.md: silent gaps). */
const SILENT_AFTER_MS = 15_000;

const TONE: Record<FeedState, 'good' | 'warn' | 'bad' | 'idle'> = {
  live: 'good',
  connecting: 'warn',
  reconnecting: 'warn',
  error: 'bad',
  ended: 'idle',
  stopped: 'idle',
};

export function FeedBadge() {
  const t = useT();
  const feed = useBoardStore(
    useShallow((s) =>
      s.feed ? { state: s.feed.state, source: s.feed.source, lastError: s.feed.lastError } : null,
    ),
  );
  if (!feed) return null;
  const label = `${t(`feed.state.${feed.state}`)} · ${t(`feed.source.${feed.source}`)}`;
  return (
    <div className="feed-badge-group">
      <div
        className={`feed-badge feed-badge--${TONE[feed.state]}`}
        data-testid="feed-state"
        data-state={feed.state}
        title={feed.lastError ? `${label}\n${feed.lastError}` : label}
      >
        <span className="feed-badge__dot" aria-hidden="true" />
        <span className="feed-badge__state">{t(`feed.state.${feed.state}`)}</span>
        <span className="feed-badge__source">{t(`feed.source.${feed.source}`)}</span>
      </div>
      {feed.state === 'live' && <SilenceWarning />}
    </div>
  );
}

function SilenceWarning() {
  const t = useT();
  const now = useNow(1000);
  const lastEventAt = useBoardStore((s) => s.feed?.lastEventAt ?? null);
  // A replay the user paused is silent on purpose.
  const pausedReplay = useBoardStore((s) => s.feed?.replay?.paused === true);
  if (pausedReplay || lastEventAt === null || now - lastEventAt < SILENT_AFTER_MS) return null;
  const seconds = Math.round((now - lastEventAt) / 1000);
  return (
    <span className="feed-silent" data-testid="feed-silent">
      {t('feed.silentFor', { s: seconds })}
    </span>
  );
}
