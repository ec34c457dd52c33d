/**
 * "Test connection" in settings: try a source once, without switching to it, and say in words
 * whether it works ("connected: 秋冬上新专场 · 小鹿的直播间 (seq 1234)" or "401: token rejected").
 * Never throws: every failure is a result the settings screen can show.
 */
import fs from 'node:fs';
import zlib from 'node:zlib';
import type { SourceConfig, SourceTestResult } from '../../../shared/api/sources.js';
import type { Hello } from '../../../shared/protocol/feed.js';
import { validateHello } from '../ingest/validate.js';
import { describeConnectionError } from './connection-errors.js';
import { feedEventsUrl, feedHelloUrl, fetchFeedJson, parseEventsPage } from './polling-source.js';
import { loadSocketIoClient } from './socketio-client.js';

export const DEFAULT_TEST_TIMEOUT_MS = 5000;

/** How far into a recording we look for its `hello` before calling it not a recording. */
const RECORDING_PROBE_LINES = 20;
const RECORDING_PROBE_BYTES = 1024 * 1024;

type SocketIoConfig = Extract<SourceConfig, { kind: 'socketio' }>;
type PollConfig = Extract<SourceConfig, { kind: 'poll' }>;
type ReplayConfig = Extract<SourceConfig, { kind: 'replay' }>;

const failed = (message: string): SourceTestResult => ({ ok: false, message, latencyMs: null });

function describeShow(hello: Hello): string {
  return `${hello.show.title} · ${hello.room.title}`;
}

/** A hello that fails protocol v1 is a failed test: the pipeline would refuse it too. */
function checkedHello(raw: unknown): { ok: true; hello: Hello } | { ok: false; message: string } {
  const result = validateHello(raw);
  return result.ok
    ? { ok: true, hello: result.value }
    : { ok: false, message: `the feed answered, but its hello is not protocol v1 (${result.reason})` };
}

export async function testSource(
  config: SourceConfig,
  opts: { timeoutMs?: number } = {},
): Promise<SourceTestResult> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TEST_TIMEOUT_MS;
  try {
    switch (config.kind) {
      case 'sim':
        return { ok: true, message: 'built-in demo show', latencyMs: null };
      case 'socketio':
        return await testSocketIo(config, timeoutMs);
      case 'poll':
        return await testPoll(config, timeoutMs);
      case 'replay':
        return await testReplay(config, timeoutMs);
    }
  } catch (err) {
    return failed(describeConnectionError(err));
  }
}

async function testSocketIo(config: SocketIoConfig, timeoutMs: number): Promise<SourceTestResult> {
  const { io } = await loadSocketIoClient();
  const startedAt = performance.now();
  const socket = io(config.url, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    timeout: timeoutMs,
    // A seq no feed has reached: the server has nothing to replay, so the test stays cheap.
    auth: {
      room: config.room,
      ...(config.token ? { token: config.token } : {}),
      sinceSeq: Number.MAX_SAFE_INTEGER,
    },
  });
  let connected = false;
  try {
    const raw = await new Promise<unknown>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(
          connected
            ? new Error(
                `connected, but the feed sent no hello within ${timeoutMs} ms (is it a LiveDesk feed?)`,
              )
            : new DOMException('no answer', 'TimeoutError'),
        );
      }, timeoutMs);
      timer.unref();
      const settle = (finish: () => void) => {
        clearTimeout(timer);
        finish();
      };
      socket.on('connect', () => (connected = true));
      socket.once('hello', (hello: unknown) => settle(() => resolve(hello)));
      socket.once('connect_error', (err: Error) => settle(() => reject(err)));
      socket.once('disconnect', (reason: string) =>
        settle(() => reject(new Error(`the feed closed the connection (${reason})`))),
      );
    });
    const latencyMs = Math.round(performance.now() - startedAt);
    const checked = checkedHello(raw);
    if (!checked.ok) return failed(checked.message);
    const { hello } = checked;
    return { ok: true, message: `connected: ${describeShow(hello)} (seq ${hello.lastSeq})`, latencyMs };
  } catch (err) {
    return failed(describeConnectionError(err));
  } finally {
    socket.removeAllListeners();
    socket.disconnect();
  }
}

async function testPoll(config: PollConfig, timeoutMs: number): Promise<SourceTestResult> {
  const startedAt = performance.now();
  const deadline = Date.now() + timeoutMs;
  const remaining = () => Math.max(1, deadline - Date.now());
  const checked = checkedHello(
    await fetchFeedJson(feedHelloUrl(config.url, config.room), {
      token: config.token,
      timeoutMs: remaining(),
    }),
  );
  if (!checked.ok) return failed(checked.message);
  const latencyMs = Math.round(performance.now() - startedAt);
  // The events endpoint is what the source polls: make sure it answers too.
  const page = parseEventsPage(
    await fetchFeedJson(feedEventsUrl(config.url, config.room, 0, 1), {
      token: config.token,
      timeoutMs: remaining(),
    }),
  );
  return {
    ok: true,
    message: `connected: ${describeShow(checked.hello)} (seq ${page.lastSeq})`,
    latencyMs,
  };
}

function describeFileError(err: unknown, file: string): string {
  const code = typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : '';
  switch (code) {
    case 'ENOENT':
      return `file not found: ${file}`;
    case 'EACCES':
    case 'EPERM':
      return `cannot read the file (permission denied): ${file}`;
    case 'EISDIR':
      return `that is a folder, not a recording: ${file}`;
    case 'Z_DATA_ERROR':
    case 'Z_BUF_ERROR':
      return `the file looks gzip-compressed but is damaged: ${file}`;
    default:
      return describeConnectionError(err);
  }
}

async function testReplay(config: ReplayConfig, timeoutMs: number): Promise<SourceTestResult> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<SourceTestResult>((resolve) => {
    timer = setTimeout(() => resolve(failed(`reading the file took longer than ${timeoutMs} ms`)), timeoutMs);
    timer.unref();
  });
  try {
    return await Promise.race([probeRecording(config.file), timeout]);
  } catch (err) {
    return failed(describeFileError(err, config.file));
  } finally {
    clearTimeout(timer);
  }
}

/** Finds the recording's hello in its first lines: {"t":…,"k":"hello","p":{…hello…}}. */
async function probeRecording(file: string): Promise<SourceTestResult> {
  const stat = await fs.promises.stat(file);
  if (!stat.isFile()) return failed(`that is a folder, not a recording: ${file}`);
  if (stat.size === 0) return failed(`the recording is empty: ${file}`);
  const lines = await firstLines(file, RECORDING_PROBE_LINES, RECORDING_PROBE_BYTES);
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch {
      return failed(`not a LiveDesk recording: line ${index + 1} is not JSON`);
    }
    if (typeof record !== 'object' || record === null || !('k' in record)) {
      return failed(`not a LiveDesk recording: line ${index + 1} has no "k" field`);
    }
    if (record.k !== 'hello') continue;
    const checked = checkedHello('p' in record ? record.p : undefined);
    if (!checked.ok) return failed(`the recording's hello is not valid: ${checked.message}`);
    return { ok: true, message: `recording: ${describeShow(checked.hello)}`, latencyMs: null };
  }
  return failed(`not a LiveDesk recording: no hello in its first ${lines.length} lines`);
}

/**
 * The first lines of a plain or gzip JSONL file, reading no more than needed. Hand-rolled
 * rather than readline so that stream errors (a damaged gzip) reject instead of hanging, and a
 * file with no newlines cannot make us buffer all of it.
 */
async function firstLines(file: string, maxLines: number, maxBytes: number): Promise<string[]> {
  const handle = await fs.promises.open(file, 'r');
  const magic = Buffer.alloc(2);
  try {
    await handle.read(magic, 0, 2, 0);
  } finally {
    await handle.close();
  }
  const gzipped = magic[0] === 0x1f && magic[1] === 0x8b;
  const raw = fs.createReadStream(file, { highWaterMark: 64 * 1024 });
  // Z_SYNC_FLUSH: a recording still being written has no gzip trailer yet; read what is there.
  const input = gzipped ? raw.pipe(zlib.createGunzip({ finishFlush: zlib.constants.Z_SYNC_FLUSH })) : raw;
  // pipe() does not forward the file's errors to the gunzip stream we read from.
  if (gzipped) raw.once('error', (err) => input.destroy(err));
  const decoder = new TextDecoder('utf-8');
  const lines: string[] = [];
  let pending = '';
  let bytes = 0;
  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      pending += decoder.decode(chunk, { stream: true });
      const parts = pending.split('\n');
      pending = parts.pop() ?? '';
      lines.push(...parts);
      if (lines.length >= maxLines || bytes >= maxBytes) break;
    }
  } catch (err) {
    // Damage further in does not matter if the lines we need came through.
    if (lines.length === 0) throw err;
    return lines.slice(0, maxLines);
  } finally {
    raw.destroy();
    input.destroy();
  }
  if (lines.length < maxLines && pending !== '' && bytes < maxBytes) lines.push(pending);
  return lines.slice(0, maxLines);
}
