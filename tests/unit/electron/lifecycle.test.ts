import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { EventEmitter } from 'node:events';
import type { IpcMainInvokeEvent } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LiveDeskRuntime } from '../../../electron/core/runtime.js';
import { API_METHODS, IPC_UPDATE_CHANNEL, ipcChannel } from '../../../shared/api/contract.js';
import type { BoardUpdate, LiveDeskService } from '../../../shared/api/contract.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

/**
 * Hand-written stand-ins for the parts of Electron the lifecycle touches. Only Electron is faked:
 * argv stripping, config parsing, IPC registration, the security wiring, the log, the window
 * state file, the tray and shortcut logic are the real code (files go to a temp userData folder).
 */
const fake = vi.hoisted(() => ({
  userData: '',
  state: {} as {
    lock: boolean;
    windows: Array<{
      options: {
        x?: number;
        y?: number;
        width: number;
        height: number;
        webPreferences: Record<string, unknown> & { preload: string; sandbox: boolean };
      };
      webContents: EventEmitter & { send: ReturnType<typeof vi.fn>; reload: ReturnType<typeof vi.fn> };
      loadURL: ReturnType<typeof vi.fn>;
      loadFile: ReturnType<typeof vi.fn>;
      focus: ReturnType<typeof vi.fn>;
      show: ReturnType<typeof vi.fn>;
      emit: (event: string, ...args: unknown[]) => boolean;
      bounds: { x: number; y: number; width: number; height: number };
    }>;
    handlers: Map<string, (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown>;
    permissionRequest: ((wc: unknown, permission: string, cb: (ok: boolean) => void) => void) | null;
    headers:
      ((details: object, cb: (r: { responseHeaders: Record<string, string[]> }) => void) => void) | null;
    trays: Array<{
      icon: string;
      setToolTip: ReturnType<typeof vi.fn>;
      setContextMenu: ReturnType<typeof vi.fn>;
      destroy: ReturnType<typeof vi.fn>;
    }>;
    shortcuts: Map<string, () => void>;
    shortcutFree: boolean;
    notifications: Array<{ title: string; body: string }>;
    crashChoice: number;
  },
}));

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  class BrowserWindow extends EventEmitter {
    webContents = Object.assign(new EventEmitter(), {
      send: vi.fn(),
      isDestroyed: () => false,
      reload: vi.fn(),
      getURL: () => 'file:///work/app/out/renderer/index.html',
    });
    bounds: { x: number; y: number; width: number; height: number };
    show = vi.fn();
    focus = vi.fn();
    restore = vi.fn();
    maximize = vi.fn();
    close = vi.fn();
    isMinimized = () => false;
    isMaximized = () => false;
    isDestroyed = () => false;
    getNormalBounds = () => ({ ...this.bounds });
    loadURL = vi.fn(() => Promise.resolve());
    loadFile = vi.fn(() => Promise.resolve());
    constructor(public options: { x?: number; y?: number; width: number; height: number }) {
      super();
      this.bounds = { x: options.x ?? 0, y: options.y ?? 0, width: options.width, height: options.height };
      fake.state.windows.push(this as unknown as (typeof fake.state.windows)[number]);
    }
  }
  class Tray extends EventEmitter {
    setToolTip = vi.fn();
    setContextMenu = vi.fn();
    destroy = vi.fn();
    constructor(public icon: string) {
      super();
      fake.state.trays.push(this);
    }
  }
  class Notification {
    static isSupported = () => true;
    constructor(private readonly options: { title: string; body: string }) {}
    show() {
      fake.state.notifications.push(this.options);
    }
  }
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    requestSingleInstanceLock: vi.fn(() => fake.state.lock),
    whenReady: vi.fn(() => Promise.resolve()),
    getPath: vi.fn((name: string) => (name === 'userData' ? fake.userData : '/tmp')),
    getAppPath: vi.fn(() => '/work/app'),
    getVersion: vi.fn(() => '0.1.0'),
    setAppUserModelId: vi.fn(),
    quit: vi.fn(),
    exit: vi.fn(),
  });
  const laptop = { x: 0, y: 0, width: 1920, height: 1040 };
  return {
    app,
    BrowserWindow,
    Tray,
    Notification,
    Menu: { buildFromTemplate: vi.fn((template: unknown) => ({ template })) },
    globalShortcut: {
      register: vi.fn((accelerator: string, callback: () => void) => {
        if (!fake.state.shortcutFree) return false;
        fake.state.shortcuts.set(accelerator, callback);
        return true;
      }),
      unregister: vi.fn((accelerator: string) => fake.state.shortcuts.delete(accelerator)),
    },
    screen: {
      getAllDisplays: vi.fn(() => [{ workArea: laptop }]),
      getPrimaryDisplay: vi.fn(() => ({ workArea: laptop })),
    },
    dialog: {
      showErrorBox: vi.fn(),
      showMessageBox: vi.fn(() =>
        Promise.resolve({ response: fake.state.crashChoice, checkboxChecked: false }),
      ),
    },
    shell: { openExternal: vi.fn(() => Promise.resolve()), showItemInFolder: vi.fn() },
    ipcMain: {
      handle: vi.fn((channel: string, fn: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown) =>
        fake.state.handlers.set(channel, fn),
      ),
      removeHandler: vi.fn((channel: string) => fake.state.handlers.delete(channel)),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: vi.fn((fn: typeof fake.state.permissionRequest) => {
          fake.state.permissionRequest = fn;
        }),
        setPermissionCheckHandler: vi.fn(),
        setDevicePermissionHandler: vi.fn(),
        webRequest: {
          onHeadersReceived: vi.fn((fn: typeof fake.state.headers) => {
            fake.state.headers = fn;
          }),
        },
      },
    },
  };
});

vi.mock('../../../electron/core/runtime.js', () => ({ startLiveDesk: vi.fn() }));

const electron = await import('electron');
const { startLiveDesk } = await import('../../../electron/core/runtime.js');
const { runApp, APP_ID } = await import('../../../electron/main/lifecycle.js');

const app = electron.app as unknown as EventEmitter & {
  quit: ReturnType<typeof vi.fn>;
  exit: ReturnType<typeof vi.fn>;
  whenReady: ReturnType<typeof vi.fn>;
  setAppUserModelId: ReturnType<typeof vi.fn>;
};
const showErrorBox = vi.mocked(electron.dialog.showErrorBox);
const start = vi.mocked(startLiveDesk);

const MAIN_DIR = path.resolve('/work/app/out/main');
const RENDERER_FILE = path.resolve('/work/app/out/renderer/index.html');
const SOCKETIO_ARGS = ['--', '--source', 'socketio', '--url', 'http://127.0.0.1:7000', '--room', 'r1'];

function launch(args: string[], overrides: { devServerUrl?: string; platform?: NodeJS.Platform } = {}) {
  runApp({
    mainDir: MAIN_DIR,
    argv: ['/opt/electron/electron', '.', ...args],
    defaultApp: true,
    devServerUrl: overrides.devServerUrl,
    resourcesPath: '/opt/electron/resources',
    electronVersion: '45.4.1',
    platform: overrides.platform ?? 'linux',
  });
}

function fakeRuntime() {
  let release: () => void = () => undefined;
  const stopped = new Promise<void>((resolve) => (release = resolve));
  const listeners = new Set<(u: BoardUpdate) => void>();
  const unsubscribe = vi.fn();
  const service = {
    getSnapshot: vi.fn(() => 'snapshot'),
    getFeedStatus: vi.fn(() => ({ state: 'live', messagesPerSec: 40 })),
    openIncident: vi.fn(() => ({ id: 9, type: 'other' })),
    onUpdate: vi.fn((listener: (u: BoardUpdate) => void) => {
      listeners.add(listener);
      return () => {
        unsubscribe();
        listeners.delete(listener);
      };
    }),
  };
  const push = (u: BoardUpdate) => listeners.forEach((l) => l(u));
  const runtime = { service: service as unknown as LiveDeskService, stop: vi.fn(() => stopped) };
  return {
    runtime: runtime as unknown as LiveDeskRuntime,
    stop: runtime.stop,
    service,
    release,
    push,
    listeners,
    unsubscribe,
  };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

let userDataTemp: { dir: string; cleanup: () => void } | null = null;
const processListeners = () => ({
  uncaught: process.listeners('uncaughtException'),
  rejection: process.listeners('unhandledRejection'),
});
let before = processListeners();

beforeEach(() => {
  vi.clearAllMocks();
  app.removeAllListeners();
  userDataTemp = makeTempDir('livedesk-userdata-');
  fake.userData = userDataTemp.dir;
  before = processListeners();
  Object.assign(fake.state, {
    lock: true,
    windows: [],
    handlers: new Map(),
    permissionRequest: null,
    headers: null,
    trays: [],
    shortcuts: new Map(),
    shortcutFree: true,
    notifications: [],
    crashChoice: 0,
  });
});

afterEach(() => {
  // runApp installs crash logging on the real process: take it off again between tests.
  const now = processListeners();
  for (const l of now.uncaught) if (!before.uncaught.includes(l)) process.off('uncaughtException', l);
  for (const l of now.rejection) if (!before.rejection.includes(l)) process.off('unhandledRejection', l);
  userDataTemp?.cleanup();
});

const logText = () => fs.readFileSync(path.join(fake.userData, 'logs', 'main.log'), 'utf8');
const started = () => vi.waitFor(() => expect(fake.state.windows[0]?.loadFile).toHaveBeenCalled());

describe('Electron lifecycle', () => {
  it('quits at once when another instance holds the lock', () => {
    fake.state.lock = false;
    launch([]);
    expect(app.quit).toHaveBeenCalledOnce();
    expect(app.whenReady).not.toHaveBeenCalled();
  });

  it('starts the core with the parsed options, then opens the secure window and wires IPC', async () => {
    const { runtime, service } = fakeRuntime();
    start.mockResolvedValue(runtime);
    launch(SOCKETIO_ARGS);
    await vi.waitFor(() => expect(fake.state.windows[0]?.loadFile).toHaveBeenCalled());

    expect(start).toHaveBeenCalledExactlyOnceWith(
      expect.objectContaining({
        source: { kind: 'socketio', url: 'http://127.0.0.1:7000', room: 'r1' },
        dataDir: path.join(fake.userData, 'data'),
      }),
      // No .native build under /work/app: better-sqlite3 does its own lookup.
      { nativeBinding: undefined, resourcesDir: path.join('/work/app', 'resources') },
    );
    const win = fake.state.windows[0]!;
    expect(win.options.webPreferences.preload).toBe(path.resolve('/work/app/out/preload/index.cjs'));
    expect(win.options.webPreferences.sandbox).toBe(true);
    expect(win.loadFile).toHaveBeenCalledWith(RENDERER_FILE);
    expect([...fake.state.handlers.keys()].sort()).toEqual(API_METHODS.map(ipcChannel).sort());
    expect(app.listenerCount('web-contents-created')).toBe(1);

    // IPC trusts the page it loaded, and nothing else.
    service.getSnapshot.mockClear(); // the tray read its first status from it
    const handler = fake.state.handlers.get(ipcChannel('getSnapshot'))!;
    const from = (url: string) => ({ senderFrame: { url } }) as unknown as IpcMainInvokeEvent;
    expect(handler(from(pathToFileURL(RENDERER_FILE).href))).toBe('snapshot');
    expect(() => handler(from('https://evil.example/'))).toThrow(/untrusted sender/);
    expect(service.getSnapshot).toHaveBeenCalledOnce();

    // The session is hardened before any page loads.
    const granted = vi.fn();
    fake.state.permissionRequest?.(null, 'media', granted);
    expect(granted).toHaveBeenCalledWith(false);
  });

  it('loads the dev server and allows it in the CSP when electron-vite serves the renderer', async () => {
    start.mockResolvedValue(fakeRuntime().runtime);
    launch([], { devServerUrl: 'http://localhost:5173' });
    await vi.waitFor(() =>
      expect(fake.state.windows[0]?.loadURL).toHaveBeenCalledWith('http://localhost:5173'),
    );
    const respond = vi.fn();
    fake.state.headers?.({ responseHeaders: {} }, respond);
    expect(respond.mock.calls[0]?.[0].responseHeaders['Content-Security-Policy'][0]).toContain(
      'ws://localhost:5173',
    );
  });

  it('shows a bad option in an error box and exits without starting the core', async () => {
    launch(['--', '--rom', 'r1']);
    await vi.waitFor(() => expect(app.exit).toHaveBeenCalledWith(1));
    expect(showErrorBox).toHaveBeenCalledOnce();
    const [title, message] = showErrorBox.mock.calls[0]!;
    expect(title).toMatch(/Invalid options/);
    expect(message).toMatch(/rom/);
    expect(start).not.toHaveBeenCalled();
    expect(fake.state.windows).toHaveLength(0);
  });

  it('shows a core start failure in an error box and exits', async () => {
    start.mockRejectedValue(new Error('database is locked'));
    launch([]);
    await vi.waitFor(() => expect(app.exit).toHaveBeenCalledWith(1));
    expect(showErrorBox).toHaveBeenCalledWith(expect.stringMatching(/could not start/), 'database is locked');
  });

  it('on window-all-closed, stops the core first and quits after', async () => {
    const { runtime, stop, release } = fakeRuntime();
    start.mockResolvedValue(runtime);
    launch([]);
    await vi.waitFor(() => expect(fake.state.windows[0]?.loadFile).toHaveBeenCalled());

    app.emit('window-all-closed');
    await flush();
    expect(stop).toHaveBeenCalledOnce();
    expect(fake.state.handlers.size).toBe(0);
    expect(app.quit).not.toHaveBeenCalled();

    release();
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalledOnce());
    // The quit that follows is let through, and the core is not stopped twice.
    const event = { preventDefault: vi.fn() };
    app.emit('before-quit', event);
    expect(event.preventDefault).not.toHaveBeenCalled();
    expect(stop).toHaveBeenCalledOnce();
  });

  it('holds a Cmd+Q style quit until the core has stopped', async () => {
    const { runtime, stop, release } = fakeRuntime();
    start.mockResolvedValue(runtime);
    launch([]);
    await vi.waitFor(() => expect(fake.state.windows[0]?.loadFile).toHaveBeenCalled());

    const event = { preventDefault: vi.fn() };
    app.emit('before-quit', event);
    expect(event.preventDefault).toHaveBeenCalledOnce();
    await vi.waitFor(() => expect(stop).toHaveBeenCalledOnce());
    expect(app.quit).not.toHaveBeenCalled();
    release();
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalledOnce());
  });

  it('stops a core that finishes starting after quit was requested, and opens no window', async () => {
    const { runtime, stop, release } = fakeRuntime();
    let finishStart: (r: LiveDeskRuntime) => void = () => undefined;
    start.mockReturnValue(new Promise((resolve) => (finishStart = resolve)));
    launch([]);
    await vi.waitFor(() => expect(start).toHaveBeenCalled());

    app.emit('before-quit', { preventDefault: vi.fn() });
    finishStart(runtime);
    await vi.waitFor(() => expect(stop).toHaveBeenCalledOnce());
    release();
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalledOnce());
    expect(fake.state.windows).toHaveLength(0);
  });

  it("wires revealExport to the file manager, for a finished job's own file only", async () => {
    const { runtime, service } = fakeRuntime();
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'livedesk-reveal-')), '总结.md');
    fs.writeFileSync(file, '# 总结');
    const jobs: Record<string, unknown> = {
      'exp-1-1': { jobId: 'exp-1-1', state: 'done', file: { name: '总结.md', path: file, bytes: 8 } },
      'exp-1-2': { jobId: 'exp-1-2', state: 'running', file: null },
    };
    Object.assign(service, { getExportJob: vi.fn(({ jobId }: { jobId: string }) => jobs[jobId] ?? null) });
    start.mockResolvedValue(runtime);
    launch([]);
    await vi.waitFor(() => expect(fake.state.windows[0]?.loadFile).toHaveBeenCalled());
    const handler = fake.state.handlers.get(ipcChannel('revealExport'))!;
    const from = { senderFrame: { url: pathToFileURL(RENDERER_FILE).href } } as unknown as IpcMainInvokeEvent;
    expect(handler(from, { jobId: 'exp-1-2' })).toBe(false);
    expect(handler(from, { jobId: 'exp-9-9' })).toBe(false);
    expect(electron.shell.showItemInFolder).not.toHaveBeenCalled();
    expect(handler(from, { jobId: 'exp-1-1' })).toBe(true);
    expect(electron.shell.showItemInFolder).toHaveBeenCalledExactlyOnceWith(file);
    fs.rmSync(path.dirname(file), { recursive: true });
  });

  it('focuses the existing window when a second instance starts; sets the AppUserModelID on Windows', async () => {
    start.mockResolvedValue(fakeRuntime().runtime);
    launch([], { platform: 'win32' });
    await vi.waitFor(() => expect(fake.state.windows[0]?.loadFile).toHaveBeenCalled());
    app.emit('second-instance');
    expect(fake.state.windows[0]!.focus).toHaveBeenCalledOnce();
    expect(app.setAppUserModelId).toHaveBeenCalledWith(APP_ID);
  });
});

const FILE_URL = pathToFileURL(RENDERER_FILE).href;
const SECURE_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
};

/** A webContents as web-contents-created hands it over: listeners and the window-open handler. */
function createdContents() {
  const listeners = new Map<string, (event: { url: string; preventDefault: () => void }) => void>();
  let openHandler: ((details: { url: string }) => unknown) | null = null;
  const contents = {
    on: (name: string, fn: (event: { url: string; preventDefault: () => void }) => void) =>
      listeners.set(name, fn),
    setWindowOpenHandler: (fn: (details: { url: string }) => unknown) => (openHandler = fn),
  };
  app.emit('web-contents-created', {}, contents);
  return {
    navigate: (url: string) => {
      const event = { url, preventDefault: vi.fn() };
      listeners.get('will-navigate')?.(event);
      return event.preventDefault.mock.calls.length > 0 ? 'blocked' : 'allowed';
    },
    windowOpen: (url: string) =>
      openHandler?.({ url }) as { action: string; overrideBrowserWindowOptions?: { webPreferences: object } },
  };
}

describe('security wiring of every window', () => {
  it('locks down the main window and the big screen alike', async () => {
    start.mockResolvedValue(fakeRuntime().runtime);
    launch([]);
    await started();
    expect(fake.state.windows[0]!.options.webPreferences).toMatchObject(SECURE_PREFERENCES);
    const big = createdContents().windowOpen(`${FILE_URL}#/big`);
    expect(big.action).toBe('allow');
    expect(big.overrideBrowserWindowOptions?.webPreferences).toMatchObject(SECURE_PREFERENCES);
    expect(big.overrideBrowserWindowOptions?.webPreferences).toEqual(
      fake.state.windows[0]!.options.webPreferences,
    );
  });

  it('denies navigation and window.open; links leave only as http(s) through the shell', async () => {
    start.mockResolvedValue(fakeRuntime().runtime);
    launch([]);
    await started();
    const contents = createdContents();
    expect(contents.navigate('https://evil.example/phish')).toBe('blocked');
    expect(contents.navigate('file:///C:/Windows/System32/calc.exe')).toBe('blocked');
    expect(contents.navigate('ms-msdt:/id PCWDiagnostic')).toBe('blocked');
    expect(contents.navigate(`${FILE_URL}#/history`)).toBe('allowed');
    expect(contents.windowOpen('https://help.example/doc').action).toBe('deny');
    expect(contents.windowOpen('smb://evil/share').action).toBe('deny');
    await flush();
    expect(vi.mocked(electron.shell.openExternal).mock.calls).toEqual([
      ['https://evil.example/phish'],
      ['https://help.example/doc'],
    ]);
  });
});

describe('renderer crash recovery', () => {
  it('reloads a crashed page; ingest, IPC and updates carry on untouched, and the page resyncs', async () => {
    const rt = fakeRuntime();
    start.mockResolvedValue(rt.runtime);
    launch([]);
    await started();
    const win = fake.state.windows[0]!;
    win.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 11 });
    expect(win.webContents.reload).toHaveBeenCalledOnce();
    // The core was not stopped or re-subscribed; every IPC handler is still there.
    expect(rt.stop).not.toHaveBeenCalled();
    expect(rt.unsubscribe).not.toHaveBeenCalled();
    expect(start).toHaveBeenCalledOnce();
    expect([...fake.state.handlers.keys()].sort()).toEqual(API_METHODS.map(ipcChannel).sort());
    // The reloaded page's first call, getSnapshot, is answered; updates still reach the window.
    const from = { senderFrame: { url: FILE_URL } } as unknown as IpcMainInvokeEvent;
    rt.service.getSnapshot.mockClear();
    expect(fake.state.handlers.get(ipcChannel('getSnapshot'))!(from)).toBe('snapshot');
    const update = {
      feed: { state: 'live', messagesPerSec: 3 },
      comments: [],
      droppedComments: 0,
    } as unknown as BoardUpdate;
    rt.push(update);
    expect(win.webContents.send).toHaveBeenCalledWith(IPC_UPDATE_CHANNEL, update);
    expect(logText()).toMatch(/renderer gone \(crashed\); reloading/);
  });

  it('asks after 3 crashes in a minute; quitting from the dialog quits the app', async () => {
    fake.state.crashChoice = 1;
    start.mockResolvedValue(fakeRuntime().runtime);
    launch([]);
    await started();
    const win = fake.state.windows[0]!;
    for (let i = 0; i < 4; i++)
      win.webContents.emit('render-process-gone', {}, { reason: 'oom', exitCode: 1 });
    expect(win.webContents.reload).toHaveBeenCalledTimes(3);
    expect(electron.dialog.showMessageBox).toHaveBeenCalledOnce();
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalled());
  });

  it('reloads a crashed big screen on its own', async () => {
    start.mockResolvedValue(fakeRuntime().runtime);
    launch([]);
    await started();
    const { EventEmitter: Emitter } = await import('node:events');
    const child = Object.assign(new Emitter(), {
      close: vi.fn(),
      webContents: Object.assign(new Emitter(), { send: vi.fn(), isDestroyed: () => false, reload: vi.fn() }),
    });
    fake.state.windows[0]!.webContents.emit('did-create-window', child);
    child.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
    expect(child.webContents.reload).toHaveBeenCalledOnce();
    expect(fake.state.windows[0]!.webContents.reload).not.toHaveBeenCalled();
  });
});

describe('window place, tray, incident shortcut, logs', () => {
  it('remembers where the window was: saved on close, used at the next start', async () => {
    start.mockResolvedValue(fakeRuntime().runtime);
    launch([]);
    await started();
    const first = fake.state.windows[0]!;
    first.bounds = { x: 300, y: 120, width: 1500, height: 880 };
    first.emit('close', { preventDefault: vi.fn() });
    const saved = JSON.parse(
      fs.readFileSync(path.join(fake.userData, 'window-state.json'), 'utf8'),
    ) as object;
    expect(saved).toEqual({ version: 1, x: 300, y: 120, width: 1500, height: 880, maximized: false });

    app.removeAllListeners();
    fake.state.windows = [];
    start.mockResolvedValue(fakeRuntime().runtime);
    launch([]);
    await started();
    expect(fake.state.windows[0]!.options).toMatchObject({ x: 300, y: 120, width: 1500, height: 880 });
  });

  it('starts with the default window when the saved file is damaged, and says so in the log', async () => {
    fs.writeFileSync(path.join(fake.userData, 'window-state.json'), '{"version":1,"x":"left"');
    start.mockResolvedValue(fakeRuntime().runtime);
    launch([]);
    await started();
    expect(fake.state.windows[0]!.options).toMatchObject({ x: 240, y: 70, width: 1440, height: 900 });
    expect(logText()).toMatch(/\[warn\] .*window-state\.json is not JSON/);
  });

  it('shows the live status in the tray and removes it, and the shortcut, on quit', async () => {
    const rt = fakeRuntime();
    start.mockResolvedValue(rt.runtime);
    launch([]);
    await started();
    const tray = fake.state.trays[0]!;
    expect(tray.icon).toBe(path.join('/work/app', 'resources', 'icons', 'tray.png'));
    rt.push({
      feed: { state: 'live', messagesPerSec: 42 },
      comments: [],
      droppedComments: 0,
      alerts: { open: { info: 0, warn: 2, critical: 1 } },
    } as unknown as BoardUpdate);
    await vi.waitFor(
      () =>
        expect(tray.setToolTip).toHaveBeenLastCalledWith(
          expect.stringContaining('直播中 · 42 条/秒 · 未处理告警 3'),
        ),
      {
        timeout: 3000,
      },
    );
    expect(fake.state.shortcuts.size).toBe(1);
    app.emit('window-all-closed');
    await flush();
    expect(tray.destroy).toHaveBeenCalledOnce();
    expect(fake.state.shortcuts.size).toBe(0);
  });

  it('the global shortcut opens an incident of type 其他 and brings the window up on it', async () => {
    const rt = fakeRuntime();
    start.mockResolvedValue(rt.runtime);
    launch([], { platform: 'darwin' });
    await started();
    expect(fake.state.trays[0]!.icon).toMatch(/trayTemplate\.png$/);
    const press = fake.state.shortcuts.get('CommandOrControl+Alt+I');
    expect(press).toBeDefined();
    press!();
    expect(rt.service.openIncident).toHaveBeenCalledWith(expect.objectContaining({ type: 'other' }));
    const win = fake.state.windows[0]!;
    expect(win.show).toHaveBeenCalled();
    expect(win.focus).toHaveBeenCalled();
    expect(win.webContents.send).toHaveBeenCalledWith(
      IPC_UPDATE_CHANNEL,
      expect.objectContaining({ focusIncidentId: 9, comments: [], droppedComments: 0 }),
    );
  });

  it('a shortcut taken by another app is logged and shown, and the app starts anyway', async () => {
    fake.state.shortcutFree = false;
    start.mockResolvedValue(fakeRuntime().runtime);
    launch(['--', '--incident-shortcut', 'Ctrl+Alt+F9']);
    await started();
    expect(app.exit).not.toHaveBeenCalled();
    expect(fake.state.notifications).toHaveLength(1);
    expect(fake.state.notifications[0]!.body).toContain('Ctrl+Alt+F9');
    expect(logText()).toMatch(
      /\[warn\] incident shortcut Ctrl\+Alt\+F9 not registered: another application already uses it/,
    );
  });

  it('refuses a bad --incident-shortcut like any bad option; `none` registers nothing', async () => {
    launch(['--', '--incident-shortcut', 'Shift+I']);
    await vi.waitFor(() => expect(app.exit).toHaveBeenCalledWith(1));
    expect(showErrorBox).toHaveBeenCalledWith(
      expect.stringMatching(/Invalid options/),
      expect.stringMatching(/needs Ctrl, Alt/),
    );
    expect(start).not.toHaveBeenCalled();

    app.removeAllListeners();
    vi.mocked(electron.globalShortcut.register).mockClear();
    start.mockResolvedValue(fakeRuntime().runtime);
    launch(['--', '--incident-shortcut', 'none']);
    await started();
    expect(electron.globalShortcut.register).not.toHaveBeenCalled();
  });

  it('logs to <userData>/logs with crash handlers installed, never the feed token', async () => {
    start.mockResolvedValue(fakeRuntime().runtime);
    launch([...SOCKETIO_ARGS, '--token', 'FEED-SECRET-123']);
    await started();
    expect(process.listeners('uncaughtException').length).toBe(before.uncaught.length + 1);
    expect(process.listeners('unhandledRejection').length).toBe(before.rejection.length + 1);
    app.emit('render-process-gone', {}, { getURL: () => FILE_URL }, { reason: 'killed', exitCode: 9 });
    const text = logText();
    expect(text).toMatch(/\[info\] LiveDesk 0\.1\.0 starting/);
    expect(text).toMatch(/\[info\] core started \(source: socketio\)/);
    expect(text).toMatch(/\[error\] renderer process gone: reason=killed/);
    expect(text).not.toContain('FEED-SECRET-123');
  });
});
