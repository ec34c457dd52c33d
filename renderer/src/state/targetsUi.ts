/** Whether the targets dialog is open. UI-only state, not persisted. */
import { create } from 'zustand';

export const useTargetsUi = create<{ open: boolean }>()(() => ({ open: false }));

export const targetsUi = {
  open: () => useTargetsUi.setState({ open: true }),
  close: () => useTargetsUi.setState({ open: false }),
};
