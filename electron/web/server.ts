/**
 * The web host: the same service over HTTP + socket.io, bound to 127.0.0.1 by default.
 * Serves the built renderer for browser preview and the e2e tests. Every API request and
 * socket needs the token; every request must name this server in its Host header.
 */
import { allowedHosts, tokenMatches } from './access.js';
import { startHost, type HostPolicy } from './host.js';
import type { LiveDeskService } from '../../shared/api/contract.js';

export { callService } from './host.js';

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

/** This machine's own page: one token, every method, no limits (nothing else reaches 127.0.0.1). */
export function localPolicy(bindHost: string, token: string): HostPolicy {
  return {
    hostNames: (port) => allowedHosts(bindHost, port),
    authorize: (given) => (tokenMatches(given, token) ? { tokenId: 'local', role: 'owner' } : null),
    refusal: () => null,
    limits: null,
  };
}

export async function startWebHost(opts: WebHostOptions): Promise<WebHost> {
  const host = opts.host ?? '127.0.0.1';
  const running = await startHost({
    service: opts.service,
    staticDir: opts.staticDir,
    host,
    port: opts.port ?? 0,
    policy: localPolicy(host, opts.token),
  });
  return { url: running.url, port: running.port, close: () => running.close() };
}
