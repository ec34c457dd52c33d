import { describe, expect, it } from 'vitest';
import { moveAmongVisible, moveNextTo } from '../../../../renderer/src/components/faq/reorder.js';

const all = ['a', 'b', 'c', 'd', 'e'];

describe('moving an entry (Alt+↑/↓, drag)', () => {
  it('swaps with the neighbour when everything is visible', () => {
    expect(moveAmongVisible(all, all, 'c', -1)).toEqual(['a', 'c', 'b', 'd', 'e']);
    expect(moveAmongVisible(all, all, 'c', 1)).toEqual(['a', 'b', 'd', 'c', 'e']);
  });

  it('moves past the previous visible entry, not a hidden one in between', () => {
    // b and d are filtered out: "up" from e lands above c.
    expect(moveAmongVisible(all, ['a', 'c', 'e'], 'e', -1)).toEqual(['a', 'b', 'e', 'c', 'd']);
    expect(moveAmongVisible(all, ['a', 'c', 'e'], 'a', 1)).toEqual(['b', 'c', 'a', 'd', 'e']);
  });

  it('refuses to move past either end or an unknown id', () => {
    expect(moveAmongVisible(all, all, 'a', -1)).toBeNull();
    expect(moveAmongVisible(all, all, 'e', 1)).toBeNull();
    expect(moveAmongVisible(all, all, 'zz', 1)).toBeNull();
  });

  it('drops before or after a target', () => {
    expect(moveNextTo(all, 'e', 'b', 'before')).toEqual(['a', 'e', 'b', 'c', 'd']);
    expect(moveNextTo(all, 'a', 'd', 'after')).toEqual(['b', 'c', 'd', 'a', 'e']);
    expect(moveNextTo(all, 'a', 'a', 'after')).toBeNull();
    expect(moveNextTo(all, 'a', 'zz', 'after')).toBeNull();
  });
});
