import { useMemo } from 'react';
import type { PendingGroup } from '../../../../shared/api/contract.js';
import type { FaqEntry } from '../../../../shared/faq/entry.js';
import { interpolate } from '../../i18n/useI18n.js';
import { ageLevel, formatAge, MAX_MENTIONS } from './buildReply.js';
import { groupChips } from './chips.js';
import { SuggestionChips } from './SuggestionChips.js';

export interface PendingRowLabels {
  pick: string;
  waiting: string;
  amber: string;
  red: string;
  times: string;
  askedBy: string;
  latest: string;
  noMatch: string;
}

interface PendingRowProps {
  id: string;
  group: PendingGroup;
  top: number;
  now: number;
  byId: ReadonlyMap<string, FaqEntry>;
  vars: Readonly<Record<string, string>>;
  selected: boolean;
  /** The picked suggestion when selected, else -1. */
  picked: number;
  labels: PendingRowLabels;
  onSelect: () => void;
  onCopy: (faqId: string, chipIndex: number) => void;
}

/**
 * One question group: how long it has waited (colour and a mark, so not by colour alone), how
 * many asked, who, what (text only, inside <bdi>, two lines at most) and up to three replies.
 */
export function PendingRow({
  id,
  group,
  top,
  now,
  byId,
  vars,
  selected,
  picked,
  labels,
  onSelect,
  onCopy,
}: PendingRowProps) {
  const chips = useMemo(() => groupChips(group.suggestions, byId, vars), [group.suggestions, byId, vars]);
  const ageMs = now - group.firstSeenAt;
  const level = ageLevel(ageMs);
  const age = formatAge(ageMs);
  const names =
    group.nicknames.slice(0, MAX_MENTIONS).join('、') + (group.nicknames.length > MAX_MENTIONS ? '…' : '');
  const waiting = interpolate(labels.waiting, { age });
  const title =
    group.count > 1 && group.latestText !== group.text
      ? `${group.text}\n${interpolate(labels.latest, { text: group.latestText })}`
      : group.text;

  return (
    <div
      id={id}
      role="option"
      aria-selected={selected}
      className={`pending-row is-${level}${selected ? ' is-selected' : ''}`}
      data-testid="pending-row"
      data-group-key={group.key}
      data-age-level={level}
      data-count={group.count}
      style={{ transform: `translateY(${top}px)` }}
      onClick={onSelect}
    >
      <div className="pending-row__side">
        <span className={`reply-age is-${level}`} data-testid="pending-age" title={waiting}>
          {level === 'amber' && (
            <span className="reply-age__mark" aria-hidden="true">
              ⚠
            </span>
          )}
          <span className="reply-age__time">{age}</span>
          {level === 'amber' && <span className="visually-hidden">{labels.amber}</span>}
          {level === 'red' && <span className="reply-age__late">{labels.red}</span>}
        </span>
        {group.count > 1 && (
          <span
            className="badge badge--accent"
            data-testid="pending-count"
            title={interpolate(labels.times, { n: group.count })}
          >
            ×{group.count}
          </span>
        )}
      </div>
      <div className="pending-row__main">
        <p className="pending-row__question" title={title}>
          <bdi
            className="pending-row__nicks"
            title={interpolate(labels.askedBy, { names: group.nicknames.join('、') })}
          >
            {names}
          </bdi>
          <span className="pending-row__colon" aria-hidden="true">
            ：
          </span>
          <bdi className="pending-row__text" data-testid="pending-text">
            {group.text}
          </bdi>
        </p>
        <SuggestionChips
          chips={chips}
          picked={picked}
          pickTitle={labels.pick}
          noMatch={labels.noMatch}
          onCopy={onCopy}
        />
      </div>
    </div>
  );
}
