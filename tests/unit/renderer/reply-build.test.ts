/** The pending view's pure rules: reply text, @mentions, ages, KPI tones, suggestion chips. */
import { describe, expect, it } from 'vitest';
import type { FaqEntry } from '../../../shared/faq/entry.js';
import {
  ageLevel,
  answerSnippet,
  buildReplyText,
  formatAge,
  mentionPrefix,
  rateTone,
} from '../../../renderer/src/components/replies/buildReply.js';
import { groupChips } from '../../../renderer/src/components/replies/chips.js';

describe('reply text', () => {
  it('fills the answer and lists the variables still missing', () => {
    const filled = buildReplyText('{商品}有{颜色}，{链接号}号链接', { 商品: '羽绒服', 颜色: '红色、黑色' });
    expect(filled).toEqual({ text: '羽绒服有红色、黑色，{链接号}号链接', missing: ['链接号'] });
  });

  it('prefixes up to three distinct, non-blank askers', () => {
    expect(mentionPrefix(['小明', '小红', '小明', ' ', '阿强', '老王'])).toBe('@小明 @小红 @阿强 ');
    expect(mentionPrefix([])).toBe('');
    expect(buildReplyText('有的', {}, ['小明']).text).toBe('@小明 有的');
  });

  it('cuts a snippet by characters, not UTF-16 halves', () => {
    expect(answerSnippet('短句')).toBe('短句');
    expect(answerSnippet('😀'.repeat(20), 4)).toBe('😀😀😀😀…');
    expect(answerSnippet('a \n  b', 10)).toBe('a b');
  });
});

describe('age', () => {
  it('formats seconds, minutes and hours', () => {
    expect(formatAge(8_400)).toBe('8 s');
    expect(formatAge(59_999)).toBe('59 s');
    expect(formatAge(65_000)).toBe('1:05');
    expect(formatAge(3_723_000)).toBe('1:02:03');
    expect(formatAge(-5_000)).toBe('0 s');
  });

  it('turns amber at 20 s and red at 30 s', () => {
    expect(ageLevel(19_999)).toBe('ok');
    expect(ageLevel(20_000)).toBe('amber');
    expect(ageLevel(29_999)).toBe('amber');
    expect(ageLevel(30_000)).toBe('red');
  });
});

describe('KPI tone', () => {
  it('is good on target, warns within 10 points, bad below, none without data', () => {
    expect(rateTone(0.92, 0.92)).toBe('good');
    expect(rateTone(0.85, 0.92)).toBe('warn');
    expect(rateTone(0.5, 0.92)).toBe('bad');
    expect(rateTone(null, 0.92)).toBe('none');
  });
});

describe('suggestion chips', () => {
  const entry = (id: string, over: Partial<FaqEntry> = {}): FaqEntry => ({
    id,
    category: 'stock',
    triggers: ['颜色'],
    answer: `${id}: {商品}`,
    enabled: true,
    ...over,
  });
  const byId = new Map<string, FaqEntry>([
    ['a', entry('a', { hotkey: 'Alt+5' })],
    ['b', entry('b', { enabled: false })],
    ['c', entry('c', { category: 'size' })],
    ['d', entry('d')],
    ['e', entry('e')],
  ]);

  it('keeps existing, enabled entries in order, filled, at most three', () => {
    const chips = groupChips(
      ['a', 'gone', 'b', 'c', 'a', 'd', 'e'].map((faqId) => ({ faqId, score: 1 })),
      byId,
      { 商品: '大衣' },
    );
    expect(chips.map((c) => c.faqId)).toEqual(['a', 'c', 'd']);
    expect(chips[0]).toMatchObject({ text: 'a: 大衣', hotkey: 'Alt+5', category: 'stock', missing: [] });
    expect(chips[1]).toMatchObject({ hotkey: null, category: 'size' });
  });

  it('reports a missing variable per chip', () => {
    const [chip] = groupChips([{ faqId: 'a', score: 1 }], byId, {});
    expect(chip?.missing).toEqual(['商品']);
  });
});
