import { describe, expect, it } from 'vitest';
import { hash32, Prng, seed32 } from '../../../electron/core/sim/prng.js';

const draw = (prng: Prng, n: number) => Array.from({ length: n }, () => prng.next());

describe('Prng', () => {
  it('repeats exactly for the same seed and differs for another', () => {
    expect(draw(new Prng(42), 100)).toEqual(draw(new Prng(42), 100));
    expect(draw(new Prng(42), 100)).not.toEqual(draw(new Prng(43), 100));
  });

  it('stays in range', () => {
    const prng = new Prng(1);
    const xs = draw(prng, 10_000);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    const ks = new Set(Array.from({ length: 10_000 }, () => prng.int(3, 7)));
    expect([...ks].sort()).toEqual([3, 4, 5, 6, 7]);
  });

  it('draws Poisson counts with the requested mean, small and large', () => {
    const prng = new Prng(9);
    for (const mean of [0.3, 4, 250]) {
      let sum = 0;
      const n = 20_000;
      for (let i = 0; i < n; i++) sum += prng.poisson(mean);
      expect(sum / n).toBeGreaterThan(mean * 0.95);
      expect(sum / n).toBeLessThan(mean * 1.05);
    }
    expect(prng.poisson(0)).toBe(0);
  });

  it('rounds randomly so that fractions add up over time', () => {
    const prng = new Prng(5);
    let sum = 0;
    for (let i = 0; i < 10_000; i++) sum += prng.roundRandom(0.25);
    expect(sum).toBeGreaterThan(2300);
    expect(sum).toBeLessThan(2700);
  });

  it('picks by weight and never picks a zero weight', () => {
    const prng = new Prng(3);
    const counts = [0, 0, 0];
    for (let i = 0; i < 10_000; i++) counts[prng.weighted([1, 0, 3])]!++;
    expect(counts[1]).toBe(0);
    expect(counts[2]! / counts[0]!).toBeGreaterThan(2.5);
    expect(counts[2]! / counts[0]!).toBeLessThan(3.5);
    expect(prng.weighted([0, 0])).toBe(-1);
  });

  it('hashes deterministically and separates large seeds', () => {
    expect(hash32(1, 2)).toBe(hash32(1, 2));
    expect(hash32(1, 2)).not.toBe(hash32(2, 1));
    // Seeds that differ only above 32 bits still give different streams.
    expect(seed32(5)).not.toBe(seed32(5 + 2 ** 32));
  });
});
