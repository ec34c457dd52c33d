/**
 * Which metric tiles the board shows, and in what order: the user's choice, kept in
 * localStorage under a versioned key. Tiles come in two sizes (headline and compact); order is
 * kept per size so the grid's two bands stay tidy.
 */
import { create } from 'zustand';
import type { MetricKey } from '../../../shared/metrics/formulas.js';

/** Every metric of DOMAIN.md, plus comments per minute (derived from the trend). */
export type TileKey = MetricKey | 'commentRate';
export type TileSize = 'headline' | 'compact';

/** The 8 core metrics of seed 002 (traffic sources among them) plus GMV: large, with a trend. */
export const HEADLINE_TILES: readonly TileKey[] = [
  'online',
  'gmv',
  'conversionRate',
  'aov',
  'trafficShare',
  'gpm',
  'interactionRate',
  'retention1m',
  'productCtr',
];

/** The rest, grouped: audience, then sales, then engagement. */
export const COMPACT_TILES: readonly TileKey[] = [
  'peakOnline',
  'pv',
  'uv',
  'avgWatchSec',
  'newFollowers',
  'fanClubJoins',
  'orders',
  'buyers',
  'uvValue',
  'clickToPay',
  'followRate',
  'returnRate',
  'commentRate',
  'comments',
  'likes',
  'shares',
];

export const ALL_TILES: readonly TileKey[] = [...HEADLINE_TILES, ...COMPACT_TILES];

export function tileSize(key: TileKey): TileSize {
  return HEADLINE_TILES.includes(key) ? 'headline' : 'compact';
}

export interface TileLayout {
  order: readonly TileKey[];
  hidden: readonly TileKey[];
}

export const DEFAULT_LAYOUT: TileLayout = { order: ALL_TILES, hidden: [] };
export const LAYOUT_STORAGE_KEY = 'livedesk.tileLayout.v1';

function isTileKey(value: unknown): value is TileKey {
  return typeof value === 'string' && (ALL_TILES as readonly string[]).includes(value);
}

/** Drops unknown keys and duplicates; tiles added by a newer version are appended, shown. */
export function normalizeLayout(raw: unknown): TileLayout {
  if (typeof raw !== 'object' || raw === null) return DEFAULT_LAYOUT;
  const { order, hidden } = raw as { order?: unknown; hidden?: unknown };
  const known = Array.isArray(order) ? [...new Set(order.filter(isTileKey))] : [];
  const missing = ALL_TILES.filter((key) => !known.includes(key));
  const hiddenKeys = Array.isArray(hidden) ? [...new Set(hidden.filter(isTileKey))] : [];
  return { order: [...known, ...missing], hidden: hiddenKeys };
}

function readLayout(): TileLayout {
  try {
    const stored = localStorage.getItem(LAYOUT_STORAGE_KEY);
    return stored ? normalizeLayout(JSON.parse(stored)) : DEFAULT_LAYOUT;
  } catch {
    // Unreadable or unavailable storage: the default layout is fine.
    return DEFAULT_LAYOUT;
  }
}

function writeLayout(layout: TileLayout): void {
  try {
    localStorage.setItem(LAYOUT_STORAGE_KEY, JSON.stringify(layout));
  } catch {
    // Not persisted; the layout still applies to this window.
  }
}

/** The visible tiles of one size, in the user's order. */
export function visibleTiles(layout: TileLayout, size: TileSize): TileKey[] {
  return layout.order.filter((key) => tileSize(key) === size && !layout.hidden.includes(key));
}

/** All tiles of one size (shown or not), in the user's order. */
export function tilesOfSize(layout: TileLayout, size: TileSize): TileKey[] {
  return layout.order.filter((key) => tileSize(key) === size);
}

/**
 * Moves `key` by `delta` places among the tiles of its own size; the other size's tiles keep
 * their places in the combined order.
 */
export function moveTile(layout: TileLayout, key: TileKey, delta: number): TileLayout {
  const group = tilesOfSize(layout, tileSize(key));
  const from = group.indexOf(key);
  const to = Math.min(group.length - 1, Math.max(0, from + delta));
  if (from === -1 || from === to) return layout;
  return withGroupOrder(layout, reorder(group, from, to));
}

/** Drag and drop: puts `key` where `target` is (same size only). */
export function moveTileTo(layout: TileLayout, key: TileKey, target: TileKey): TileLayout {
  if (tileSize(key) !== tileSize(target)) return layout;
  const group = tilesOfSize(layout, tileSize(key));
  const from = group.indexOf(key);
  const to = group.indexOf(target);
  if (from === -1 || to === -1 || from === to) return layout;
  return withGroupOrder(layout, reorder(group, from, to));
}

function reorder(group: readonly TileKey[], from: number, to: number): TileKey[] {
  const next = [...group];
  const [moved] = next.splice(from, 1);
  if (moved !== undefined) next.splice(to, 0, moved);
  return next;
}

/** Writes a reordered group back into the slots its tiles held in the combined order. */
function withGroupOrder(layout: TileLayout, group: readonly TileKey[]): TileLayout {
  const size = group[0] === undefined ? null : tileSize(group[0]);
  let next = 0;
  const order = layout.order.map((key) => (tileSize(key) === size ? (group[next++] ?? key) : key));
  return { ...layout, order };
}

export function toggleTile(layout: TileLayout, key: TileKey): TileLayout {
  const hidden = layout.hidden.includes(key)
    ? layout.hidden.filter((k) => k !== key)
    : [...layout.hidden, key];
  return { ...layout, hidden };
}

interface TileLayoutState {
  layout: TileLayout;
  editorOpen: boolean;
}

export const useTileLayout = create<TileLayoutState>()(() => ({ layout: readLayout(), editorOpen: false }));

function update(change: (layout: TileLayout) => TileLayout): void {
  const layout = change(useTileLayout.getState().layout);
  if (layout === useTileLayout.getState().layout) return;
  useTileLayout.setState({ layout });
  writeLayout(layout);
}

export const tileLayoutActions = {
  toggle: (key: TileKey) => update((layout) => toggleTile(layout, key)),
  move: (key: TileKey, delta: number) => update((layout) => moveTile(layout, key, delta)),
  moveTo: (key: TileKey, target: TileKey) => update((layout) => moveTileTo(layout, key, target)),
  reset: () => update(() => DEFAULT_LAYOUT),
  openEditor: () => useTileLayout.setState({ editorOpen: true }),
  closeEditor: () => useTileLayout.setState({ editorOpen: false }),
};
