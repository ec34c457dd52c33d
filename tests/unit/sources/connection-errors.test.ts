/**
 * Connection errors in words. Wherever the machine can produce the real error (a closed port,
 * a reset, a hang, a self-signed certificate, the sim feed server's refusals) we use it, so the
 * test follows Node, undici and socket.io as they really wrap their errors.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import path from 'node:path';
import { io } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { startSimFeedServer } from '../../../electron/core/sim/feed-server.js';
import { ShowModel } from '../../../electron/core/sim/show-model.js';
import {
  BadFeedResponseError,
  FeedHttpError,
  describeConnectionError,
  isFatalStatus,
} from '../../../electron/core/sources/connection-errors.js';
import { fetchFeedJson } from '../../../electron/core/sources/polling-source.js';
import { T0 } from '../../helpers/events.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

const REFUSED = 'connection refused: nothing is listening at that address (is the feed running?)';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function listen(server: net.Server): Promise<number> {
  const sockets = new Set<net.Socket>();
  server.on('connection', (socket: net.Socket) => sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        // close() waits for open connections: the silent servers here never end theirs.
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  );
  return (server.address() as net.AddressInfo).port;
}

/** A port on 127.0.0.1 that nothing listens on (bound, then released). */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function caught(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (err: unknown) => err,
  );
}

function socketIoError(url: string, opts: Record<string, unknown> = {}): Promise<Error> {
  return new Promise((resolve) => {
    const socket = io(url, { transports: ['websocket'], reconnection: false, forceNew: true, ...opts });
    socket.on('connect_error', (err: Error) => {
      socket.close();
      resolve(err);
    });
  });
}

function nodeError(message: string, code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(message), { code });
}

/** fetch's shape: TypeError('fetch failed') with the real error as `cause`. */
function fetchFailed(cause: unknown): TypeError {
  return new TypeError('fetch failed', { cause });
}

describe('describeConnectionError: real errors', () => {
  it('a closed port is "connection refused" from net, fetch and socket.io alike', async () => {
    const port = await closedPort();
    const netError = await new Promise<unknown>((resolve) => {
      net.connect(port, '127.0.0.1').on('error', resolve);
    });
    expect((netError as NodeJS.ErrnoException).code).toBe('ECONNREFUSED');
    expect(describeConnectionError(netError)).toBe(REFUSED);

    const fetchError = await caught(fetch(`http://127.0.0.1:${port}/`));
    expect((fetchError as Error).message).toBe('fetch failed');
    expect(describeConnectionError(fetchError)).toBe(REFUSED);

    // localhost may resolve to ::1 and 127.0.0.1: undici then fails with both, wrapped.
    expect(describeConnectionError(await caught(fetch(`http://localhost:${port}/`)))).toBe(REFUSED);

    const ioError = await socketIoError(`http://127.0.0.1:${port}`);
    expect(ioError.message).toBe('websocket error');
    expect(describeConnectionError(ioError)).toBe(REFUSED);
  });

  it('a reset connection is "connection reset"', async () => {
    const port = await listen(
      net.createServer((socket) => socket.once('data', () => socket.resetAndDestroy())),
    );
    const err = await caught(fetch(`http://127.0.0.1:${port}/`));
    expect(describeConnectionError(err)).toBe('connection reset');
  });

  it('a feed that never answers is "timed out" (fetch timeout, abort, socket.io timeout)', async () => {
    const port = await listen(http.createServer(() => {}));
    const timeout = await caught(fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(100) }));
    expect((timeout as Error).name).toBe('TimeoutError');
    expect(describeConnectionError(timeout)).toBe('timed out');

    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const aborted = await caught(fetch(`http://127.0.0.1:${port}/`, { signal: controller.signal }));
    expect((aborted as Error).name).toBe('AbortError');
    expect(describeConnectionError(aborted)).toBe('timed out');

    // Accepts the TCP connection, never answers the websocket upgrade.
    const silent = await listen(net.createServer(() => {}));
    const ioError = await socketIoError(`http://127.0.0.1:${silent}`, { timeout: 150 });
    expect(ioError.message).toBe('timeout');
    expect(describeConnectionError(ioError)).toBe('timed out');

    const ourOwn = await caught(fetchFeedJson(`http://127.0.0.1:${port}/rooms/r/hello`, { timeoutMs: 100 }));
    expect(describeConnectionError(ourOwn)).toBe('timed out');
  });

  it('the sim feed server refusals keep their status: 401, 404', async () => {
    const model = new ShowModel({ seed: 3, rate: 50, startedAt: T0, durationMs: 60_000 });
    const server = await startSimFeedServer({ model, clock: 'manual', token: 'right' });
    cleanups.push(() => server.stop());

    const wrongToken = await socketIoError(server.url, { auth: { room: server.room, token: 'wrong' } });
    expect(describeConnectionError(wrongToken)).toBe('401: token rejected');
    const wrongRoom = await socketIoError(server.url, { auth: { room: 'nope', token: 'right' } });
    expect(describeConnectionError(wrongRoom)).toBe('404: unknown room (check the room id)');

    const http401 = await caught(
      fetchFeedJson(`${server.url}/rooms/${server.room}/hello`, { token: 'wrong', timeoutMs: 2000 }),
    );
    expect(http401).toBeInstanceOf(FeedHttpError);
    expect(describeConnectionError(http401)).toBe('401: token rejected');
    const http404 = await caught(
      fetchFeedJson(`${server.url}/rooms/nope/events`, { token: 'right', timeoutMs: 2000 }),
    );
    expect(describeConnectionError(http404)).toBe('404: unknown room (check the room id)');
  });

  it('an HTTP server that is not a socket.io feed is named as such', async () => {
    const port = await listen(http.createServer((_req, res) => res.end('hello')));
    const err = await socketIoError(`http://127.0.0.1:${port}`);
    expect(describeConnectionError(err)).toMatch(/^not a feed server at that address \(HTTP \d{3}/);
  });

  it.skipIf(!hasOpenssl())('a self-signed certificate is "TLS certificate rejected"', async () => {
    const tmp = makeTempDir();
    cleanups.push(tmp.cleanup);
    const key = path.join(tmp.dir, 'key.pem');
    const cert = path.join(tmp.dir, 'cert.pem');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        key,
        '-out',
        cert,
        '-subj',
        '/CN=localhost',
      ],
      { stdio: 'ignore' },
    );
    const server = https.createServer({ key: fs.readFileSync(key), cert: fs.readFileSync(cert) }, (_q, r) =>
      r.end('{}'),
    );
    const port = await listen(server);
    expect(describeConnectionError(await caught(fetch(`https://127.0.0.1:${port}/`)))).toBe(
      'TLS certificate rejected',
    );
    expect(describeConnectionError(await socketIoError(`https://127.0.0.1:${port}`))).toBe(
      'TLS certificate rejected',
    );
  });

  it('https:// to a plain-http port says so', async () => {
    const port = await listen(http.createServer((_req, res) => res.end('{}')));
    const err = await caught(fetch(`https://127.0.0.1:${port}/`));
    expect(describeConnectionError(err)).toMatch(/^TLS handshake failed/);
  });
});

function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('describeConnectionError: every mapping', () => {
  it.each([
    ['ECONNREFUSED', REFUSED],
    ['EHOSTUNREACH', 'no route to host'],
    ['ENETUNREACH', 'no route to host'],
    ['ENOTFOUND', 'host not found'],
    ['EAI_AGAIN', 'host not found'],
    ['ETIMEDOUT', 'timed out'],
    ['UND_ERR_CONNECT_TIMEOUT', 'timed out'],
    ['ECONNRESET', 'connection reset'],
    ['UND_ERR_SOCKET', 'connection reset'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'TLS certificate rejected'],
    ['SELF_SIGNED_CERT_IN_CHAIN', 'TLS certificate rejected'],
    ['CERT_HAS_EXPIRED', 'TLS certificate rejected'],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'TLS certificate rejected'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'TLS certificate rejected'],
  ])('%s → %s (bare, and inside fetch failed)', (code, words) => {
    const err = nodeError(`connect ${code} 10.0.0.1:7300`, code);
    expect(describeConnectionError(err)).toBe(words);
    expect(describeConnectionError(fetchFailed(err))).toBe(words);
  });

  it('unwraps socket.io transport errors: description → ErrorEvent.error', () => {
    const inner = nodeError('getaddrinfo ENOTFOUND feed.example', 'ENOTFOUND');
    const transport = Object.assign(new Error('websocket error'), {
      type: 'TransportError',
      description: { type: 'error', message: inner.message, error: inner },
      context: undefined,
    });
    expect(describeConnectionError(transport)).toBe('host not found');
  });

  it('unwraps an AggregateError from a dual-stack connect', () => {
    const aggregate = new AggregateError(
      [nodeError('connect EHOSTUNREACH ::1', 'EHOSTUNREACH'), nodeError('x', 'EHOSTUNREACH')],
      '',
    );
    expect(describeConnectionError(fetchFailed(aggregate))).toBe('no route to host');
  });

  it.each([
    [401, '401: token rejected'],
    [403, '403: forbidden'],
    [404, '404: unknown room (check the room id)'],
    [500, '500: feed server error'],
    [502, '502: feed server error'],
    [503, '503: feed server error'],
  ])('HTTP %i → %s', (status, words) => {
    expect(describeConnectionError(new FeedHttpError(status, `${status}: whatever`))).toBe(words);
    // socket.io middleware errors carry the status in the message only.
    expect(describeConnectionError(new Error(`${status}: whatever`))).toBe(words);
  });

  it('other 4xx keep the feed’s own words', () => {
    const err = new FeedHttpError(400, '400: sinceSeq must be a non-negative integer');
    expect(describeConnectionError(err)).toBe('400: sinceSeq must be a non-negative integer');
    expect(describeConnectionError(new FeedHttpError(429, 'Too Many Requests'))).toBe(
      '429: Too Many Requests',
    );
  });

  it('passes through what it does not know, innermost first', () => {
    expect(describeConnectionError(new BadFeedResponseError('not JSON'))).toBe(
      'bad response from the feed: not JSON',
    );
    expect(describeConnectionError(fetchFailed(new Error('something odd')))).toBe('something odd');
    expect(describeConnectionError('plain words')).toBe('plain words');
    expect(describeConnectionError(undefined)).toBe('connection failed');
    expect(describeConnectionError(42)).toBe('42');
  });
});

describe('isFatalStatus', () => {
  it('is true for 401, 403 and 404 only', () => {
    expect(isFatalStatus('401: token rejected')).toBe(true);
    expect(isFatalStatus('403: forbidden')).toBe(true);
    expect(isFatalStatus('404: unknown room (check the room id)')).toBe(true);
    expect(isFatalStatus('500: feed server error')).toBe(false);
    expect(isFatalStatus('400: bad parameters')).toBe(false);
    expect(isFatalStatus(REFUSED)).toBe(false);
    expect(isFatalStatus('timed out')).toBe(false);
    expect(isFatalStatus('4011: not a status')).toBe(false);
  });
});
