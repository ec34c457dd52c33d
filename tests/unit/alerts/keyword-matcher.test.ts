/** Which keyword rules a comment satisfies: anyOf / allOf / noneOf / pattern, on folded text. */
import { describe, expect, it } from 'vitest';
import { KeywordMatcher } from '../../../electron/core/alerts/keyword-matcher.js';
import { KeywordRuleSchema, type KeywordRule } from '../../../shared/alerts/rules.js';

function rule(id: string, over: Partial<KeywordRule>): KeywordRule {
  return KeywordRuleSchema.parse({
    id,
    name: id,
    kind: 'keyword',
    enabled: true,
    severity: 'warn',
    hint: '',
    cooldownSec: 60,
    anyOf: [],
    allOf: [],
    noneOf: [],
    windowSec: 60,
    minCount: 1,
    minDistinctUsers: 1,
    ...over,
  });
}

function matches(matcher: KeywordMatcher, text: string): { rule: string; phrases: readonly string[] }[] {
  const found: { rule: string; phrases: readonly string[] }[] = [];
  matcher.match(text, (index, phrases) => found.push({ rule: matcher.rules[index]!.id, phrases }));
  return found;
}

describe('KeywordMatcher', () => {
  const stock = rule('stock', { anyOf: ['还有吗', '补货'], noneOf: ['专属价'] });
  const colour = rule('colour', { anyOf: ['红色', '酒红色', '黑色'], pattern: '还有|有货|没货' });
  const both = rule('both', { allOf: ['链接', '几号'] });
  const regexOnly = rule('regex', { pattern: '^\\d{2,3}码$' });
  const matcher = new KeywordMatcher([stock, colour, both, regexOnly]);

  it('anyOf: one phrase is enough, several overlapping rules all match', () => {
    expect(matches(matcher, '红色还有吗')).toEqual([
      { rule: 'stock', phrases: ['还有吗'] },
      { rule: 'colour', phrases: ['红色'] },
    ]);
    expect(matches(matcher, '什么时候补货')).toEqual([{ rule: 'stock', phrases: ['补货'] }]);
    expect(matches(matcher, '主播好美')).toEqual([]);
  });

  it('noneOf excludes the comment from the rule', () => {
    expect(matches(matcher, '粉丝团专属价还有吗')).toEqual([]);
  });

  it('pattern is required on top of the phrases (a colour alone is not a stock question)', () => {
    expect(matches(matcher, '红色好看')).toEqual([]);
    expect(matches(matcher, '黑色有货吗')).toEqual([{ rule: 'colour', phrases: ['黑色'] }]);
  });

  it('allOf needs every phrase, in any order', () => {
    expect(matches(matcher, '链接呢')).toEqual([]);
    expect(matches(matcher, '几号是链接')).toEqual([{ rule: 'both', phrases: ['链接', '几号'] }]);
  });

  it('a pattern-only rule is checked on every comment, on the folded text', () => {
    expect(matches(matcher, '３８码')).toEqual([{ rule: 'regex', phrases: [] }]);
    expect(matches(matcher, '38码还有吗')).toEqual([{ rule: 'stock', phrases: ['还有吗'] }]);
  });

  it('folds width, case, spacing, emoji and traditional characters before matching', () => {
    expect(matches(matcher, '紅色 還有嗎？？🙏').map((m) => m.rule)).toEqual(['stock', 'colour']);
    expect(matches(matcher, '补\u200b货')).toEqual([{ rule: 'stock', phrases: ['补货'] }]);
  });

  it('reports the longest phrase once when a shorter one sits inside it (酒红色, not also 红色)', () => {
    expect(matches(matcher, '酒红色还有货吗')).toEqual([{ rule: 'colour', phrases: ['酒红色'] }]);
    expect(matches(matcher, '酒红色没货，黑色还有吗').find((m) => m.rule === 'colour')?.phrases).toEqual([
      '酒红色',
      '黑色',
    ]);
  });

  it('shares one automaton: a phrase two rules use is stored once', () => {
    const shared = new KeywordMatcher([
      rule('a', { anyOf: ['卡了', '黑屏'] }),
      rule('b', { anyOf: ['卡了'] }),
    ]);
    expect(shared.phraseCount).toBe(2);
    expect(matches(shared, '卡了卡了').map((m) => m.rule)).toEqual(['a', 'b']);
  });

  it('an empty rule set matches nothing', () => {
    expect(matches(new KeywordMatcher([]), '红色还有吗')).toEqual([]);
  });
});
