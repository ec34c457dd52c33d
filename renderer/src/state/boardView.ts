/**
 * Where the metric tiles and the product table take their figures from: the live board by
 * default, or a past show's board (history) through a provider. One set of components, two
 * sources; both are read through zustand stores so live tiles keep their narrow subscriptions.
 */
import { createContext, useContext } from 'react';
import { createStore, useStore, type StoreApi } from 'zustand';
import type {
  CurrentProduct,
  MetricsReport,
  ShowBoard,
  ShowInfo,
  TrendData,
  TrendMinute,
} from '../../../shared/api/contract.js';
import type { ShowTargets } from '../../../shared/metrics/targets.js';
import { useBoardStore } from './boardStore.js';
import { useProductStock, type StockByProduct } from './productStock.js';
import { useTrendStore } from './trendStore.js';

export interface BoardView {
  show: ShowInfo | null;
  metrics: MetricsReport | null;
  targets: ShowTargets;
  /** The product being presented (live only). */
  product: CurrentProduct | null;
}

/** A show's per-minute trend: the tiles' sparklines and the comment rate read it. */
export interface TrendView {
  showId: string | null;
  minutes: readonly TrendMinute[];
}

type ReadableStore<T> = Pick<StoreApi<T>, 'getState' | 'getInitialState' | 'subscribe'>;

export interface BoardViewSource {
  board: ReadableStore<BoardView>;
  trend: ReadableStore<TrendView>;
  stock: ReadableStore<StockByProduct>;
  /** false for a past show: nothing to edit, nothing presented now. */
  live: boolean;
}

const LIVE_SOURCE: BoardViewSource = {
  board: useBoardStore,
  // The trend chart's store (kept fresh by the chart on the live board): one poller, one copy.
  trend: useTrendStore,
  stock: useProductStock,
  live: true,
};

export const BoardViewContext = createContext<BoardViewSource>(LIVE_SOURCE);

/** A fixed source for a past show's board (and its trend, once loaded). */
export function pastShowSource(board: ShowBoard, trend: TrendData | null): BoardViewSource {
  return {
    board: createStore<BoardView>()(() => ({
      show: board.show,
      metrics: board.metrics,
      targets: board.targets,
      product: null,
    })),
    trend: createStore<TrendView>()(() =>
      trend ? { showId: trend.showId, minutes: trend.minutes } : { showId: null, minutes: [] },
    ),
    stock: createStore<StockByProduct>()(() => ({})),
    live: false,
  };
}

export function useBoardView<T>(selector: (view: BoardView) => T): T {
  return useStore(useContext(BoardViewContext).board, selector);
}

export function useTrendView<T>(selector: (trend: TrendView) => T): T {
  return useStore(useContext(BoardViewContext).trend, selector);
}

export function useStockView<T>(selector: (stock: StockByProduct) => T): T {
  return useStore(useContext(BoardViewContext).stock, selector);
}

export function useIsLiveView(): boolean {
  return useContext(BoardViewContext).live;
}
