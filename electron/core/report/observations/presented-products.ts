/** The products on screen during a span of the show: the one presented at its start and those switched to within it. */
import type { TrendMarker } from '../../../../shared/api/contract.js';

const MAX_NAMES = 3;

export function presentedProducts(markers: readonly TrendMarker[], start: number, end: number): string[] {
  const switches = markers.filter((m) => m.kind === 'product');
  const names: string[] = [];
  const atStart = switches.findLast((m) => m.ts <= start);
  if (atStart) names.push(atStart.label);
  for (const m of switches) if (m.ts > start && m.ts <= end) names.push(m.label);
  return [...new Set(names)].slice(0, MAX_NAMES);
}

/** 「A」、「B」 */
export const quoted = (names: readonly string[]): string => names.map((n) => `「${n}」`).join('、');
