/** The product table's columns and their order: any column, either way; GMV high→low first. */
import type { ProductMetrics } from '../../../../shared/metrics/formulas.js';

export const PRODUCT_COLUMNS = [
  'name',
  'funnel',
  'exposures',
  'clicks',
  'ctr',
  'clickToPay',
  'orders',
  'buyers',
  'gmv',
  'stock',
] as const;
export type ProductColumn = (typeof PRODUCT_COLUMNS)[number];
export type SortDirection = 'asc' | 'desc';

export interface ProductSort {
  column: ProductColumn;
  direction: SortDirection;
}

export const DEFAULT_PRODUCT_SORT: ProductSort = { column: 'gmv', direction: 'desc' };

export interface ProductRow extends ProductMetrics {
  /** The feed's name, else the id. */
  displayName: string;
  /** Last stock the feed announced for it; null when never announced. */
  stock: number | null;
}

/** Exposure → buyer conversion: what the funnel column sorts by. */
export function funnelRate(row: ProductMetrics): number | null {
  return row.exposures > 0 ? row.buyers / row.exposures : null;
}

function sortValue(row: ProductRow, column: ProductColumn): number | string | null {
  switch (column) {
    case 'name':
      return row.displayName;
    case 'funnel':
      return funnelRate(row);
    default:
      return row[column];
  }
}

/** Sorted copy; unknown values (—) always last, ties broken by GMV then id so rows do not jump. */
export function sortProducts(rows: readonly ProductRow[], sort: ProductSort, locale: string): ProductRow[] {
  const sign = sort.direction === 'asc' ? 1 : -1;
  const collator = new Intl.Collator(locale);
  return [...rows].sort((a, b) => {
    const x = sortValue(a, sort.column);
    const y = sortValue(b, sort.column);
    if (x === null || y === null) {
      if (x !== y) return x === null ? 1 : -1;
    } else if (x !== y) {
      const order =
        typeof x === 'string' || typeof y === 'string' ? collator.compare(String(x), String(y)) : x - y;
      if (order !== 0) return order * sign;
    }
    return b.gmv - a.gmv || a.id.localeCompare(b.id);
  });
}

/** Clicking the sorted column flips it; another column starts high→low (names A→Z). */
export function nextSort(current: ProductSort, column: ProductColumn): ProductSort {
  if (current.column === column) {
    return { column, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  }
  return { column, direction: column === 'name' ? 'asc' : 'desc' };
}
