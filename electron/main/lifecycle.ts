/**
 * The Electron app's life: one instance, start the core, open the window, wire IPC, and stop the
 * core (flushing and closing the database) before the process quits.
 */
import path from 'node:path';
import { app, dialog, ipcMain, session, shell } from 'electron';
import type { BrowserWindow } from 'electron';
import { ConfigError, parseCliArgs } from '../core/config.js';
import { startLiveDesk } from '../core/runtime.js';
import type { LiveDeskRuntime } from '../core/runtime.js';
import { cliArgsFromArgv } from './argv.js';
import { fanOut, registerIpc } from './ipc.js';
import { appResourcesDir, findNativeBinding } from './paths.js';
import { hardenSession, hardenWebContents, isTrustedSender } from './security.js';
import {
  createMainWindow,
  loadRenderer,
  mainWindowOptions,
  rendererAppUrl,
  rendererSource,
} from './window.js';

/** Same id as electron-builder.yml's appId: Windows groups notifications and taskbar by it. */
export const APP_ID = 'com.livedesk.console';

/** What the entry reads from `process`, passed in so the wiring can be tested. */
export interface LaunchContext {
  /** Folder of the built main bundle (out/main); preload and renderer are found from it. */
  mainDir: string;
  argv: readonly string[];
  defaultApp: boolean;
  devServerUrl: string | undefined;
  resourcesPath: string;
  electronVersion: string;
  platform: NodeJS.Platform;
}

const BIG_SCREEN_TITLE = '直播大屏 · LiveDesk';
const TITLE_BAD_OPTIONS = '启动参数有误 / Invalid options';
const TITLE_START_FAILED = '直播助理台无法启动 / LiveDesk could not start';

export function runApp(ctx: LaunchContext): void {
  if (!app.requestSingleInstanceLock()) {
    // Another LiveDesk owns the database; it focuses its window (second-instance below).
    app.quit();
    return;
  }
  const source = rendererSource({
    isPackaged: app.isPackaged,
    devServerUrl: ctx.devServerUrl,
    mainDir: ctx.mainDir,
  });
  const appUrl = rendererAppUrl(source);
  let win: BrowserWindow | null = null;
  /** Set as soon as the core starts starting, so a quit during startup still waits and stops it. */
  let runtime: Promise<LiveDeskRuntime> | null = null;
  let disposeIpc: (() => void) | null = null;
  let stopping: Promise<void> | null = null;
  let stopped = false;

  /** Once: no more IPC, then the core flushes and closes. Safe to call from any quit path. */
  const shutdown = (): Promise<void> =>
    (stopping ??= (async () => {
      disposeIpc?.();
      disposeIpc = null;
      try {
        const started = await runtime?.catch(() => null);
        await started?.stop();
      } catch (err) {
        console.error('[livedesk] stopping the core failed:', err);
      }
      stopped = true;
    })());

  app.on('second-instance', () => {
    if (!win || win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  const preloadPath = path.join(ctx.mainDir, '..', 'preload', 'index.cjs');
  const bigScreenOptions = () => ({
    ...mainWindowOptions(preloadPath),
    title: BIG_SCREEN_TITLE,
    width: 1920,
    height: 1080,
  });
  app.on('web-contents-created', (_event, contents) =>
    hardenWebContents(contents, appUrl, (url) => shell.openExternal(url), bigScreenOptions),
  );
  app.on('window-all-closed', () => {
    void shutdown().then(() => app.quit());
  });
  app.on('before-quit', (event) => {
    // Cmd+Q, the menu, an OS logout: hold the quit until the database is closed.
    if (stopped) return;
    event.preventDefault();
    void shutdown().then(() => app.quit());
  });

  const start = async () => {
    const args = cliArgsFromArgv(ctx.argv, { defaultApp: ctx.defaultApp });
    const config = parseCliArgs(args, { dataDir: path.join(app.getPath('userData'), 'data') });
    if (ctx.platform === 'win32') app.setAppUserModelId(APP_ID);
    hardenSession(session.defaultSession, source.kind === 'url' ? source.url : undefined);
    const nativeBinding = findNativeBinding({
      isPackaged: app.isPackaged,
      appPath: app.getAppPath(),
      resourcesPath: ctx.resourcesPath,
      electronVersion: ctx.electronVersion,
    });
    const resourcesDir = appResourcesDir({
      isPackaged: app.isPackaged,
      appPath: app.getAppPath(),
      resourcesPath: ctx.resourcesPath,
    });
    runtime = startLiveDesk(config, { nativeBinding, resourcesDir });
    const started = await runtime;
    // Quit was requested while the core was starting: shutdown() stops it.
    if (stopping) return;
    const window = createMainWindow(preloadPath);
    win = window;
    window.on('closed', () => {
      win = null;
    });
    // Updates go to every app window: the board and the big screens it opens.
    const targets = new Set([window.webContents]);
    window.webContents.on('did-create-window', (child) => {
      targets.add(child.webContents);
      child.on('closed', () => targets.delete(child.webContents));
    });
    disposeIpc = registerIpc(
      ipcMain,
      started.service,
      (frameUrl) => isTrustedSender(frameUrl, appUrl),
      fanOut(targets),
    );
    await loadRenderer(window, source);
  };

  const fail = async (err: unknown) => {
    const message = err instanceof Error ? err.message : String(err);
    console.error('[livedesk]', err);
    dialog.showErrorBox(err instanceof ConfigError ? TITLE_BAD_OPTIONS : TITLE_START_FAILED, message);
    await shutdown();
    app.exit(1);
  };

  app
    .whenReady()
    .then(start)
    .catch((err: unknown) => fail(err));
}
