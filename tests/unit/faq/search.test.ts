/**
 * Library search over real search keys (the core's searchKeysOf with pinyin-pro), on the shipped
 * default library and on small hand-made libraries where the expected order is unambiguous.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FaqEntryView } from '../../../shared/api/replies.js';
import { parseFaqLibrary, type FaqEntry } from '../../../shared/faq/entry.js';
import { searchFaq } from '../../../shared/faq/search.js';
import { normaliseText } from '../../../shared/text/normalise.js';
import { searchKeysOf } from '../../../electron/core/faq/search-keys.js';

const view = (entry: FaqEntry): FaqEntryView => ({
  ...entry,
  usage: { suggested: 0, used: 0, lastUsedAt: null },
  search: searchKeysOf(entry),
});

let nextId = 0;
function entry(triggers: string[], answer: string, category: FaqEntry['category'] = 'other'): FaqEntryView {
  nextId++;
  return view({ id: `e${nextId}`, category, triggers, answer, enabled: true });
}

const library = parseFaqLibrary(
  JSON.parse(
    fs.readFileSync(new URL('../../../resources/faq/default-library.json', import.meta.url), 'utf8'),
  ),
);
const defaults = library.entries.map(view);
const byId = new Map(defaults.map((e) => [e.id, e]));
const ids = (entries: readonly FaqEntryView[], query: string, limit?: number) =>
  searchFaq(entries, query, limit).map((hit) => hit.id);
const triggersOf = (id: string) => (byId.get(id)?.triggers ?? []).map(normaliseText);

describe('searchFaq on the default library', () => {
  it('fh (pinyin initials) finds the 发货 entries first', () => {
    const hits = ids(defaults, 'fh');
    expect(hits[0]).toBe('ship_time'); // its trigger 发货 is spelled by fh exactly
    // Entries with 发货 in a trigger rank above entries that only mention it elsewhere.
    const withTrigger = hits.filter((id) => triggersOf(id).some((t) => t.includes('发货')));
    expect(withTrigger.length).toBeGreaterThanOrEqual(4);
    expect(hits.slice(0, withTrigger.length)).toEqual(withTrigger);
  });

  it('full pinyin, a pinyin prefix and the Chinese word agree on the best entry', () => {
    for (const query of ['fahuo', 'fah', 'FaHuo', '发货', '發貨'])
      expect(ids(defaults, query)[0], query).toBe('ship_time');
    expect(ids(defaults, 'yunfeixian')).toEqual(['after_shipping_insurance']);
    expect(ids(defaults, 'yfx')).toEqual(['after_shipping_insurance']);
  });

  it('requires every space-separated term (AND)', () => {
    const both = ids(defaults, 'fh 时间');
    expect(both[0]).toBe('ship_time'); // trigger 发货时间
    for (const id of both) expect(byId.get(id)?.search.text, id).toContain('时间');
    expect(both.length).toBeLessThan(ids(defaults, 'fh').length);
    expect(ids(defaults, 'fh 时间 qqq')).toEqual([]);
    expect(ids(defaults, '  fh　 时间 ')).toEqual(both); // extra and full-width spaces
  });

  it('matches latin letters as plain text (xl) above an initials coincidence', () => {
    expect(ids(defaults, 'xl')[0]).toBe('size_guide'); // trigger 穿xl; 洗了会小 (xlhx) comes after
    expect(ids(defaults, 'XL')[0]).toBe('size_guide');
    expect(ids(defaults, 'bgm')[0]).toBe('bgm');
  });

  it('reads 还有 as hai you, so hy finds 还有', () => {
    expect(ids(defaults, 'hy')).toContain('stock_available');
    expect(ids(defaults, 'haiyou')[0]).toBe('stock_available');
    expect(ids(defaults, 'huanyou')).toEqual([]);
  });

  it('lists every entry in library order for an empty query, and honours the limit', () => {
    const all = defaults.map((e) => e.id);
    expect(ids(defaults, '')).toEqual(all);
    expect(ids(defaults, '   ')).toEqual(all);
    expect(ids(defaults, '😀')).toEqual(all); // nothing searchable left after normalising
    expect(ids(defaults, '', 5)).toEqual(all.slice(0, 5));
    expect(ids(defaults, 'fh', 2)).toHaveLength(2);
    expect(ids(defaults, 'fh', 0)).toEqual([]);
  });

  it('finds nothing for a query nothing contains', () => {
    expect(searchFaq(defaults, 'zzqx')).toEqual([]);
    expect(searchFaq(defaults, '量子纠缠')).toEqual([]);
  });
});

describe('searchFaq ranking', () => {
  it('puts a trigger match above a category match above an answer match, then library order', () => {
    const inAnswer = entry(['退钱'], '支持运费险，放心拍');
    const inTrigger = entry(['运费险'], '有的');
    const inAnswerToo = entry(['退货'], '商家出运费险');
    const list = [inAnswer, inTrigger, inAnswerToo];
    expect(ids(list, '运费险')).toEqual([inTrigger.id, inAnswer.id, inAnswerToo.id]);

    const giftAnswer = entry(['送什么'], '赠品是袜子', 'other');
    const giftCategory = entry(['送什么'], '送袜子', 'gift'); // category label 赠品
    expect(ids([giftAnswer, giftCategory], '赠品')).toEqual([giftCategory.id, giftAnswer.id]);
  });

  it('puts a whole trigger above a trigger prefix above a match inside a trigger', () => {
    const inside = entry(['看尺码'], '好的');
    const prefix = entry(['尺码表'], '好的');
    const whole = entry(['尺码'], '好的');
    expect(ids([inside, prefix, whole], '尺码')).toEqual([whole.id, prefix.id, inside.id]);
    expect(ids([inside, prefix, whole], 'cm')).toEqual([whole.id, prefix.id, inside.id]);
  });

  it('adds up the terms, so an entry matching both terms well comes first', () => {
    const one = entry(['发货'], '今天发');
    const both = entry(['发货时间'], '48小时内发货');
    expect(ids([one, both], 'fh')).toEqual([one.id, both.id]);
    expect(ids([one, both], 'fh sj')).toEqual([both.id]);
  });

  it('matches mixed latin and Chinese as plain text (s码)', () => {
    const small = entry(['s码', '小码'], '有的');
    const large = entry(['l码'], '有的');
    expect(ids([small, large], 's码')).toEqual([small.id]);
    expect(ids([small, large], 'S碼')).toEqual([small.id]);
  });

  it('never matches across two segments', () => {
    const e = entry(['发货', '时间'], '好的'); // text 发货|时间|其他|好的
    expect(ids([e], '货时')).toEqual([]);
    expect(ids([e], 'hs')).toEqual([]);
  });

  it('searches a new entries array afresh (no stale cache after an edit)', () => {
    const before = [entry(['发货'], '今天发')];
    expect(ids(before, '退款')).toEqual([]);
    const after = [entry(['退款'], '三天到账'), ...before];
    expect(ids(after, '退款')).toEqual([after[0]?.id]);
    expect(ids(before, '退款')).toEqual([]);
    expect(ids([...after], '退款')).toEqual([after[0]?.id]); // a copy of the array searches the same
  });
});
