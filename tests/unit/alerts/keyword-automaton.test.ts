import { describe, expect, it } from 'vitest';
import { KeywordAutomaton } from '../../../electron/core/alerts/keyword-automaton.js';
import { TRADITIONAL_TO_SIMPLIFIED } from '../../../shared/text/normalise.js';
import {
  FOLD_SKIP,
  FOLD_TABLE,
  foldCodeUnit,
  foldText,
  foldTextWithSourceEnds,
} from '../../../shared/text/fold.js';

type Match = [phrase: number, end: number];

function matches(automaton: KeywordAutomaton, text: string): Match[] {
  const found: Match[] = [];
  automaton.forEachMatch(text, (phrase, end) => found.push([phrase, end]));
  return found;
}

/** Ground truth: an indexOf loop per phrase over the folded text, ends mapped back to `text`. */
function naive(phrases: readonly string[], text: string): Match[] {
  const { text: folded, sourceEnds } = foldTextWithSourceEnds(text);
  const found: Match[] = [];
  phrases.forEach((phrase, id) => {
    const pattern = foldText(phrase);
    if (pattern.length === 0) return;
    for (let at = folded.indexOf(pattern); at >= 0; at = folded.indexOf(pattern, at + 1)) {
      found.push([id, sourceEnds[at + pattern.length - 1] as number]);
    }
  });
  return found;
}

const sorted = (list: Match[]) => [...list].sort((a, b) => a[1] - b[1] || a[0] - b[0]);

/** mulberry32: deterministic random inputs, so a failure reproduces. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('fold table', () => {
  it('folds width, case and traditional characters, one unit to one unit', () => {
    expect(foldText('ＸＬ码 Xl')).toBe('xl码xl');
    expect(foldText('貨到了嗎？')).toBe('货到了吗?');
    expect(foldText('Ａ１！ｚ')).toBe('a1!z');
    expect(foldText('已经是简体')).toBe('已经是简体'); // unchanged text is returned as is
  });

  it('drops whitespace, zero-width and bidi controls, variation selectors and emoji', () => {
    for (const noisy of [
      '卡 了',
      '卡\u3000了',
      '卡\t\n了',
      '卡🙃了',
      '卡\u200b了',
      '卡\u200d了',
      '卡\u202e了',
      '卡❤️了',
      '卡⭐了',
      '卡\ufeff了',
    ]) {
      expect(foldText(noisy), JSON.stringify(noisy)).toBe('卡了');
    }
    expect(foldText(' 🙂 \u200b')).toBe('');
  });

  it('is idempotent for every code unit, so folded phrases meet folded text', () => {
    const notFixed: number[] = [];
    for (let unit = 0; unit < 0x10000; unit++) {
      const folded = FOLD_TABLE[unit] as number;
      if (folded !== FOLD_SKIP && FOLD_TABLE[folded] !== folded) notFixed.push(unit);
    }
    expect(notFixed).toEqual([]);
    expect(foldCodeUnit('Ｑ'.charCodeAt(0))).toBe('q'.charCodeAt(0));
  });

  it('covers the whole traditional table of normaliseText', () => {
    for (let i = 0; i < TRADITIONAL_TO_SIMPLIFIED.length; i += 2) {
      expect(foldText(TRADITIONAL_TO_SIMPLIFIED[i] as string)).toBe(TRADITIONAL_TO_SIMPLIFIED[i + 1]);
    }
  });

  it('maps every folded unit back to the end of its source unit', () => {
    const { text, sourceEnds } = foldTextWithSourceEnds('Ａ 🙂貨');
    expect(text).toBe('a货');
    expect([...sourceEnds]).toEqual([1, 5]);
  });

  it('refuses what is not a string', () => {
    expect(() => foldText(42 as unknown as string)).toThrow(/foldText: expected a string, got number/);
  });
});

describe('KeywordAutomaton', () => {
  it('reports overlapping phrases ending at the same unit, longest first', () => {
    const automaton = new KeywordAutomaton(['多少钱', '少钱', '钱']);
    expect(matches(automaton, '这个多少钱？')).toEqual([
      [0, 5],
      [1, 5],
      [2, 5],
    ]);
    expect(automaton.matchedPhrases('多少钱多少钱')).toEqual([0, 1, 2]);
  });

  it('reports nested phrases and phrases found through failure links', () => {
    const automaton = new KeywordAutomaton(['abcd', 'bc', 'b', 'abc', 'cde', 'e']);
    expect(sorted(matches(automaton, 'xabcdex'))).toEqual([
      [2, 3],
      [1, 4],
      [3, 4],
      [0, 5],
      [4, 6],
      [5, 6],
    ]);
  });

  it('reports every repeated occurrence, overlapping ones too', () => {
    const automaton = new KeywordAutomaton(['哈哈', '卡了']);
    expect(matches(automaton, '哈哈哈哈')).toEqual([
      [0, 2],
      [0, 3],
      [0, 4],
    ]);
    expect(matches(automaton, '卡了卡了，又卡了')).toEqual([
      [1, 2],
      [1, 4],
      [1, 8],
    ]);
  });

  it('does not match across a character no phrase contains', () => {
    const automaton = new KeywordAutomaton(['多少钱']);
    expect(matches(automaton, '多x少钱')).toEqual([]);
    expect(matches(automaton, '多多少钱')).toEqual([[0, 4]]);
  });

  it('matches folded text and reports ends in the original comment', () => {
    const automaton = new KeywordAutomaton(['ＸＬ', '貨', '卡了', 'xl码还有吗']);
    expect(matches(automaton, 'XL还有吗')).toEqual([[0, 2]]);
    expect(matches(automaton, '有xl吗')).toEqual([[0, 3]]);
    expect(matches(automaton, '还有货吗')).toEqual([[1, 3]]);
    expect(matches(automaton, '还有貨吗')).toEqual([[1, 3]]);
    expect(matches(automaton, '卡 了')).toEqual([[2, 3]]);
    expect(matches(automaton, '卡🙃了')).toEqual([[2, 4]]);
    expect(matches(automaton, '卡\u200b了')).toEqual([[2, 3]]);
    expect(matches(automaton, 'Ｘ Ｌ 碼還有嗎')).toEqual([
      [0, 3],
      [3, 8],
    ]);
  });

  it('folds the phrases too: spaces, emoji and width inside a phrase do not matter', () => {
    const automaton = new KeywordAutomaton(['卡 了', '没🙂声音', 'Ｈｅｌｌｏ']);
    expect(matches(automaton, '卡了')).toEqual([[0, 2]]);
    expect(matches(automaton, '没声音了')).toEqual([[1, 3]]);
    expect(matches(automaton, 'say HELLO')).toEqual([[2, 9]]);
  });

  it('handles empty input, no phrases, and phrases that fold to nothing', () => {
    const automaton = new KeywordAutomaton(['', '  ', '卡了', '🙂\u200b']);
    expect(automaton.ignoredPhrases).toEqual([0, 1, 3]);
    expect(automaton.phraseCount).toBe(4);
    expect(matches(automaton, '')).toEqual([]);
    expect(matches(automaton, '   🙂')).toEqual([]);
    expect(matches(automaton, '卡了')).toEqual([[2, 2]]);
    const none = new KeywordAutomaton([]);
    expect(matches(none, '多少钱')).toEqual([]);
    expect(none.matchedPhrases('多少钱')).toEqual([]);
  });

  it('keeps distinct ids for duplicate phrases, including ones equal only after folding', () => {
    const automaton = new KeywordAutomaton(['退款', '退款', '退 款', '钱']);
    expect(matches(automaton, '退款')).toEqual([
      [0, 2],
      [1, 2],
      [2, 2],
    ]);
    expect(automaton.matchedPhrases('退款退款')).toEqual([0, 1, 2]);
  });

  it('refuses bad input with a message naming the problem', () => {
    expect(() => new KeywordAutomaton('卡了' as unknown as string[])).toThrow(/phrases must be an array/);
    expect(() => new KeywordAutomaton(['卡了', 7 as unknown as string])).toThrow(
      /phrase 1 is number, not a string/,
    );
    const automaton = new KeywordAutomaton(['卡了']);
    expect(() => automaton.forEachMatch(null as unknown as string, () => {})).toThrow(
      /text is object, not a string/,
    );
    expect(() => automaton.matchedPhrases(undefined as unknown as string)).toThrow(/not a string/);
  });

  it('agrees exactly with a naive search: 2,000 random phrases over a small alphabet', () => {
    const random = prng(6);
    const alphabet = [...'多少钱卡了货有吗链接几号黑色红款码退款假骗子ab1'];
    const noise = [' ', '\u200b', '🙂', '❤️', '\u3000'];
    const variants: Record<string, string> = {
      货: '貨',
      吗: '嗎',
      钱: '錢',
      链: '鏈',
      号: '號',
      a: 'Ａ',
      b: 'B',
      1: '１',
      红: '紅',
    };
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
    const phrases: string[] = [];
    for (let i = 0; i < 2_000; i++) {
      let phrase = '';
      const length = 1 + Math.floor(random() * 6);
      for (let j = 0; j < length; j++) phrase += pick(alphabet);
      phrases.push(phrase);
    }
    const automaton = new KeywordAutomaton(phrases);
    let total = 0;
    for (let i = 0; i < 3_000; i++) {
      let comment = '';
      const length = Math.floor(random() * 30);
      for (let j = 0; j < length; j++) {
        const ch = random() < 0.05 ? '好' : pick(alphabet);
        comment += random() < 0.2 ? (variants[ch] ?? ch) : ch;
        if (random() < 0.08) comment += pick(noise);
      }
      const expected = sorted(naive(phrases, comment));
      expect(sorted(matches(automaton, comment)), comment).toEqual(expected);
      total += expected.length;
    }
    expect(total).toBeGreaterThan(50_000); // the generator really produces dense, overlapping matches
  });

  it('agrees exactly with a naive search over a large alphabet (many symbols, sparse states)', () => {
    const random = prng(61);
    const cjk = (n: number) => String.fromCharCode(0x4e00 + Math.floor(random() * n));
    const phrases: string[] = [];
    for (let i = 0; i < 2_000; i++) {
      let phrase = '';
      const length = 2 + Math.floor(random() * 5);
      for (let j = 0; j < length; j++) phrase += cjk(600);
      phrases.push(phrase);
    }
    const automaton = new KeywordAutomaton(phrases);
    let total = 0;
    for (let i = 0; i < 2_000; i++) {
      // Splice whole phrases into random text so matches are frequent and overlap their neighbours.
      let comment = '';
      while (comment.length < 40)
        comment += random() < 0.3 ? (phrases[Math.floor(random() * phrases.length)] as string) : cjk(900);
      const expected = sorted(naive(phrases, comment));
      expect(sorted(matches(automaton, comment))).toEqual(expected);
      total += expected.length;
    }
    expect(total).toBeGreaterThan(4_000);
  });
});
