import path from 'node:path';
import type { BrowserWindow } from 'electron';
import { describe, expect, it, vi } from 'vitest';

/** Stands in for BrowserWindow: records options and listeners, like Electron's EventEmitter. */
vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  class BrowserWindow extends EventEmitter {
    options: unknown;
    show = vi.fn();
    loadURL = vi.fn(() => Promise.resolve());
    loadFile = vi.fn(() => Promise.resolve());
    maximize = vi.fn();
    constructor(options: unknown) {
      super();
      this.options = options;
    }
  }
  return { BrowserWindow };
});

const { createMainWindow, loadRenderer, mainWindowOptions, rendererAppUrl, rendererSource, WINDOW_TITLE } =
  await import('../../../electron/main/window.js');

describe('main window', () => {
  it('is isolated, sandboxed and without Node', () => {
    const options = mainWindowOptions('/app/out/preload/index.cjs');
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    // Nothing that loosens Chromium: no experimental or extra Blink features, no insecure content.
    for (const loosening of ['experimentalFeatures', 'enableBlinkFeatures', 'allowRunningInsecureContent']) {
      expect(options.webPreferences?.[loosening as keyof typeof options.webPreferences], loosening).not.toBe(
        true,
      );
    }
    expect(options.webPreferences).not.toHaveProperty('enableBlinkFeatures');
    expect(options.webPreferences).not.toHaveProperty('experimentalFeatures');
  });

  it('has the product title and size, dark background, hidden until ready', () => {
    const options = mainWindowOptions('/p.cjs');
    expect(options).toMatchObject({
      title: '直播助理台 LiveDesk',
      width: 1440,
      height: 900,
      minWidth: 1200,
      minHeight: 720,
      show: false,
    });
    expect(options.title).toBe(WINDOW_TITLE);
    expect(options.backgroundColor).toMatch(/^#[0-2][0-9a-f]{5}$/i);
  });

  it('shows itself on ready-to-show', () => {
    const win = createMainWindow('/p.cjs') as unknown as {
      show: ReturnType<typeof vi.fn>;
      emit: (e: string) => void;
    };
    expect(win.show).not.toHaveBeenCalled();
    win.emit('ready-to-show');
    expect(win.show).toHaveBeenCalledOnce();
  });

  it('opens at a remembered place, maximising only after the first paint', () => {
    const placement = { x: 2000, y: 40, width: 1700, height: 1000, maximized: true };
    const win = createMainWindow('/p.cjs', placement) as unknown as {
      options: { x: number; y: number; width: number; height: number; webPreferences: object };
      show: ReturnType<typeof vi.fn>;
      maximize: ReturnType<typeof vi.fn>;
      emit: (e: string) => void;
    };
    expect(win.options).toMatchObject({ x: 2000, y: 40, width: 1700, height: 1000 });
    // Placement never touches the security options.
    expect(win.options.webPreferences).toEqual(mainWindowOptions('/p.cjs').webPreferences);
    expect(win.maximize).not.toHaveBeenCalled();
    win.emit('ready-to-show');
    expect(win.maximize).toHaveBeenCalledOnce();
    expect(win.show).toHaveBeenCalledOnce();
  });

  it('loads the dev server in dev, the built file otherwise', async () => {
    const mainDir = path.resolve('/app/out/main');
    const dev = rendererSource({ isPackaged: false, devServerUrl: 'http://localhost:5173', mainDir });
    expect(dev).toEqual({ kind: 'url', url: 'http://localhost:5173' });
    expect(rendererAppUrl(dev)).toBe('http://localhost:5173');

    const built = rendererSource({ isPackaged: false, devServerUrl: undefined, mainDir });
    expect(built).toEqual({ kind: 'file', file: path.resolve('/app/out/renderer/index.html') });
    expect(rendererAppUrl(built)).toBe('file:///app/out/renderer/index.html');

    // A stray ELECTRON_RENDERER_URL in a user's environment must not redirect the packaged app.
    const packaged = rendererSource({ isPackaged: true, devServerUrl: 'http://evil.example', mainDir });
    expect(packaged.kind).toBe('file');

    const win = createMainWindow('/p.cjs') as unknown as {
      loadURL: ReturnType<typeof vi.fn>;
      loadFile: ReturnType<typeof vi.fn>;
    };
    await loadRenderer(win as unknown as BrowserWindow, built);
    expect(win.loadFile).toHaveBeenCalledWith(path.resolve('/app/out/renderer/index.html'));
    await loadRenderer(win as unknown as BrowserWindow, dev);
    expect(win.loadURL).toHaveBeenCalledWith('http://localhost:5173');
  });
});
