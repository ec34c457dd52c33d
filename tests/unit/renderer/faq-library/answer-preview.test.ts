import { describe, expect, it } from 'vitest';
import { previewAnswer } from '../../../../renderer/src/components/faq/answerPreview.js';
import { fillAnswer } from '../../../../shared/faq/answer.js';

const words = { words: ['最好', '第一'], exceptions: [] };

describe('previewAnswer (editor preview)', () => {
  it('fills exactly like fillAnswer does', () => {
    const vars = { 发货时间: '48小时内', 商品: '羽绒服', 空: '' };
    for (const answer of [
      '{商品}下单后{发货时间}发货',
      '{未知}和{空}和{ 有空格}和{}',
      '{{商品}}',
      '没有变量',
      '{这是一个超过二十个字符的变量名字不会被当成变量的名字}',
    ]) {
      const preview = previewAnswer(answer, vars, null);
      const filled = fillAnswer(answer, vars);
      expect(preview.text).toBe(filled.text);
      expect(preview.missing).toEqual(filled.missing);
      expect(preview.segments.map((s) => s.text).join('')).toBe(filled.text);
    }
  });

  it('marks values and unset variables', () => {
    const preview = previewAnswer('{商品}{发货时间}发货', { 商品: '羽绒服' }, null);
    expect(preview.segments).toEqual([
      { text: '羽绒服', kind: 'value', hit: false },
      { text: '{发货时间}', kind: 'missing', hit: false },
      { text: '发货', kind: 'text', hit: false },
    ]);
    expect(preview.missing).toEqual(['发货时间']);
  });

  it('highlights prohibited words in the filled text, each word listed once', () => {
    const preview = previewAnswer('这是最好的，最好的{商品}', { 商品: '第一名款' }, words);
    expect(preview.hits).toEqual(['最好', '第一']);
    const highlighted = preview.segments.filter((s) => s.hit).map((s) => s.text);
    expect(highlighted).toEqual(['最好', '最好', '第一']);
    // The hit inside a filled value keeps its kind.
    expect(preview.segments.find((s) => s.text === '第一')).toMatchObject({ kind: 'value', hit: true });
  });

  it('leaves exceptions alone and highlights nothing without a word list', () => {
    expect(previewAnswer('最近很忙，最多两件', {}, { words: ['最'], exceptions: ['最近'] }).hits).toEqual([
      '最',
    ]);
    expect(previewAnswer('最好', {}, null).segments).toEqual([{ text: '最好', kind: 'text', hit: false }]);
  });
});
