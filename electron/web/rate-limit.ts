/**
 * Token buckets keyed by client (an address, a socket id): `take` spends one and says how long
 * to wait when the bucket is empty. Idle buckets are forgotten so the map stays small.
 */
import type { RateLimit } from '../core/share/lan-limits.js';

interface Bucket {
  tokens: number;
  at: number;
}

/** Forget buckets idle this long (they are full again by then anyway). */
const IDLE_MS = 60_000;
const SWEEP_EVERY = 1000;

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private takes = 0;

  constructor(
    private readonly limit: RateLimit,
    private readonly now: () => number = () => performance.now(),
  ) {
    if (!(limit.perSec > 0) || !(limit.burst >= 1))
      throw new Error('a rate limit needs perSec > 0 and burst ≥ 1');
  }

  /** 0 when allowed (one token spent), else the milliseconds until one is there. */
  take(key: string): number {
    const now = this.now();
    if (++this.takes % SWEEP_EVERY === 0) this.sweep(now);
    const bucket = this.buckets.get(key) ?? { tokens: this.limit.burst, at: now };
    bucket.tokens = Math.min(
      this.limit.burst,
      bucket.tokens + ((now - bucket.at) / 1000) * this.limit.perSec,
    );
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - bucket.tokens) / this.limit.perSec) * 1000);
  }

  forget(key: string): void {
    this.buckets.delete(key);
  }

  private sweep(now: number): void {
    for (const [key, bucket] of this.buckets) if (now - bucket.at > IDLE_MS) this.buckets.delete(key);
  }
}
