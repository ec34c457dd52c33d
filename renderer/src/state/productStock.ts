/**
 * Stock per product, as last announced by the feed's `product` events (the presented product's
 * stock). Stats carry no stock, so products never presented in this window show "—".
 */
import { useEffect } from 'react';
import { create } from 'zustand';
import type { CurrentProduct } from '../../../shared/api/contract.js';
import { useBoardStore } from './boardStore.js';

export type StockByProduct = Readonly<Record<string, number | null>>;

export const useProductStock = create<StockByProduct>()(() => ({}));

function remember(product: CurrentProduct | null): void {
  if (!product) return;
  const held = useProductStock.getState();
  if (Object.hasOwn(held, product.id) && held[product.id] === product.stock) return;
  useProductStock.setState({ [product.id]: product.stock });
}

/** Records each presented product's stock while mounted; a new show starts an empty record. */
export function useProductStockTracking(): void {
  useEffect(() => {
    remember(useBoardStore.getState().product);
    return useBoardStore.subscribe((state, previous) => {
      if (state.show?.id !== previous.show?.id) useProductStock.setState({}, true);
      if (state.product !== previous.product) remember(state.product);
    });
  }, []);
}
