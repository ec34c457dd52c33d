/**
 * One HTTP + socket.io server for the service, run under a policy: the local web host (one
 * token, every method, loopback) and the LAN board (many tokens with roles, allow-listed
 * methods, rate/size/client limits) are the same code with different policies.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { Server as SocketServer, type Socket } from 'socket.io';
import { z } from 'zod';
import {
  WEB_CALL_EVENT,
  WEB_UPDATE_EVENT,
  isApiMethod,
  parseApiArgs,
  type ApiMethod,
  type BoardUpdate,
  type LiveDeskService,
  type ShareRole,
} from '../../shared/api/contract.js';
import type { LanLimits } from '../core/share/lan-limits.js';
import { isAllowedHost, isAllowedOrigin, requestToken } from './access.js';
import { ReportError } from '../core/report/report-error.js';
import {
  BadRequestError,
  EXPORT_DOWNLOAD_PREFIX,
  NotFoundError,
  routeMethod,
  routes,
  sendExportFile,
  sendJson,
} from './http-api.js';
import { RateLimiter } from './rate-limit.js';
import { serveStatic } from './static-files.js';
import { MAX_MERGED_COMMENTS, UpdateCoalescer } from './update-merge.js';

/** Who a token belongs to: the local app's own page (owner), or a LAN device with a role. */
export interface Grant {
  tokenId: string;
  role: 'owner' | ShareRole;
}

export interface HostPolicy {
  /** `host:port` names this server answers to (Host and Origin checks against DNS rebinding). */
  hostNames(port: number): Set<string>;
  authorize(token: unknown): Grant | null;
  /** null when the grant may call the method; else why not (→ 403). */
  refusal(grant: Grant, method: ApiMethod): string | null;
  /** Limits for a shared (LAN) host; null for the local host, which only this machine reaches. */
  limits: LanLimits | null;
}

export interface HostOptions {
  service: LiveDeskService;
  staticDir: string;
  host: string;
  port: number;
  policy: HostPolicy;
}

export interface RunningHost {
  readonly url: string;
  readonly port: number;
  /** Connected sockets per token id. */
  clientsByToken(): Map<string, number>;
  /** Disconnects every socket that came in with this token. */
  disconnect(tokenId: string): void;
  close(): Promise<void>;
}

export type CallResult =
  { ok: true; result: unknown } | { ok: false; error: string; status?: number; retryAfterMs?: number };

/** A library import (30 MB at most, shared/api/replies.ts) travels in one message to the local host. */
const LOCAL_MAX_MESSAGE_BYTES = 32 * 1024 * 1024;

function errorText(err: unknown): string {
  if (err instanceof z.ZodError) {
    const issue = err.issues[0];
    return `invalid arguments: ${issue ? `${issue.path.join('.') || 'args'}: ${issue.message}` : 'rejected'}`;
  }
  return err instanceof Error ? err.message : String(err);
}

/**
 * 400 for bad arguments, 404 for what does not exist, else 500. A report's arguments are checked
 * (zod) before it is built, so what the report builder still refuses is a scope naming nothing.
 */
function statusOf(err: unknown): number {
  if (err instanceof z.ZodError || err instanceof BadRequestError) return 400;
  if (err instanceof NotFoundError || err instanceof ReportError) return 404;
  return 500;
}

export async function callService(
  service: LiveDeskService,
  method: unknown,
  args: unknown,
): Promise<CallResult> {
  if (!isApiMethod(method)) return { ok: false, error: `unknown method "${String(method).slice(0, 64)}"` };
  try {
    const parsed = parseApiArgs(method, args) as unknown[];
    const fn = service[method as ApiMethod] as (...a: unknown[]) => unknown;
    return { ok: true, result: await fn.apply(service, parsed) };
  } catch (err) {
    return { ok: false, error: errorText(err) };
  }
}

/** The show the board is on (undefined when the service cannot say, e.g. while it stops). */
function currentShowId(service: LiveDeskService): string | null | undefined {
  try {
    return service.getSnapshot().show?.id ?? null;
  } catch {
    return undefined;
  }
}

const clientAddress = (req: http.IncomingMessage) => req.socket.remoteAddress ?? 'unknown';
const isSocketIoPath = (req: http.IncomingMessage) => (req.url ?? '').startsWith('/socket.io/');

interface Refusal {
  status: number;
  error: string;
  retryAfterSec?: number;
}

/**
 * Runs `check` before socket.io and the HTTP handler see a request or a WebSocket upgrade:
 * the only place a handshake can be answered 429/503 instead of socket.io's generic 403.
 */
function gateRequests(server: http.Server, check: (req: http.IncomingMessage) => Refusal | null): void {
  for (const event of ['request', 'upgrade'] as const) {
    const inner = server.listeners(event) as ((...args: unknown[]) => void)[];
    server.removeAllListeners(event);
    server.on(event, (req: http.IncomingMessage, target: http.ServerResponse | Duplex, head?: Buffer) => {
      const refusal = check(req);
      if (!refusal) {
        for (const listener of inner) listener.call(server, req, target, head);
        return;
      }
      const headers: Record<string, string> = refusal.retryAfterSec
        ? { 'retry-after': String(refusal.retryAfterSec) }
        : {};
      if (target instanceof http.ServerResponse) {
        target.setHeader('connection', 'close');
        for (const [name, value] of Object.entries(headers)) target.setHeader(name, value);
        sendJson(target, refusal.status, { error: refusal.error });
        return;
      }
      const body = JSON.stringify({ error: refusal.error });
      const lines = [
        `HTTP/1.1 ${refusal.status} ${http.STATUS_CODES[refusal.status] ?? ''}`,
        'content-type: application/json; charset=utf-8',
        `content-length: ${Buffer.byteLength(body)}`,
        ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
        'connection: close',
      ];
      target.end(`${lines.join('\r\n')}\r\n\r\n${body}`);
    });
  }
}

export async function startHost(opts: HostOptions): Promise<RunningHost> {
  const { service, policy, host } = opts;
  const limits = policy.limits;
  let allowed = new Set<string>();

  const server = http.createServer((req, res) => {
    if (!isAllowedHost(req.headers.host, allowed)) {
      sendJson(res, 403, { error: 'host not allowed' });
      return;
    }
    // A page of another site calling in (its Origin says so): refused before the token is read.
    if (!isAllowedOrigin(req.headers.origin, allowed)) {
      sendJson(res, 403, { error: 'origin not allowed' });
      return;
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    const isApi = url.pathname.startsWith('/api/');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      if (!limits || !isApi) {
        sendJson(res, 405, { error: 'method not allowed' });
        return;
      }
      // A LAN device never changes anything over HTTP: say whether it is the token or the role.
      const grant = policy.authorize(requestToken(req, url));
      if (!grant) sendJson(res, 401, { error: 'token missing or rejected' });
      else sendJson(res, 403, { error: `the ${grant.role} role cannot change anything over HTTP` });
      return;
    }
    if (!isApi) {
      serveStatic(opts.staticDir, url.pathname, res, req.method === 'HEAD');
      return;
    }
    const grant = policy.authorize(requestToken(req, url));
    if (!grant) {
      sendJson(res, 401, { error: 'token missing or rejected' });
      return;
    }
    const method = routeMethod(url.pathname);
    const refused = method ? policy.refusal(grant, method) : null;
    if (refused) {
      sendJson(res, 403, { error: refused });
      return;
    }
    if (url.pathname.startsWith(EXPORT_DOWNLOAD_PREFIX)) {
      sendExportFile(service, url.pathname, res, req.method === 'HEAD');
      return;
    }
    const route = routes[url.pathname];
    if (!route) {
      sendJson(res, 404, { error: `no such endpoint ${url.pathname}` });
      return;
    }
    try {
      sendJson(res, 200, route(service, url.searchParams));
    } catch (err) {
      sendJson(res, statusOf(err), { error: errorText(err) });
    }
  });

  const io = new SocketServer(server, {
    transports: ['websocket'],
    serveClient: false,
    // Host and Origin are checked at the WebSocket upgrade, before any frame is read, so a
    // foreign page cannot push large frames; the token is checked on connect (io.use below).
    maxHttpBufferSize: limits?.maxMessageBytes ?? LOCAL_MAX_MESSAGE_BYTES,
    allowRequest: (req, callback) => {
      const ok = isAllowedHost(req.headers.host, allowed) && isAllowedOrigin(req.headers.origin, allowed);
      callback(ok ? null : 'host or origin not allowed', ok);
    },
  });

  if (limits) {
    const perAddress = new RateLimiter(limits.requestsPerIp);
    gateRequests(server, (req) => {
      const length = Number(req.headers['content-length'] ?? 0);
      if (length > limits.maxMessageBytes) {
        return { status: 413, error: `request body over ${limits.maxMessageBytes} bytes` };
      }
      const waitMs = perAddress.take(clientAddress(req));
      if (waitMs > 0) {
        return { status: 429, error: 'too many requests', retryAfterSec: Math.ceil(waitMs / 1000) };
      }
      if (isSocketIoPath(req) && io.engine.clientsCount >= limits.maxClients) {
        return { status: 503, error: `too many devices (${limits.maxClients})`, retryAfterSec: 30 };
      }
      return null;
    });
    // Each device holds one socket and a few page-load connections; beyond that, refuse early.
    server.maxConnections = limits.maxClients * 2;
    server.headersTimeout = 10_000;
    server.requestTimeout = 30_000;
  }

  io.use((socket, next) => {
    const { headers, auth } = socket.handshake;
    if (!isAllowedHost(headers.host, allowed) || !isAllowedOrigin(headers.origin, allowed)) {
      next(new Error('403: host or origin not allowed'));
      return;
    }
    const token = (auth as { token?: unknown }).token;
    const grant = policy.authorize(token);
    if (!grant) {
      next(new Error('401: token rejected'));
      return;
    }
    socket.data.token = token;
    socket.data.grant = grant;
    next();
  });

  const calls = limits ? new RateLimiter(limits.callsPerSocket) : null;
  const answer = async (socket: Socket, method: unknown, args: unknown): Promise<CallResult> => {
    // Checked on every call: a token revoked a moment ago must not get one more in.
    const grant = policy.authorize(socket.data.token);
    if (!grant) {
      setImmediate(() => socket.disconnect(true));
      return { ok: false, status: 401, error: '401: token revoked' };
    }
    const waitMs = calls?.take(socket.id) ?? 0;
    if (waitMs > 0) {
      return {
        ok: false,
        status: 429,
        retryAfterMs: waitMs,
        error: `429: too many calls, retry in ${waitMs} ms`,
      };
    }
    if (isApiMethod(method)) {
      const refused = policy.refusal(grant, method);
      if (refused) return { ok: false, status: 403, error: `403: ${refused}` };
    }
    return callService(service, method, args);
  };

  // One subscription to the service while anyone is connected, broadcast to all; a shared host
  // merges updates to one a second.
  let unsubscribe: (() => void) | null = null;
  let coalescer: UpdateCoalescer | null = null;
  const broadcast = (update: BoardUpdate) => io.emit(WEB_UPDATE_EVENT, update);
  const subscribe = () => {
    if (!limits) return service.onUpdate(broadcast);
    const merger = new UpdateCoalescer(
      broadcast,
      limits.updateIntervalMs,
      MAX_MERGED_COMMENTS,
      currentShowId(service),
    );
    coalescer = merger;
    const off = service.onUpdate((update) => merger.push(update));
    return () => {
      off();
      merger.stop();
      coalescer = null;
    };
  };
  io.on('connection', (socket) => {
    unsubscribe ??= subscribe();
    socket.on(WEB_CALL_EVENT, (method: unknown, args: unknown, ack: unknown) => {
      if (typeof ack !== 'function') return;
      void answer(socket, method, args).then((result) => ack(result));
    });
    socket.on('disconnect', () => {
      calls?.forget(socket.id);
      if (io.engine.clientsCount === 0 && unsubscribe) {
        unsubscribe();
        unsubscribe = null;
      }
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  allowed = policy.hostNames(port);
  const shownHost = host.includes(':') ? `[${host}]` : host;

  const socketsOf = (tokenId: string | null) =>
    [...io.of('/').sockets.values()].filter(
      (s) => tokenId === null || (s.data.grant as Grant | undefined)?.tokenId === tokenId,
    );

  return {
    url: `http://${shownHost}:${port}/`,
    port,
    clientsByToken() {
      const counts = new Map<string, number>();
      for (const socket of socketsOf(null)) {
        const id = (socket.data.grant as Grant).tokenId;
        counts.set(id, (counts.get(id) ?? 0) + 1);
      }
      return counts;
    },
    disconnect(tokenId) {
      for (const socket of socketsOf(tokenId)) socket.disconnect(true);
    },
    async close() {
      unsubscribe?.();
      unsubscribe = null;
      coalescer?.stop();
      await new Promise<void>((resolve) => {
        io.close(() => resolve());
      });
      server.closeAllConnections();
    },
  };
}
