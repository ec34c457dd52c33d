/**
 * Keyboard selection in the pending list, keyed by group key so it survives updates: when the
 * selected group is settled (answered here or elsewhere) the group now at its position, the
 * next one, takes over.
 */

export interface Selection {
  key: string | null;
  /** Where the selected group was last seen; -1 with nothing selected. */
  index: number;
}

export const NO_SELECTION: Selection = { key: null, index: -1 };

export function resolveSelection(selection: Selection, keys: readonly string[]): Selection {
  if (selection.key === null || keys.length === 0) return NO_SELECTION;
  const at = keys.indexOf(selection.key);
  if (at >= 0) return at === selection.index ? selection : { key: selection.key, index: at };
  const next = Math.min(Math.max(selection.index, 0), keys.length - 1);
  return { key: keys[next] ?? null, index: next };
}

export type SelectionMove = 'up' | 'down' | 'home' | 'end';

/** Moves within the list; from no selection, down/home start at the top and up/end at the bottom. */
export function moveSelection(selection: Selection, move: SelectionMove, keys: readonly string[]): Selection {
  if (keys.length === 0) return NO_SELECTION;
  const last = keys.length - 1;
  const from = selection.key === null ? -1 : selection.index;
  let next: number;
  switch (move) {
    case 'home':
      next = 0;
      break;
    case 'end':
      next = last;
      break;
    case 'up':
      next = from < 0 ? last : Math.max(0, from - 1);
      break;
    case 'down':
      next = from < 0 ? 0 : Math.min(last, from + 1);
      break;
  }
  return { key: keys[next] ?? null, index: next };
}

/** The scrollTop that brings row `index` fully into view, or null if it already is. */
export function scrollToReveal(
  index: number,
  rowHeight: number,
  scrollTop: number,
  viewportHeight: number,
): number | null {
  const top = index * rowHeight;
  if (top < scrollTop) return top;
  const bottom = top + rowHeight;
  if (bottom > scrollTop + viewportHeight) return Math.max(0, bottom - viewportHeight);
  return null;
}
