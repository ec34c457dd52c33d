/** What the pipeline has seen, for the feed status line and /api/metrics `feed`. */
import type { FeedGap } from '../../../shared/api/contract.js';
import { FEED_EVENT_TYPES, type FeedEventType } from '../../../shared/protocol/feed.js';

const RATE_WINDOW_S = 5;

export class FeedCounters {
  eventsByType = Object.fromEntries(FEED_EVENT_TYPES.map((t) => [t, 0])) as Record<FeedEventType, number>;
  commentsStored = 0;
  duplicatesDropped = 0;
  invalid = 0;
  truncated = 0;
  gaps: FeedGap[] = [];
  lastEventAt: number | null = null;
  /** Comment counts per wall-clock second, for messages/s. */
  private perSecond = new Map<number, number>();

  countComments(n: number, now: number): void {
    const second = Math.floor(now / 1000);
    this.perSecond.set(second, (this.perSecond.get(second) ?? 0) + n);
    if (this.perSecond.size > RATE_WINDOW_S * 4) {
      for (const key of this.perSecond.keys()) if (key < second - RATE_WINDOW_S) this.perSecond.delete(key);
    }
  }

  /** Comments per second over the last complete seconds. */
  messagesPerSec(now: number): number {
    const current = Math.floor(now / 1000);
    let sum = 0;
    for (let s = current - RATE_WINDOW_S; s < current; s++) sum += this.perSecond.get(s) ?? 0;
    return Math.round(sum / RATE_WINDOW_S);
  }
}
