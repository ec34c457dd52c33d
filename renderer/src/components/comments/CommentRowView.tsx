import { memo } from 'react';
import type { CommentRow } from '../../../../shared/api/contract.js';
import { formatTimeOfDay } from '../../format/time.js';

interface CommentRowViewProps {
  row: CommentRow;
  top: number;
  fanBadge: string;
  fanClubLabel: string;
  truncatedLabel: string;
}

/**
 * One comment on one line. Text is rendered as text, inside <bdi> so right-to-left marks or
 * overrides in a nickname or message cannot reorder the rest of the row; the stylesheet clips
 * anything long or tall to the row.
 */
export const CommentRowView = memo(function CommentRowView({
  row,
  top,
  fanBadge,
  fanClubLabel,
  truncatedLabel,
}: CommentRowViewProps) {
  return (
    <div
      className="comment-row"
      role="listitem"
      data-testid="comment-row"
      data-row-id={row.rowId}
      style={{ transform: `translateY(${top}px)` }}
      title={row.text}
    >
      <time className="comment-row__time">{formatTimeOfDay(row.ts)}</time>
      <span className={`comment-row__nick${row.fanClub ? ' is-fan' : ''}`} title={row.nickname}>
        {row.fanClub && (
          <span className="fan-badge" title={fanClubLabel}>
            {fanBadge}
          </span>
        )}
        <bdi className="comment-row__nick-text">{row.nickname}</bdi>
      </span>
      <bdi className="comment-row__text">{row.text}</bdi>
      {row.truncated && <span className="comment-row__cut">{truncatedLabel}</span>}
    </div>
  );
});
