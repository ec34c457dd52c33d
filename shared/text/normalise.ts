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

const PUNCTUATION = new Set([',', '.', '?', '!', ':', ';', '~', '-', '/']);

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

const charMap = new Map<number, string>();
for (let i = 0; i < TRADITIONAL_TO_SIMPLIFIED.length; i += 2) {
  const from = TRADITIONAL_TO_SIMPLIFIED.charCodeAt(i);
  const to = TRADITIONAL_TO_SIMPLIFIED[i + 1] as string;
  if (String.fromCharCode(from) !== to) charMap.set(from, to);
}
for (const [from, to] of Object.entries(CJK_PUNCTUATION)) charMap.set(from.charCodeAt(0), to);

/** Variant rows grouped by first character, longest first, so a lookup is one Map.get. */
const variantsByFirstChar = new Map<string, (readonly [string, string])[]>();
for (const row of VARIANTS) {
  const first = row[0][0] as string;
  const list = variantsByFirstChar.get(first) ?? [];
  list.push(row);
  list.sort((a, b) => b[0].length - a[0].length);
  variantsByFirstChar.set(first, list);
}

function isCjk(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf);
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

/** Steps 1–4: character mapping, filtering and punctuation collapse. */
function cleanCharacters(s: string): string {
  let out = '';
  let lastPunctuation = '';
  let spaceAfterDigit = false;
  for (let i = 0; i < s.length; i++) {
    let code = s.charCodeAt(i);
    // "160 100斤": a space between two numbers separates them (height, weight) — keep a comma.
    if (code === 0x20 || code === 0x3000 || code === 0x09) {
      const last = out.charCodeAt(out.length - 1);
      if (last >= 0x30 && last <= 0x39) spaceAfterDigit = true;
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
    let ch: string;
    if (code < 0x80) {
      if (code >= 0x41 && code <= 0x5a) code += 0x20;
      ch = String.fromCharCode(code);
      const isWord = (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a);
      if (!isWord && !PUNCTUATION.has(ch)) continue;
    } else {
      const mapped = charMap.get(code);
      if (mapped !== undefined) ch = mapped;
      else if (isCjk(code)) ch = s[i] as string;
      else continue; // emoji, symbols, zero-width and bidi controls, other scripts' spaces
    }
    if (spaceAfterDigit) {
      spaceAfterDigit = false;
      if (code >= 0x30 && code <= 0x39 && lastPunctuation === '') out += ',';
    }
    if (PUNCTUATION.has(ch)) {
      if (ch === lastPunctuation) continue;
      lastPunctuation = ch;
    } else {
      lastPunctuation = '';
    }
    out += ch;
  }
  return out;
}

/** Step 5: longest variant at each position, left to right. */
function replaceVariants(s: string): string {
  let out = '';
  let i = 0;
  while (i < s.length) {
    const rows = variantsByFirstChar.get(s[i] as string);
    let replaced = false;
    if (rows) {
      for (const [variant, canonical] of rows) {
        if (s.startsWith(variant, i)) {
          out += canonical;
          i += variant.length;
          replaced = true;
          break;
        }
      }
    }
    if (!replaced) {
      out += s[i] as string;
      i++;
    }
  }
  return out;
}

export function normaliseText(s: string): string {
  return replaceVariants(cleanCharacters(s));
}
