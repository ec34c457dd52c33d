/**
 * Which library entries the list shows, in which order: with a search, best match first
 * (searchFaq: Chinese, full pinyin, pinyin initials "fh" → 发货); without one, the library's own
 * order. The category chips count what the search and the enabled filter leave, so a chip says
 * how many rows clicking it will show.
 */
import type { FaqEntryView } from '../../../../shared/api/contract.js';
import { FAQ_CATEGORIES, type FaqCategory } from '../../../../shared/faq/entry.js';
import { searchFaq } from '../../../../shared/faq/search.js';
import type { EnabledFilter } from '../../state/faqUi.js';

export interface FaqFilter {
  query: string;
  category: FaqCategory | null;
  enabled: EnabledFilter;
}

export interface FaqListRow {
  entry: FaqEntryView;
  /** 1-based position in the library (the order the reply panel and exports use). */
  order: number;
}

export interface FilteredEntries {
  rows: FaqListRow[];
  /** Rows per category before the category filter. */
  counts: Record<FaqCategory, number>;
  /** Rows before the category filter. */
  total: number;
  /** True when rows are in search order, not library order (moving entries makes no sense then). */
  searching: boolean;
}

function passesEnabled(entry: FaqEntryView, filter: EnabledFilter): boolean {
  return filter === 'all' || entry.enabled === (filter === 'enabled');
}

export function emptyCounts(): Record<FaqCategory, number> {
  return Object.fromEntries(FAQ_CATEGORIES.map((c) => [c, 0])) as Record<FaqCategory, number>;
}

export function filterEntries(entries: readonly FaqEntryView[], filter: FaqFilter): FilteredEntries {
  const orderOf = new Map(entries.map((entry, index) => [entry.id, index + 1]));
  const query = filter.query.trim();
  let candidates: FaqEntryView[];
  if (query === '') {
    candidates = [...entries];
  } else {
    const byId = new Map(entries.map((entry) => [entry.id, entry]));
    candidates = searchFaq(entries, query).flatMap((hit) => {
      const entry = byId.get(hit.id);
      return entry ? [entry] : [];
    });
  }
  const counts = emptyCounts();
  const rows: FaqListRow[] = [];
  let total = 0;
  for (const entry of candidates) {
    if (!passesEnabled(entry, filter.enabled)) continue;
    total += 1;
    counts[entry.category] += 1;
    if (filter.category === null || entry.category === filter.category) {
      rows.push({ entry, order: orderOf.get(entry.id) ?? 0 });
    }
  }
  return { rows, counts, total, searching: query !== '' };
}
