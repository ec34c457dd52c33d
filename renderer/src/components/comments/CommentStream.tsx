import { useLayoutEffect, useRef, useState, type KeyboardEvent, type WheelEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { formatCount } from '../../../../shared/format.js';
import { useLocale, useT } from '../../i18n/useI18n.js';
import { boardActions, useBoardStore } from '../../state/boardStore.js';
import { useBoardSync } from '../../state/BoardSyncContext.js';
import { canLoadOlder } from '../../state/commentBuffer.js';
import { CommentRowView } from './CommentRowView.js';
import { visibleRange } from './visibleRange.js';
import { useClientHeight } from '../../hooks/useClientHeight.js';

/** Fixed row height (px): lets the list place any row without measuring it. Matches the CSS. */
export const COMMENT_ROW_HEIGHT = 26;
const OVERSCAN_ROWS = 10;
/** Within this distance of the bottom counts as "at the bottom" (sub-pixel scroll positions). */
const BOTTOM_SLACK_PX = 4;
/** Start fetching the previous page this close to the top, before the reader hits it. */
const LOAD_OLDER_WITHIN_PX = COMMENT_ROW_HEIGHT * 20;
const KEYS_THAT_SCROLL_UP = new Set(['ArrowUp', 'PageUp', 'Home']);

/** Where the reader was, and the buffer's `base` at that moment (so trims/prepends can shift it). */
interface ScrollPosition {
  top: number;
  base: number;
}

/**
 * The comment stream: newest at the bottom, following new comments until the reader scrolls
 * up; then it holds still, counts what arrived, and pages older comments in at the top.
 * Virtualised by hand: only the rows in view (plus overscan) are in the DOM.
 */
export function CommentStream() {
  const t = useT();
  const locale = useLocale();
  const sync = useBoardSync();
  const { rows, base, following, unseen, hasOlder, loadingOlder } = useBoardStore(
    useShallow((s) => s.comments),
  );
  const stored = useBoardStore((s) => s.feed?.commentsStored ?? null);
  const viewportRef = useRef<HTMLDivElement>(null);
  const lastTopRef = useRef(0);
  const [position, setPosition] = useState<ScrollPosition>({ top: 0, base });
  const viewportHeight = useClientHeight(viewportRef);

  const totalHeight = rows.length * COMMENT_ROW_HEIGHT;
  const bottomTop = Math.max(0, totalHeight - viewportHeight);
  // Following: pinned to the bottom. Reading: where the reader left it, moved by however many
  // rows were dropped above (base up) or paged in above (base down) since.
  const scrollTop = following
    ? bottomTop
    : Math.min(bottomTop, Math.max(0, position.top - (base - position.base) * COMMENT_ROW_HEIGHT));
  const { start, end } = visibleRange(
    scrollTop,
    viewportHeight,
    COMMENT_ROW_HEIGHT,
    rows.length,
    OVERSCAN_ROWS,
  );

  // Make the DOM agree with the position computed above (before paint, so rows never jump).
  useLayoutEffect(() => {
    const viewport = viewportRef.current;
    if (!viewport) return;
    const target = following ? viewport.scrollHeight : scrollTop;
    if (Math.abs(viewport.scrollTop - target) > 1) viewport.scrollTop = target;
    lastTopRef.current = viewport.scrollTop;
  }, [following, scrollTop, totalHeight]);

  const pause = () => {
    const viewport = viewportRef.current;
    if (!following || !viewport || viewport.scrollHeight <= viewport.clientHeight) return;
    setPosition({ top: viewport.scrollTop, base });
    boardActions.setFollowing(false);
  };

  const onScroll = () => {
    const viewport = viewportRef.current;
    if (!viewport) return;
    const top = viewport.scrollTop;
    const movedUp = top < lastTopRef.current - 1;
    lastTopRef.current = top;
    const fromBottom = viewport.scrollHeight - viewport.clientHeight - top;
    if (fromBottom <= BOTTOM_SLACK_PX) {
      if (!following) boardActions.setFollowing(true);
      return;
    }
    // Only the reader moves the list up (scrollbar drag, touch); we only ever pin it down.
    if (following && !movedUp) return;
    setPosition({ top, base });
    if (following) boardActions.setFollowing(false);
    if (top < LOAD_OLDER_WITHIN_PX && canLoadOlder(useBoardStore.getState().comments)) {
      sync.loadOlderComments();
    }
  };

  // Wheel and keys say "I want to read" before the scroll lands, so a batch arriving in between
  // cannot yank the list back down.
  const onWheel = (event: WheelEvent<HTMLDivElement>) => {
    if (event.deltaY < 0) pause();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (KEYS_THAT_SCROLL_UP.has(event.key)) pause();
  };

  const fanBadge = t('comments.fanBadge');
  const fanClubLabel = t('comments.fanClub');
  const truncatedLabel = t('comments.truncated');

  return (
    <section className="panel comments">
      <header className="panel__head">
        <h2 className="panel__title">{t('comments.title')}</h2>
        <span className="panel__meta" data-testid="comment-count">
          {stored === null ? '' : formatCount(stored, locale)}
        </span>
        <span className="panel__meta panel__meta--dim">
          {t('comments.inMemory', { n: rows.length.toLocaleString('en-US') })}
        </span>
        <span
          className={`follow-chip${following ? ' is-following' : ''}`}
          data-testid="comment-follow-state"
          data-following={following}
        >
          {following ? t('comments.following') : t('comments.paused')}
        </span>
      </header>
      <div className="comments__body">
        <div
          ref={viewportRef}
          className="list-viewport comments__viewport"
          data-testid="comment-stream"
          role="list"
          aria-label={t('comments.title')}
          tabIndex={0}
          onScroll={onScroll}
          onWheel={onWheel}
          onKeyDown={onKeyDown}
        >
          <div className="comments__canvas" style={{ height: totalHeight }}>
            {rows.slice(start, end).map((row, i) => (
              <CommentRowView
                key={row.rowId}
                row={row}
                top={(start + i) * COMMENT_ROW_HEIGHT}
                fanBadge={fanBadge}
                fanClubLabel={fanClubLabel}
                truncatedLabel={truncatedLabel}
              />
            ))}
          </div>
        </div>
        {rows.length === 0 && <div className="empty-state empty-state--overlay">{t('comments.empty')}</div>}
        {!following && loadingOlder && (
          <div className="comments__notice" data-testid="comments-loading-older">
            {t('comments.loadingOlder')}
          </div>
        )}
        {!following && !hasOlder && !loadingOlder && rows.length > 0 && scrollTop === 0 && (
          <div className="comments__notice">{t('comments.noOlder')}</div>
        )}
        {!following && (
          <button
            type="button"
            className="jump-latest"
            data-testid="jump-to-latest"
            onClick={() => boardActions.setFollowing(true)}
          >
            {t('comments.newCount', { n: unseen.toLocaleString('en-US') })}
          </button>
        )}
      </div>
    </section>
  );
}
