/**
 * The web host: the same service over HTTP + socket.io, bound to 127.0.0.1 by default.
 * Serves the built renderer for browser preview and the e2e tests. Every API request and
 * socket needs the token; every request must name this server in its Host header.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server as SocketServer } from 'socket.io';
import { z } from 'zod';
import {
  WEB_CALL_EVENT,
  WEB_UPDATE_EVENT,
  isApiMethod,
  parseApiArgs,
  type ApiMethod,
  type LiveDeskService,
} from '../../shared/api/contract.js';
import { allowedHosts, isAllowedHost, isAllowedOrigin, requestToken, tokenMatches } from './access.js';
import { routes, sendJson } from './http-api.js';
import { serveStatic } from './static-files.js';

export interface WebHostOptions {
  service: LiveDeskService;
  token: string;
  staticDir: string;
  host?: string;
  port?: number;
}

export interface WebHost {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

type CallResult = { ok: true; result: unknown } | { ok: false; error: string };

function errorText(err: unknown): string {
  if (err instanceof z.ZodError) {
    const issue = err.issues[0];
    return `invalid arguments: ${issue ? `${issue.path.join('.') || 'args'}: ${issue.message}` : 'rejected'}`;
  }
  return err instanceof Error ? err.message : String(err);
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

export async function startWebHost(opts: WebHostOptions): Promise<WebHost> {
  const host = opts.host ?? '127.0.0.1';
  const { service, token } = opts;
  let allowed = new Set<string>();

  const server = http.createServer((req, res) => {
    if (!isAllowedHost(req.headers.host, allowed)) {
      sendJson(res, 403, { error: 'host not allowed' });
      return;
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendJson(res, 405, { error: 'method not allowed' });
      return;
    }
    if (!url.pathname.startsWith('/api/')) {
      serveStatic(opts.staticDir, url.pathname, res, req.method === 'HEAD');
      return;
    }
    if (!tokenMatches(requestToken(req, url), token)) {
      sendJson(res, 401, { error: 'token missing or rejected' });
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
      sendJson(res, err instanceof z.ZodError ? 400 : 500, { error: errorText(err) });
    }
  });

  const io = new SocketServer(server, {
    transports: ['websocket'],
    serveClient: false,
    // A library import (30 MB at most, shared/api/replies.ts) travels in one message. Host and
    // Origin are checked at the WebSocket upgrade, before any frame is read, so a foreign page
    // cannot push large frames; the token is checked on connect (io.use below).
    maxHttpBufferSize: 32 * 1024 * 1024,
    allowRequest: (req, callback) => {
      const ok = isAllowedHost(req.headers.host, allowed) && isAllowedOrigin(req.headers.origin, allowed);
      callback(ok ? null : 'host or origin not allowed', ok);
    },
  });
  io.use((socket, next) => {
    const { headers, auth } = socket.handshake;
    if (!isAllowedHost(headers.host, allowed) || !isAllowedOrigin(headers.origin, allowed)) {
      next(new Error('403: host or origin not allowed'));
    } else if (!tokenMatches((auth as { token?: unknown }).token, token)) {
      next(new Error('401: token rejected'));
    } else {
      next();
    }
  });

  // One subscription to the service while anyone is connected, broadcast to all.
  let unsubscribe: (() => void) | null = null;
  io.on('connection', (socket) => {
    if (!unsubscribe) unsubscribe = service.onUpdate((update) => io.emit(WEB_UPDATE_EVENT, update));
    socket.on(WEB_CALL_EVENT, (method: unknown, args: unknown, ack: unknown) => {
      if (typeof ack !== 'function') return;
      void callService(service, method, args).then((result) => ack(result));
    });
    socket.on('disconnect', () => {
      if (io.engine.clientsCount === 0 && unsubscribe) {
        unsubscribe();
        unsubscribe = null;
      }
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  allowed = allowedHosts(host, port);
  const shownHost = host.includes(':') ? `[${host}]` : host;

  return {
    url: `http://${shownHost}:${port}/`,
    port,
    async close() {
      unsubscribe?.();
      unsubscribe = null;
      await new Promise<void>((resolve) => {
        io.close(() => resolve());
      });
      server.closeAllConnections();
    },
  };
}
