/**
 * The Electron app's life: one instance, a log of what goes wrong, start the core, open the
 * window where it was left, wire IPC, the tray and the incident shortcut, reload a crashed page,
 * and stop the core (flushing and closing the database) before the process quits.
 */
import path from 'node:path';
import { app, dialog, session, shell } from 'electron';
import type { BrowserWindow } from 'electron';
import { ConfigError, parseCliArgs } from '../core/config.js';
import { startLiveDesk } from '../core/runtime.js';
import type { LiveDeskRuntime } from '../core/runtime.js';
import { APP_ID } from './app-identity.js';
import { RotatingLog } from './app-log.js';
import { cliArgsFromArgv, splitDesktopArgs } from './argv.js';
import { installCrashLogging } from './crash-log.js';
import { startDesktopExtras } from './desktop-extras.js';
import { incidentShortcutFrom } from './incident-shortcut.js';
import { fanOut, registerAppIpc, sendUpdate } from './ipc.js';
import { openMainWindow } from './main-window.js';
import { appResourcesDir, findNativeBinding } from './paths.js';
import { watchRendererCrashes } from './renderer-recovery.js';
import type { CrashChoice } from './renderer-recovery.js';
import { revealExportWith } from './reveal-export.js';
import { hardenSession, hardenWebContents, isTrustedSender } from './security.js';
import { WINDOW_STATE_FILE } from './window-state.js';
import { loadRenderer, mainWindowOptions, rendererAppUrl, rendererSource } from './window.js';

export { APP_ID };

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
const TITLE_CRASHED = '界面多次崩溃 / The window keeps crashing';

/** Main window only: after repeated crashes in a minute, the user decides (data is safe either way). */
async function askAfterCrashes(window: BrowserWindow): Promise<CrashChoice> {
  const { response } = await dialog.showMessageBox(window, {
    type: 'error',
    title: TITLE_CRASHED,
    message: '界面在一分钟内多次崩溃。直播数据仍在后台接收并保存。',
    detail: 'The window crashed several times within a minute. The feed is still being received and stored.',
    buttons: ['重新加载 Reload', '退出 Quit'],
    defaultId: 0,
    cancelId: 1,
    noLink: true,
  });
  return response === 0 ? 'reload' : 'give-up';
}

export function runApp(ctx: LaunchContext): void {
  if (!app.requestSingleInstanceLock()) {
    // Another LiveDesk owns the database; it focuses its window (second-instance below).
    app.quit();
    return;
  }
  const userData = app.getPath('userData');
  const log = new RotatingLog({ dir: path.join(userData, 'logs'), echo: !app.isPackaged });
  installCrashLogging(log, { process, app });
  log.info(`LiveDesk ${app.getVersion()} starting (electron ${ctx.electronVersion}, ${ctx.platform})`);
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
  let disposeExtras: (() => void) | null = null;
  let stopping: Promise<void> | null = null;
  let stopped = false;

  /** Once: no more IPC, then the core flushes and closes. Safe to call from any quit path. */
  const shutdown = (): Promise<void> =>
    (stopping ??= (async () => {
      disposeExtras?.();
      disposeExtras = null;
      disposeIpc?.();
      disposeIpc = null;
      try {
        const started = await runtime?.catch(() => null);
        await started?.stop();
      } catch (err) {
        log.error('stopping the core failed:', err);
      }
      log.info('stopped');
      stopped = true;
    })());

  /** Brings the main window up: a second start, the tray, the incident shortcut. */
  const showWindow = () => {
    if (!win || win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  };
  app.on('second-instance', showWindow);
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
    const { coreArgs, desktop } = splitDesktopArgs(args);
    const config = parseCliArgs(coreArgs, { dataDir: path.join(userData, 'data') });
    const incidentShortcut = incidentShortcutFrom(desktop.incidentShortcut);
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
    log.info(`core started (source: ${config.source.kind})`);
    const window = openMainWindow(preloadPath, path.join(userData, WINDOW_STATE_FILE), log);
    win = window;
    window.on('closed', () => {
      win = null;
    });
    // A crashed page reloads and resyncs (getSnapshot); ingest and IPC carry on untouched.
    watchRendererCrashes(window.webContents, {
      log,
      name: 'main',
      reload: () => window.webContents.reload(),
      askAfterRepeatedCrashes: () => askAfterCrashes(window),
      giveUp: () => app.quit(),
    });
    // Updates go to every app window: the board and the big screens it opens.
    const targets = new Set([window.webContents]);
    window.webContents.on('did-create-window', (child) => {
      targets.add(child.webContents);
      child.on('closed', () => targets.delete(child.webContents));
      watchRendererCrashes(child.webContents, {
        log,
        name: 'big screen',
        reload: () => child.webContents.reload(),
        // A big screen that keeps crashing is closed; the board window stays.
        askAfterRepeatedCrashes: () => Promise.resolve('give-up'),
        giveUp: () => child.close(),
      });
    });
    disposeIpc = registerAppIpc(
      started.service,
      (frameUrl) => isTrustedSender(frameUrl, appUrl),
      fanOut(targets),
      { revealExport: revealExportWith(started.service, (file) => shell.showItemInFolder(file)) },
    );
    disposeExtras = startDesktopExtras({
      service: started.service,
      log,
      resourcesDir,
      platform: ctx.platform,
      incidentShortcut,
      showWindow,
      quit: () => app.quit(),
      // On the typed update channel: the renderer opens its incident log on this one.
      focusIncident: (incident) =>
        sendUpdate(window.webContents, {
          feed: started.service.getFeedStatus(),
          comments: [],
          droppedComments: 0,
          focusIncidentId: incident.id,
        }),
    });
    await loadRenderer(window, source);
  };

  const fail = async (err: unknown) => {
    const message = err instanceof Error ? err.message : String(err);
    log.error('could not start:', err);
    dialog.showErrorBox(err instanceof ConfigError ? TITLE_BAD_OPTIONS : TITLE_START_FAILED, message);
    await shutdown();
    app.exit(1);
  };

  app
    .whenReady()
    .then(start)
    .catch((err: unknown) => fail(err));
}
