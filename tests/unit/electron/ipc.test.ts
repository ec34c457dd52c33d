import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { fanOut, registerAppIpc, registerIpc, sendUpdate } from '../../../electron/main/ipc.js';
import type { IpcHandlers } from '../../../electron/main/ipc.js';
import { isTrustedSender } from '../../../electron/main/security.js';
import { API_METHODS, IPC_UPDATE_CHANNEL, ipcChannel } from '../../../shared/api/contract.js';
import type { BoardUpdate, LiveDeskService } from '../../../shared/api/contract.js';

const APP_URL = 'file:///opt/LiveDesk/out/renderer/index.html';

/** ipc.ts holds Electron's real ipcMain (the only file allowed to): a recording stand-in. */
const electronIpc = vi.hoisted(() => ({ channels: [] as string[] }));
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string) => void electronIpc.channels.push(channel),
    removeHandler: (channel: string) => {
      electronIpc.channels = electronIpc.channels.filter((c) => c !== channel);
    },
  },
}));

type Handler = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

/** Stands in for ipcMain: one handler per channel, like Electron (a second one throws). */
function fakeIpcMain() {
  const handlers = new Map<string, Handler>();
  const ipcMain = {
    handle: vi.fn((channel: string, handler: Handler) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, handler);
    }),
    removeHandler: vi.fn((channel: string) => void handlers.delete(channel)),
  };
  /** Calls a channel the way ipcRenderer.invoke would arrive, from a frame at `frameUrl`. */
  const invoke = async (channel: string, frameUrl: string | null, ...args: unknown[]) => {
    const handler = handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    const event = {
      senderFrame: frameUrl === null ? null : { url: frameUrl },
    } as unknown as IpcMainInvokeEvent;
    return handler(event, ...args);
  };
  return { ipcMain: ipcMain as unknown as IpcHandlers & typeof ipcMain, handlers, invoke };
}

function fakeService() {
  const listeners = new Set<(u: BoardUpdate) => void>();
  const unsubscribe = vi.fn();
  const service = {
    getSnapshot: vi.fn(() => ({ snapshot: true })),
    getMetrics: vi.fn(() => null),
    getComments: vi.fn(() => [{ rowId: 1 }]),
    getFeedStatus: vi.fn(() => ({ state: 'live' })),
    getInvalidSamples: vi.fn(() => []),
    onUpdate: vi.fn((listener: (u: BoardUpdate) => void) => {
      listeners.add(listener);
      return () => {
        unsubscribe();
        listeners.delete(listener);
      };
    }),
  };
  const push = (u: BoardUpdate) => listeners.forEach((l) => l(u));
  return { service: service as unknown as LiveDeskService & typeof service, push, listeners, unsubscribe };
}

function setup() {
  const ipc = fakeIpcMain();
  const svc = fakeService();
  const target = { send: vi.fn(), isDestroyed: vi.fn(() => false) };
  const dispose = registerIpc(ipc.ipcMain, svc.service, (url) => isTrustedSender(url, APP_URL), target);
  return { ...ipc, ...svc, target, dispose };
}

const update = { feed: { state: 'live' }, comments: [], droppedComments: 0 } as unknown as BoardUpdate;

describe('registerIpc', () => {
  it('registers exactly one handler per API method, on its channel', () => {
    const { ipcMain, handlers } = setup();
    expect(ipcMain.handle).toHaveBeenCalledTimes(API_METHODS.length);
    expect([...handlers.keys()].sort()).toEqual(API_METHODS.map(ipcChannel).sort());
  });

  it('calls the service with the parsed arguments (defaults applied) and returns its answer', async () => {
    const { invoke, service } = setup();
    await expect(invoke(ipcChannel('getSnapshot'), APP_URL)).resolves.toEqual({ snapshot: true });
    await expect(invoke(ipcChannel('getComments'), APP_URL, { beforeRowId: 42 })).resolves.toEqual([
      { rowId: 1 },
    ]);
    expect(service.getComments).toHaveBeenCalledWith({ beforeRowId: 42, limit: 100 });
    await invoke(ipcChannel('getComments'), `${APP_URL}#/comments`, { limit: 20 });
    expect(service.getComments).toHaveBeenLastCalledWith({ limit: 20 });
  });

  it('rejects a call from a frame that is not our renderer, without touching the service', async () => {
    const { invoke, service } = setup();
    await expect(invoke(ipcChannel('getSnapshot'), 'https://evil.example/')).rejects.toThrow(
      /untrusted sender/,
    );
    await expect(invoke(ipcChannel('getSnapshot'), 'file:///tmp/other.html')).rejects.toThrow(
      /untrusted sender/,
    );
    await expect(invoke(ipcChannel('getSnapshot'), null)).rejects.toThrow(/untrusted sender/);
    expect(service.getSnapshot).not.toHaveBeenCalled();
  });

  it('refuses a foreign frame on every channel, one by one, before the arguments are even read', async () => {
    const { invoke, service } = setup();
    const serviceCalls = () =>
      Object.values(service)
        .filter((v) => vi.isMockFunction(v) && v !== service.onUpdate)
        .reduce((n, fn) => n + (fn as ReturnType<typeof vi.fn>).mock.calls.length, 0);
    for (const method of API_METHODS) {
      for (const frame of [
        'https://evil.example/index.html',
        'file:///C:/Users/x/Downloads/evil.html',
        null,
      ]) {
        await expect(
          invoke(ipcChannel(method), frame, { anything: true }),
          `${method} from ${frame}`,
        ).rejects.toThrow(new RegExp(`^livedesk\\.${method}: untrusted sender$`));
      }
    }
    expect(serviceCalls()).toBe(0);
  });

  it('refuses an iframe of another origin inside our own page (the frame, not the window, is checked)', async () => {
    const { ipcMain, service } = setup();
    const handler = ipcMain.handle.mock.calls.find(([c]) => c === ipcChannel('getSnapshot'))![1];
    const fromIframe = {
      senderFrame: { url: 'https://ads.example/frame.html', top: { url: APP_URL } },
      sender: { getURL: () => APP_URL },
    } as unknown as IpcMainInvokeEvent;
    expect(() => handler(fromIframe)).toThrow(/untrusted sender/);
    expect(service.getSnapshot).not.toHaveBeenCalled();
  });

  it('rejects bad arguments with a message naming the method and the field', async () => {
    const { invoke, service } = setup();
    const bad = invoke(ipcChannel('getComments'), APP_URL, { limit: 0 });
    await expect(bad).rejects.toThrow(/^livedesk\.getComments: invalid arguments \(\[0\]\.limit: .*>=1/);
    await expect(invoke(ipcChannel('getComments'), APP_URL, { limit: 'all' })).rejects.toThrow(
      /\[0\]\.limit/,
    );
    await expect(invoke(ipcChannel('getSnapshot'), APP_URL, 'extra')).rejects.toThrow(
      /livedesk\.getSnapshot: invalid arguments/,
    );
    await expect(invoke(ipcChannel('getComments'), APP_URL)).rejects.toThrow(/invalid arguments/);
    expect(service.getComments).not.toHaveBeenCalled();
    expect(service.getSnapshot).not.toHaveBeenCalled();
  });

  it('passes a service error through to the caller', async () => {
    const { invoke, service } = setup();
    service.getMetrics.mockImplementation(() => {
      throw new Error('database is closed');
    });
    await expect(invoke(ipcChannel('getMetrics'), APP_URL)).rejects.toThrow('database is closed');
  });

  it('forwards updates to the window, and not to a destroyed one', () => {
    const { push, target } = setup();
    push(update);
    expect(target.send).toHaveBeenCalledWith(IPC_UPDATE_CHANNEL, update);
    target.isDestroyed.mockReturnValue(true);
    push(update);
    expect(target.send).toHaveBeenCalledTimes(1);
  });

  it('dispose removes every handler and unsubscribes, once', async () => {
    const { dispose, handlers, ipcMain, unsubscribe, listeners, invoke } = setup();
    dispose();
    expect(handlers.size).toBe(0);
    expect(ipcMain.removeHandler).toHaveBeenCalledTimes(API_METHODS.length);
    expect(unsubscribe).toHaveBeenCalledTimes(1);
    expect(listeners.size).toBe(0);
    dispose();
    expect(unsubscribe).toHaveBeenCalledTimes(1);
    await expect(invoke(ipcChannel('getSnapshot'), APP_URL)).rejects.toThrow(/No handler/);
  });
});

describe('registerIpc: the export channels', () => {
  const job = { jobId: 'exp-1-1', state: 'done', file: { path: '/data/exports/a.docx' } };

  function setupWithHost() {
    const ipc = fakeIpcMain();
    const svc = fakeService();
    const service = Object.assign(svc.service, {
      startExport: vi.fn(() => job),
      getExportJob: vi.fn(() => job),
      revealExport: vi.fn(() => false),
    });
    const revealExport = vi.fn(() => true);
    const target = { send: vi.fn(), isDestroyed: vi.fn(() => false) };
    registerIpc(ipc.ipcMain, service, (url) => isTrustedSender(url, APP_URL), target, { revealExport });
    return { ...ipc, service, revealExport };
  }

  it('answers revealExport itself (the host has the file manager), with the checked arguments', async () => {
    const { invoke, service, revealExport } = setupWithHost();
    await expect(invoke(ipcChannel('revealExport'), APP_URL, { jobId: 'exp-1-1' })).resolves.toBe(true);
    expect(revealExport).toHaveBeenCalledExactlyOnceWith({ jobId: 'exp-1-1' });
    expect(service.revealExport).not.toHaveBeenCalled();
    // Other export methods still go to the core.
    await expect(invoke(ipcChannel('getExportJob'), APP_URL, { jobId: 'exp-1-1' })).resolves.toBe(job);
  });

  it('checks the sender and the arguments of the export channels like every other', async () => {
    const { invoke, service, revealExport } = setupWithHost();
    await expect(
      invoke(ipcChannel('revealExport'), 'https://evil.example/', { jobId: 'exp-1-1' }),
    ).rejects.toThrow(/untrusted sender/);
    // A path where a job id belongs never reaches the host's file manager.
    await expect(invoke(ipcChannel('revealExport'), APP_URL, { jobId: '../../etc/passwd' })).rejects.toThrow(
      /^livedesk\.revealExport: invalid arguments \(\[0\]\.jobId/,
    );
    await expect(
      invoke(ipcChannel('startExport'), APP_URL, { scope: { kind: 'show', showId: 's1' }, format: 'pdf' }),
    ).rejects.toThrow(/livedesk\.startExport: invalid arguments \(\[0\]\.format/);
    await expect(
      invoke(ipcChannel('startExport'), APP_URL, {
        scope: { kind: 'period', from: '2026-11-30', to: '2026-11-01' },
        format: 'md',
      }),
    ).rejects.toThrow(/\[0\]\.scope\.to: from is after to/);
    expect(revealExport).not.toHaveBeenCalled();
    expect(service.startExport).not.toHaveBeenCalled();
    await invoke(ipcChannel('startExport'), APP_URL, {
      scope: { kind: 'period', from: '2026-11-01', to: '2026-11-30' },
      format: 'xlsx',
    });
    expect(service.startExport).toHaveBeenCalledWith({
      scope: { kind: 'period', from: '2026-11-01', to: '2026-11-30', roomId: null },
      format: 'xlsx',
    });
  });
});

describe('registerAppIpc / sendUpdate', () => {
  it("registers every handler on Electron's ipcMain, and removes them", () => {
    const svc = fakeService();
    const dispose = registerAppIpc(svc.service, () => true, { send: vi.fn(), isDestroyed: () => false });
    expect([...electronIpc.channels].sort()).toEqual(API_METHODS.map(ipcChannel).sort());
    dispose();
    expect(electronIpc.channels).toEqual([]);
  });

  it('sends a host update on the typed update channel, not to a destroyed window', () => {
    const target = { send: vi.fn(), isDestroyed: vi.fn(() => false) };
    const focus = { ...update, focusIncidentId: 7 };
    sendUpdate(target, focus);
    expect(target.send).toHaveBeenCalledExactlyOnceWith(IPC_UPDATE_CHANNEL, focus);
    target.isDestroyed.mockReturnValue(true);
    sendUpdate(target, focus);
    expect(target.send).toHaveBeenCalledOnce();
  });
});

describe('fanOut', () => {
  it('sends to every live window and skips destroyed ones', () => {
    const a = { send: vi.fn(), isDestroyed: () => false };
    const b = { send: vi.fn(), isDestroyed: () => true };
    const target = fanOut(new Set([a, b]));
    target.send('livedesk:update', { x: 1 });
    expect(a.send).toHaveBeenCalledWith('livedesk:update', { x: 1 });
    expect(b.send).not.toHaveBeenCalled();
    expect(target.isDestroyed()).toBe(false);
  });
});
