import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordingFileName, UNKNOWN_SHOW_FILE } from '../../../electron/core/recording/file-name.js';
import {
  emptyReadSummary,
  readRecording,
  type RecordedLine,
} from '../../../electron/core/recording/reader.js';
import { FALLING_BEHIND, Recorder } from '../../../electron/core/recording/recorder.js';
import type { SourceHandlers } from '../../../electron/core/sources/types.js';
import { comment, hello, stats, T0 } from '../../helpers/events.js';
import { makeTempDir } from '../../helpers/temp-dir.js';
import { sleep } from '../../helpers/wait.js';

/** What a wrapped handler set received, in order. */
function collector() {
  const received: [string, unknown][] = [];
  const handlers: SourceHandlers = {
    onHello: (h) => received.push(['hello', h]),
    onEvent: (type, p) => received.push([type, p]),
    onState: (state) => received.push([`state:${state}`, null]),
  };
  return { received, handlers };
}

async function readAll(file: string) {
  const summary = emptyReadSummary();
  const lines: RecordedLine[] = [];
  for await (const line of readRecording(file, summary)) lines.push(line);
  return { lines, summary };
}

/** Start offsets of the gzip members LiveDesk wrote (each starts with this header). */
function memberCount(file: string): number {
  const bytes = fs.readFileSync(file);
  const header = Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0]);
  let count = 0;
  for (let at = bytes.indexOf(header); at >= 0; at = bytes.indexOf(header, at + 1)) count++;
  return count;
}

describe('Recorder', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let dir: string;
  let clock: number;
  const now = () => clock;

  beforeEach(() => {
    tmp = makeTempDir();
    dir = path.join(tmp.dir, 'recordings');
    clock = T0;
  });
  afterEach(() => tmp.cleanup());

  it('records every hello and event as received, then forwards it unchanged', async () => {
    const recorder = new Recorder({ dir, now });
    const { received, handlers } = collector();
    const wrapped = recorder.wrap(handlers);
    const h = hello('show-1');
    const s = stats(1, 0);
    const c = { seq: 2, items: [comment(1), comment(2)] };
    wrapped.onState('live');
    wrapped.onHello(h);
    clock += 250;
    wrapped.onEvent('stats', s);
    clock += 10;
    wrapped.onEvent('comments', c);
    // invalid payloads are recorded too, exactly as they came
    wrapped.onEvent('comments', { seq: -3, items: 'nope' });
    wrapped.onEvent('no-such-type', 'just a string');
    wrapped.onEvent('orders', null);
    await recorder.close();

    expect(received).toEqual([
      ['state:live', null],
      ['hello', h],
      ['stats', s],
      ['comments', c],
      ['comments', { seq: -3, items: 'nope' }],
      ['no-such-type', 'just a string'],
      ['orders', null],
    ]);
    const file = path.join(dir, 'show-1.jsonl.gz');
    expect(recorder.status()).toEqual({ file, events: 6, errors: 0, lastError: null });
    const { lines, summary } = await readAll(file);
    expect(lines).toEqual([
      { t: T0, k: 'hello', type: 'hello', p: h },
      { t: T0 + 250, k: 'event', type: 'stats', p: s },
      { t: T0 + 260, k: 'event', type: 'comments', p: c },
      { t: T0 + 260, k: 'event', type: 'comments', p: { seq: -3, items: 'nope' } },
      { t: T0 + 260, k: 'event', type: 'no-such-type', p: 'just a string' },
      { t: T0 + 260, k: 'event', type: 'orders', p: null },
    ]);
    expect(summary).toEqual({ lines: 6, badLines: 0, truncated: false });
    // one line per event, in the documented shape
    const text = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8');
    expect(text.split('\n')[1]).toBe(`{"t":${T0 + 250},"k":"event","type":"stats","p":${JSON.stringify(s)}}`);
    expect(text.endsWith('\n')).toBe(true);
  });

  it('records a payload that has no JSON form as a short text instead', async () => {
    const recorder = new Recorder({ dir, now });
    const wrapped = recorder.wrap(collector().handlers);
    const circular: Record<string, unknown> = { seq: 1 };
    circular.self = circular;
    wrapped.onHello(hello('show-1'));
    wrapped.onEvent('comments', circular);
    wrapped.onEvent('stats', 12345678901234567890n);
    wrapped.onEvent('product', undefined);
    wrapped.onEvent('orders', 'x'.repeat(5000) as unknown as object);
    const throwing = {
      toJSON() {
        throw new Error('no');
      },
      toString() {
        return 'a'.repeat(300);
      },
    };
    wrapped.onEvent('end', throwing);
    await recorder.close();

    const { lines, summary } = await readAll(path.join(dir, 'show-1.jsonl.gz'));
    expect(summary.badLines).toBe(0);
    expect(lines.map((l) => l.p)).toEqual([
      hello('show-1'),
      { unserializable: '[object Object]' },
      { unserializable: '12345678901234567890' },
      { unserializable: 'undefined' },
      'x'.repeat(5000),
      { unserializable: 'a'.repeat(200) },
    ]);
    expect(recorder.status()).toMatchObject({ events: 6, errors: 0 });
  });

  it('writes one file per show, and events before the first hello to unknown-show', async () => {
    const recorder = new Recorder({ dir, now });
    const wrapped = recorder.wrap(collector().handlers);
    wrapped.onEvent('stats', stats(1, 0));
    expect(recorder.status().file).toBe(path.join(dir, UNKNOWN_SHOW_FILE));
    wrapped.onHello(hello('show-a'));
    wrapped.onEvent('stats', stats(2, 1000));
    wrapped.onHello(hello('show-a')); // a reconnect: same show, same file
    wrapped.onEvent('stats', stats(3, 2000));
    wrapped.onHello(hello('show/b:特别场'));
    wrapped.onEvent('stats', stats(1, 0));
    // a hello without a usable show id stays in the current file
    wrapped.onHello({ protocol: 1, show: { id: 42 } });
    await recorder.close();

    const fileB = path.join(dir, recordingFileName('show/b:特别场'));
    expect(recorder.status().file).toBe(fileB);
    expect(fs.readdirSync(dir).sort()).toEqual(
      [UNKNOWN_SHOW_FILE, 'show-a.jsonl.gz', path.basename(fileB)].sort(),
    );
    const seqs = async (name: string) =>
      (await readAll(path.join(dir, name))).lines.map((l) =>
        l.k === 'hello' ? 'hello' : (l.p as { seq: number }).seq,
      );
    expect(await seqs(UNKNOWN_SHOW_FILE)).toEqual([1]);
    expect(await seqs('show-a.jsonl.gz')).toEqual(['hello', 2, 'hello', 3]);
    expect(await seqs(path.basename(fileB))).toEqual(['hello', 1, 'hello']);
  });

  it('names files safely: [A-Za-z0-9._-], at most 100 characters, plus a hash when changed', () => {
    expect(recordingFileName('show-20261123_1.a')).toBe('show-20261123_1.a.jsonl.gz');
    expect(recordingFileName('a/b')).toMatch(/^a_b-[0-9a-f]{8}\.jsonl\.gz$/);
    expect(recordingFileName('a/b')).not.toBe(recordingFileName('a:b'));
    expect(recordingFileName('../../etc/passwd')).toMatch(/^_\._\.\._etc_passwd-[0-9a-f]{8}\.jsonl\.gz$/);
    expect(recordingFileName('')).toMatch(/^-[0-9a-f]{8}\.jsonl\.gz$/);
    expect(recordingFileName('unknown-show')).not.toBe(UNKNOWN_SHOW_FILE);
    const long = recordingFileName('x'.repeat(300));
    expect(long).toMatch(/^x{100}-[0-9a-f]{8}\.jsonl\.gz$/);
    expect(recordingFileName('x'.repeat(100))).toBe(`${'x'.repeat(100)}.jsonl.gz`);
  });

  it('appends a new gzip member each time the file is opened again (an app restart)', async () => {
    for (let run = 1; run <= 3; run++) {
      const recorder = new Recorder({ dir, now });
      const wrapped = recorder.wrap(collector().handlers);
      wrapped.onHello(hello('show-1'));
      wrapped.onEvent('stats', stats(run, run * 1000));
      await recorder.close();
    }
    const file = path.join(dir, 'show-1.jsonl.gz');
    expect(memberCount(file)).toBe(3);
    // concatenated members are plain valid gzip: any gunzip reads them all
    expect(zlib.gunzipSync(fs.readFileSync(file)).toString('utf8').trim().split('\n')).toHaveLength(6);
    const { lines, summary } = await readAll(file);
    expect(lines.filter((l) => l.k === 'event').map((l) => (l.p as { seq: number }).seq)).toEqual([1, 2, 3]);
    expect(summary).toEqual({ lines: 6, badLines: 0, truncated: false });
  });

  it('flushes every flushMs, so an open file is readable up to the last flush', async () => {
    const recorder = new Recorder({ dir, flushMs: 20, now });
    const wrapped = recorder.wrap(collector().handlers);
    wrapped.onHello(hello('show-1'));
    for (let seq = 1; seq <= 200; seq++) wrapped.onEvent('stats', stats(seq, seq * 1000));
    await sleep(150);
    // the member is not finished (no trailer yet): readable, and reported as cut short
    const { lines, summary } = await readAll(path.join(dir, 'show-1.jsonl.gz'));
    expect(lines).toHaveLength(201);
    expect(summary).toEqual({ lines: 201, badLines: 0, truncated: true });
    await recorder.close();
    expect((await readAll(path.join(dir, 'show-1.jsonl.gz'))).summary.truncated).toBe(false);
  });

  it('drops and counts lines instead of buffering without bound when the disk falls behind', async () => {
    const recorder = new Recorder({ dir, now, maxBacklogBytes: 64 * 1024 });
    const { received, handlers } = collector();
    const wrapped = recorder.wrap(handlers);
    wrapped.onHello(hello('show-1'));
    const text = '有红色吗'.repeat(100);
    const total = 2000;
    for (let seq = 1; seq <= total; seq++) {
      wrapped.onEvent('comments', { seq, items: [comment(seq, { text: `${text} ${seq}` })] });
    }
    const status = recorder.status();
    expect(status.errors).toBeGreaterThan(0);
    expect(status.lastError).toBe(FALLING_BEHIND);
    expect(status.events + status.errors).toBe(total + 1);
    // the pipeline still got everything
    expect(received).toHaveLength(total + 1);
    await recorder.close();
    const { lines, summary } = await readAll(path.join(dir, 'show-1.jsonl.gz'));
    expect(lines).toHaveLength(status.events);
    expect(summary.badLines).toBe(0);
  });

  it('never throws into the pipeline when the folder cannot be written', async () => {
    const blocker = path.join(tmp.dir, 'not-a-folder');
    fs.writeFileSync(blocker, 'a file where the recordings folder should be');
    const recorder = new Recorder({ dir: path.join(blocker, 'recordings'), now });
    const { received, handlers } = collector();
    const wrapped = recorder.wrap(handlers);
    expect(() => {
      wrapped.onHello(hello('show-1'));
      wrapped.onEvent('stats', stats(1, 0));
    }).not.toThrow();
    expect(received).toHaveLength(2);
    expect(recorder.status()).toMatchObject({ events: 0, errors: 2 });
    expect(recorder.status().lastError).toMatch(/recordings: a folder on the path is a file$/);
    await recorder.close();
  });

  it('counts a write error reported later by the file stream, and keeps forwarding', async () => {
    fs.mkdirSync(dir, { recursive: true });
    // the show's file name is taken by a folder: opening it for append fails asynchronously
    fs.mkdirSync(path.join(dir, 'show-1.jsonl.gz'));
    const recorder = new Recorder({ dir, now });
    const { received, handlers } = collector();
    const wrapped = recorder.wrap(handlers);
    wrapped.onHello(hello('show-1'));
    await sleep(50);
    wrapped.onEvent('stats', stats(1, 0));
    expect(received).toHaveLength(2);
    expect(recorder.status().lastError).toMatch(/show-1\.jsonl\.gz: is a directory/);
    expect(recorder.status().errors).toBe(1);
    await recorder.close();
  });
});
