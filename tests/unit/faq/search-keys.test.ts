import { beforeEach, describe, expect, it } from 'vitest';
import type { FaqEntry } from '../../../shared/faq/entry.js';
import { SEGMENT_SEPARATOR } from '../../../shared/faq/search.js';
import {
  clearSearchKeysCache,
  searchKeysCacheSize,
  searchKeysOf,
} from '../../../electron/core/faq/search-keys.js';

function entry(triggers: string[], answer: string, extra: Partial<FaqEntry> = {}): FaqEntry {
  return { id: 'e1', category: 'shipping', triggers, answer, enabled: true, ...extra };
}

const segments = (key: string) => key.split(SEGMENT_SEPARATOR);

describe('searchKeysOf', () => {
  beforeEach(() => clearSearchKeysCache());

  it('lays out triggers, category label and answer as separate segments in all three keys', () => {
    const keys = searchKeysOf(entry(['发货时间', '几号发'], '48小时内发货'));
    expect(segments(keys.text)).toEqual(['发货时间', '几号发', '发货', '48小时内发货']);
    expect(segments(keys.pinyin)).toEqual(['fahuoshijian', 'jihaofa', 'fahuo', '48xiaoshineifahuo']);
    expect(segments(keys.initials)).toEqual(['fhsj', 'jhf', 'fh', '48xsnfh']);
  });

  it('normalises the text first (full width, case, traditional, colloquial variants, symbols)', () => {
    const keys = searchKeysOf(entry(['ＸＬ碼', '啥時候發貨？'], '{快递}～', { category: 'size' }));
    expect(segments(keys.text)).toEqual(['xl码', '什么时候发货?', '尺码', '快递~']);
    expect(segments(keys.pinyin)[0]).toBe('xlma');
    expect(segments(keys.initials)[0]).toBe('xlm');
  });

  it('keeps the initials aligned with the text, one character each', () => {
    const keys = searchKeysOf(entry(['s码165能穿吗?', '还有xl吗'], '有的，100%现货'));
    expect(keys.initials.length).toBe(keys.text.length);
    expect(segments(keys.initials)[0]).toBe('sm165ncm?');
    expect(segments(keys.pinyin)[0]).toBe('sma165nengchuanma');
  });

  it('reads polyphonic characters in context', () => {
    const keys = searchKeysOf(entry(['还有', '不行', '银行卡', '长款', '重新发'], '都行'));
    expect(segments(keys.pinyin).slice(0, 5)).toEqual([
      'haiyou',
      'buxing',
      'yinhangka',
      'changkuan',
      'chongxinfa',
    ]);
    expect(segments(keys.initials).slice(0, 5)).toEqual(['hy', 'bx', 'yhk', 'ck', 'cxf']);
    expect(segments(keys.pinyin)[6]).toBe('douxing');
  });

  it('spells ü as v, the way people type it', () => {
    const keys = searchKeysOf(entry(['绿色', '女款'], '有'));
    expect(segments(keys.pinyin).slice(0, 2)).toEqual(['lvse', 'nvkuan']);
  });

  it('caches by content: the same keys object for an unchanged entry, new keys after an edit', () => {
    const first = searchKeysOf(entry(['发货'], '今天发'));
    // Another object, another id, hotkey and state: only the searchable content matters.
    const same = searchKeysOf(entry(['发货'], '今天发', { id: 'other', enabled: false, hotkey: 'Alt+1' }));
    expect(same).toBe(first);
    const edited = searchKeysOf(entry(['发货'], '明天发'));
    expect(edited).not.toBe(first);
    expect(segments(edited.text)[2]).toBe('明天发');
    const recategorised = searchKeysOf(entry(['发货'], '今天发', { category: 'other' }));
    expect(segments(recategorised.text)[1]).toBe('其他');
    expect(searchKeysCacheSize().entries).toBe(3);
  });

  it('does not let a separator inside a trigger shift the segments', () => {
    const keys = searchKeysOf(entry(['a|b', '发|货'], 'x|y'));
    expect(segments(keys.text)).toEqual(['ab', '发货', '发货', 'xy']);
  });
});
