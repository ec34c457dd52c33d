import { describe, expect, it } from 'vitest';
import { isQuestion } from '../../../electron/core/faq/question.js';
import { normaliseText } from '../../../shared/text/normalise.js';

const ask = (text: string) => isQuestion(normaliseText(text));

describe('isQuestion', () => {
  it.each([
    '有红色吗',
    '有红色么',
    '链接呢',
    '多少钱',
    '几号链接',
    '怎么领券',
    '如何使用',
    '什么时候发货',
    '从哪里发货',
    '能不能便宜点',
    '可以退吗',
    '有没有大码',
    '是不是正品',
    '尺码',
    '发货时间',
    '运费险？',
    '160 100斤',
    '厚不厚',
    '包不包邮',
    '售后找谁',
    '优惠券领不了',
    '链接！！！',
  ])('%j is a question', (text) => {
    expect(ask(text)).toBe(true);
  });

  it.each([
    '',
    '666',
    '666666',
    '+1',
    '1111',
    '👍👍👍',
    '[赞][赞]',
    '主播晚上好',
    '来了来了',
    '质量真的好',
    '颜色很正',
    '这么便宜',
    '主播好美买它买它',
    '宠粉福利冲冲冲',
    '福袋福袋',
    '你们家我回购好几次了',
    '上链接啊',
    '321上链接',
    '买了M码刚刚好',
  ])('%j is not a question', (text) => {
    expect(ask(text)).toBe(false);
  });
});
