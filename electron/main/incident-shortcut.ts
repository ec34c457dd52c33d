/**
 * A system-wide shortcut that logs an incident (事故) from wherever the assistant is — the
 * streaming software usually has the focus when the stream stutters. It opens an incident of
 * type 其他 (other) at once (the response clock starts), then brings LiveDesk up on it so the
 * type and notes can be filled in.
 */
import type { IncidentView } from '../../shared/api/operations.js';
import type { LiveDeskService } from '../../shared/api/contract.js';
import { ConfigError } from '../core/config.js';
import type { AppLog } from './app-log.js';

/** Ctrl+Alt+I on Windows and Linux, Cmd+Alt+I on macOS. */
export const DEFAULT_INCIDENT_SHORTCUT = 'CommandOrControl+Alt+I';
/** `--incident-shortcut none` turns it off. */
export const SHORTCUT_OFF = 'none';
export const SHORTCUT_INCIDENT_TITLE = '快捷键记录 · logged by shortcut';

const MODIFIERS: Readonly<Record<string, string>> = {
  command: 'Command',
  cmd: 'Command',
  control: 'Control',
  ctrl: 'Control',
  commandorcontrol: 'CommandOrControl',
  cmdorctrl: 'CommandOrControl',
  alt: 'Alt',
  option: 'Alt',
  altgr: 'AltGr',
  shift: 'Shift',
  super: 'Super',
  meta: 'Super',
};

const NAMED_KEYS = [
  'Plus',
  'Space',
  'Tab',
  'Backspace',
  'Delete',
  'Insert',
  'Return',
  'Enter',
  'Up',
  'Down',
  'Left',
  'Right',
  'Home',
  'End',
  'PageUp',
  'PageDown',
  'Escape',
  'Esc',
  'PrintScreen',
  'num0',
  'num1',
  'num2',
  'num3',
  'num4',
  'num5',
  'num6',
  'num7',
  'num8',
  'num9',
  'numdec',
  'numadd',
  'numsub',
  'nummult',
  'numdiv',
];
const KEYS_BY_LOWER: ReadonlyMap<string, string> = new Map(NAMED_KEYS.map((k) => [k.toLowerCase(), k]));
const PUNCTUATION = new Set(['-', '=', '[', ']', '\\', ';', "'", ',', '.', '/', '`']);

function keyName(raw: string): string | null {
  if (/^[a-z0-9]$/i.test(raw)) return raw.toUpperCase();
  if (PUNCTUATION.has(raw)) return raw;
  const f = /^f([1-9]|1[0-9]|2[0-4])$/i.exec(raw);
  if (f) return `F${f[1]}`;
  return KEYS_BY_LOWER.get(raw.toLowerCase()) ?? null;
}

/** A bad --incident-shortcut: reported like every other bad option. */
export class ShortcutError extends ConfigError {}

/**
 * Checks an Electron accelerator ("CommandOrControl+Alt+I") and returns it spelled canonically.
 * It needs a modifier other than Shift: a global plain key or Shift+key would swallow typing in
 * every other app.
 */
export function checkAccelerator(raw: string): string {
  const parts = raw.trim().split('+');
  if (raw.trim() === '' || parts.some((p) => p.trim() === '')) {
    throw new ShortcutError(`--incident-shortcut: "${raw}" is not a shortcut (e.g. CommandOrControl+Alt+I)`);
  }
  const keyPart = parts.pop()?.trim() ?? '';
  const key = keyName(keyPart);
  if (!key) throw new ShortcutError(`--incident-shortcut: unknown key "${keyPart}" in "${raw}"`);
  const modifiers: string[] = [];
  for (const part of parts) {
    const modifier = MODIFIERS[part.trim().toLowerCase()];
    if (!modifier)
      throw new ShortcutError(`--incident-shortcut: unknown modifier "${part.trim()}" in "${raw}"`);
    if (modifiers.includes(modifier)) {
      throw new ShortcutError(`--incident-shortcut: "${modifier}" appears twice in "${raw}"`);
    }
    modifiers.push(modifier);
  }
  if (!modifiers.some((m) => m !== 'Shift')) {
    throw new ShortcutError(
      `--incident-shortcut: "${raw}" needs Ctrl, Alt, Cmd or Super (a global key without one would block typing elsewhere)`,
    );
  }
  return [...modifiers, key].join('+');
}

/** The shortcut to register: the default, the one given, or none. Throws ShortcutError. */
export function incidentShortcutFrom(flag: string | undefined): string | null {
  if (flag === undefined) return DEFAULT_INCIDENT_SHORTCUT;
  if (flag.trim().toLowerCase() === SHORTCUT_OFF) return null;
  return checkAccelerator(flag);
}

/** How the accelerator reads on this platform, for messages ("Ctrl+Alt+I", "Cmd+Alt+I"). */
export function shortcutLabel(accelerator: string, platform: NodeJS.Platform): string {
  const mac = platform === 'darwin';
  return accelerator
    .replace('CommandOrControl', mac ? 'Cmd' : 'Ctrl')
    .replace('Command', 'Cmd')
    .replace('Control', 'Ctrl')
    .replace('Super', mac ? 'Cmd' : 'Super');
}

export interface GlobalShortcuts {
  register(accelerator: string, callback: () => void): boolean;
  unregister(accelerator: string): void;
}

export type ShortcutRegistration = { ok: true; dispose: () => void } | { ok: false; reason: string };

/**
 * Registers the shortcut. Taken by another app (register returns false) or refused by the OS
 * (it throws): a reason to log and show, never a failed start.
 */
export function registerIncidentShortcut(
  shortcuts: GlobalShortcuts,
  accelerator: string,
  onTrigger: () => void,
): ShortcutRegistration {
  let registered: boolean;
  try {
    registered = shortcuts.register(accelerator, onTrigger);
  } catch (err) {
    return { ok: false, reason: err instanceof Error ? err.message : String(err) };
  }
  if (!registered) return { ok: false, reason: 'another application already uses it' };
  let disposed = false;
  return {
    ok: true,
    dispose: () => {
      if (disposed) return;
      disposed = true;
      shortcuts.unregister(accelerator);
    },
  };
}

export interface IncidentFromShortcutDeps {
  service: Pick<LiveDeskService, 'openIncident'>;
  /** Restores, shows and focuses the main window. */
  showWindow: () => void;
  /** Asks the renderer to open the incident log on this incident. */
  focusIncident: (incident: IncidentView) => void;
  log: AppLog;
}

/** Opens an incident of type 其他 and brings the app up on it. Never throws (it runs from the OS). */
export function openIncidentFromShortcut(deps: IncidentFromShortcutDeps): IncidentView | null {
  let incident: IncidentView | null = null;
  try {
    incident = deps.service.openIncident({
      type: 'other',
      severity: 'medium',
      title: SHORTCUT_INCIDENT_TITLE,
    });
    deps.log.info(`incident ${incident.id} opened by the global shortcut`);
  } catch (err) {
    deps.log.error('the global shortcut could not open an incident:', err);
  }
  try {
    deps.showWindow();
    if (incident) deps.focusIncident(incident);
  } catch (err) {
    deps.log.warn('could not bring the window up for the incident:', err);
  }
  return incident;
}
