/** Whether the settings drawer is open, and on which tab. UI-only state, not persisted. */
import { create } from 'zustand';

export type SettingsTab = 'source' | 'diagnostics';

interface SettingsUiState {
  open: boolean;
  tab: SettingsTab;
}

export const useSettingsUi = create<SettingsUiState>()(() => ({ open: false, tab: 'source' }));

export const settingsUi = {
  open(tab: SettingsTab = 'source') {
    useSettingsUi.setState({ open: true, tab });
  },
  close() {
    useSettingsUi.setState({ open: false });
  },
  showTab(tab: SettingsTab) {
    useSettingsUi.setState({ tab });
  },
};
