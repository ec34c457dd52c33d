import type { EventEmitter } from 'node:events';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { API_METHODS, IPC_UPDATE_CHANNEL, ipcChannel } from '../../../shared/api/contract.js';
import type { BoardUpdate, LiveDeskClient } from '../../../shared/api/contract.js';

/** Stands in for the preload's electron: an ipcRenderer emitter and a contextBridge that records. */
const fake = vi.hoisted(() => ({ exposed: new Map<string, unknown>(), ipcRenderer: null as unknown }));

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const ipcRenderer = Object.assign(new Emitter(), {
    invoke: vi.fn((channel: string, ...args: unknown[]) => Promise.resolve({ channel, args })),
  });
  fake.ipcRenderer = ipcRenderer;
  return {
    ipcRenderer,
    contextBridge: {
      exposeInMainWorld: vi.fn((key: string, api: unknown) => fake.exposed.set(key, api)),
    },
  };
});

type FakeIpcRenderer = EventEmitter & { invoke: ReturnType<typeof vi.fn> };
let api: LiveDeskClient;
let ipcRenderer: FakeIpcRenderer;

beforeAll(async () => {
  await import('../../../electron/preload/index.js');
  api = fake.exposed.get('livedesk') as LiveDeskClient;
  ipcRenderer = fake.ipcRenderer as FakeIpcRenderer;
});

const update = { feed: { state: 'live' }, comments: [], droppedComments: 0 } as unknown as BoardUpdate;

describe('preload bridge', () => {
  it('exposes one object, window.livedesk, with exactly the API methods and onUpdate', () => {
    expect([...fake.exposed.keys()]).toEqual(['livedesk']);
    expect(Object.keys(api).sort()).toEqual([...API_METHODS, 'onUpdate'].sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    expect(api).not.toHaveProperty('ipcRenderer');
    expect(api).not.toHaveProperty('send');
    expect(api).not.toHaveProperty('invoke');
    // Nothing exposed is, or hands back, the raw ipcRenderer or its event.
    expect(Object.values(api)).not.toContain(ipcRenderer);
    const off = api.onUpdate(() => undefined);
    expect(typeof off).toBe('function');
    off();
  });

  it('invokes each method on its own channel with the arguments given', async () => {
    for (const method of API_METHODS) {
      ipcRenderer.invoke.mockClear();
      const call = api[method] as (...args: unknown[]) => Promise<unknown>;
      const args = method === 'getComments' ? [{ limit: 10 }] : [];
      await expect(call(...args)).resolves.toEqual({ channel: ipcChannel(method), args });
      expect(ipcRenderer.invoke).toHaveBeenCalledTimes(1);
      expect(ipcRenderer.invoke).toHaveBeenCalledWith(ipcChannel(method), ...args);
    }
  });

  it('onUpdate passes the update (not the IPC event) and its unsubscribe works', () => {
    const listener = vi.fn();
    const unsubscribe = api.onUpdate(listener);
    expect(ipcRenderer.listenerCount(IPC_UPDATE_CHANNEL)).toBe(1);

    ipcRenderer.emit(IPC_UPDATE_CHANNEL, { sender: 'ipc event' }, update);
    expect(listener).toHaveBeenCalledExactlyOnceWith(update);

    unsubscribe();
    expect(ipcRenderer.listenerCount(IPC_UPDATE_CHANNEL)).toBe(0);
    ipcRenderer.emit(IPC_UPDATE_CHANNEL, {}, update);
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('keeps separate subscriptions independent', () => {
    const a = vi.fn();
    const b = vi.fn();
    const offA = api.onUpdate(a);
    const offB = api.onUpdate(b);
    offA();
    ipcRenderer.emit(IPC_UPDATE_CHANNEL, {}, update);
    expect(a).not.toHaveBeenCalled();
    expect(b).toHaveBeenCalledOnce();
    offB();
  });
});
