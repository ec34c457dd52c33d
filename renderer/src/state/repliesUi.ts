/**
 * The pending-questions view's own state: which group is selected (by key, see selection.ts),
 * which of its suggestions is picked, the @nickname toggle (persisted), a copy waiting for the
 * user to confirm words the advertising law restricts, and the last result message.
 */
import { create } from 'zustand';
import type { ProhibitedHit } from '../../../shared/faq/compliance.js';
import type { MessageKey } from '../../../shared/i18n/messages.js';
import { NO_SELECTION, type Selection } from '../components/replies/selection.js';

const MENTION_KEY = 'livedesk.replies.mention';
/** Suggestions per group (the core sends at most 3; keys 1–3 pick them). */
export const MAX_PICK = 3;

/** A copy held back because its text contains restricted words; Enter copies it anyway. */
export interface PendingConfirm {
  /** The group it answers; null: a library answer copied without a question. */
  groupKey: string | null;
  faqId: string;
  text: string;
  hits: ProhibitedHit[];
}

export interface ToastPart {
  key: MessageKey;
  vars?: Record<string, string | number>;
}

export interface ReplyToast {
  /** Changes with every toast, so the same message twice still restarts the timer. */
  id: number;
  tone: 'ok' | 'warn' | 'error' | 'info';
  parts: ToastPart[];
}

export interface RepliesUiState {
  selection: Selection;
  /** Index of the picked suggestion of the selected group. */
  picked: number;
  mention: boolean;
  confirm: PendingConfirm | null;
  toast: ReplyToast | null;
  /** A copy/answer round-trip is running: a second Enter must not answer twice. */
  busy: boolean;
}

function readMention(): boolean {
  try {
    return localStorage.getItem(MENTION_KEY) === '1';
  } catch {
    // Storage can be unavailable (privacy settings); off is the safe default.
    return false;
  }
}

function writeMention(on: boolean): void {
  try {
    localStorage.setItem(MENTION_KEY, on ? '1' : '0');
  } catch {
    // Not persisted; the toggle still applies to this window.
  }
}

export const useRepliesUi = create<RepliesUiState>()(() => ({
  selection: NO_SELECTION,
  picked: 0,
  mention: readMention(),
  confirm: null,
  toast: null,
  busy: false,
}));

const set = useRepliesUi.setState;
let toastSeq = 0;

export const repliesUi = {
  /** A different group: its first suggestion is picked and a held-back copy is dropped. */
  select(selection: Selection) {
    set((s) => (s.selection.key === selection.key ? { selection } : { selection, picked: 0, confirm: null }));
  },

  clearSelection() {
    set({ selection: NO_SELECTION, picked: 0, confirm: null });
  },

  pick(index: number) {
    if (!Number.isInteger(index) || index < 0 || index >= MAX_PICK) return;
    set({ picked: index, confirm: null });
  },

  toggleMention() {
    const mention = !useRepliesUi.getState().mention;
    writeMention(mention);
    set({ mention, confirm: null });
  },

  askConfirm(confirm: PendingConfirm) {
    set({ confirm });
  },

  cancelConfirm() {
    set({ confirm: null });
  },

  setBusy(busy: boolean) {
    set({ busy });
  },

  toast(tone: ReplyToast['tone'], ...parts: ToastPart[]) {
    toastSeq += 1;
    set({ toast: { id: toastSeq, tone, parts } });
  },

  dismissToast(id: number) {
    set((s) => (s.toast?.id === id ? { toast: null } : {}));
  },
};
