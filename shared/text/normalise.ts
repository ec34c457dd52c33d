/**
 * Canonical form of a viewer comment, so that the FAQ matcher (and later the alerts engine) can
 * compare what viewers type with short trigger phrases. Pure string code: shared by the renderer
 * and the Node side, so no Node or DOM APIs.
 *
 * Steps, in one pass over the characters and one pass over the result:
 *  1. full-width ASCII → half-width, ASCII lower case, Chinese punctuation → ASCII punctuation;
 *  2. traditional → simplified for the characters live rooms actually use (small table below);
 *  3. drop whitespace, zero-width and bidi controls, emoji, symbols and Douyin's text emoticons
 *     ([赞], [比心]); keep CJK, letters, digits and a few punctuation marks;
 *  4. collapse runs of the same punctuation mark to one (？？？ → ?);
 *  5. replace colloquial variants and common typos with one canonical spelling (table below).
 *
 * The result is idempotent: normaliseText(normaliseText(s)) === normaliseText(s).
 */

import { unitsToString } from './code-units.js';

/** Traditional → simplified, only characters that show up in live-commerce comments. */
export const TRADITIONAL_TO_SIMPLIFIED =
  '發发貨货碼码號号嗎吗還还這这個个們们麼么麽么優优價价錢钱紅红顏颜綠绿藍蓝換换運运費费險险賣卖買买質质' +
  '長长寬宽後后時时間间幾几機机會会說说話话聽听聲声點点開开關关鏈链結结條条單单種种樣样問问題题讓让給给' +
  '過过來来贈赠禮礼現现補补庫库邊边門门無无歡欢謝谢對对請请為为從从郵邮遞递員员張张認认識识頭头' +
  '產产區区裡里裏里麗丽襪袜褲裤裝装圍围適适應应號号級级東东車车線线轉转倉仓囉啰夠够數数準准領领愛爱穩稳厲厉鬆松緊紧';

/**
 * Colloquial variants and typos → canonical spelling. Longest variant wins at each position;
 * identity rows (有没有 → 有没有) stop a shorter row (有没) from rewriting a canonical word.
 * Canonical words are what library triggers are written with.
 */
const VARIANTS: readonly (readonly [variant: string, canonical: string])[] = [
  // "what / how" spelled the way people type fast
  ['啥', '什么'],
  ['神马', '什么'],
  ['咋样', '怎么样'],
  ['咋', '怎么'],
  ['肿么', '怎么'],
  ['嘛', '吗'],
  ['麽', '么'],
  // "is there …"
  ['有木有', '有没有'],
  ['有莫有', '有没有'],
  ['有冇', '有没有'],
  ['有没得', '有没有'],
  ['有没有', '有没有'],
  ['有没', '有没有'],
  ['木有', '没有'],
  // when: one spelling for "when"
  ['什么时间', '什么时候'],
  ['啥时间', '什么时候'],
  ['几时到', '几天到'],
  ['何时到', '几天到'],
  ['几时', '什么时候'],
  ['何时', '什么时候'],
  // shipping (发货 family) and arrival (到货 family → 几天到)
  ['发个货', '发货'],
  ['寄出去', '发货'],
  ['寄出', '发货'],
  ['出货', '发货'],
  ['发出', '发货'],
  ['几天到', '几天到'],
  ['几天能到', '几天到'],
  ['几天收到', '几天到'],
  ['几天能收到', '几天到'],
  ['多久到', '几天到'],
  ['多久能到', '几天到'],
  ['多久收到', '几天到'],
  ['多久能收到', '几天到'],
  ['多久到货', '几天到'],
  ['啥时候到', '几天到'],
  ['什么时候到', '几天到'],
  ['什么时候能到', '几天到'],
  ['什么时候收到', '几天到'],
  ['顺风', '顺丰'],
  ['免邮', '包邮'],
  // coupons (券 is often typed as 卷 or 劵)
  ['优惠卷', '优惠券'],
  ['优惠劵', '优惠券'],
  ['劵', '券'],
  ['领卷', '领券'],
  ['粉丝卷', '粉丝券'],
  ['新人卷', '新人券'],
  ['消费卷', '消费券'],
  ['用卷', '用券'],
  // stacking discounts (叠加)
  ['能叠加', '叠加'],
  ['可以叠加', '叠加'],
  ['可以叠', '叠加'],
  ['能叠', '叠加'],
  ['叠加', '叠加'],
  ['能一起用', '叠加'],
  ['可以一起用', '叠加'],
  ['能同时用', '叠加'],
  ['可以同时用', '叠加'],
  ['一起用', '叠加'],
  ['同时用', '叠加'],
  ['叠着用', '叠加'],
  // sizes (尺码)
  ['码数', '尺码'],
  ['尺寸', '尺码'],
  ['尺吗', '尺码'],
  ['尺嘛', '尺码'],
  // returns (退换)
  ['退换货', '退换'],
  ['退货', '退换'],
  ['换货', '退换'],
  ['退换', '退换'],
  ['7天', '七天'],
  ['运费保险', '运费险'],
  ['退货险', '运费险'],
  // stock: asking the room to add stock is asking for a restock
  ['加库存', '补货'],
  ['上点库存', '补货'],
  ['加点库存', '补货'],
  ['返场', '补货'],
  // links
  ['连接', '链接'],
  ['链结', '链接'],
  ['连结', '链接'],
  ['小黄车', '购物车'],
  // lucky bags, gifts, authenticity
  ['福代', '福袋'],
  ['福带', '福袋'],
  ['赠送', '赠品'],
  ['小礼品', '赠品'],
  ['礼品', '赠品'],
  ['正版', '正品'],
  ['真品', '正品'],
  ['起毛球', '起球'],
  ['主bo', '主播'],
  ['煮播', '主播'],
  ['多钱', '多少钱'],
  ['几块钱', '多少钱'],
];

/** The punctuation marks kept (as ASCII), flagged by code. */
const PUNCTUATION = new Uint8Array(0x80);
for (const mark of ',.?!:;~-/') PUNCTUATION[mark.charCodeAt(0)] = 1;

/** Chinese punctuation (not covered by the full-width ASCII block) → ASCII. */
const CJK_PUNCTUATION: Readonly<Record<string, string>> = {
  '，': ',',
  '、': ',',
  '。': '.',
  '？': '?',
  '！': '!',
  '：': ':',
  '；': ';',
  '～': '~',
  '…': '.',
  '—': '-',
};

/** Code unit → its replacement (traditional → simplified, Chinese punctuation → ASCII). */
const charMap = new Map<number, number>();
for (let i = 0; i < TRADITIONAL_TO_SIMPLIFIED.length; i += 2) {
  const from = TRADITIONAL_TO_SIMPLIFIED.charCodeAt(i);
  const to = TRADITIONAL_TO_SIMPLIFIED.charCodeAt(i + 1);
  if (from !== to) charMap.set(from, to);
}
for (const [from, to] of Object.entries(CJK_PUNCTUATION)) charMap.set(from.charCodeAt(0), to.charCodeAt(0));

interface VariantRow {
  variant: readonly number[];
  canonical: readonly number[];
}

const codesOf = (word: string): number[] => Array.from({ length: word.length }, (_, i) => word.charCodeAt(i));

/** Variant rows grouped by first code unit, longest first, so a lookup is one Map.get. */
const variantsByFirstCode = new Map<number, VariantRow[]>();
/** How much longer than its input step 5 can make a text (啥 → 什么: twice). */
let maxGrowth = 1;
for (const [variant, canonical] of VARIANTS) {
  const first = variant.charCodeAt(0);
  const list = variantsByFirstCode.get(first) ?? [];
  list.push({ variant: codesOf(variant), canonical: codesOf(canonical) });
  list.sort((a, b) => b.variant.length - a.variant.length);
  variantsByFirstCode.set(first, list);
  maxGrowth = Math.max(maxGrowth, Math.ceil(canonical.length / variant.length));
}

function isCjk(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf);
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function isPunctuation(code: number): boolean {
  return code < 0x80 && PUNCTUATION[code] === 1;
}

/** Douyin's text emoticons: "[赞]", "[比心]", "[666]" — up to 4 characters inside brackets. */
function emoticonEnd(s: string, open: number): number {
  const limit = Math.min(s.length, open + 6);
  for (let j = open + 1; j < limit; j++) {
    const c = s.charCodeAt(j);
    if (c === 0x5d /* ] */) return j > open + 1 ? j : -1;
    if (c === 0x5b /* [ */) return -1;
  }
  return -1;
}

/*
 * Both steps write code units into buffers kept between calls, and the string is made once at
 * the end: building it a character at a time (a string per CJK character, a cons string per
 * append) was most of this function's cost, and it runs on every comment of the feed.
 */
let cleaned = new Uint16Array(256);
let replaced = new Uint16Array(256 * maxGrowth);

/** Steps 1–4 into `cleaned`: character mapping, filtering and punctuation collapse. Returns the length. */
function cleanCharacters(s: string): number {
  if (cleaned.length < s.length) cleaned = new Uint16Array(s.length * 2);
  const out = cleaned;
  let n = 0;
  let lastPunctuation = -1;
  let spaceAfterDigit = false;
  for (let i = 0; i < s.length; i++) {
    let code = s.charCodeAt(i);
    // "160 100斤": a space between two numbers separates them (height, weight) — keep a comma.
    if (code === 0x20 || code === 0x3000 || code === 0x09) {
      if (n > 0 && isDigit(out[n - 1]!)) spaceAfterDigit = true;
      continue;
    }
    if (code === 0x5b || code === 0xff3b) {
      const end = emoticonEnd(s, i);
      if (end > 0) {
        i = end;
        continue;
      }
    }
    // Full-width ASCII (Ａ, １, ？) sits at a fixed offset from ASCII.
    if (code >= 0xff01 && code <= 0xff5e) code -= 0xfee0;
    if (code < 0x80) {
      if (code >= 0x41 && code <= 0x5a) code += 0x20;
      const isWord = isDigit(code) || (code >= 0x61 && code <= 0x7a);
      if (!isWord && PUNCTUATION[code] !== 1) continue;
    } else {
      const mapped = charMap.get(code);
      if (mapped !== undefined) code = mapped;
      else if (!isCjk(code)) continue; // emoji, symbols, zero-width and bidi controls, other scripts' spaces
    }
    if (spaceAfterDigit) {
      spaceAfterDigit = false;
      if (isDigit(code) && lastPunctuation === -1) out[n++] = 0x2c; // ,
    }
    if (isPunctuation(code)) {
      if (code === lastPunctuation) continue;
      lastPunctuation = code;
    } else {
      lastPunctuation = -1;
    }
    out[n++] = code;
  }
  return n;
}

/** Step 5 from `cleaned` into `replaced`: longest variant at each position, left to right. Returns the length, or -1 when nothing was replaced. */
function replaceVariants(n: number): number {
  if (replaced.length < n * maxGrowth) replaced = new Uint16Array(n * maxGrowth * 2);
  const from = cleaned;
  const out = replaced;
  let m = 0;
  let any = false;
  let i = 0;
  while (i < n) {
    const rows = variantsByFirstCode.get(from[i]!);
    let row: VariantRow | undefined;
    if (rows) {
      for (const candidate of rows) {
        const v = candidate.variant;
        if (i + v.length > n) continue;
        let k = 1;
        while (k < v.length && from[i + k] === v[k]) k++;
        if (k === v.length) {
          row = candidate;
          break;
        }
      }
    }
    if (row) {
      for (const code of row.canonical) out[m++] = code;
      i += row.variant.length;
      any = true;
    } else {
      out[m++] = from[i++]!;
    }
  }
  return any ? m : -1;
}

/** True when the first n cleaned code units are exactly s (nothing dropped, mapped or collapsed). */
function sameAs(s: string, n: number): boolean {
  if (n !== s.length) return false;
  for (let i = 0; i < n; i++) if (cleaned[i] !== s.charCodeAt(i)) return false;
  return true;
}

export function normaliseText(s: string): string {
  const n = cleanCharacters(s);
  const m = replaceVariants(n);
  if (m >= 0) return unitsToString(replaced, m);
  return sameAs(s, n) ? s : unitsToString(cleaned, n);
}
