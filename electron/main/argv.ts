/**
 * Picks LiveDesk's own options out of Electron's process.argv.
 *
 * Electron's argv holds the executable, the app path when run as `electron .` (process.defaultApp),
 * and whatever Chromium/Node switches the launcher added (`--no-sandbox`, `--inspect=…`,
 * `--remote-debugging-port=…`, macOS `-psn_…`). parseCliArgs is strict, so those must go first.
 */
import { CLI_OPTIONS, ConfigError } from '../core/config.js';

/** Options parseCliArgs (electron/core/config.ts) understands; each takes a value. */
export const LIVEDESK_OPTIONS: ReadonlySet<string> = new Set(Object.keys(CLI_OPTIONS));

/** Options only the desktop app takes (not parseCliArgs, which the web host shares). */
export const DESKTOP_OPTIONS: ReadonlySet<string> = new Set(['incident-shortcut']);

export interface DesktopOptions {
  /** `--incident-shortcut ACCEL` (or `none`); checked by incident-shortcut.ts. */
  incidentShortcut?: string;
}

export interface ArgvContext {
  /** process.defaultApp: true when started as `electron <appPath>` (dev, npm start). */
  defaultApp: boolean;
}

/**
 * With a `--` separator (`electron . -- --source …`, i.e. `npm start -- …`) everything after it is
 * ours, verbatim, so parseCliArgs still reports typos. Without one (`electron-vite dev -- …` and the
 * packaged app) only LiveDesk's own options and their values are kept: Chromium accepts hundreds of
 * switches and a user-supplied `--ozone-platform-hint=auto` must not stop the app.
 */
export function cliArgsFromArgv(argv: readonly string[], context: ArgvContext): string[] {
  const rest = argv.slice(context.defaultApp ? 2 : 1);
  const separator = rest.indexOf('--');
  if (separator >= 0) return rest.slice(separator + 1);
  return keepOwnOptions(rest);
}

function keepOwnOptions(args: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (!arg.startsWith('--')) continue;
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq >= 0 ? eq : undefined);
    if (!LIVEDESK_OPTIONS.has(name) && !DESKTOP_OPTIONS.has(name)) continue;
    kept.push(arg);
    const next = args[i + 1];
    // `--room 123` form: the value travels with its option. A following switch is not a value.
    if (eq < 0 && next !== undefined && !next.startsWith('-')) {
      kept.push(next);
      i++;
    }
  }
  return kept;
}

/**
 * Takes the desktop-only options out of the arguments, so parseCliArgs (strict) sees only its own.
 * Throws ConfigError for a desktop option without its value.
 */
export function splitDesktopArgs(args: readonly string[]): { coreArgs: string[]; desktop: DesktopOptions } {
  const coreArgs: string[] = [];
  const desktop: DesktopOptions = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') ? arg.slice(2, eq >= 0 ? eq : undefined) : '';
    if (name !== 'incident-shortcut') {
      coreArgs.push(arg);
      continue;
    }
    const value = eq >= 0 ? arg.slice(eq + 1) : args[i + 1];
    if (value === undefined || value === '' || (eq < 0 && value.startsWith('--'))) {
      throw new ConfigError('--incident-shortcut needs a value, e.g. CommandOrControl+Alt+I, or none');
    }
    desktop.incidentShortcut = value;
    if (eq < 0) i++;
  }
  return { coreArgs, desktop };
}
