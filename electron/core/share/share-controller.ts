/**
 * 共享看板到局域网: starts and stops the LAN listener, issues and revokes its tokens, and says
 * what is shared where (links and QR codes). State lives in memory only, so sharing is off
 * after every restart. The listener itself (HTTP + socket.io) is the web host's; the runtime
 * passes a factory for it, which keeps this module free of any server code.
 */
import { networkInterfaces } from 'node:os';
import {
  SHARE_ROLES,
  SHARE_ROLE_PARAM,
  type ShareInterface,
  type ShareStatus,
  type StartSharingArgs,
} from '../../../shared/api/share.js';
import { DEFAULT_LAN_LIMITS, type LanLimits } from './lan-limits.js';
import { pickInterface, privateIpv4Interfaces } from './lan-interfaces.js';
import { qrSvgDataUrl } from './qr-code.js';
import { ShareTokens, type ShareGrant, type ShareToken } from './share-tokens.js';

export interface LanListenerOptions {
  address: string;
  port: number;
  limits: LanLimits;
  /** The grant of a token, or null when it is unknown or revoked (checked on every request and call). */
  authorize(secret: unknown): ShareGrant | null;
}

export interface LanListener {
  readonly port: number;
  /** Connected devices per token id. */
  clientsByToken(): Map<string, number>;
  /** Closes every socket that came in with this token, now. */
  disconnect(tokenId: string): void;
  close(): Promise<void>;
}

export type StartLanListener = (options: LanListenerOptions) => Promise<LanListener>;

export interface ShareControllerDeps {
  /** Absent: this host cannot share (startSharing says so). */
  startListener?: StartLanListener;
  /** Default: the private IPv4 interfaces of os.networkInterfaces(); tests inject their own. */
  listInterfaces?: () => ShareInterface[];
  /** Tried first so the link stays the same between shares; when taken, any free port. */
  port?: number;
  limits?: Partial<LanLimits>;
  now?: () => number;
}

/** Next to the local web host's 5178. */
export const DEFAULT_SHARE_PORT = 5179;

interface Running {
  iface: ShareInterface;
  listener: LanListener;
  startedAt: number;
  qr: Map<string, string>;
}

export class ShareController {
  private running: Running | null = null;
  private readonly tokens: ShareTokens;
  private readonly limits: LanLimits;
  private readonly now: () => number;
  /** start/stop/revoke one at a time: a double click must not start two listeners. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: ShareControllerDeps = {}) {
    this.now = deps.now ?? Date.now;
    this.tokens = new ShareTokens(this.now);
    this.limits = { ...DEFAULT_LAN_LIMITS, ...deps.limits };
  }

  private interfaces(): ShareInterface[] {
    return this.deps.listInterfaces ? this.deps.listInterfaces() : privateIpv4Interfaces(networkInterfaces());
  }

  private serialised<T>(op: () => Promise<T>): Promise<T> {
    const next = this.queue.then(op, op);
    this.queue = next.catch(() => undefined);
    return next;
  }

  status(): ShareStatus {
    const running = this.running;
    const interfaces = this.interfaces();
    if (!running) {
      return {
        active: false,
        interfaces,
        current: null,
        port: null,
        startedAt: null,
        tokens: [],
        clients: 0,
        maxClients: this.limits.maxClients,
      };
    }
    const counts = running.listener.clientsByToken();
    const tokens = this.tokens.list().map((token) => ({
      id: token.id,
      role: token.role,
      url: this.link(running, token),
      qrDataUrl: running.qr.get(token.id) ?? '',
      createdAt: token.createdAt,
      clients: counts.get(token.id) ?? 0,
    }));
    return {
      active: true,
      interfaces,
      current: running.iface,
      port: running.listener.port,
      startedAt: running.startedAt,
      tokens,
      clients: [...counts.values()].reduce((sum, n) => sum + n, 0),
      maxClients: this.limits.maxClients,
    };
  }

  /**
   * Starts sharing on the named interface (default: the first private one) with a fresh token
   * per role. Already sharing: issues a token for each role that has none (after a revoke).
   */
  start(args: StartSharingArgs = {}): Promise<ShareStatus> {
    return this.serialised(async () => {
      const running = this.running;
      if (running) {
        if (args.interface !== undefined && pickInterface([running.iface], args.interface) === null) {
          throw new Error(
            `already sharing on ${running.iface.name} (${running.iface.address}): stop sharing first to switch to ${args.interface}`,
          );
        }
        await this.issueMissing(running);
        return this.status();
      }
      const interfaces = this.interfaces();
      const iface = pickInterface(interfaces, args.interface);
      if (!iface) {
        throw new Error(
          interfaces.length === 0
            ? 'no private network interface (10.x, 172.16–31.x, 192.168.x) found: connect this computer to the studio network first'
            : `no private network interface "${args.interface ?? ''}"; found: ${interfaces.map((i) => `${i.name} (${i.address})`).join(', ')}`,
        );
      }
      const startListener = this.deps.startListener;
      if (!startListener) throw new Error('sharing the board is not available in this host');
      this.tokens.clear();
      const listener = await this.listen(startListener, iface.address);
      const started: Running = { iface, listener, startedAt: this.now(), qr: new Map() };
      try {
        await this.issueMissing(started);
      } catch (err) {
        this.tokens.clear();
        await listener.close();
        throw err;
      }
      this.running = started;
      return this.status();
    });
  }

  /** Stops the listener: every token is void and every LAN device disconnected. Idempotent. */
  stop(): Promise<ShareStatus> {
    return this.serialised(async () => {
      const running = this.running;
      this.running = null;
      this.tokens.clear();
      await running?.listener.close();
      return this.status();
    });
  }

  /** Voids one token; its devices are disconnected at once. The other token keeps working. */
  revoke(id: string): ShareStatus {
    const running = this.running;
    if (!running || !this.tokens.revoke(id)) {
      throw new Error(`no live share token ${id} (revoked already, or sharing is off)`);
    }
    running.qr.delete(id);
    running.listener.disconnect(id);
    return this.status();
  }

  private async listen(startListener: StartLanListener, address: string): Promise<LanListener> {
    const options = {
      address,
      limits: this.limits,
      authorize: (secret: unknown) => this.tokens.authorize(secret),
    };
    const port = this.deps.port ?? DEFAULT_SHARE_PORT;
    try {
      return await startListener({ ...options, port });
    } catch (err) {
      if (port === 0 || (err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
      return startListener({ ...options, port: 0 });
    }
  }

  private async issueMissing(running: Running): Promise<void> {
    const have = new Set(this.tokens.list().map((t) => t.role));
    for (const role of SHARE_ROLES) {
      if (have.has(role)) continue;
      const token = this.tokens.issue(role);
      running.qr.set(token.id, await qrSvgDataUrl(this.link(running, token)));
    }
  }

  /** The viewer's link opens the big screen; the controller's the board. */
  private link(running: Pick<Running, 'iface' | 'listener'>, token: ShareToken): string {
    const url = new URL(`http://${running.iface.address}:${running.listener.port}/`);
    url.searchParams.set('token', token.secret);
    url.searchParams.set(SHARE_ROLE_PARAM, token.role);
    if (token.role === 'viewer') url.hash = '#/big';
    return url.toString();
  }
}
