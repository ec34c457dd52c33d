/** Group keys of pending questions, with the real default library's matcher. */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { groupKeyOf, residueOf } from '../../../electron/core/faq/grouping.js';
import { FaqMatcher } from '../../../electron/core/faq/matcher.js';
import { parseFaqLibrary } from '../../../shared/faq/entry.js';
import { normaliseText } from '../../../shared/text/normalise.js';

const library = parseFaqLibrary(
  JSON.parse(
    fs.readFileSync(new URL('../../../resources/faq/default-library.json', import.meta.url), 'utf8'),
  ),
);
const matcher = new FaqMatcher(library.entries);

function keyOf(text: string): string {
  const normalised = normaliseText(text);
  const { suggestions, topCovered } = matcher.analyse(normalised, 3);
  return groupKeyOf(normalised, suggestions[0]?.entryId ?? null, topCovered);
}

describe('question group keys', () => {
  it('groups the same colour asked in different words, and not another colour', () => {
    const red = ['红色还有吗', '红色有货吗??', '红色还有货吗', '主播红色还有吗？', '红色的还有吗'].map(keyOf);
    expect(new Set(red).size).toBe(1);
    expect(red[0]).toBe('stock_available|红色');
    expect(keyOf('黑色还有吗')).toBe('stock_available|黑色');
    expect(keyOf('XL还有吗')).toBe(keyOf('xl有货吗'));
  });

  it('drops punctuation and question frames, so one topic asked twice is one group', () => {
    expect(keyOf('什么时候发货')).toBe('ship_time|');
    expect(keyOf('什么时候发货啊？？')).toBe('ship_time|');
    expect(keyOf('充绒量多少')).toBe(keyOf('充绒量是多少'));
    expect(keyOf('这个怎么洗')).toBe(keyOf('怎么洗'));
  });

  it('keys unmatched questions by their cleaned text', () => {
    expect(matcher.analyse(normaliseText('有福利吗?')).suggestions).toEqual([]);
    expect(keyOf('有福利吗?')).toBe('-|福利');
    expect(keyOf('有 福利吗！！')).toBe('-|福利');
    expect(keyOf('来了，有福利吗')).toBe('-|来福利');
  });

  it('reports the covered characters of the top entry only', () => {
    const normalised = normaliseText('红色还有吗');
    const { suggestions, topCovered } = matcher.analyse(normalised);
    expect(suggestions[0]?.entryId).toBe('stock_available');
    expect(topCovered).toEqual([2, 3, 4]); // 还有吗
    expect(matcher.analyse('')).toEqual({ suggestions: [], topCovered: [] });
  });

  it('covers positions past 32 characters (long comments)', () => {
    const long = `${'好'.repeat(40)}红色还有吗`;
    const { topCovered } = matcher.analyse(long);
    expect(topCovered).toEqual([42, 43, 44]);
    expect(groupKeyOf(long, 'stock_available', topCovered)).toBe(`stock_available|${'好'.repeat(40)}红色`);
  });

  it('keeps keys within 400 characters and never lets a residue fake the separator', () => {
    const key = groupKeyOf('问'.repeat(2000), 'x'.repeat(64), []);
    expect(key.length).toBeLessThanOrEqual(400);
    expect(residueOf('a|b')).toBe('ab');
  });
});
