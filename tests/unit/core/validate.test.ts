import { describe, expect, it } from 'vitest';
import { sampleOf, validateEvent, validateHello } from '../../../electron/core/ingest/validate.js';
import { MAX_BATCH_ITEMS } from '../../../shared/protocol/feed.js';
import { comment, hello, stats, T0 } from '../../helpers/events.js';

const rejects = (type: string, payload: unknown) => {
  const r = validateEvent(type, payload);
  expect(r.ok).toBe(false);
  return r.ok ? '' : r.reason;
};

describe('feed protocol validation', () => {
  it('accepts every event type of protocol v1', () => {
    expect(validateHello(hello()).ok).toBe(true);
    expect(validateEvent('stats', stats(1, 0, { traffic: { homepage_hot: 10 }, avgWatchSec: 75.5 })).ok).toBe(
      true,
    );
    expect(validateEvent('comments', { seq: 2, items: [comment(1), comment(2, { fanClub: true })] }).ok).toBe(
      true,
    );
    expect(
      validateEvent('orders', {
        seq: 3,
        items: [{ id: 'o1', ts: T0, productId: 'p1', qty: 2, amount: 5980, buyerId: 'u1' }],
      }).ok,
    ).toBe(true);
    expect(
      validateEvent('product', { seq: 4, ts: T0, id: 'p1', name: '羽绒服', price: 29_900, stock: 120 }).ok,
    ).toBe(true);
    expect(validateEvent('end', { seq: 5, ts: T0 }).ok).toBe(true);
  });

  it('rejects bad events with a reason naming the field', () => {
    expect(rejects('stats', stats(1, 0, { online: -1 }))).toMatch(/online/);
    expect(rejects('stats', { ...stats(1, 0), gmv: Number.NaN })).toMatch(/gmv/);
    expect(rejects('stats', { ...stats(1, 0), ts: Math.floor(T0 / 1000) })).toMatch(/ts/); // seconds, not ms
    expect(rejects('stats', { ...stats(1, 0), gmv: 12.5 })).toMatch(/gmv/); // money is integer cents
    expect(rejects('comments', { seq: 1, items: [] })).toMatch(/items/);
    expect(rejects('comments', { seq: 1, items: [{ ...comment(1), userId: 42 }] })).toMatch(/userId/);
    expect(rejects('comments', { seq: 0, items: [comment(1)] })).toMatch(/seq/);
    expect(rejects('gift', { seq: 1 })).toMatch(/unknown event type/);
    expect(rejects('stats', null)).toBeTruthy();
    expect(rejects('stats', 'not an object')).toBeTruthy();
    expect(validateHello({ ...hello(), protocol: 2 }).ok).toBe(false);
  });

  it('refuses an enormous batch as a whole', () => {
    const items = Array.from({ length: MAX_BATCH_ITEMS + 1 }, (_, i) => comment(i));
    expect(rejects('comments', { seq: 1, items })).toMatch(/items/);
  });

  it('keeps the seq of a rejected event so it is not mistaken for a gap', () => {
    const r = validateEvent('stats', { seq: 7, online: 'lots' });
    expect(r.ok ? null : r.seq).toBe(7);
  });

  it('drops unknown keys, so "__proto__" in a payload cannot pollute anything', () => {
    const raw = JSON.parse(
      `{"seq":1,"items":[${JSON.stringify(comment(1)).slice(0, -1)},"__proto__":{"polluted":true}}]}`,
    );
    const r = validateEvent('comments', raw);
    expect(r.ok).toBe(true);
    if (r.ok && r.value.type === 'comments') {
      expect(Object.hasOwn(r.value.items[0]!, '__proto__')).toBe(false);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    }
  });

  it('samples payloads briefly and safely', () => {
    expect(sampleOf({ a: 'x'.repeat(1000) }).length).toBeLessThanOrEqual(301);
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(sampleOf(circular)).toBe('[object Object]');
  });
});
