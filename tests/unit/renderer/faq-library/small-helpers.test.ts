import { describe, expect, it } from 'vitest';
import {
  base64ToBytes,
  bytesToBase64,
  formatOfFileName,
} from '../../../../renderer/src/components/faq/fileTransfer.js';
import { isCommonShortcut } from '../../../../renderer/src/components/faq/hotkeyAdvice.js';
import { relativeAge } from '../../../../renderer/src/components/faq/relativeAge.js';
import { valuesToSave, variableRows } from '../../../../renderer/src/components/faq/variableRows.js';
import { parseWordList } from '../../../../renderer/src/components/faq/wordList.js';

describe('relativeAge', () => {
  const now = 10 * 86_400_000;
  it('picks the coarsest useful unit', () => {
    expect(relativeAge(now, null)).toEqual({ unit: 'never' });
    expect(relativeAge(now, now - 59_000)).toEqual({ unit: 'now' });
    expect(relativeAge(now, now + 5_000)).toEqual({ unit: 'now' });
    expect(relativeAge(now, now - 5 * 60_000)).toEqual({ unit: 'minutes', n: 5 });
    expect(relativeAge(now, now - 3 * 3_600_000 - 1)).toEqual({ unit: 'hours', n: 3 });
    expect(relativeAge(now, now - 2 * 86_400_000)).toEqual({ unit: 'days', n: 2 });
  });
});

describe('library files', () => {
  it('knows the three formats by extension, in any case', () => {
    expect(formatOfFileName('话术库.CSV')).toBe('csv');
    expect(formatOfFileName('a.b.xlsx')).toBe('xlsx');
    expect(formatOfFileName('lib.json')).toBe('json');
    expect(formatOfFileName('lib.xls')).toBeNull();
    expect(formatOfFileName('csv')).toBeNull();
  });

  it('round-trips bytes through base64, past the slice size', () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 31) % 256);
    const encoded = bytesToBase64(bytes);
    expect(encoded).toBe(Buffer.from(bytes).toString('base64'));
    expect(base64ToBytes(encoded)).toEqual(bytes);
  });
});

describe('variable rows (变量 tab)', () => {
  const entries = [{ answer: '{商品}{发货时间}' }, { answer: '{发货时间}' }, { answer: '无' }];
  it('lists used, set and auto names with their source and use count', () => {
    const rows = variableRows({
      used: ['发货时间', '商品', '到手价'],
      values: { 发货时间: '48小时', 旧变量: ' ' },
      auto: { 商品: '羽绒服' },
      autoNames: ['商品', '到手价'],
      entries,
    });
    const byName = Object.fromEntries(rows.map((r) => [r.name, r]));
    expect(byName['发货时间']).toEqual({ name: '发货时间', source: 'set', autoValue: null, usedBy: 2 });
    expect(byName['商品']).toEqual({ name: '商品', source: 'auto', autoValue: '羽绒服', usedBy: 1 });
    // An auto name without a product stays auto (read-only), with no value yet.
    expect(byName['到手价']).toMatchObject({ source: 'auto', autoValue: null });
    // A blank saved value is unset.
    expect(byName['旧变量']).toMatchObject({ source: 'unset', usedBy: 0 });
  });

  it('saves non-blank values only', () => {
    expect(valuesToSave({ b: '2', a: '1', c: '  ', d: '' })).toEqual({ a: '1', b: '2' });
  });
});

describe('word lists (违禁词 tab)', () => {
  it('reads one word per line, trimmed and de-duplicated', () => {
    expect(parseWordList('最好\n 第一 \n\n最好')).toEqual({ ok: true, words: ['最好', '第一'] });
  });
  it('names a line over 20 characters', () => {
    expect(parseWordList(`最好\n${'长'.repeat(21)}`)).toEqual({
      ok: false,
      error: { key: 'faq.words.tooLong', vars: { line: 2, max: 20 } },
    });
  });
});

describe('hotkey advice', () => {
  it('warns about keys that already mean something', () => {
    expect(isCommonShortcut('Ctrl+C')).toBe(true);
    expect(isCommonShortcut('Alt+1')).toBe(false);
  });
});
