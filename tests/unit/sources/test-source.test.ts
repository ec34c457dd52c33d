/**
 * "Test connection" against the real sim feed server on 127.0.0.1 (manual clock): a good
 * config, a wrong token, a wrong room, a closed port — over socket.io and HTTP polling — and
 * recordings that are fine, compressed, damaged or missing.
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, beforeAll, afterAll, describe, expect, it } from 'vitest';
import { startSimFeedServer, type SimFeedServer } from '../../../electron/core/sim/feed-server.js';
import { ShowModel } from '../../../electron/core/sim/show-model.js';
import { testSource } from '../../../electron/core/sources/test-source.js';
import type { SourceConfig } from '../../../shared/api/sources.js';
import { T0 } from '../../helpers/events.js';
import { makeTempDir } from '../../helpers/temp-dir.js';
import { waitFor } from '../../helpers/wait.js';

const REFUSED = 'connection refused: nothing is listening at that address (is the feed running?)';
const TOKEN = 'feed-token-1';

let server: SimFeedServer;
let model: ShowModel;
let tmp: ReturnType<typeof makeTempDir>;

beforeAll(async () => {
  model = new ShowModel({
    seed: 11,
    rate: 50,
    startedAt: T0,
    durationMs: 10 * 60_000,
    title: '秋冬上新专场',
  });
  server = await startSimFeedServer({ model, clock: 'manual', token: TOKEN });
  server.advance(20);
  tmp = makeTempDir();
});

afterAll(async () => {
  await server.stop();
  tmp.cleanup();
});

const extra: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (extra.length) await extra.pop()!();
});

async function closedPort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

const roomTitle = () => model.hello(T0).room.title;

describe.each(['socketio', 'poll'] as const)('testSource: %s', (kind) => {
  const config = (over: Partial<{ url: string; room: string; token: string }> = {}): SourceConfig =>
    kind === 'socketio'
      ? { kind, url: server.url, room: server.room, token: TOKEN, ...over }
      : { kind, url: server.url, room: server.room, token: TOKEN, intervalMs: 1000, ...over };

  it('connects and names the show, room and seq', async () => {
    const result = await testSource(config());
    expect(result).toEqual({
      ok: true,
      message: `connected: 秋冬上新专场 · ${roomTitle()} (seq ${model.lastSeq})`,
      latencyMs: expect.any(Number),
    });
    expect(result.latencyMs).toBeLessThan(5000);
    // It hangs up afterwards.
    await waitFor(() => server.clientCount() === 0, 'the test client to leave');
  });

  it('says a wrong token is rejected', async () => {
    expect(await testSource(config({ token: 'wrong' }))).toEqual({
      ok: false,
      message: '401: token rejected',
      latencyMs: null,
    });
  });

  it('says a wrong room is unknown', async () => {
    const result = await testSource(config({ room: 'no-such-room' }));
    expect(result).toMatchObject({ ok: false, message: '404: unknown room (check the room id)' });
  });

  it('says nothing is listening on a closed port', async () => {
    const port = await closedPort();
    const result = await testSource(config({ url: `http://127.0.0.1:${port}` }));
    expect(result).toEqual({ ok: false, message: REFUSED, latencyMs: null });
  });

  it('gives up after its timeout when the address does not answer', async () => {
    const sockets = new Set<net.Socket>();
    const silent = net.createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    extra.push(
      () =>
        new Promise<void>((resolve) => {
          for (const socket of sockets) socket.destroy();
          silent.close(() => resolve());
        }),
    );
    const { port } = silent.address() as net.AddressInfo;
    const t0 = Date.now();
    const result = await testSource(config({ url: `http://127.0.0.1:${port}` }), { timeoutMs: 300 });
    expect(result).toMatchObject({ ok: false, message: 'timed out' });
    expect(Date.now() - t0).toBeLessThan(2000);
  });
});

describe('testSource: sim and replay', () => {
  it('the demo show always works', async () => {
    expect(await testSource({ kind: 'sim', rate: 60, seed: 1, speed: 1, durationMs: 60_000 })).toEqual({
      ok: true,
      message: 'built-in demo show',
      latencyMs: null,
    });
  });

  const helloLine = () => JSON.stringify({ t: T0, k: 'hello', p: model.hello(T0) });
  const eventLines = () =>
    server
      .emitted()
      .slice(0, 5)
      .map(({ type, ...p }) => JSON.stringify({ t: T0 + p.seq, k: 'event', type, p }));
  const replay = (file: string): SourceConfig => ({ kind: 'replay', file, speed: 1 });
  const write = (name: string, content: string | Buffer) => {
    const file = path.join(tmp.dir, name);
    fs.writeFileSync(file, content);
    return file;
  };

  it('reads the show from a plain JSONL recording', async () => {
    const file = write('show.jsonl', [helloLine(), ...eventLines()].join('\n') + '\n');
    expect(await testSource(replay(file))).toEqual({
      ok: true,
      message: `recording: 秋冬上新专场 · ${roomTitle()}`,
      latencyMs: null,
    });
  });

  it('reads a gzip recording, and one still being written (no gzip trailer yet)', async () => {
    const text = [helloLine(), ...eventLines()].join('\n') + '\n';
    const gz = zlib.gzipSync(text);
    const file = write('show.jsonl.gz', gz);
    expect(await testSource(replay(file))).toMatchObject({
      ok: true,
      message: expect.stringContaining('秋冬上新专场'),
    });
    // A recorder mid-show has flushed blocks but not closed the stream.
    const open = zlib.createGzip();
    const chunks: Buffer[] = [];
    open.on('data', (c: Buffer) => chunks.push(c));
    open.write(text);
    await new Promise<void>((resolve) => open.flush(() => resolve()));
    const partial = write('live.jsonl.gz', Buffer.concat(chunks));
    expect(await testSource(replay(partial))).toMatchObject({ ok: true });
    open.destroy();
  });

  it('says what is wrong with a file that is not a usable recording', async () => {
    const dir = path.join(tmp.dir, 'a-folder');
    fs.mkdirSync(dir);
    const cases: [string, RegExp][] = [
      [path.join(tmp.dir, 'missing.jsonl'), /^file not found: /],
      [dir, /^that is a folder, not a recording: /],
      [write('empty.jsonl', ''), /^the recording is empty: /],
      [write('notes.txt', 'hello there\n'), /^not a LiveDesk recording: line 1 is not JSON$/],
      [write('other.jsonl', '{"a":1}\n'), /^not a LiveDesk recording: line 1 has no "k" field$/],
      [
        write('headless.jsonl', eventLines().join('\n')),
        /^not a LiveDesk recording: no hello in its first 5 lines$/,
      ],
      [
        write('bad-hello.jsonl', '{"k":"hello","p":{"protocol":2}}\n'),
        /^the recording's hello is not valid: /,
      ],
      [write('damaged.jsonl.gz', Buffer.from([0x1f, 0x8b, 0x08, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9])), /damaged/],
    ];
    for (const [file, message] of cases) {
      const result = await testSource(replay(file));
      expect.soft(result.ok, file).toBe(false);
      expect.soft(result.message, file).toMatch(message);
    }
  });

  it.skipIf(process.getuid?.() === 0)('says when the file cannot be read', async () => {
    const file = write('locked.jsonl', helloLine());
    fs.chmodSync(file, 0o000);
    const result = await testSource(replay(file));
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/^cannot read the file/) });
  });
});
