/** Selection in the pending list: keyed by group, the next group takes over when one is settled. */
import { describe, expect, it } from 'vitest';
import {
  moveSelection,
  NO_SELECTION,
  resolveSelection,
  scrollToReveal,
} from '../../../renderer/src/components/replies/selection.js';

const keys = ['a', 'b', 'c', 'd'];

describe('resolveSelection', () => {
  it('follows the group when rows above it go away', () => {
    expect(resolveSelection({ key: 'c', index: 2 }, ['b', 'c', 'd'])).toEqual({ key: 'c', index: 1 });
  });

  it('returns the same object when nothing moved (no needless store writes)', () => {
    const selection = { key: 'b', index: 1 };
    expect(resolveSelection(selection, keys)).toBe(selection);
  });

  it('moves to the next group when the selected one is settled, or the last one at the end', () => {
    expect(resolveSelection({ key: 'b', index: 1 }, ['a', 'c', 'd'])).toEqual({ key: 'c', index: 1 });
    expect(resolveSelection({ key: 'd', index: 3 }, ['a', 'b', 'c'])).toEqual({ key: 'c', index: 2 });
  });

  it('selects nothing in an empty list, and stays unselected when nothing was', () => {
    expect(resolveSelection({ key: 'a', index: 0 }, [])).toBe(NO_SELECTION);
    expect(resolveSelection(NO_SELECTION, keys)).toBe(NO_SELECTION);
  });
});

describe('moveSelection', () => {
  it('moves by one within bounds and jumps to the ends', () => {
    expect(moveSelection({ key: 'b', index: 1 }, 'down', keys)).toEqual({ key: 'c', index: 2 });
    expect(moveSelection({ key: 'a', index: 0 }, 'up', keys)).toEqual({ key: 'a', index: 0 });
    expect(moveSelection({ key: 'd', index: 3 }, 'down', keys)).toEqual({ key: 'd', index: 3 });
    expect(moveSelection({ key: 'b', index: 1 }, 'end', keys)).toEqual({ key: 'd', index: 3 });
    expect(moveSelection({ key: 'c', index: 2 }, 'home', keys)).toEqual({ key: 'a', index: 0 });
  });

  it('starts at the top going down and at the bottom going up', () => {
    expect(moveSelection(NO_SELECTION, 'down', keys)).toEqual({ key: 'a', index: 0 });
    expect(moveSelection(NO_SELECTION, 'up', keys)).toEqual({ key: 'd', index: 3 });
    expect(moveSelection(NO_SELECTION, 'down', [])).toBe(NO_SELECTION);
  });
});

describe('scrollToReveal', () => {
  it('scrolls only as far as needed', () => {
    expect(scrollToReveal(0, 76, 0, 300)).toBeNull();
    expect(scrollToReveal(5, 76, 0, 300)).toBe(6 * 76 - 300);
    expect(scrollToReveal(1, 76, 200, 300)).toBe(76);
  });
});
