/**
 * The boundary: raw feed payloads become typed events here or are rejected with a reason.
 * Nothing unvalidated gets further; nothing invalid throws.
 */
import type { z } from 'zod';
import { isCommentsEvent } from './comments-guard.js';
import {
  feedEventSchemas,
  HelloSchema,
  isFeedEventType,
  type FeedEvent,
  type Hello,
} from '../../../shared/protocol/feed.js';

export type Validated<T> = { ok: true; value: T } | { ok: false; reason: string; seq: number | null };

const SAMPLE_CHARS = 300;

/** A short, safe rendering of a rejected payload for the diagnostics panel. */
export function sampleOf(raw: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(raw) ?? String(raw);
  } catch {
    text = String(raw);
  }
  return text.length > SAMPLE_CHARS ? `${text.slice(0, SAMPLE_CHARS)}…` : text;
}

function describe(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid payload';
  const where = issue.path.length > 0 ? issue.path.join('.') : 'payload';
  return `${where}: ${issue.message}`;
}

/** The seq of a payload we could not accept, if it carries a usable one (so it is not mistaken for a gap). */
function seqOf(raw: unknown): number | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const seq = (raw as { seq?: unknown }).seq;
  return typeof seq === 'number' && Number.isSafeInteger(seq) && seq > 0 ? seq : null;
}

export function validateHello(raw: unknown): Validated<Hello> {
  const parsed = HelloSchema.safeParse(raw);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, reason: describe(parsed.error), seq: null };
}

export function validateEvent(type: string, raw: unknown): Validated<FeedEvent> {
  if (!isFeedEventType(type))
    return { ok: false, reason: `unknown event type "${sampleOf(type)}"`, seq: seqOf(raw) };
  // Most events are comments: checked by hand (same rules), zod only to word a rejection.
  if (type === 'comments' && isCommentsEvent(raw)) {
    // Only the schema's fields go on, as zod returns them (unknown keys such as "__proto__" stay out).
    const items = raw.items.map(({ id, ts, userId, nickname, text, fanClub }) =>
      fanClub === undefined
        ? { id, ts, userId, nickname, text }
        : { id, ts, userId, nickname, text, fanClub },
    );
    return { ok: true, value: { type, seq: raw.seq, items } };
  }
  const parsed = feedEventSchemas[type].safeParse(raw);
  if (!parsed.success) return { ok: false, reason: describe(parsed.error), seq: seqOf(raw) };
  return { ok: true, value: { type, ...parsed.data } as FeedEvent };
}
