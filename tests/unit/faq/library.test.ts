import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fillAnswer } from '../../../shared/faq/answer.js';
import { FAQ_CATEGORIES, parseFaqLibrary } from '../../../shared/faq/entry.js';
import { FaqMatcher } from '../../../electron/core/faq/matcher.js';

const libraryPath = new URL('../../../resources/faq/default-library.json', import.meta.url);

describe('default FAQ library', () => {
  const library = parseFaqLibrary(JSON.parse(fs.readFileSync(libraryPath, 'utf8')));

  it('passes the schema, has ≥ 60 entries and covers every category', () => {
    expect(library.entries.length).toBeGreaterThanOrEqual(60);
    for (const category of FAQ_CATEGORIES) {
      expect(
        library.entries.some((e) => e.category === category),
        category,
      ).toBe(true);
    }
  });

  it('uses each hotkey once', () => {
    const hotkeys = library.entries.flatMap((e) => (e.hotkey ? [e.hotkey] : []));
    expect(new Set(hotkeys).size).toBe(hotkeys.length);
  });

  it('rejects a bad import with the field named', () => {
    const bad = {
      version: 1,
      entries: [{ id: 'x', category: 'colour', triggers: [], answer: '', enabled: true }],
    };
    const result = () => parseFaqLibrary(bad);
    expect(result).toThrow(/category|triggers|answer/);
    const duplicate = { version: 1, entries: [library.entries[0], library.entries[0]] };
    expect(() => parseFaqLibrary(duplicate)).toThrow(/unique/);
  });
});

describe('FaqMatcher', () => {
  const entries = [
    { id: 'ship', category: 'shipping', triggers: ['发货', '什么时候发'], answer: 'a', enabled: true },
    { id: 'price', category: 'price', triggers: ['多少钱', '少钱'], answer: 'b', enabled: true },
    { id: 'off', category: 'other', triggers: ['发货'], answer: 'c', enabled: false },
  ] as const;
  const matcher = new FaqMatcher(entries.map((e) => ({ ...e, triggers: [...e.triggers] })));

  it('ignores disabled entries and normalises triggers and text', () => {
    expect(matcher.entryCount).toBe(2);
    expect(matcher.match('什麼時候發貨？').map((s) => s.entryId)).toEqual(['ship']);
  });

  it('returns at most topK suggestions, best first, and nothing for no match', () => {
    expect(matcher.match('发货多少钱', 1)).toHaveLength(1);
    expect(matcher.match('主播好美')).toEqual([]);
    expect(matcher.match('发货', 0)).toEqual([]);
  });

  it('suggests only for questions', () => {
    expect(matcher.suggest('发货太慢了')).toEqual([]);
    expect(matcher.suggest('什么时候发货')[0]?.entryId).toBe('ship');
  });

  it('breaks ties by library order', () => {
    const tie = new FaqMatcher([
      { id: 'b', category: 'other', triggers: ['红色'], answer: 'x', enabled: true },
      { id: 'a', category: 'other', triggers: ['红色'], answer: 'y', enabled: true },
    ]);
    expect(tie.match('红色').map((s) => s.entryId)).toEqual(['b', 'a']);
  });
});

describe('fillAnswer', () => {
  it('fills the variables it has and lists the missing ones once, in order', () => {
    const result = fillAnswer('{发货时间}内发{快递}，{优惠券}记得领，{快递}不指定，{赠品}', {
      发货时间: '48小时',
      优惠券: '',
    });
    expect(result.text).toBe('48小时内发{快递}，{优惠券}记得领，{快递}不指定，{赠品}');
    expect(result.missing).toEqual(['快递', '优惠券', '赠品']);
  });

  it('returns the text unchanged and nothing missing when there are no variables', () => {
    expect(fillAnswer('亲，拍下就发～', {})).toEqual({ text: '亲，拍下就发～', missing: [] });
  });

  it('does not read inherited properties as values', () => {
    expect(fillAnswer('{toString}', {}).missing).toEqual(['toString']);
  });
});
