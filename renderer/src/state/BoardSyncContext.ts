import { createContext, useContext } from 'react';
import type { BoardSync } from './boardSync.js';

export const BoardSyncContext = createContext<BoardSync | null>(null);

/** The running sync, for the few actions that call the API (paging older comments). */
export function useBoardSync(): BoardSync {
  const sync = useContext(BoardSyncContext);
  if (!sync) throw new Error('useBoardSync outside <BoardSyncContext.Provider>');
  return sync;
}
