/**
 * SimSource and its real-time clock: hello first, events in seq order, 'ended' at the end,
 * nothing after stop(), simulated time exact even after a stall.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { StepClock } from '../../../electron/core/sim/step-clock.js';
import { SimSource } from '../../../electron/core/sources/sim-source.js';
import type { SourceHandlers } from '../../../electron/core/sources/types.js';
import { HelloSchema } from '../../../shared/protocol/feed.js';
import type { FeedState } from '../../../shared/api/contract.js';
import { T0 } from '../../helpers/events.js';
import { sleep, waitFor } from '../../helpers/wait.js';

interface Recorded {
  calls: string[];
  hellos: unknown[];
  events: { type: string; payload: Record<string, unknown> }[];
  states: { state: FeedState; detail: string | null | undefined }[];
}

function recorder(): { handlers: SourceHandlers; rec: Recorded } {
  const rec: Recorded = { calls: [], hellos: [], events: [], states: [] };
  const handlers: SourceHandlers = {
    onHello: (hello) => {
      rec.calls.push('hello');
      rec.hellos.push(hello);
    },
    onEvent: (type, payload) => {
      rec.calls.push('event');
      rec.events.push({ type, payload: payload as Record<string, unknown> });
    },
    onState: (state, detail) => {
      rec.calls.push(`state:${state}`);
      rec.states.push({ state, detail });
    },
  };
  return { handlers, rec };
}

const sources: SimSource[] = [];
afterEach(async () => {
  while (sources.length) await sources.pop()!.stop();
});

describe('SimSource', () => {
  it('delivers live state, hello, every event of the show in seq order, then ended', async () => {
    const source = new SimSource({ seed: 3, rate: 100, speed: 1000, durationMs: 60_000, startedAt: T0 });
    sources.push(source);
    expect(source.kind).toBe('sim');
    const { handlers, rec } = recorder();
    source.start(handlers, () => 0);
    await waitFor(() => rec.states.some((s) => s.state === 'ended'), 'the show to end');

    expect(rec.calls.slice(0, 2)).toEqual(['state:live', 'hello']);
    const hello = HelloSchema.parse(rec.hellos[0]);
    expect(hello.show.startedAt).toBe(T0);
    expect(hello.lastSeq).toBe(0);
    expect(rec.events.map((e) => e.payload.seq)).toEqual(rec.events.map((_, i) => i + 1));
    expect(rec.events.every((e) => !('type' in e.payload))).toBe(true);
    // The opening figures at once (a push's snapshot on connect), then the show's first product.
    expect(rec.events[0]).toMatchObject({ type: 'stats', payload: { seq: 1, ts: T0 } });
    expect(rec.events[1]?.type).toBe('product');
    expect(rec.events.at(-1)).toEqual({ type: 'end', payload: { seq: rec.events.length, ts: T0 + 60_000 } });
    expect(rec.events.filter((e) => e.type === 'stats')).toHaveLength(61);
    expect(rec.calls.at(-1)).toBe('state:ended');
    expect(source.model.done).toBe(true);
  });

  it('follows the clock × speed and delivers nothing after stop()', async () => {
    let now = 1_000_000;
    const source = new SimSource({
      seed: 1,
      rate: 50,
      speed: 2,
      durationMs: 3_600_000,
      startedAt: T0,
      tickMs: 5,
      now: () => now,
    });
    sources.push(source);
    const { handlers, rec } = recorder();
    source.start(handlers, () => 0);
    now += 1500; // 1.5 s of wall time at ×2 = 3 s of show = 30 steps
    await waitFor(() => source.model.simTime === T0 + 3000, 'three simulated seconds');
    await sleep(30);
    expect(source.model.simTime).toBe(T0 + 3000);
    expect(rec.events.filter((e) => e.type === 'stats')).toHaveLength(1 + 3);

    await source.stop();
    const delivered = rec.events.length;
    now += 60_000;
    await sleep(50);
    expect(rec.events.length).toBe(delivered);
    expect(source.model.simTime).toBe(T0 + 3000);
  });

  it('reports a throwing handler as an error instead of crashing the process', async () => {
    const source = new SimSource({
      seed: 1,
      rate: 50,
      speed: 100,
      durationMs: 60_000,
      startedAt: T0,
      tickMs: 5,
    });
    sources.push(source);
    const { handlers, rec } = recorder();
    source.start(
      {
        ...handlers,
        onEvent: () => {
          throw new Error('disk full');
        },
      },
      () => 0,
    );
    const error = await waitFor(() => rec.states.find((s) => s.state === 'error'), 'the error state');
    expect(error.detail).toMatch(/disk full/);
  });

  it('lets the demo inject a fault', async () => {
    const source = new SimSource({ seed: 1, rate: 50, speed: 1, durationMs: 60_000, startedAt: T0 });
    sources.push(source);
    source.injectFault('stream-stutter', 30_000);
    expect(source.model.faults().at(-1)).toMatchObject({
      kind: 'stream-stutter',
      start: T0,
      end: T0 + 30_000,
      injected: true,
    });
  });
});

describe('StepClock', () => {
  it('catches up after a stall in bounded bursts without losing simulated time', async () => {
    let now = 0;
    const bursts: number[] = [];
    const clock = new StepClock({
      stepMs: 100,
      speed: 10,
      tickMs: 5,
      now: () => now,
      onSteps: (steps) => {
        bursts.push(steps);
        return true;
      },
    });
    clock.start();
    try {
      now += 60_000; // a one-minute stall at ×10 = 6,000 steps due
      await waitFor(() => bursts.reduce((a, b) => a + b, 0) === 6000, 'the clock to catch up');
      expect(Math.max(...bursts)).toBeLessThanOrEqual(70);
      await sleep(20);
      expect(bursts.reduce((a, b) => a + b, 0)).toBe(6000);
    } finally {
      clock.stop();
    }
    expect(clock.running).toBe(false);
  });

  it('stops itself when the show is over and resumes from where it paused', async () => {
    let now = 0;
    let total = 0;
    const clock = new StepClock({
      stepMs: 100,
      speed: 1,
      tickMs: 5,
      now: () => now,
      onSteps: (steps) => {
        total += steps;
        return total < 20;
      },
    });
    clock.start();
    now += 1000;
    await waitFor(() => total === 10, '10 steps');
    clock.stop();
    now += 5000; // paused: this time does not count
    clock.start();
    now += 1000;
    await waitFor(() => total === 20, '20 steps');
    expect(clock.running).toBe(false);
    now += 5000;
    await sleep(20);
    expect(total).toBe(20);
  });
});
