/**
 * The comment list held in memory: the newest rows, oldest first, bounded.
 *
 * Following (auto-scroll on) it keeps LIVE_CAPACITY rows and drops the oldest as new ones come.
 * While the user reads (scrolled up) it may hold more — older pages they asked for, and new rows
 * arriving below — up to READING_CAPACITY; it trims back once they return to the bottom.
 *
 * Plain immutable data: a batch copies at most a few thousand references, at most 10 times a
 * second, which is cheaper than the React bookkeeping a mutable ring would need.
 */
import type { CommentRow } from '../../../shared/api/contract.js';

export const LIVE_CAPACITY = 2000;
export const READING_CAPACITY = 20_000;
export const OLDER_PAGE_SIZE = 200;

export interface CommentBuffer {
  rows: readonly CommentRow[];
  /**
   * Position of rows[0] in the endless list: grows when the oldest rows are dropped, shrinks
   * when older rows are paged in. The list view shifts its scroll offset by the difference so
   * the rows under the reader's eyes stay put.
   */
  base: number;
  following: boolean;
  /** Comments that arrived since the user scrolled up (including ones the host did not send). */
  unseen: number;
  /** Older rows may exist in storage. */
  hasOlder: boolean;
  loadingOlder: boolean;
}

export const emptyCommentBuffer: CommentBuffer = {
  rows: [],
  base: 0,
  following: true,
  unseen: 0,
  hasOlder: false,
  loadingOlder: false,
};

function lastRowId(rows: readonly CommentRow[]): number {
  return rows.at(-1)?.rowId ?? 0;
}

function capacity(buffer: CommentBuffer): number {
  return buffer.following ? LIVE_CAPACITY : READING_CAPACITY;
}

/** Drops the oldest rows beyond the buffer's capacity. */
function trimmed(buffer: CommentBuffer): CommentBuffer {
  const excess = buffer.rows.length - capacity(buffer);
  if (excess <= 0) return buffer;
  return { ...buffer, rows: buffer.rows.slice(excess), base: buffer.base + excess, hasOlder: true };
}

/** A live batch: rows newer than what we hold are appended (repeats after a reconnect are skipped). */
export function appendNewer(
  buffer: CommentBuffer,
  incoming: readonly CommentRow[],
  dropped: number,
): CommentBuffer {
  const newest = lastRowId(buffer.rows);
  const fresh = incoming.filter((row) => row.rowId > newest);
  if (fresh.length === 0 && dropped === 0) return buffer;
  const unseen = buffer.following ? 0 : buffer.unseen + fresh.length + dropped;
  if (fresh.length === 0) return { ...buffer, unseen };
  return trimmed({
    ...buffer,
    rows: buffer.rows.concat(fresh),
    unseen,
    hasOlder: buffer.hasOlder || buffer.rows.length === 0,
  });
}

function sortedUnique(rows: readonly CommentRow[]): CommentRow[] {
  const byRowId = new Map<number, CommentRow>();
  for (const row of rows) byRowId.set(row.rowId, row);
  return [...byRowId.values()].sort((a, b) => a.rowId - b.rowId);
}

/**
 * A snapshot (first load, or after a reconnect). If it overlaps what we hold, merge; if it is
 * entirely newer there may be a hole between the two, so start over from the snapshot.
 */
export function mergeSnapshot(buffer: CommentBuffer, snapshotRows: readonly CommentRow[]): CommentBuffer {
  if (snapshotRows.length === 0) return buffer;
  const first = snapshotRows[0];
  if (buffer.rows.length === 0 || (first && first.rowId > lastRowId(buffer.rows))) {
    return trimmed({
      ...buffer,
      rows: sortedUnique(snapshotRows),
      base: buffer.base + buffer.rows.length,
      following: true,
      unseen: 0,
      hasOlder: true,
    });
  }
  const merged = sortedUnique([...buffer.rows, ...snapshotRows]);
  const prepended = merged.findIndex((row) => row.rowId === buffer.rows[0]?.rowId);
  return trimmed({ ...buffer, rows: merged, base: buffer.base - Math.max(0, prepended) });
}

/** A page of older rows the user scrolled up to. `requested` tells whether storage ran out. */
export function prependOlder(
  buffer: CommentBuffer,
  older: readonly CommentRow[],
  requested: number,
): CommentBuffer {
  const oldest = buffer.rows[0]?.rowId ?? Number.POSITIVE_INFINITY;
  const page = sortedUnique(older.filter((row) => row.rowId < oldest));
  return {
    ...buffer,
    rows: page.length > 0 ? page.concat(buffer.rows) : buffer.rows,
    base: buffer.base - page.length,
    hasOlder: older.length >= requested && page.length > 0,
    loadingOlder: false,
  };
}

export function canLoadOlder(buffer: CommentBuffer): boolean {
  return buffer.hasOlder && !buffer.loadingOlder && buffer.rows.length < READING_CAPACITY;
}

/** Auto-scroll on (back at the bottom: trim to the live size) or off (the user is reading). */
export function withFollowing(buffer: CommentBuffer, following: boolean): CommentBuffer {
  if (buffer.following === following) return buffer;
  return trimmed({ ...buffer, following, unseen: 0 });
}
