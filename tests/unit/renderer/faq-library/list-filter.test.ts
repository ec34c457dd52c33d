import { describe, expect, it } from 'vitest';
import { filterEntries } from '../../../../renderer/src/components/faq/listFilter.js';
import { shippedViews } from './library-views.js';

const entries = shippedViews();

describe('filterEntries (话术库 list)', () => {
  it('keeps library order and numbers rows by library position without a search', () => {
    const result = filterEntries(entries, { query: '', category: null, enabled: 'all' });
    expect(result.searching).toBe(false);
    expect(result.rows.map((r) => r.entry.id)).toEqual(entries.map((e) => e.id));
    expect(result.rows.map((r) => r.order)).toEqual(entries.map((_, i) => i + 1));
    expect(result.total).toBe(entries.length);
    expect(Object.values(result.counts).reduce((a, b) => a + b, 0)).toBe(entries.length);
  });

  it('puts 发货 entries first for the pinyin initials "fh"', () => {
    const result = filterEntries(entries, { query: 'fh', category: null, enabled: 'all' });
    expect(result.searching).toBe(true);
    expect(result.rows.length).toBeGreaterThan(0);
    expect(result.rows.slice(0, 3).every((r) => r.entry.category === 'shipping')).toBe(true);
    // Rows keep their library number, not their rank.
    const first = result.rows[0]!;
    expect(first.order).toBe(entries.findIndex((e) => e.id === first.entry.id) + 1);
  });

  it('counts categories before the category filter, and filters by it', () => {
    const all = filterEntries(entries, { query: '', category: null, enabled: 'all' });
    const sizeOnly = filterEntries(entries, { query: '', category: 'size', enabled: 'all' });
    expect(sizeOnly.rows.every((r) => r.entry.category === 'size')).toBe(true);
    expect(sizeOnly.rows.length).toBe(all.counts.size);
    expect(sizeOnly.counts).toEqual(all.counts);
    expect(sizeOnly.total).toBe(all.total);
  });

  it('filters by enabled state, and the counts follow', () => {
    const disabledId = entries[2]!.id;
    const changed = entries.map((e) => (e.id === disabledId ? { ...e, enabled: false } : e));
    const off = filterEntries(changed, { query: '', category: null, enabled: 'disabled' });
    expect(off.rows.map((r) => r.entry.id)).toEqual([disabledId]);
    expect(off.total).toBe(1);
    const on = filterEntries(changed, { query: '', category: null, enabled: 'enabled' });
    expect(on.total).toBe(entries.length - 1);
  });

  it('finds nothing for a query no entry contains', () => {
    const result = filterEntries(entries, { query: '量子纠缠望远镜', category: null, enabled: 'all' });
    expect(result.rows).toEqual([]);
    expect(result.total).toBe(0);
  });
});
