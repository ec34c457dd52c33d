/**
 * LAN devices get the board once a second, not ten times: updates are merged in between. An
 * update is a delta, so merging keeps the newest of each part, appends the comments (capped)
 * and sends an alert at once — the field controller must not wait for the next second.
 */
import type { BoardUpdate } from '../../shared/api/contract.js';

/** Comments one merged update carries at most (the service's own per-update cap); older ones are paged in. */
export const MAX_MERGED_COMMENTS = 500;

/** `next` applied over `earlier`: one update that says what both said. */
export function mergeUpdates(earlier: BoardUpdate, next: BoardUpdate, maxComments: number): BoardUpdate {
  const comments = [...earlier.comments, ...next.comments];
  const overflow = Math.max(0, comments.length - maxComments);
  return {
    ...earlier,
    ...next,
    comments: overflow > 0 ? comments.slice(overflow) : comments,
    droppedComments: earlier.droppedComments + next.droppedComments + overflow,
  };
}

export class UpdateCoalescer {
  private pending: BoardUpdate | null = null;
  private timer: NodeJS.Timeout | null = null;
  private lastSentAt = -Infinity;

  /**
   * @param showId the show the board is on now (null: none; undefined: unknown), so comments
   *   of a show that ended inside one interval are not sent as the next show's.
   */
  constructor(
    private readonly send: (update: BoardUpdate) => void,
    private readonly intervalMs: number,
    private readonly maxComments: number,
    private showId: string | null | undefined,
    private readonly now: () => number = () => performance.now(),
  ) {}

  push(update: BoardUpdate): void {
    let base = this.pending;
    if ('show' in update) {
      const id = update.show?.id ?? null;
      if (base && this.showId !== undefined && id !== this.showId) {
        base = { ...base, comments: [], droppedComments: 0 };
      }
      this.showId = id;
    }
    this.pending = base ? mergeUpdates(base, update, this.maxComments) : update;
    if (update.alerts !== undefined) {
      this.flush();
      return;
    }
    if (this.timer) return;
    const wait = Math.max(0, this.lastSentAt + this.intervalMs - this.now());
    if (wait === 0) this.flush();
    else this.timer = setTimeout(() => this.flush(), wait);
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const update = this.pending;
    if (!update) return;
    this.pending = null;
    this.lastSentAt = this.now();
    this.send(update);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending = null;
  }
}
