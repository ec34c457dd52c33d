/**
 * The show's per-minute trend (from the minute rollups) and its event markers, for the trend
 * chart and the big screen. Loaded whole once, then refreshed every few seconds with only the
 * minutes from the last one on: that minute is still growing, so it is replaced, not appended.
 */
import { create } from 'zustand';
import type { LiveDeskClient, TrendData, TrendMarker, TrendMinute } from '../../../shared/api/contract.js';

export const TREND_REFRESH_MS = 5000;

export interface TrendState {
  showId: string | null;
  minutes: readonly TrendMinute[];
  markers: readonly TrendMarker[];
  /** The first full load has answered (with data or with "no show"). */
  loaded: boolean;
}

export const emptyTrend: TrendState = { showId: null, minutes: [], markers: [], loaded: false };

export const useTrendStore = create<TrendState>()(() => emptyTrend);

/**
 * Minutes at or after the first incoming one are replaced by the incoming rows; earlier ones
 * are kept. Incoming rows are assumed in minute order (the service reads them that way), but
 * are sorted defensively because an out-of-order row would break the chart's x axis.
 */
export function mergeMinutes(
  current: readonly TrendMinute[],
  incoming: readonly TrendMinute[],
): readonly TrendMinute[] {
  if (incoming.length === 0) return current;
  const sorted = isSorted(incoming) ? incoming : [...incoming].sort((a, b) => a.minute - b.minute);
  const from = sorted[0]!.minute;
  let keep = current.length;
  while (keep > 0 && current[keep - 1]!.minute >= from) keep--;
  return keep === 0 ? sorted : [...current.slice(0, keep), ...sorted];
}

function isSorted(rows: readonly TrendMinute[]): boolean {
  for (let i = 1; i < rows.length; i++) if (rows[i]!.minute <= rows[i - 1]!.minute) return false;
  return true;
}

const markerKey = (m: TrendMarker) => `${m.ts}\u0000${m.kind}\u0000${m.label}`;

/** Markers by (ts, kind, label): whether an incremental answer repeats old markers or not. */
export function mergeMarkers(
  current: readonly TrendMarker[],
  incoming: readonly TrendMarker[],
): readonly TrendMarker[] {
  if (incoming.length === 0) return current;
  const seen = new Set(current.map(markerKey));
  const added = incoming.filter((m) => {
    const key = markerKey(m);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (added.length === 0) return current;
  return [...current, ...added].sort((a, b) => a.ts - b.ts);
}

/** Applies one answer of getTrend: a different show starts over, the same show merges. */
export function applyTrend(state: TrendState, data: TrendData | null, incremental: boolean): TrendState {
  if (!data) return { ...emptyTrend, loaded: true };
  if (!incremental || data.showId !== state.showId) {
    return { showId: data.showId, minutes: data.minutes, markers: data.markers, loaded: true };
  }
  const minutes = mergeMinutes(state.minutes, data.minutes);
  const markers = mergeMarkers(state.markers, data.markers);
  if (minutes === state.minutes && markers === state.markers) return state;
  return { ...state, minutes, markers, loaded: true };
}

export interface TrendSync {
  /** Forgets what is loaded and loads the whole trend again (a new show or source). */
  reload(): void;
  stop(): void;
}

/**
 * Polls getTrend: whole on start and on reload(), then incrementally. Failed calls are left to
 * the next tick (the connection banner already says when the service is unreachable).
 */
export function startTrendSync(client: LiveDeskClient, intervalMs = TREND_REFRESH_MS): TrendSync {
  let stopped = false;
  let inFlight = false;
  // Bumped by reload(): an answer to a request made before it is stale and dropped.
  let generation = 0;
  let loadedGeneration = -1;

  const tick = async () => {
    if (stopped || inFlight) return;
    inFlight = true;
    const asked = generation;
    const { minutes, showId } = useTrendStore.getState();
    const last = minutes.at(-1);
    const incremental = loadedGeneration === asked && last !== undefined && showId !== null;
    try {
      const data = await client.getTrend(incremental ? { sinceMinute: last.minute } : {});
      if (stopped || asked !== generation) return;
      loadedGeneration = asked;
      useTrendStore.setState((state) => applyTrend(state, data, incremental));
    } catch {
      // Next tick retries.
    } finally {
      inFlight = false;
    }
    // A reload() came while this request was out: load again now rather than at the next tick.
    if (!stopped && asked !== generation) void tick();
  };

  void tick();
  const timer = setInterval(() => void tick(), intervalMs);
  return {
    reload() {
      generation++;
      void tick();
    },
    stop() {
      stopped = true;
      clearInterval(timer);
    },
  };
}
