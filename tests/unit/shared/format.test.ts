import { describe, expect, it } from 'vitest';
import {
  formatChange,
  formatClock,
  formatCount,
  formatMoney,
  formatPercent,
  formatSeconds,
} from '../../../shared/format.js';

describe('formatting at the edge', () => {
  it('uses 万/亿 in Chinese and K/M in English', () => {
    expect(formatCount(9999)).toBe('9,999');
    expect(formatCount(12_345)).toBe('1.23万');
    expect(formatCount(250_000_000)).toBe('2.5亿');
    expect(formatCount(12_345, 'en')).toBe('12.3K');
    expect(formatCount(3_400_000, 'en')).toBe('3.4M');
    expect(formatCount(null)).toBe('—');
  });

  it('formats money from cents with two decimals', () => {
    expect(formatMoney(123_450)).toBe('¥1,234.50');
    expect(formatMoney(1_234_567_800)).toBe('¥1234.57万');
    expect(formatMoney(100)).toBe('¥1.00');
    expect(formatMoney(null)).toBe('—');
  });

  it('formats rates, durations and changes', () => {
    expect(formatPercent(0.0288)).toBe('2.88%');
    expect(formatPercent(Number.NaN)).toBe('—');
    expect(formatSeconds(205)).toBe('3分25秒');
    expect(formatSeconds(205, 'en')).toBe('3m 25s');
    expect(formatClock(3_723_000)).toBe('1:02:03');
    expect(formatChange(0.123)).toBe('+12.3%');
    expect(formatChange(-0.04)).toBe('−4.0%');
    expect(formatChange(null)).toBe('—');
  });
});
