/** Reply KPIs: the running accumulator and the pure computation over stored records agree. */
import { describe, expect, it } from 'vitest';
import {
  MAX_UNANSWERED,
  ReplyKpiAccumulator,
  computeReplyKpis,
  nearestRank,
} from '../../../electron/core/faq/reply-kpis.js';
import type { QuestionRecord } from '../../../electron/core/store/questions-repo.js';

const q = (groupKey: string, seenAt: number, over: Partial<QuestionRecord> = {}): QuestionRecord => ({
  groupKey,
  text: `${groupKey}?`,
  faqId: groupKey.split('|')[0] ?? null,
  state: 'pending',
  seenAt,
  answeredAt: null,
  ...over,
});

describe('nearestRank', () => {
  it('takes the ⌈p·n⌉-th smallest', () => {
    expect(nearestRank([], 0.5)).toBeNull();
    expect(nearestRank([7], 0.9)).toBe(7);
    expect(nearestRank([1, 2, 3, 4], 0.5)).toBe(2);
    expect(nearestRank([1, 2, 3, 4, 5], 0.5)).toBe(3);
    expect(nearestRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9);
    expect(nearestRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 0.9)).toBe(10);
  });
});

describe('reply KPIs', () => {
  it('computes a scripted show by hand: counts, rates, median, p90, top and unanswered', () => {
    const acc = new ReplyKpiAccumulator();
    acc.add(q('red|', 1_000));
    acc.add(q('black|', 1_000));
    acc.add(q('red|', 11_000));
    acc.add(q('ship|', 11_000));
    acc.add(q('red|', 21_000));
    acc.add(q('ship|', 21_000));
    acc.answer('red|', [1_000, 11_000, 21_000], 31_000); // 30 s, 20 s, 10 s
    acc.answer('ship|', [11_000, 21_000], 61_000); // 50 s, 40 s
    acc.dismiss('black|', 1);
    acc.add(q('red|', 65_000));

    const kpis = acc.result('show-1');
    expect(kpis).toEqual({
      showId: 'show-1',
      questions: 6,
      answered: 5,
      dismissed: 1,
      pending: 1,
      resolutionRate: 5 / 6,
      medianResponseMs: 30_000, // [10, 20, 30, 40, 50] s: the 3rd
      p90ResponseMs: 50_000, // ⌈4.5⌉ = 5th
      within30sRate: 3 / 6, // 10, 20 and exactly 30 s count
      top: [
        { groupKey: 'red|', text: 'red|?', faqId: 'red', count: 4, answered: 3 },
        { groupKey: 'ship|', text: 'ship|?', faqId: 'ship', count: 2, answered: 2 },
      ],
      unanswered: [{ groupKey: 'red|', text: 'red|?', faqId: 'red', count: 1, firstSeenAt: 65_000 }],
    });

    // The same show read back from storage gives the same numbers.
    const stored: QuestionRecord[] = [
      q('red|', 1_000, { state: 'answered', answeredAt: 31_000 }),
      q('black|', 1_000, { state: 'dismissed', answeredAt: 70_000 }),
      q('red|', 11_000, { state: 'answered', answeredAt: 31_000 }),
      q('ship|', 11_000, { state: 'answered', answeredAt: 61_000 }),
      q('red|', 21_000, { state: 'answered', answeredAt: 31_000 }),
      q('ship|', 21_000, { state: 'answered', answeredAt: 61_000 }),
      q('red|', 65_000),
    ];
    expect(computeReplyKpis('show-1', stored)).toEqual(kpis);
  });

  it('has no rates without questions', () => {
    expect(computeReplyKpis(null, [])).toMatchObject({
      questions: 0,
      resolutionRate: null,
      medianResponseMs: null,
      p90ResponseMs: null,
      within30sRate: null,
      top: [],
      unanswered: [],
    });
  });

  it('ranks the top 10 by count, ties by who was asked first', () => {
    const records: QuestionRecord[] = [];
    for (let g = 0; g < 15; g++) {
      for (let n = 0; n <= g % 5; n++) records.push(q(`g${g}|`, g * 100 + n));
    }
    const top = computeReplyKpis('s', records).top;
    expect(top.map((t) => [t.groupKey, t.count])).toEqual([
      ['g4|', 5],
      ['g9|', 5],
      ['g14|', 5],
      ['g3|', 4],
      ['g8|', 4],
      ['g13|', 4],
      ['g2|', 3],
      ['g7|', 3],
      ['g12|', 3],
      ['g1|', 2],
    ]);
  });

  it('lists at most 50 unanswered groups, oldest first', () => {
    const records = Array.from({ length: 80 }, (_, i) => q(`g${i}|`, 1000 + i));
    const { unanswered, pending } = computeReplyKpis('s', records);
    expect(pending).toBe(80);
    expect(unanswered).toHaveLength(MAX_UNANSWERED);
    expect(unanswered[0]?.groupKey).toBe('g0|');
    expect(unanswered.at(-1)?.groupKey).toBe('g49|');
  });

  it('keeps response times sorted across many answers (same median as a full sort)', () => {
    const acc = new ReplyKpiAccumulator();
    const all: number[] = [];
    let seed = 7;
    const rand = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let round = 0; round < 200; round++) {
      const key = `g${round}|`;
      const seen = Array.from({ length: 1 + Math.floor(rand() * 5) }, () => Math.floor(rand() * 100_000));
      for (const s of seen) acc.add(q(key, s));
      const at = 100_000 + Math.floor(rand() * 60_000);
      acc.answer(key, seen, at);
      all.push(...seen.map((s) => at - s));
    }
    all.sort((a, b) => a - b);
    const kpis = acc.result('s');
    expect(kpis.medianResponseMs).toBe(nearestRank(all, 0.5));
    expect(kpis.p90ResponseMs).toBe(nearestRank(all, 0.9));
    expect(kpis.answered).toBe(all.length);
  });
});
