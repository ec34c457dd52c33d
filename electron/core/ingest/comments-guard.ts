/**
 * The hot path's check of a comments event, by hand: the same rules as CommentsEventSchema
 * (shared/protocol/feed.ts), without building zod's result objects for every item — a comments
 * event is most of what a feed sends. It only says yes or no: for a no, the zod schema runs to
 * give the reason, so rejections read exactly as before. tests/unit/core/comments-guard.test.ts
 * holds the two to the same answers.
 */
import { MAX_BATCH_ITEMS, type CommentsEvent } from '../../../shared/protocol/feed.js';

const TS_MIN = 946_684_800_000;
const TS_MAX = 4_102_444_800_000;

const isId = (v: unknown): v is string => typeof v === 'string' && v.length >= 1 && v.length <= 128;
const isTs = (v: unknown): v is number =>
  typeof v === 'number' && Number.isSafeInteger(v) && v >= TS_MIN && v <= TS_MAX;

function isCommentItem(v: unknown): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const c = v as Record<string, unknown>;
  return (
    isId(c.id) &&
    isTs(c.ts) &&
    isId(c.userId) &&
    typeof c.nickname === 'string' &&
    c.nickname.length <= 64 &&
    typeof c.text === 'string' &&
    c.text.length <= 100_000 &&
    (c.fanClub === undefined || typeof c.fanClub === 'boolean')
  );
}

/** True when `raw` is a valid comments event payload (its items may carry extra fields). */
export function isCommentsEvent(raw: unknown): raw is CommentsEvent {
  if (typeof raw !== 'object' || raw === null) return false;
  const { seq, items } = raw as { seq?: unknown; items?: unknown };
  if (!(typeof seq === 'number' && Number.isSafeInteger(seq) && seq > 0)) return false;
  if (!Array.isArray(items) || items.length < 1 || items.length > MAX_BATCH_ITEMS) return false;
  for (let i = 0; i < items.length; i++) if (!isCommentItem(items[i])) return false;
  return true;
}
