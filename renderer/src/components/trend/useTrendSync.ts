import { useEffect, useRef } from 'react';
import { useBoardStore } from '../../state/boardStore.js';
import { useBoardSync } from '../../state/BoardSyncContext.js';
import { startTrendSync, useTrendStore, type TrendSync } from '../../state/trendStore.js';

/** Keeps the trend store fresh while a chart is on screen; a new show loads its trend whole. */
export function useTrendSync(): void {
  const { client } = useBoardSync();
  const showId = useBoardStore((s) => s.show?.id ?? null);
  const syncRef = useRef<TrendSync | null>(null);

  useEffect(() => {
    const sync = startTrendSync(client);
    syncRef.current = sync;
    return () => {
      sync.stop();
      syncRef.current = null;
    };
  }, [client]);

  useEffect(() => {
    const trend = useTrendStore.getState();
    if (trend.loaded && showId !== null && showId !== trend.showId) syncRef.current?.reload();
  }, [showId]);
}
