import { useEffect, useLayoutEffect, useMemo, useState, type KeyboardEvent, type RefObject } from 'react';
import type { LiveDeskClient, PendingGroup } from '../../../../shared/api/contract.js';
import { useNow } from '../../hooks/useNow.js';
import { useT } from '../../i18n/useI18n.js';
import { useFaqStore } from '../../state/faqStore.js';
import { faqUi } from '../../state/faqUi.js';
import { repliesUi, useRepliesUi } from '../../state/repliesUi.js';
import { focusFaqSearch } from '../faq/useFaqLibraryShortcut.js';
import { visibleRange } from '../comments/visibleRange.js';
import { groupChips } from './chips.js';
import { PendingRow } from './PendingRow.js';
import { copyReply, dismissGroup, markAnswered } from './replyActions.js';
import {
  moveSelection,
  resolveSelection,
  scrollToReveal,
  type Selection,
  type SelectionMove,
} from './selection.js';
import { useReplyVariables } from './useReplyVariables.js';
import { useClientHeight } from '../../hooks/useClientHeight.js';

/** Fixed row height (px), so the list can window without measuring. Matches replies.css. */
export const PENDING_ROW_HEIGHT = 76;
const OVERSCAN_ROWS = 4;

const MOVES: Readonly<Record<string, SelectionMove>> = {
  ArrowUp: 'up',
  ArrowDown: 'down',
  Home: 'home',
  End: 'end',
};

interface PendingListProps {
  client: LiveDeskClient;
  groups: readonly PendingGroup[];
  listRef: RefObject<HTMLDivElement | null>;
}

/**
 * The pending question groups, oldest first, as a keyboard listbox. Focus stays on the list
 * (aria-activedescendant names the selected row); only the rows in view are rendered, and the
 * ages tick once a second for those rows alone.
 */
export function PendingList({ client, groups, listRef }: PendingListProps) {
  const t = useT();
  const now = useNow(1000);
  const stored = useRepliesUi((s) => s.selection);
  const picked = useRepliesUi((s) => s.picked);
  const confirm = useRepliesUi((s) => s.confirm);
  const byId = useFaqStore((s) => s.byId);
  const vars = useReplyVariables();
  const [scrollTop, setScrollTop] = useState(0);
  const viewportHeight = useClientHeight(listRef);

  const keys = useMemo(() => groups.map((g) => g.key), [groups]);
  const selection = resolveSelection(stored, keys);
  const selected = selection.key === null ? null : (groups[selection.index] ?? null);
  const selectedChips = useMemo(
    () => (selected ? groupChips(selected.suggestions, byId, vars) : []),
    [selected, byId, vars],
  );

  // The selected group was settled or moved: keep the store in step (the next group takes over).
  useEffect(() => {
    if (selection !== stored) repliesUi.select(selection);
  }, [selection, stored]);

  // Keep the selected row in view as it moves (keys, or older groups above it settled).
  useLayoutEffect(() => {
    const viewport = listRef.current;
    if (!viewport || selection.index < 0) return;
    const target = scrollToReveal(
      selection.index,
      PENDING_ROW_HEIGHT,
      viewport.scrollTop,
      viewport.clientHeight,
    );
    if (target !== null) viewport.scrollTop = target;
  }, [listRef, selection.index, selection.key]);

  const select = (next: Selection) => repliesUi.select(next);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const plain = !event.ctrlKey && !event.altKey && !event.metaKey;
    if (!plain || event.nativeEvent.isComposing) return;
    const move = MOVES[event.key];
    const handled = (action: () => void) => {
      event.preventDefault();
      action();
    };
    if (move && !event.shiftKey) return handled(() => select(moveSelection(selection, move, keys)));
    if (event.key === 'PageDown' || event.key === 'PageUp') {
      const page = Math.max(1, Math.floor(viewportHeight / PENDING_ROW_HEIGHT) - 1);
      const from = Math.max(0, selection.index);
      const to = event.key === 'PageDown' ? Math.min(keys.length - 1, from + page) : Math.max(0, from - page);
      return handled(() => keys.length && select({ key: keys[to] ?? null, index: to }));
    }
    if (event.key === 'Escape') {
      return handled(() => (confirm ? repliesUi.cancelConfirm() : repliesUi.clearSelection()));
    }
    if (event.key === '/') {
      // No fitting suggestion: search the 话术库 (its own shortcut is Ctrl+/).
      return handled(() => {
        faqUi.open('entries');
        requestAnimationFrame(focusFaqSearch);
      });
    }
    if (event.key === 'Enter' && confirm) {
      return handled(() => {
        void copyReply(client, { groupKey: confirm.groupKey, faqId: confirm.faqId, confirmed: true });
      });
    }
    if (!selected) return;
    if (/^[1-3]$/.test(event.key) && !event.shiftKey) {
      const index = Number(event.key) - 1;
      return handled(() => index < selectedChips.length && repliesUi.pick(index));
    }
    if ((event.key === 'ArrowLeft' || event.key === 'ArrowRight') && !event.shiftKey) {
      const count = selectedChips.length;
      const step = event.key === 'ArrowRight' ? 1 : count - 1;
      return handled(() => count > 1 && repliesUi.pick((picked + step) % count));
    }
    if (event.key === 'Enter' && event.shiftKey)
      return handled(() => void markAnswered(client, selected.key));
    if (event.key === 'Enter') {
      const chip = selectedChips[Math.min(picked, selectedChips.length - 1)];
      return handled(() => {
        if (chip) void copyReply(client, { groupKey: selected.key, faqId: chip.faqId });
        else repliesUi.toast('info', { key: 'replies.noMatch' });
      });
    }
    if ((event.key === 'Delete' || event.key.toLowerCase() === 'd') && !event.shiftKey) {
      return handled(() => void dismissGroup(client, selected.key));
    }
  };

  // Focusing the list (Tab, F6, a click) starts at the oldest question when none is selected.
  const onFocus = () => {
    if (useRepliesUi.getState().selection.key === null && keys.length > 0)
      select({ key: keys[0]!, index: 0 });
  };

  const { start, end } = visibleRange(
    scrollTop,
    viewportHeight,
    PENDING_ROW_HEIGHT,
    groups.length,
    OVERSCAN_ROWS,
  );
  const activeId = selection.index >= start && selection.index < end ? optionId(selection.index) : undefined;
  const chipLabels = {
    pick: t('replies.chip.title'),
    waiting: t('replies.age.waiting'),
    amber: t('replies.age.amber'),
    red: t('replies.age.red'),
    times: t('replies.times'),
    askedBy: t('replies.askedBy'),
    latest: t('replies.latest'),
    noMatch: t('replies.noMatch'),
  };

  return (
    <div
      ref={listRef}
      className="list-viewport pending__viewport"
      role="listbox"
      tabIndex={0}
      aria-label={t('replies.listLabel')}
      aria-activedescendant={activeId}
      data-testid="pending-list"
      onKeyDown={onKeyDown}
      onFocus={onFocus}
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
    >
      <div className="pending__canvas" style={{ height: groups.length * PENDING_ROW_HEIGHT }}>
        {groups.slice(start, end).map((group, i) => {
          const index = start + i;
          const isSelected = index === selection.index;
          return (
            <PendingRow
              key={group.key}
              id={optionId(index)}
              group={group}
              top={index * PENDING_ROW_HEIGHT}
              now={now}
              byId={byId}
              vars={vars}
              selected={isSelected}
              picked={isSelected ? picked : -1}
              labels={chipLabels}
              onSelect={() => select({ key: group.key, index })}
              onCopy={(faqId, chipIndex) => {
                select({ key: group.key, index });
                repliesUi.pick(chipIndex);
                void copyReply(client, { groupKey: group.key, faqId });
              }}
            />
          );
        })}
      </div>
    </div>
  );
}

function optionId(index: number): string {
  return `pending-option-${index}`;
}
