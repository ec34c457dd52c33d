/**
 * The main window opens where it was left: position, size and maximised, kept in
 * `<userData>/window-state.json`. The file is checked on load (a hand-edited or half-written
 * file gives the default window, never a crash) and the saved place is pulled back onto a
 * display that exists now — the studio's second monitor may be unplugged since.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export const WINDOW_STATE_FILE = 'window-state.json';
/** Saves wait this long after the last move or resize (dragging fires dozens of events a second). */
export const WINDOW_STATE_DEBOUNCE_MS = 500;

const coordinate = z.number().int().min(-1_000_000).max(1_000_000);
const length = z.number().int().min(100).max(100_000);

export const WindowStateSchema = z.object({
  version: z.literal(1),
  x: coordinate,
  y: coordinate,
  width: length,
  height: length,
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof WindowStateSchema>;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowPlacement extends Rect {
  maximized: boolean;
}

export type LoadedWindowState = { state: WindowState | null; problem: string | null };

/** The saved state, or null with the reason when the file is absent, unreadable or invalid. */
export function loadWindowState(
  file: string,
  read: (file: string) => string = (f) => fs.readFileSync(f, 'utf8'),
): LoadedWindowState {
  let text: string;
  try {
    text = read(file);
  } catch (err) {
    const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
    return { state: null, problem: missing ? null : `cannot read ${file}: ${String(err)}` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { state: null, problem: `${file} is not JSON; using the default window` };
  }
  const parsed = WindowStateSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') || 'file';
    return {
      state: null,
      problem: `${file}: ${where}: ${issue?.message ?? 'invalid'}; using the default window`,
    };
  }
  return { state: parsed.data, problem: null };
}

/** Written to a temporary file first: a crash mid-write leaves the previous state intact. */
export function saveWindowState(file: string, state: WindowState): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  fs.writeFileSync(partial, `${JSON.stringify(state)}\n`);
  fs.renameSync(partial, file);
}

function intersection(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

const clamp = (value: number, min: number, max: number) => Math.min(Math.max(value, min), max);

/**
 * Where to open the window: on the display holding most of the saved rectangle, resized to fit
 * its work area and moved fully inside it; a rectangle on no current display is centred on the
 * primary one. Without a saved state: the default size, centred on the primary display.
 */
export function placeWindow(
  state: WindowState | null,
  displays: { workAreas: readonly Rect[]; primary: Rect },
  defaults: { width: number; height: number },
): WindowPlacement {
  const wanted: Rect = state
    ? { x: state.x, y: state.y, width: state.width, height: state.height }
    : { x: 0, y: 0, width: defaults.width, height: defaults.height };
  let area = displays.primary;
  let centre = true;
  if (state) {
    let best = 0;
    for (const candidate of displays.workAreas) {
      const overlap = intersection(wanted, candidate);
      if (overlap > best) {
        best = overlap;
        area = candidate;
      }
    }
    centre = best === 0;
  }
  const width = Math.min(wanted.width, area.width);
  const height = Math.min(wanted.height, area.height);
  const x = centre ? area.x + Math.round((area.width - width) / 2) : wanted.x;
  const y = centre ? area.y + Math.round((area.height - height) / 2) : wanted.y;
  return {
    x: clamp(x, area.x, area.x + area.width - width),
    y: clamp(y, area.y, area.y + area.height - height),
    width,
    height,
    maximized: state?.maximized ?? false,
  };
}

/** The parts of a BrowserWindow the tracker reads and listens to. */
export interface TrackedWindow {
  // One overload per event, like Electron's own typings (so a BrowserWindow fits).
  on(event: 'move', listener: () => void): unknown;
  on(event: 'resize', listener: () => void): unknown;
  on(event: 'maximize', listener: () => void): unknown;
  on(event: 'unmaximize', listener: () => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  on(event: 'closed', listener: () => void): unknown;
  getNormalBounds(): Rect;
  isMaximized(): boolean;
  isDestroyed(): boolean;
}

export interface TrackOptions {
  save: (state: WindowState) => void;
  debounceMs?: number;
}

export function currentWindowState(win: TrackedWindow): WindowState {
  // Normal bounds: the size the window returns to, also while maximised or minimised.
  const bounds = win.getNormalBounds();
  return {
    version: 1,
    x: Math.round(bounds.x),
    y: Math.round(bounds.y),
    width: Math.round(bounds.width),
    height: Math.round(bounds.height),
    maximized: win.isMaximized(),
  };
}

/** Saves the window's state shortly after it moves or resizes, and at once when it closes. */
export function trackWindowState(win: TrackedWindow, options: TrackOptions): () => void {
  const debounceMs = options.debounceMs ?? WINDOW_STATE_DEBOUNCE_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const saveNow = () => {
    clearTimeout(timer);
    timer = undefined;
    if (stopped || win.isDestroyed()) return;
    options.save(currentWindowState(win));
  };
  const later = () => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(saveNow, debounceMs);
  };
  win.on('move', later);
  win.on('resize', later);
  win.on('maximize', later);
  win.on('unmaximize', later);
  win.on('close', saveNow);
  const stop = () => {
    stopped = true;
    clearTimeout(timer);
  };
  win.on('closed', stop);
  return stop;
}
