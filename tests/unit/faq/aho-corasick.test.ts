import { describe, expect, it } from 'vitest';
import { AhoCorasick, type PatternMatch } from '../../../electron/core/faq/aho-corasick.js';

/** mulberry32: deterministic random inputs, so a failure reproduces. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function naive(patterns: readonly string[], text: string): PatternMatch[] {
  const found: PatternMatch[] = [];
  patterns.forEach((pattern, index) => {
    if (pattern.length === 0) return;
    for (let at = text.indexOf(pattern); at >= 0; at = text.indexOf(pattern, at + 1)) {
      found.push({ pattern: index, start: at, end: at + pattern.length });
    }
  });
  return found;
}

const byPosition = (a: PatternMatch, b: PatternMatch) =>
  a.start - b.start || a.end - b.end || a.pattern - b.pattern;

describe('AhoCorasick', () => {
  it('finds overlapping and nested matches', () => {
    const ac = new AhoCorasick(['多少钱', '少钱', '钱', '多少']);
    const found = ac.findAll('这个多少钱').sort(byPosition);
    expect(found).toEqual([
      { pattern: 3, start: 2, end: 4 },
      { pattern: 0, start: 2, end: 5 },
      { pattern: 1, start: 3, end: 5 },
      { pattern: 2, start: 4, end: 5 },
    ]);
  });

  it('reports every occurrence, including self-overlapping ones', () => {
    const ac = new AhoCorasick(['哈哈']);
    expect(ac.findAll('哈哈哈哈').map((m) => m.start)).toEqual([0, 1, 2]);
  });

  it('reports duplicate patterns under each index and ignores empty ones', () => {
    const ac = new AhoCorasick(['', '发货', '发货']);
    expect(ac.findAll('发货').map((m) => m.pattern)).toEqual([1, 2]);
  });

  it('agrees with a naive search on random inputs', () => {
    const random = prng(20261123);
    const alphabet = ['多', '少', '钱', '发', '货', 'a', 'b', '?'];
    const word = (max: number) => {
      let s = '';
      const length = 1 + Math.floor(random() * max);
      for (let i = 0; i < length; i++) s += alphabet[Math.floor(random() * alphabet.length)] as string;
      return s;
    };
    for (let round = 0; round < 300; round++) {
      const patterns = Array.from({ length: 1 + Math.floor(random() * 12) }, () => word(4));
      const ac = new AhoCorasick(patterns);
      for (let t = 0; t < 10; t++) {
        const text = word(40);
        expect(ac.findAll(text).sort(byPosition)).toEqual(naive(patterns, text).sort(byPosition));
      }
    }
  });

  it('handles characters outside the BMP (surrogate pairs) as code units', () => {
    const ac = new AhoCorasick(['😀a', 'a']);
    expect(ac.findAll('x😀a').sort(byPosition)).toEqual([
      { pattern: 0, start: 1, end: 4 },
      { pattern: 1, start: 3, end: 4 },
    ]);
  });
});
