/**
 * The main window: secure options and where its page comes from.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow } from 'electron';
import type { BrowserWindowConstructorOptions } from 'electron';
import type { WindowPlacement } from './window-state.js';

export const WINDOW_TITLE = '直播助理台 LiveDesk';

/** The renderer's dark --bg (renderer/src/styles/theme.css), so the window does not flash white while loading. */
const BACKGROUND = '#0b0d12';

export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    title: WINDOW_TITLE,
    width: 1440,
    height: 900,
    minWidth: 1200,
    minHeight: 720,
    backgroundColor: BACKGROUND,
    // Shown on ready-to-show, after the first paint.
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  };
}

/** What the window loads: the dev server (electron-vite sets ELECTRON_RENDERER_URL) or the built file. */
export type RendererSource = { kind: 'url'; url: string } | { kind: 'file'; file: string };

export function rendererSource(input: {
  isPackaged: boolean;
  devServerUrl: string | undefined;
  /** Folder of the built main bundle (out/main). */
  mainDir: string;
}): RendererSource {
  if (!input.isPackaged && input.devServerUrl) return { kind: 'url', url: input.devServerUrl };
  return { kind: 'file', file: path.join(input.mainDir, '..', 'renderer', 'index.html') };
}

/** The URL the renderer's frames report: what IPC senders and navigations are checked against. */
export function rendererAppUrl(source: RendererSource): string {
  return source.kind === 'url' ? source.url : pathToFileURL(source.file).href;
}

/** Opens the main window, where it was left when a placement is given (window-state.ts). */
export function createMainWindow(preloadPath: string, placement?: WindowPlacement): BrowserWindow {
  const options = mainWindowOptions(preloadPath);
  const win = new BrowserWindow(
    placement
      ? { ...options, x: placement.x, y: placement.y, width: placement.width, height: placement.height }
      : options,
  );
  win.once('ready-to-show', () => {
    // maximize() also shows the window: do it here, after the first paint, not before.
    if (placement?.maximized) win.maximize();
    win.show();
  });
  return win;
}

export function loadRenderer(win: BrowserWindow, source: RendererSource): Promise<void> {
  return source.kind === 'url' ? win.loadURL(source.url) : win.loadFile(source.file);
}
