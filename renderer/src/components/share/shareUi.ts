/** Whether the share dialog is open. UI-only state, not persisted. */
import { create } from 'zustand';

export const useShareUi = create<{ open: boolean }>()(() => ({ open: false }));

export const shareUi = {
  open: () => useShareUi.setState({ open: true }),
  close: () => useShareUi.setState({ open: false }),
};
