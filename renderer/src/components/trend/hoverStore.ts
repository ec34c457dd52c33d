/**
 * Where the cursor is on one chart: the minute under it and the markers near it. A store of its
 * own, so a mouse move re-renders the legend values and the tooltip, not the chart component.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { TrendMarker } from '../../../../shared/api/contract.js';

export interface TrendHover {
  /** Index into the chart's data, or null when the cursor is off the chart. */
  idx: number | null;
  /** Cursor position in CSS pixels, relative to the plotting area. */
  left: number;
  top: number;
  /** Near the right edge: the tooltip opens to the left of the cursor. */
  flip: boolean;
  markers: readonly TrendMarker[];
}

export const NO_HOVER: TrendHover = { idx: null, left: -1, top: -1, flip: false, markers: [] };

export type HoverStore = StoreApi<TrendHover>;

export function createHoverStore(): HoverStore {
  return createStore<TrendHover>()(() => NO_HOVER);
}

function sameMarkers(a: readonly TrendMarker[], b: readonly TrendMarker[]): boolean {
  return a.length === b.length && a.every((m, i) => m === b[i]);
}

/** Writes only real changes: most mouse moves within one minute change nothing that is shown. */
export function setHover(store: HoverStore, next: TrendHover): void {
  const current = store.getState();
  const markersChanged = !sameMarkers(current.markers, next.markers);
  if (
    current.idx === next.idx &&
    !markersChanged &&
    (next.markers.length === 0 || current.left === next.left)
  ) {
    return;
  }
  store.setState(next, true);
}
