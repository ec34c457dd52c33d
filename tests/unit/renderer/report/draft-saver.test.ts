import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDraftSaver, type SaveStatus } from '../../../../renderer/src/components/report/draftSaver.js';

interface Deferred {
  resolve: () => void;
  reject: (error: Error) => void;
}

/** A save function whose calls the test answers one by one. */
function controlledSave() {
  const calls: { value: string; answer: Deferred }[] = [];
  const save = (value: string) =>
    new Promise<void>((resolve, reject) => calls.push({ value, answer: { resolve, reject } }));
  return { calls, save };
}

function setup(save: (value: string) => Promise<void>) {
  const statuses: SaveStatus[] = [];
  const errors: (string | null)[] = [];
  const saver = createDraftSaver<string>({
    save,
    delayMs: 800,
    retryMs: 5000,
    onStatus: (status, error) => {
      statuses.push(status);
      errors.push(error);
    },
  });
  return { saver, statuses, errors };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('saving what is typed', () => {
  it('saves once, the last value, after typing pauses', async () => {
    const saves: string[] = [];
    const { saver, statuses } = setup(async (v) => void saves.push(v));
    saver.change('a');
    await vi.advanceTimersByTimeAsync(500);
    saver.change('ab');
    await vi.advanceTimersByTimeAsync(500);
    saver.change('abc');
    // Typing never paused for 800 ms yet: nothing saved.
    await vi.advanceTimersByTimeAsync(799);
    expect(saves).toEqual([]);
    expect(saver.status()).toBe('pending');
    await vi.advanceTimersByTimeAsync(1);
    expect(saves).toEqual(['abc']);
    expect(saver.status()).toBe('saved');
    expect(statuses).toEqual(['pending', 'pending', 'pending', 'saving', 'saved']);
  });

  it('flush saves at once and reports whether everything is stored', async () => {
    const saves: string[] = [];
    const { saver } = setup(async (v) => void saves.push(v));
    expect(await saver.flush()).toBe(true);
    expect(saves).toEqual([]);
    saver.change('x');
    expect(await saver.flush()).toBe(true);
    expect(saves).toEqual(['x']);
    // The timer of that change was cancelled: no second save later.
    await vi.advanceTimersByTimeAsync(2000);
    expect(saves).toEqual(['x']);
  });

  it('keeps one save in flight; a change made meanwhile is saved after it', async () => {
    const { calls, save } = controlledSave();
    const { saver } = setup(save);
    saver.change('one');
    await vi.advanceTimersByTimeAsync(800);
    expect(calls.map((c) => c.value)).toEqual(['one']);
    expect(saver.status()).toBe('saving');
    saver.change('two');
    await vi.advanceTimersByTimeAsync(800);
    // Still one call: the second waits for the first.
    expect(calls).toHaveLength(1);
    calls[0]!.answer.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.map((c) => c.value)).toEqual(['one', 'two']);
    calls[1]!.answer.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(saver.status()).toBe('saved');
  });

  it('flush includes a change typed while its save ran', async () => {
    const { calls, save } = controlledSave();
    const { saver } = setup(save);
    saver.change('one');
    const flushed = saver.flush();
    await vi.advanceTimersByTimeAsync(0);
    saver.change('two');
    calls[0]!.answer.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.map((c) => c.value)).toEqual(['one', 'two']);
    calls[1]!.answer.resolve();
    expect(await flushed).toBe(true);
  });

  it('keeps the value after a failed save, says why, and tries again', async () => {
    let fail = true;
    const saves: string[] = [];
    const { saver, errors } = setup(async (v) => {
      if (fail) throw new Error('disconnected');
      saves.push(v);
    });
    saver.change('draft');
    expect(await saver.flush()).toBe(false);
    expect(saver.status()).toBe('error');
    expect(errors.at(-1)).toBe('disconnected');
    fail = false;
    await vi.advanceTimersByTimeAsync(4999);
    expect(saves).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(saves).toEqual(['draft']);
    expect(saver.status()).toBe('saved');
  });

  it('a newer change replaces the failed value instead of saving both', async () => {
    let fail = true;
    const saves: string[] = [];
    const { saver } = setup(async (v) => {
      if (fail) throw new Error('busy');
      saves.push(v);
    });
    saver.change('old');
    await saver.flush();
    fail = false;
    saver.change('new');
    expect(await saver.flush()).toBe(true);
    expect(saves).toEqual(['new']);
  });

  it('dispose saves what is unsaved, then ignores later changes', async () => {
    const saves: string[] = [];
    const { saver } = setup(async (v) => void saves.push(v));
    saver.change('last words');
    expect(await saver.dispose()).toBe(true);
    expect(saves).toEqual(['last words']);
    saver.change('after');
    await vi.advanceTimersByTimeAsync(5000);
    expect(saves).toEqual(['last words']);
  });
});
