/**
 * A crashed renderer (out of memory after hours of comments, a GPU driver hiccup) reloads itself:
 * ingest, storage and alerts live in the main process and never stopped, so the reloaded page
 * simply asks for a fresh snapshot (renderer/src/state/boardSync.ts does on connect) and the
 * board is back with nothing lost. A renderer that keeps crashing is not reloaded forever: after
 * a few reloads within a minute the user is asked.
 */
import type { RenderProcessGoneDetails } from 'electron';
import type { AppLog } from './app-log.js';

export const MAX_RELOADS = 3;
export const RELOAD_WINDOW_MS = 60_000;

export type CrashChoice = 'reload' | 'give-up';

export interface RecoveryDeps {
  log: AppLog;
  /** Which window this is, for the log ("main", "big screen"). */
  name: string;
  reload: () => void;
  /** Asked once the reload budget is spent. */
  askAfterRepeatedCrashes: () => Promise<CrashChoice>;
  /** What giving up means for this window: quit the app (main) or close it (big screen). */
  giveUp: () => void;
  now?: () => number;
  maxReloads?: number;
  windowMs?: number;
}

export interface CrashWatchable {
  on(
    event: 'render-process-gone',
    listener: (event: unknown, details: RenderProcessGoneDetails) => void,
  ): unknown;
  on(event: 'unresponsive', listener: () => void): unknown;
  on(event: 'responsive', listener: () => void): unknown;
}

/** Decides per crash: reload, or ask (too many in the last minute). Pure, so it is easy to test. */
export class ReloadBudget {
  private crashes: number[] = [];

  constructor(
    private readonly maxReloads = MAX_RELOADS,
    private readonly windowMs = RELOAD_WINDOW_MS,
  ) {}

  /** Records a crash at `at`; true while reloads in the window stay within the budget. */
  allowReload(at: number): boolean {
    this.crashes = this.crashes.filter((t) => at - t < this.windowMs);
    this.crashes.push(at);
    return this.crashes.length <= this.maxReloads;
  }

  reset(): void {
    this.crashes = [];
  }
}

export function watchRendererCrashes(contents: CrashWatchable, deps: RecoveryDeps): void {
  const budget = new ReloadBudget(deps.maxReloads, deps.windowMs);
  const now = deps.now ?? Date.now;
  let asking = false;

  contents.on('render-process-gone', (_event, details) => {
    // clean-exit: the page closed normally (window closing, app quitting).
    if (details.reason === 'clean-exit' || asking) return;
    if (budget.allowReload(now())) {
      deps.log.warn(`${deps.name} window: renderer gone (${details.reason}); reloading, data is kept`);
      deps.reload();
      return;
    }
    deps.log.error(`${deps.name} window: renderer crashed again (${details.reason}); asking the user`);
    asking = true;
    deps
      .askAfterRepeatedCrashes()
      .then((choice) => {
        asking = false;
        if (choice === 'give-up') {
          deps.giveUp();
          return;
        }
        budget.reset();
        deps.reload();
      })
      .catch((err: unknown) => {
        asking = false;
        deps.log.error('the crash dialog failed:', err);
      });
  });
  contents.on('unresponsive', () => deps.log.warn(`${deps.name} window: renderer not responding`));
  contents.on('responsive', () => deps.log.info(`${deps.name} window: renderer responding again`));
}
