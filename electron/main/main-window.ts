/**
 * Opens the main window where the user left it, and keeps remembering where that is.
 */
import { screen } from 'electron';
import type { BrowserWindow } from 'electron';
import type { AppLog } from './app-log.js';
import { createMainWindow, mainWindowOptions } from './window.js';
import { loadWindowState, placeWindow, saveWindowState, trackWindowState } from './window-state.js';

export function openMainWindow(preloadPath: string, stateFile: string, log: AppLog): BrowserWindow {
  const loaded = loadWindowState(stateFile);
  if (loaded.problem) log.warn(loaded.problem);
  const defaults = mainWindowOptions(preloadPath);
  const placement = placeWindow(
    loaded.state,
    {
      workAreas: screen.getAllDisplays().map((display) => display.workArea),
      primary: screen.getPrimaryDisplay().workArea,
    },
    { width: defaults.width ?? 1440, height: defaults.height ?? 900 },
  );
  const win = createMainWindow(preloadPath, placement);
  trackWindowState(win, {
    save: (state) => {
      try {
        saveWindowState(stateFile, state);
      } catch (err) {
        log.warn('could not save the window position:', err);
      }
    },
  });
  return win;
}
