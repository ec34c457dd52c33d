/**
 * The million-row sheets' fast text cell (viewerTextCell) must write exactly what the general
 * path writes — textCell(ref, excelString(text), 0) — for any text: the hard cases spelled out,
 * then random strings drawn from the characters each rule looks at.
 */
import { describe, expect, it } from 'vitest';
import { excelString } from '../../../electron/core/report/formats/xlsx-values.js';
import { textCell, viewerTextCell } from '../../../electron/core/report/formats/xlsx-xml.js';
import { TRICKY_TEXTS } from '../../fixtures/report/rows.js';

const general = (text: string) => textCell('E7', excelString(text), 0);
const fast = (text: string) => viewerTextCell('E7', text, excelString);

/** Characters that change the output somewhere, and plain ones. */
const ALPHABET = [
  ...'=+-@＝＋－＠&<>"\' \t\r\n\u0000\u0001\u000b\u001f\ufffe\uffff',
  ...'有货吗abc123，？😍',
];

/** A fixed-seed PRNG (mulberry32): the same strings every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('viewerTextCell', () => {
  it('writes what the general text cell writes for the hard cases', () => {
    const cases = [
      ...TRICKY_TEXTS,
      'x'.repeat(40_000),
      ' 前',
      '后 ',
      '\n',
      'a\rb',
      '<b>html</b>',
      '普通评论',
    ];
    for (const text of cases) expect(fast(text), JSON.stringify(text.slice(0, 40))).toBe(general(text));
  });

  it('writes what the general text cell writes for 20,000 random strings', () => {
    const next = random(20261123);
    for (let i = 0; i < 20_000; i++) {
      const length = Math.floor(next() * 6);
      let text = '';
      for (let k = 0; k < length; k++) text += ALPHABET[Math.floor(next() * ALPHABET.length)];
      expect(fast(text), JSON.stringify(text)).toBe(general(text));
    }
  });

  it('takes the fast path for plain text (the case it is for)', () => {
    expect(fast('这个有货吗 123')).toBe('<c r="E7" t="inlineStr"><is><t>这个有货吗 123</t></is></c>');
  });
});
