import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatLine } from '../../../electron/core/recording/line.js';
import { Recorder } from '../../../electron/core/recording/recorder.js';
import { ReplaySource, type ReplaySourceOptions } from '../../../electron/core/sources/replay-source.js';
import type { FeedState } from '../../../shared/api/contract.js';
import { hello, stats, T0 } from '../../helpers/events.js';
import { makeTempDir } from '../../helpers/temp-dir.js';
import { sleep, waitFor } from '../../helpers/wait.js';

/** Long enough for the source to act on the clock if it wrongly would (it looks every ≤ 50 ms). */
const SETTLE_MS = 150;

/** What a replay delivered. */
function collector(lastSeq: (lastHelloId: string | null) => number = () => 0) {
  const hellos: { id: string; title: string }[] = [];
  const seqs: number[] = [];
  const states: [FeedState, string | null][] = [];
  const handlers = {
    onHello: (h: unknown) => {
      const show = (h as { show: { id: string; title: string } }).show;
      hellos.push({ id: show.id, title: show.title });
    },
    onEvent: (_type: string, p: unknown) => seqs.push((p as { seq: number }).seq),
    onState: (state: FeedState, detail?: string | null) => states.push([state, detail ?? null]),
  };
  return { hellos, seqs, states, handlers, lastSeq: () => lastSeq(hellos.at(-1)?.id ?? null) };
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('ReplaySource', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let clock: number;
  const now = () => clock;
  const sources: ReplaySource[] = [];

  /** A recording made by the real Recorder: hello at 0, then stats seq 1.. at the given offsets. */
  async function record(offsets: number[], showId = 'show-1'): Promise<string> {
    let t = T0;
    const recorder = new Recorder({ dir: path.join(tmp.dir, 'recordings'), now: () => t });
    const wrapped = recorder.wrap({ onHello: () => {}, onEvent: () => {}, onState: () => {} });
    wrapped.onHello(hello(showId));
    offsets.forEach((offset, i) => {
      t = T0 + offset;
      wrapped.onEvent('stats', stats(i + 1, offset));
    });
    await recorder.close();
    return recorder.status().file!;
  }

  function replay(opts: Partial<ReplaySourceOptions> & { file: string }) {
    const source = new ReplaySource({ speed: 1, now, ...opts });
    sources.push(source);
    return source;
  }

  beforeEach(() => {
    tmp = makeTempDir();
    clock = 1_000_000;
  });
  afterEach(async () => {
    await Promise.all(sources.splice(0).map((s) => s.stop()));
    tmp.cleanup();
  });

  const everySecond = range(0, 10).map((i) => i * 1000); // seq n at (n-1) s

  it('plays with the recorded timing ÷ speed', async () => {
    const file = await record(everySecond);
    const source = replay({ file, speed: 10 });
    const c = collector();
    source.start(c.handlers, c.lastSeq);
    expect(c.states[0]).toEqual(['connecting', null]);
    await waitFor(() => c.seqs.length === 1, 'the first event');
    expect(c.states.map((s) => s[0])).toEqual(['connecting', 'live']);
    expect(c.hellos).toEqual([{ id: 'show-1~replay-1', title: '双十一专场（回放）' }]);
    await sleep(SETTLE_MS);
    expect(c.seqs).toEqual([1]); // the clock has not moved

    clock += 100; // ×10: one recorded second
    await waitFor(() => c.seqs.length === 2, 'seq 2');
    clock += 250; // to 3.5 s
    await waitFor(() => c.seqs.length === 4, 'seq 4');
    await sleep(SETTLE_MS);
    expect(c.seqs).toEqual([1, 2, 3, 4]);
    expect(source.status()).toMatchObject({ positionMs: 3000, speed: 10, paused: false, done: false });
    // the duration comes from a quick pass over the whole file
    await waitFor(() => source.status().durationMs === 10_000, 'the duration');
  });

  it('plays on a real clock too', async () => {
    const file = await record(everySecond);
    const source = new ReplaySource({ file, speed: 20 });
    sources.push(source);
    const c = collector();
    const started = Date.now();
    source.start(c.handlers, c.lastSeq);
    await waitFor(() => c.states.some(([s]) => s === 'ended'), 'the end', 5000, 5);
    const took = Date.now() - started;
    expect(c.seqs).toEqual(range(1, 11));
    expect(took).toBeGreaterThanOrEqual(480); // 10 s ÷ 20
    expect(took).toBeLessThan(2500);
  });

  it('pauses and resumes', async () => {
    const file = await record(everySecond);
    const source = replay({ file, speed: 10 });
    const c = collector();
    source.start(c.handlers, c.lastSeq);
    await waitFor(() => c.seqs.length === 1, 'the first event');
    expect(source.control({ action: 'pause' })).toMatchObject({ paused: true });
    clock += 10_000;
    await sleep(SETTLE_MS);
    expect(c.seqs).toEqual([1]);
    expect(source.control({ action: 'resume' })).toMatchObject({ paused: false });
    await sleep(SETTLE_MS);
    expect(c.seqs).toEqual([1]); // paused time does not count
    clock += 100;
    await waitFor(() => c.seqs.length === 2, 'seq 2 after resuming');
  });

  it('changes speed at once', async () => {
    const file = await record(everySecond);
    const source = replay({ file, speed: 1 });
    const c = collector();
    source.start(c.handlers, c.lastSeq);
    await waitFor(() => c.seqs.length === 1, 'the first event');
    clock += 500; // half a recorded second at ×1
    await sleep(SETTLE_MS);
    expect(c.seqs).toEqual([1]);
    expect(source.control({ action: 'speed', speed: 50 })).toMatchObject({ speed: 50 });
    clock += 10; // 500 ms more at ×50
    await waitFor(() => c.seqs.length === 2, 'seq 2 at ×50');
    // out of range: refused, nothing changes
    expect(source.control({ action: 'speed', speed: 51 })).toMatchObject({ speed: 50 });
    expect(source.control({ action: 'bogus' } as never)).toMatchObject({ speed: 50 });
  });

  it('seeks forward: everything up to the target at once, then timed from there', async () => {
    const file = await record(everySecond);
    const source = replay({ file, speed: 10 });
    const c = collector();
    source.start(c.handlers, c.lastSeq);
    await waitFor(() => c.seqs.length === 1, 'the first event');
    source.control({ action: 'seek', offsetMs: 6500 });
    await waitFor(() => c.seqs.length === 7, 'seq 1..7');
    await sleep(SETTLE_MS);
    expect(c.seqs).toEqual(range(1, 7));
    expect(source.status().positionMs).toBe(6000);
    clock += 50; // from 6.5 s to 7 s at ×10
    await waitFor(() => c.seqs.length === 8, 'seq 8');
    expect(c.hellos).toHaveLength(1);
  });

  it('seeks backward as a new replay show, replayed from the start up to the target', async () => {
    const file = await record(everySecond);
    const source = replay({ file, speed: 10 });
    const c = collector();
    source.start(c.handlers, c.lastSeq);
    source.control({ action: 'seek', offsetMs: 6500 });
    await waitFor(() => c.seqs.length === 7, 'seq 1..7');
    source.control({ action: 'seek', offsetMs: 2000 });
    await waitFor(() => c.seqs.length === 10, 'seq 1..3 again');
    await sleep(SETTLE_MS);
    expect(c.hellos.map((h) => h.id)).toEqual(['show-1~replay-1', 'show-1~replay-2']);
    expect(c.seqs).toEqual([...range(1, 7), 1, 2, 3]);
    expect(source.status().positionMs).toBe(2000);
    clock += 100;
    await waitFor(() => c.seqs.length === 11, 'seq 4 of the second replay');
  });

  it('after the end, stays ready to play again from a seek back', async () => {
    const file = await record(everySecond);
    const source = replay({ file, speed: 50 });
    const c = collector();
    source.start(c.handlers, c.lastSeq);
    source.control({ action: 'seek', offsetMs: 60_000 });
    await waitFor(() => source.status().done, 'the end');
    expect(c.seqs).toEqual(range(1, 11));
    expect(c.states.at(-1)).toEqual(['ended', null]);
    expect(source.status()).toMatchObject({ done: true, positionMs: 10_000, durationMs: 10_000 });

    source.control({ action: 'seek', offsetMs: 0 });
    await waitFor(() => c.hellos.length === 2 && c.seqs.length === 12, 'a second replay');
    expect(c.hellos[1]!.id).toBe('show-1~replay-2');
    expect(c.states.at(-1)).toEqual(['live', null]);
    expect(source.status().done).toBe(false);
  });

  it('plays a long silence in the recording as at most 5 s', async () => {
    const file = await record([0, 3_600_000]);
    const source = replay({ file, speed: 1 });
    const c = collector();
    source.start(c.handlers, c.lastSeq);
    await waitFor(() => c.seqs.length === 1, 'the first event');
    clock += 4900;
    await sleep(SETTLE_MS);
    expect(c.seqs).toEqual([1]);
    clock += 100;
    await waitFor(() => c.seqs.length === 2, 'the event after the silence');
    expect(source.status().positionMs).toBe(3_600_000);
  });

  it('keeps the recorded show id and delivers at once for an import', async () => {
    const file = await record(everySecond.map((o) => o * 1000));
    const source = replay({ file, speed: 1, keepShowId: true, instant: true });
    const c = collector();
    source.start(c.handlers, c.lastSeq);
    await waitFor(() => c.states.some(([s]) => s === 'ended'), 'the end');
    expect(c.hellos).toEqual([{ id: 'show-1', title: '双十一专场' }]);
    expect(c.seqs).toEqual(range(1, 11));
  });

  it('takes the next replay number when a replay id already has events in the database', async () => {
    const file = await record(everySecond);
    const source = replay({ file, speed: 1 });
    // the database already holds replays 1 and 2 of this show
    const c = collector((id) => (id === 'show-1~replay-1' || id === 'show-1~replay-2' ? 42 : 0));
    source.start(c.handlers, c.lastSeq);
    await waitFor(() => c.seqs.length === 1, 'the first event');
    expect(c.hellos.map((h) => h.id)).toEqual(['show-1~replay-1', 'show-1~replay-2', 'show-1~replay-3']);
  });

  it('keeps a rewritten hello within the protocol limits', async () => {
    const longId = 'x'.repeat(128);
    const file = await record([0], longId);
    const source = replay({ file, speed: 1 });
    const c = collector();
    source.start(c.handlers, c.lastSeq);
    await waitFor(() => c.hellos.length === 1, 'the hello');
    expect(c.hellos[0]!.id).toHaveLength(128);
    expect(c.hellos[0]!.id.endsWith('~replay-1')).toBe(true);
  });

  it('delivers invalid recorded lines as they were (the pipeline rejects them), and skips unreadable ones', async () => {
    const file = path.join(tmp.dir, 'mixed.jsonl');
    fs.writeFileSync(
      file,
      [
        formatLine(T0, 'event', 'comments', { seq: 'nope' }),
        'garbage',
        formatLine(T0 + 1, 'hello', 'hello', { protocol: 99 }),
      ].join('\n'),
    );
    const source = replay({ file, speed: 1, instant: true });
    const events: [string, unknown][] = [];
    const states: [FeedState, string | null][] = [];
    source.start(
      {
        onHello: (h) => events.push(['hello', h]),
        onEvent: (type, p) => events.push([type, p]),
        onState: (s, d) => states.push([s, d ?? null]),
      },
      () => 0,
    );
    await waitFor(() => states.some(([s]) => s === 'ended'), 'the end');
    expect(events).toEqual([
      ['comments', { seq: 'nope' }],
      ['hello', { protocol: 99 }],
    ]);
    expect(states.at(-1)).toEqual(['ended', '1 unreadable lines skipped']);
  });

  it('reports a missing or empty recording as an error state, in words', async () => {
    const missing = path.join(tmp.dir, 'nope.jsonl.gz');
    const c = collector();
    replay({ file: missing }).start(c.handlers, c.lastSeq);
    await waitFor(() => c.states.length === 2, 'the error');
    expect(c.states).toEqual([
      ['connecting', null],
      ['error', `${missing}: no such file`],
    ]);

    const empty = path.join(tmp.dir, 'empty.jsonl.gz');
    fs.writeFileSync(empty, '');
    const e = collector();
    replay({ file: empty }).start(e.handlers, e.lastSeq);
    await waitFor(() => e.states.length === 2, 'the error');
    expect(e.states[1]).toEqual(['error', `${empty}: no recorded events`]);
  });

  it('delivers nothing once stop() has resolved', async () => {
    const file = await record(everySecond);
    const source = replay({ file, speed: 10 });
    const c = collector();
    source.start(c.handlers, c.lastSeq);
    await waitFor(() => c.seqs.length === 1, 'the first event');
    await source.stop();
    const statesAtStop = c.states.length;
    clock += 1_000_000;
    source.control({ action: 'seek', offsetMs: 0 });
    await sleep(SETTLE_MS);
    expect(c.seqs).toEqual([1]);
    expect(c.states).toHaveLength(statesAtStop);
    await source.stop(); // twice is fine
  });

  it('refuses a speed outside 1..50 and a second start', () => {
    expect(() => new ReplaySource({ file: 'x', speed: 0.5 })).toThrow(RangeError);
    expect(() => new ReplaySource({ file: 'x', speed: 51 })).toThrow(RangeError);
    expect(() => new ReplaySource({ file: '', speed: 1 })).toThrow(RangeError);
    const source = replay({ file: path.join(tmp.dir, 'nope') });
    const c = collector();
    source.start(c.handlers, c.lastSeq);
    expect(() => source.start(c.handlers, c.lastSeq)).toThrow(/already started/);
  });
});
