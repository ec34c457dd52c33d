/** The hand-written comments check says yes exactly when the zod schema does. */
import { describe, expect, it } from 'vitest';
import { isCommentsEvent } from '../../../electron/core/ingest/comments-guard.js';
import { validateEvent } from '../../../electron/core/ingest/validate.js';
import { CommentsEventSchema } from '../../../shared/protocol/feed.js';
import { comment } from '../../helpers/events.js';

const good = () => ({ seq: 3, items: [comment(1), comment(2, { fanClub: true })] });

/** Payloads that differ from a good one in one way each, valid or not. */
const cases: [string, unknown][] = [
  ['good', good()],
  ['extra item field', { seq: 3, items: [{ ...comment(1), extra: 1 }] }],
  ['fanClub false', { seq: 3, items: [comment(1, { fanClub: false })] }],
  ['null', null],
  ['array', [1]],
  ['string', 'comments'],
  ['no seq', { items: [comment(1)] }],
  ['seq 0', { seq: 0, items: [comment(1)] }],
  ['seq fraction', { seq: 1.5, items: [comment(1)] }],
  ['seq string', { seq: '3', items: [comment(1)] }],
  ['seq unsafe', { seq: 2 ** 53, items: [comment(1)] }],
  ['no items', { seq: 3 }],
  ['empty items', { seq: 3, items: [] }],
  ['5000 items', { seq: 3, items: Array.from({ length: 5000 }, (_, i) => comment(i)) }],
  ['5001 items', { seq: 3, items: Array.from({ length: 5001 }, (_, i) => comment(i)) }],
  ['item null', { seq: 3, items: [null] }],
  ['item array', { seq: 3, items: [[]] }],
  ['empty id', { seq: 3, items: [{ ...comment(1), id: '' }] }],
  ['id 128', { seq: 3, items: [{ ...comment(1), id: 'x'.repeat(128) }] }],
  ['id 129', { seq: 3, items: [{ ...comment(1), id: 'x'.repeat(129) }] }],
  ['id number', { seq: 3, items: [{ ...comment(1), id: 7 }] }],
  ['ts seconds', { seq: 3, items: [{ ...comment(1), ts: 1_700_000_000 }] }],
  ['ts min', { seq: 3, items: [{ ...comment(1), ts: 946_684_800_000 }] }],
  ['ts max', { seq: 3, items: [{ ...comment(1), ts: 4_102_444_800_000 }] }],
  ['ts past max', { seq: 3, items: [{ ...comment(1), ts: 4_102_444_800_001 }] }],
  ['ts fraction', { seq: 3, items: [{ ...comment(1), ts: 1_700_000_000_000.5 }] }],
  ['ts NaN', { seq: 3, items: [{ ...comment(1), ts: Number.NaN }] }],
  ['no userId', { seq: 3, items: [{ ...comment(1), userId: undefined }] }],
  ['nickname 64', { seq: 3, items: [{ ...comment(1), nickname: '名'.repeat(64) }] }],
  ['nickname 65', { seq: 3, items: [{ ...comment(1), nickname: '名'.repeat(65) }] }],
  ['empty nickname', { seq: 3, items: [{ ...comment(1), nickname: '' }] }],
  ['text 100000', { seq: 3, items: [{ ...comment(1), text: 'a'.repeat(100_000) }] }],
  ['text 100001', { seq: 3, items: [{ ...comment(1), text: 'a'.repeat(100_001) }] }],
  ['text number', { seq: 3, items: [{ ...comment(1), text: 1 }] }],
  ['fanClub string', { seq: 3, items: [{ ...comment(1), fanClub: 'yes' }] }],
  ['fanClub null', { seq: 3, items: [{ ...comment(1), fanClub: null }] }],
  ['one bad of many', { seq: 3, items: [comment(1), { ...comment(2), ts: 'now' }, comment(3)] }],
];

describe('comments guard', () => {
  it.each(cases)('%s: same answer as the zod schema', (_name, payload) => {
    expect(isCommentsEvent(payload)).toBe(CommentsEventSchema.safeParse(payload).success);
  });

  it('passes a good event on with its items, and words a rejection as zod does', () => {
    const r = validateEvent('comments', good());
    expect(r).toMatchObject({ ok: true, value: { type: 'comments', seq: 3, items: good().items } });
    expect(validateEvent('comments', { seq: 4, items: [{ ...comment(1), ts: 12 }] })).toEqual({
      ok: false,
      reason: expect.stringMatching(/^items\.0\.ts: /),
      seq: 4,
    });
  });
});
