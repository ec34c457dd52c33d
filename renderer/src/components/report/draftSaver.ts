/**
 * Automatic saving of what the user types: a save runs once typing has paused for `delayMs`,
 * at most one save is in flight (a change made meanwhile is saved right after it), a failed save
 * keeps the value and tries again later, and `flush` saves now (Ctrl+S, leaving the view,
 * before an export). No React in here, so the rules are tested on their own.
 */
import { messageOf } from '../common/errorMessage.js';

/**
 * saved   — everything typed is stored;
 * pending — a change waits for the pause in typing;
 * saving  — a save is in flight;
 * error   — the last save failed; the value is kept and retried.
 */
export type SaveStatus = 'saved' | 'pending' | 'saving' | 'error';

export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface DraftSaverOptions<T> {
  save: (value: T) => Promise<void>;
  /** Quiet time after the last change before it is saved. */
  delayMs: number;
  /** After a failed save, the next try (unless a change or flush comes first). */
  retryMs: number;
  onStatus: (status: SaveStatus, error: string | null) => void;
  timers?: Timers;
}

export interface DraftSaver<T> {
  change(value: T): void;
  /** Saves what is unsaved now; true when everything is stored afterwards. */
  flush(): Promise<boolean>;
  status(): SaveStatus;
  /** Flushes and stops the timers; later changes are ignored. */
  dispose(): Promise<boolean>;
}

export function createDraftSaver<T>(options: DraftSaverOptions<T>): DraftSaver<T> {
  const timers = options.timers ?? realTimers;
  // `hasUnsaved` rather than `unsaved !== undefined`: a value may legitimately be undefined.
  let hasUnsaved = false;
  let unsaved: T | undefined;
  let inFlight: Promise<void> | null = null;
  let timer: unknown = null;
  let current: SaveStatus = 'saved';
  let disposed = false;

  const setStatus = (status: SaveStatus, error: string | null = null) => {
    current = status;
    options.onStatus(status, error);
  };

  const cancelTimer = () => {
    if (timer !== null) timers.clear(timer);
    timer = null;
  };

  const schedule = (ms: number) => {
    cancelTimer();
    timer = timers.set(() => {
      timer = null;
      void saveNow();
    }, ms);
  };

  /** One save of the latest value; a value changed during it stays unsaved for the next one. */
  const saveOnce = async (): Promise<void> => {
    if (!hasUnsaved) return;
    const value = unsaved as T;
    hasUnsaved = false;
    unsaved = undefined;
    setStatus('saving');
    try {
      await options.save(value);
      setStatus(hasUnsaved ? 'pending' : 'saved');
    } catch (error) {
      if (!hasUnsaved) {
        hasUnsaved = true;
        unsaved = value;
      }
      setStatus('error', messageOf(error));
      if (!disposed) schedule(options.retryMs);
    }
  };

  /** Saves the latest value, after the save in flight (one at a time); false when it failed. */
  const saveNow = async (): Promise<boolean> => {
    cancelTimer();
    while (inFlight) await inFlight;
    if (!hasUnsaved) return current !== 'error';
    inFlight = saveOnce();
    try {
      await inFlight;
    } finally {
      inFlight = null;
    }
    // Typed during the save: that change has its own timer (flush saves it at once).
    return current !== 'error';
  };

  const flush = async (): Promise<boolean> => {
    let ok = await saveNow();
    // Changes made while the first save ran are part of "now" too.
    while (ok && hasUnsaved) ok = await saveNow();
    return ok && !hasUnsaved;
  };

  return {
    change(value) {
      if (disposed) return;
      hasUnsaved = true;
      unsaved = value;
      if (current !== 'saving') setStatus('pending');
      schedule(options.delayMs);
    },
    flush,
    status: () => current,
    async dispose() {
      const ok = await flush();
      disposed = true;
      cancelTimer();
      return ok;
    },
  };
}
