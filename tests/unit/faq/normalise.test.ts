import { describe, expect, it } from 'vitest';
import { normaliseText } from '../../../shared/text/normalise.js';

describe('normaliseText', () => {
  it.each([
    ['ＡＢＣ１２３，？', 'abc123,?'],
    ['XL还有吗', 'xl还有吗'],
    ['尺 码\t怎么 选', '尺码怎么选'],
    ['什么\u200b时候\u202e发货\ufeff', '什么时候发货'],
    ['什么时候发货😭😭🔥', '什么时候发货'],
    ['[赞][赞]好看', '好看'],
    ['多少钱？？？', '多少钱?'],
    ['发货了吗！？？', '发货了吗!?'],
    ['好看！！！', '好看!'],
    ['160 100斤', '160,100斤'],
    ['１６０　１００斤', '160,100斤'],
  ])('cleans %j → %j', (input, expected) => {
    expect(normaliseText(input)).toBe(expected);
  });

  it('maps traditional characters to simplified', () => {
    expect(normaliseText('這個幾號鏈接')).toBe('这个几号链接');
    expect(normaliseText('什麼時候發貨')).toBe('什么时候发货');
    expect(normaliseText('碼數準嗎')).toBe('尺码准吗');
    expect(normaliseText('優惠券在哪領')).toBe('优惠券在哪领');
  });

  it.each([
    ['发个货要几天', '发货要几天'],
    ['今天能寄出吗', '今天能发货吗'],
    ['几时发', '什么时候发'],
    ['多久到', '几天到'],
    ['啥时候到', '几天到'],
    ['多久能收到', '几天到'],
    ['优惠卷在哪', '优惠券在哪'],
    ['优惠劵能叠加吗', '优惠券叠加吗'],
    ['可以叠吗', '叠加吗'],
    ['券和红包一起用吗', '券和红包叠加吗'],
    ['码数准吗', '尺码准吗'],
    ['尺寸多大', '尺码多大'],
    ['有木有黑色', '有没有黑色'],
    ['有没黑色', '有没有黑色'],
    ['有没有黑色', '有没有黑色'],
    ['能退货吗', '能退换吗'],
    ['换货吗', '退换吗'],
    ['7天无理由', '七天无理由'],
    ['连接在哪', '链接在哪'],
    ['小黄车几号', '购物车几号'],
    ['选啥', '选什么'],
    ['有赠品嘛', '有赠品吗'],
  ])('maps the variant in %j → %j', (input, expected) => {
    expect(normaliseText(input)).toBe(expected);
  });

  it('drops emoji-only and emoticon-only comments to nothing', () => {
    for (const text of ['👍👍👍', '❤️❤️❤️', '[玫瑰][玫瑰][玫瑰]', '[比心]', '  ']) {
      expect(normaliseText(text)).toBe('');
    }
  });

  it('keeps "+1" and "666" as digits', () => {
    expect(normaliseText('+1')).toBe('1');
    expect(normaliseText('＋１')).toBe('1');
    expect(normaliseText('666')).toBe('666');
  });

  it('is idempotent on realistic comments', async () => {
    const { default: fixture } = await import('../../fixtures/faq-labelled.json', { with: { type: 'json' } });
    for (const { text } of fixture.comments) {
      const once = normaliseText(text);
      expect(normaliseText(once), text).toBe(once);
    }
  });

  it('handles long texts whole, and a short text after a long one is not mixed with it', () => {
    // Past the first buffer (256 code units) and the string builder's 4,096-unit slices.
    const unit = '啥 Ａ，，[赞]😀這';
    const long = unit.repeat(3000);
    const expected = '什么a,这'.repeat(3000);
    expect(normaliseText(long)).toBe(expected);
    expect(normaliseText('咋')).toBe('怎么');
    expect(normaliseText('好看')).toBe('好看');
  });
});
