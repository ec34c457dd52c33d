import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { AppLog } from '../../../electron/main/app-log.js';
import { MAX_RELOADS, ReloadBudget, watchRendererCrashes } from '../../../electron/main/renderer-recovery.js';
import type { CrashChoice, CrashWatchable } from '../../../electron/main/renderer-recovery.js';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup(choice: CrashChoice = 'reload') {
  let clock = 1_000_000;
  const contents = new EventEmitter();
  const log = { dir: '/logs', info: vi.fn(), warn: vi.fn(), error: vi.fn() } as unknown as AppLog & {
    warn: ReturnType<typeof vi.fn>;
    error: ReturnType<typeof vi.fn>;
  };
  const deps = {
    log,
    name: 'main',
    reload: vi.fn(),
    askAfterRepeatedCrashes: vi.fn(() => Promise.resolve(choice)),
    giveUp: vi.fn(),
    now: () => clock,
  };
  watchRendererCrashes(contents as unknown as CrashWatchable, deps);
  const crash = (reason = 'crashed') => contents.emit('render-process-gone', {}, { reason, exitCode: 1 });
  const advance = (ms: number) => (clock += ms);
  return { contents, deps, crash, advance, log };
}

describe('ReloadBudget', () => {
  it('allows 3 reloads within a minute; older crashes fall out of the window', () => {
    const budget = new ReloadBudget();
    expect(MAX_RELOADS).toBe(3);
    expect([0, 1000, 2000].map((t) => budget.allowReload(t))).toEqual([true, true, true]);
    expect(budget.allowReload(3000)).toBe(false);
    expect(budget.allowReload(61_500)).toBe(true);
    budget.reset();
    expect(budget.allowReload(61_600)).toBe(true);
  });
});

describe('watchRendererCrashes', () => {
  it('reloads a crashed page and logs it', () => {
    const { crash, deps, log } = setup();
    crash('oom');
    expect(deps.reload).toHaveBeenCalledOnce();
    expect(log.warn).toHaveBeenCalledWith(expect.stringMatching(/renderer gone \(oom\); reloading/));
  });

  it('ignores a clean exit (the window closing)', () => {
    const { crash, deps } = setup();
    crash('clean-exit');
    expect(deps.reload).not.toHaveBeenCalled();
  });

  it('after 3 reloads in a minute asks instead; "reload" starts a fresh budget', async () => {
    const { crash, deps } = setup('reload');
    crash();
    crash();
    crash();
    expect(deps.reload).toHaveBeenCalledTimes(3);
    crash();
    expect(deps.askAfterRepeatedCrashes).toHaveBeenCalledOnce();
    expect(deps.reload).toHaveBeenCalledTimes(3);
    // Crashes while the question is open are not queued up.
    crash();
    expect(deps.askAfterRepeatedCrashes).toHaveBeenCalledOnce();
    await flush();
    expect(deps.reload).toHaveBeenCalledTimes(4);
    crash();
    expect(deps.reload).toHaveBeenCalledTimes(5);
  });

  it('gives up when the user chooses so', async () => {
    const { crash, deps } = setup('give-up');
    for (let i = 0; i < 4; i++) crash();
    await flush();
    expect(deps.giveUp).toHaveBeenCalledOnce();
    expect(deps.reload).toHaveBeenCalledTimes(3);
  });

  it('spreads out over time: a crash every 30 s keeps reloading', () => {
    const { crash, deps, advance } = setup();
    for (let i = 0; i < 10; i++) {
      crash();
      advance(30_000);
    }
    expect(deps.reload).toHaveBeenCalledTimes(10);
    expect(deps.askAfterRepeatedCrashes).not.toHaveBeenCalled();
  });

  it('logs an unresponsive page without reloading it', () => {
    const { contents, deps, log } = setup();
    contents.emit('unresponsive');
    expect(log.warn).toHaveBeenCalledWith(expect.stringContaining('not responding'));
    expect(deps.reload).not.toHaveBeenCalled();
  });
});
