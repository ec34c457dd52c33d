/**
 * The LAN board's listener (docs/lan-board.md): the web host's server bound to one private
 * interface, answering only to that address (Host/Origin), to share tokens and their roles'
 * methods, within the LAN limits. ShareController starts and stops it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { roleAllows, type LiveDeskService } from '../../shared/api/contract.js';
import type { LanListener, LanListenerOptions } from '../core/share/share-controller.js';
import { startHost, type HostPolicy } from './host.js';

/** Only `<address>:<port>`: no localhost names, so a rebinding page cannot pass as us. */
export function lanHostNames(address: string, port: number): Set<string> {
  return new Set([`${address}:${port}`]);
}

export function lanPolicy(options: LanListenerOptions): HostPolicy {
  return {
    hostNames: (port) => lanHostNames(options.address, port),
    authorize: (secret) => options.authorize(secret),
    refusal: (grant, method) =>
      grant.role !== 'owner' && !roleAllows(grant.role, method)
        ? `the ${grant.role} role may not call ${method}`
        : null,
    limits: options.limits,
  };
}

export async function startLanHost(
  options: LanListenerOptions & { service: LiveDeskService; staticDir: string },
): Promise<LanListener> {
  const running = await startHost({
    service: options.service,
    staticDir: options.staticDir,
    host: options.address,
    port: options.port,
    policy: lanPolicy(options),
  });
  return {
    port: running.port,
    clientsByToken: () => running.clientsByToken(),
    disconnect: (tokenId) => running.disconnect(tokenId),
    close: () => running.close(),
  };
}

/**
 * The built renderer to serve: beside the bundled main process (out/main → out/renderer) in
 * the app, the web build (out/web) when run from the sources.
 */
export function defaultRendererDir(here: string = path.dirname(fileURLToPath(import.meta.url))): string {
  const candidates = [path.resolve(here, '../renderer'), path.resolve(here, '../../out/web')];
  return candidates.find((dir) => fs.existsSync(path.join(dir, 'index.html'))) ?? candidates[1]!;
}
