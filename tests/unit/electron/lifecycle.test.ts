import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { EventEmitter } from 'node:events';
import type { IpcMainInvokeEvent } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { LiveDeskRuntime } from '../../../electron/core/runtime.js';
import { API_METHODS, ipcChannel } from '../../../shared/api/contract.js';
import type { LiveDeskService } from '../../../shared/api/contract.js';

/**
 * Hand-written stand-ins for the parts of Electron the lifecycle touches. Only Electron is faked:
 * argv stripping, config parsing, IPC registration and the security wiring are the real code.
 */
const fake = vi.hoisted(() => ({
  state: {} as {
    lock: boolean;
    windows: Array<{
      options: { webPreferences: { preload: string; sandbox: boolean } };
      loadURL: ReturnType<typeof vi.fn>;
      loadFile: ReturnType<typeof vi.fn>;
      focus: ReturnType<typeof vi.fn>;
    }>;
    handlers: Map<string, (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown>;
    permissionRequest: ((wc: unknown, permission: string, cb: (ok: boolean) => void) => void) | null;
    headers:
      ((details: object, cb: (r: { responseHeaders: Record<string, string[]> }) => void) => void) | null;
  },
}));

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  class BrowserWindow extends EventEmitter {
    webContents = { send: vi.fn(), isDestroyed: () => false, on: vi.fn() };
    show = vi.fn();
    focus = vi.fn();
    restore = vi.fn();
    isMinimized = () => false;
    isDestroyed = () => false;
    loadURL = vi.fn(() => Promise.resolve());
    loadFile = vi.fn(() => Promise.resolve());
    constructor(public options: unknown) {
      super();
      fake.state.windows.push(this as unknown as (typeof fake.state.windows)[number]);
    }
  }
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    requestSingleInstanceLock: vi.fn(() => fake.state.lock),
    whenReady: vi.fn(() => Promise.resolve()),
    getPath: vi.fn((name: string) => (name === 'userData' ? '/home/u/.config/LiveDesk' : '/tmp')),
    getAppPath: vi.fn(() => '/work/app'),
    setAppUserModelId: vi.fn(),
    quit: vi.fn(),
    exit: vi.fn(),
  });
  return {
    app,
    BrowserWindow,
    dialog: { showErrorBox: vi.fn() },
    shell: { openExternal: vi.fn(() => Promise.resolve()) },
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
  const service = { getSnapshot: vi.fn(() => 'snapshot'), onUpdate: vi.fn(() => () => undefined) };
  const runtime = { service: service as unknown as LiveDeskService, stop: vi.fn(() => stopped) };
  return { runtime: runtime as unknown as LiveDeskRuntime, stop: runtime.stop, service, release };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  vi.clearAllMocks();
  app.removeAllListeners();
  Object.assign(fake.state, {
    lock: true,
    windows: [],
    handlers: new Map(),
    permissionRequest: null,
    headers: null,
  });
});

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
        dataDir: path.join('/home/u/.config/LiveDesk', 'data'),
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

  it('focuses the existing window when a second instance starts; sets the AppUserModelID on Windows', async () => {
    start.mockResolvedValue(fakeRuntime().runtime);
    launch([], { platform: 'win32' });
    await vi.waitFor(() => expect(fake.state.windows[0]?.loadFile).toHaveBeenCalled());
    app.emit('second-instance');
    expect(fake.state.windows[0]!.focus).toHaveBeenCalledOnce();
    expect(app.setAppUserModelId).toHaveBeenCalledWith(APP_ID);
  });
});
