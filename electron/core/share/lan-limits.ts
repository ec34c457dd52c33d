/**
 * What a LAN device may cost the app. The board is watched by a handful of devices; these
 * bounds keep a misbehaving (or hostile) one from taking the studio PC down with it.
 */
export interface RateLimit {
  /** Sustained rate. */
  perSec: number;
  /** How many may come at once after a quiet spell (a page load, a reconnect). */
  burst: number;
}

export interface LanLimits {
  /** Connected devices (sockets) at once; more are refused with 503. */
  maxClients: number;
  /** HTTP requests and socket handshakes per client address; over it: 429 with Retry-After. */
  requestsPerIp: RateLimit;
  /** API calls per connected socket; over it the call is answered 429. */
  callsPerSocket: RateLimit;
  /** Largest socket message or request body from a LAN device (the local app's 32 MB is for FAQ imports). */
  maxMessageBytes: number;
  /** Board updates to LAN devices are merged and sent this often (alerts go out at once). */
  updateIntervalMs: number;
}

export const DEFAULT_LAN_LIMITS: LanLimits = {
  maxClients: 300,
  requestsPerIp: { perSec: 20, burst: 40 },
  callsPerSocket: { perSec: 10, burst: 30 },
  maxMessageBytes: 64 * 1024,
  updateIntervalMs: 1000,
};
