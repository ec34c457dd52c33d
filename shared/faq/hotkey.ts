/**
 * FAQ hotkeys: one canonical spelling ("Alt+1", "Ctrl+Shift+K", "F2") stored with the entry and
 * matched against keyboard events. Letters and digits need Ctrl or Alt so typing in the app is
 * never taken over; F1–F12 may stand alone.
 */
const KEY = /^(?:F(?:[1-9]|1[0-2])|[A-Z0-9])$/;
const MODIFIERS = ['Ctrl', 'Alt', 'Shift'] as const;

export const HOTKEY_HINT = 'F1–F12, or Ctrl/Alt (+Shift) with a letter or digit, e.g. Alt+1';

/** The canonical form of a hotkey typed by a user ("alt + 1" → "Alt+1"), or null if not allowed. */
export function normaliseHotkey(raw: string): string | null {
  const parts = raw
    .split('+')
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  const key = parts.pop()?.toUpperCase();
  if (!key || !KEY.test(key)) return null;
  const mods = new Set<string>();
  for (const part of parts) {
    const lower = part.toLowerCase();
    const mod =
      lower === 'control' || lower === 'ctrl'
        ? 'Ctrl'
        : lower === 'alt'
          ? 'Alt'
          : lower === 'shift'
            ? 'Shift'
            : null;
    if (!mod || mods.has(mod)) return null;
    mods.add(mod);
  }
  const isFunctionKey = key.length > 1;
  if (!isFunctionKey && !mods.has('Ctrl') && !mods.has('Alt')) return null;
  return [...MODIFIERS.filter((m) => mods.has(m)), key].join('+');
}

/** What the DOM reports for a key press (a structural subset of KeyboardEvent). */
export interface KeyPress {
  key: string;
  code: string;
  ctrlKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  metaKey: boolean;
}

/**
 * The canonical hotkey a key press stands for, or null. Uses `code` for letters and digits so
 * Alt+1 still matches where the layout turns Alt+1 into another character (macOS: "¡").
 * Cmd counts as Ctrl, so a library written on Windows works on a Mac.
 */
export function hotkeyOf(event: KeyPress): string | null {
  let key: string | null = null;
  if (/^F(?:[1-9]|1[0-2])$/.test(event.key)) key = event.key;
  else if (/^Key[A-Z]$/.test(event.code)) key = event.code.slice(3);
  else if (/^(?:Digit|Numpad)[0-9]$/.test(event.code)) key = event.code.slice(-1);
  if (!key) return null;
  const mods = [
    event.ctrlKey || event.metaKey ? 'Ctrl' : null,
    event.altKey ? 'Alt' : null,
    event.shiftKey ? 'Shift' : null,
  ].filter((m): m is string => m !== null);
  return normaliseHotkey([...mods, key].join('+'));
}
