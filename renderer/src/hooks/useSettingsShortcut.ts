import { useEffect } from 'react';
import { settingsUi } from '../state/settingsUi.js';

/** Ctrl+, (⌘, on macOS) opens the settings, as in most desktop apps. */
export function useSettingsShortcut(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key === ',') {
        event.preventDefault();
        settingsUi.open('source');
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
