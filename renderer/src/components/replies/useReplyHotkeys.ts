import { useEffect } from 'react';
import type { LiveDeskClient } from '../../../../shared/api/contract.js';
import { hotkeyOf } from '../../../../shared/faq/hotkey.js';
import { useBoardStore } from '../../state/boardStore.js';
import { useFaqStore } from '../../state/faqStore.js';
import { repliesUi, useRepliesUi } from '../../state/repliesUi.js';
import { modalOpen } from '../../hooks/modalOpen.js';
import { handlesEnter, isTextEntry } from './keyTargets.js';
import { copyReply } from './replyActions.js';
import { resolveSelection } from './selection.js';

/** Focuses the pending list: F6 moves between panes in most desktop apps. */
export const FOCUS_PENDING_KEY = 'F6';

/**
 * The reply keys that work anywhere on the board (the list's own keys are in PendingList):
 * an FAQ's hotkey answers the selected group with that FAQ, or with none selected just copies
 * it; F6 focuses the list; Enter / Esc settle a copy held back by the 广告法 check. Not while
 * typing in a field or while a modal dialog is open. An FAQ given F6 as its hotkey wins over
 * the focus key (the user chose it).
 */
export function useReplyHotkeys(client: LiveDeskClient, focusList: () => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      // The list handled it already, or an input method is composing (拼音 candidates use Enter).
      if (event.defaultPrevented || event.isComposing || modalOpen() || isTextEntry(event.target)) return;
      const ui = useRepliesUi.getState();
      if (ui.confirm && !handlesEnter(event.target) && !hasModifier(event)) {
        if (event.key === 'Enter') {
          event.preventDefault();
          const { groupKey, faqId } = ui.confirm;
          void copyReply(client, { groupKey, faqId, confirmed: true });
          return;
        }
        if (event.key === 'Escape') {
          event.preventDefault();
          repliesUi.cancelConfirm();
          return;
        }
      }
      const hotkey = hotkeyOf(event);
      const faqId = hotkey === null ? undefined : useFaqStore.getState().byHotkey.get(hotkey);
      if (faqId !== undefined) {
        event.preventDefault();
        // Holding the keys down must not copy (and answer) again and again.
        if (event.repeat) return;
        void copyReply(client, { groupKey: selectedGroupKey(), faqId });
        return;
      }
      if (event.key === FOCUS_PENDING_KEY && !hasModifier(event)) {
        event.preventDefault();
        focusList();
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [client, focusList]);
}

function hasModifier(event: KeyboardEvent): boolean {
  return event.ctrlKey || event.altKey || event.metaKey || event.shiftKey;
}

/** The selected group as it stands in the newest pending list (it may have just been settled). */
function selectedGroupKey(): string | null {
  const keys = useBoardStore.getState().replies?.pending.map((g) => g.key) ?? [];
  return resolveSelection(useRepliesUi.getState().selection, keys).key;
}
