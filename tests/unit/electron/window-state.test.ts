import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  loadWindowState,
  placeWindow,
  saveWindowState,
  trackWindowState,
  WINDOW_STATE_DEBOUNCE_MS,
} from '../../../electron/main/window-state.js';
import type { Rect, TrackedWindow, WindowState } from '../../../electron/main/window-state.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

let cleanup: () => void = () => undefined;
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

function tempFile() {
  const temp = makeTempDir('livedesk-winstate-');
  cleanup = temp.cleanup;
  return path.join(temp.dir, 'window-state.json');
}

const state = (over: Partial<WindowState> = {}): WindowState => ({
  version: 1,
  x: 100,
  y: 80,
  width: 1500,
  height: 950,
  maximized: false,
  ...over,
});

const LAPTOP: Rect = { x: 0, y: 0, width: 1920, height: 1040 };
const TV_RIGHT: Rect = { x: 1920, y: 0, width: 3840, height: 2120 };
const DEFAULTS = { width: 1440, height: 900 };

describe('window state file', () => {
  it('round-trips through a file written atomically', () => {
    const file = tempFile();
    saveWindowState(file, state({ maximized: true }));
    expect(loadWindowState(file)).toEqual({ state: state({ maximized: true }), problem: null });
    expect(fs.readdirSync(path.dirname(file))).toEqual(['window-state.json']);
  });

  it('is simply absent on the first start (no problem reported)', () => {
    expect(loadWindowState(tempFile())).toEqual({ state: null, problem: null });
  });

  it('refuses a damaged or hand-edited file with a reason, never throwing', () => {
    const file = tempFile();
    const cases: Array<[string, RegExp]> = [
      ['{"version":1,"x":', /not JSON/],
      [JSON.stringify({ ...state(), width: 'wide' }), /width/],
      [JSON.stringify({ ...state(), width: 20 }), /width/],
      [JSON.stringify({ ...state(), x: 1e12 }), /x/],
      [JSON.stringify({ ...state(), version: 2 }), /version/],
      [JSON.stringify({ ...state(), maximized: 'yes' }), /maximized/],
      ['null', /file/],
    ];
    for (const [text, reason] of cases) {
      fs.writeFileSync(file, text);
      const loaded = loadWindowState(file);
      expect(loaded.state, text).toBeNull();
      expect(loaded.problem, text).toMatch(reason);
    }
  });
});

describe('placeWindow', () => {
  it('keeps a window that is on a current display where it was', () => {
    expect(placeWindow(state(), { workAreas: [LAPTOP], primary: LAPTOP }, DEFAULTS)).toEqual({
      x: 100,
      y: 80,
      width: 1500,
      height: 950,
      maximized: false,
    });
  });

  it('puts a window back on the TV when it is still connected, maximised as it was', () => {
    const onTv = state({ x: 2500, y: 200, maximized: true });
    expect(placeWindow(onTv, { workAreas: [LAPTOP, TV_RIGHT], primary: LAPTOP }, DEFAULTS)).toMatchObject({
      x: 2500,
      y: 200,
      maximized: true,
    });
  });

  it('centres a window left on an unplugged monitor on the primary display', () => {
    const onTv = state({ x: 2500, y: 200 });
    expect(placeWindow(onTv, { workAreas: [LAPTOP], primary: LAPTOP }, DEFAULTS)).toEqual({
      x: 210,
      y: 45,
      width: 1500,
      height: 950,
      maximized: false,
    });
  });

  it('pulls a half-visible window fully inside, shrinking it to fit a smaller screen', () => {
    const small: Rect = { x: 0, y: 25, width: 1366, height: 743 };
    const placed = placeWindow(state({ x: 900, y: -300 }), { workAreas: [small], primary: small }, DEFAULTS);
    expect(placed).toEqual({ x: 0, y: 25, width: 1366, height: 743, maximized: false });
  });

  it('uses the display holding most of a window that spans two', () => {
    const spanning = state({ x: 1000, y: 100, width: 1600, height: 900 });
    const placed = placeWindow(spanning, { workAreas: [LAPTOP, TV_RIGHT], primary: LAPTOP }, DEFAULTS);
    expect(placed).toMatchObject({ x: 320, y: 100 });
  });

  it('opens at the default size, centred, without a saved state', () => {
    expect(placeWindow(null, { workAreas: [LAPTOP], primary: LAPTOP }, DEFAULTS)).toEqual({
      x: 240,
      y: 70,
      width: 1440,
      height: 900,
      maximized: false,
    });
  });
});

class FakeWindow extends EventEmitter {
  bounds: Rect = { x: 10, y: 20, width: 1300, height: 800 };
  maximized = false;
  destroyed = false;
  getNormalBounds = () => ({ ...this.bounds });
  isMaximized = () => this.maximized;
  isDestroyed = () => this.destroyed;
}

describe('trackWindowState', () => {
  it('saves once, after moves and resizes settle, with the normal bounds', () => {
    vi.useFakeTimers();
    const win = new FakeWindow();
    const save = vi.fn();
    trackWindowState(win as unknown as TrackedWindow, { save });
    for (let i = 0; i < 20; i++) {
      win.bounds.x += 5;
      win.emit('move');
      vi.advanceTimersByTime(50);
    }
    win.emit('resize');
    expect(save).not.toHaveBeenCalled();
    vi.advanceTimersByTime(WINDOW_STATE_DEBOUNCE_MS);
    expect(save).toHaveBeenCalledExactlyOnceWith({
      version: 1,
      x: 110,
      y: 20,
      width: 1300,
      height: 800,
      maximized: false,
    });
  });

  it('saves at once on close (maximised, keeping the size to restore to) and stops after closed', () => {
    vi.useFakeTimers();
    const win = new FakeWindow();
    const save = vi.fn();
    trackWindowState(win as unknown as TrackedWindow, { save });
    win.maximized = true;
    win.emit('maximize');
    win.emit('close');
    expect(save).toHaveBeenCalledExactlyOnceWith(expect.objectContaining({ maximized: true, width: 1300 }));
    win.emit('closed');
    win.emit('move');
    vi.advanceTimersByTime(WINDOW_STATE_DEBOUNCE_MS * 2);
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('writes a file the next start reads back', () => {
    const file = tempFile();
    const win = new FakeWindow();
    trackWindowState(win as unknown as TrackedWindow, { save: (s) => saveWindowState(file, s) });
    win.emit('close');
    expect(loadWindowState(file).state).toEqual({
      version: 1,
      x: 10,
      y: 20,
      width: 1300,
      height: 800,
      maximized: false,
    });
  });
});
