/**
 * Character folding for keyword alerts: one table lookup per UTF-16 code unit, so the alerts'
 * matcher can fold a comment while it scans it, without building a normalised copy.
 *
 * Unlike normaliseText (FAQ), folding never rewrites words (no 啥 → 什么) and never changes
 * the number of units it keeps, only which ones: every kept unit maps to exactly one unit.
 * That is what lets a matcher report positions in the original comment.
 *
 *  - full-width ASCII (Ｘ, ９, ？) → half-width; A–Z → a–z;
 *  - traditional → simplified (the same table as normaliseText);
 *  - SKIP: whitespace, control characters, zero-width and bidi controls, variation selectors,
 *    emoji (surrogate halves, dingbats, misc symbols) — so "卡 了", "卡🙃了", "卡\u200b了" read 卡了.
 *    Characters outside the BMP are skipped too (in live comments they are emoji; the rare
 *    CJK extension B character is lost, an accepted trade for one lookup per unit).
 *
 * Folding is idempotent: FOLD_TABLE[FOLD_TABLE[c]] === FOLD_TABLE[c] for every kept unit.
 */
import { TRADITIONAL_TO_SIMPLIFIED } from './normalise.js';
import { unitsToString } from './code-units.js';

/** Table value for a code unit that is dropped. 0 (NUL) is itself dropped, so it is free. */
export const FOLD_SKIP = 0;

/** Inclusive code-unit ranges that fold to SKIP. */
const SKIPPED_RANGES: readonly (readonly [from: number, to: number])[] = [
  [0x0000, 0x0020], // C0 controls, tab, line breaks, space
  [0x007f, 0x00a0], // DEL, C1 controls, no-break space
  [0x00ad, 0x00ad], // soft hyphen
  [0x034f, 0x034f], // combining grapheme joiner
  [0x061c, 0x061c], // Arabic letter mark (bidi)
  [0x1680, 0x1680], // Ogham space
  [0x180e, 0x180e], // Mongolian vowel separator
  [0x2000, 0x200f], // typographic spaces, zero-width space/joiners, LRM/RLM
  [0x2028, 0x202f], // line/paragraph separators, bidi embeddings, narrow no-break space
  [0x205f, 0x206f], // math space, word joiner, invisible operators, bidi isolates
  [0x20e3, 0x20e3], // combining enclosing keycap (1️⃣)
  [0x2600, 0x27bf], // misc symbols and dingbats: ☀ ❤ ✨ ✅ (BMP emoji)
  [0x2b00, 0x2bff], // misc symbols and arrows: ⭐ ⬆
  [0x3000, 0x3000], // ideographic space
  [0xd800, 0xdfff], // surrogate halves: emoji and everything else outside the BMP
  [0xfe00, 0xfe0f], // variation selectors (❤️ = ❤ + FE0F)
  [0xfeff, 0xfeff], // byte-order mark / zero-width no-break space
  [0xfff9, 0xfffb], // interlinear annotation controls
];

function buildFoldTable(): Uint16Array {
  const table = new Uint16Array(0x10000);
  for (let c = 0; c < table.length; c++) table[c] = c;
  for (let c = 0x41; c <= 0x5a; c++) table[c] = c + 0x20;
  // Full-width ASCII sits at a fixed offset from ASCII; its capitals fold to lower case too.
  for (let c = 0xff01; c <= 0xff5e; c++) table[c] = table[c - 0xfee0] as number;
  for (let i = 0; i + 1 < TRADITIONAL_TO_SIMPLIFIED.length; i += 2) {
    table[TRADITIONAL_TO_SIMPLIFIED.charCodeAt(i)] = TRADITIONAL_TO_SIMPLIFIED.charCodeAt(i + 1);
  }
  for (const [from, to] of SKIPPED_RANGES) table.fill(FOLD_SKIP, from, to + 1);
  return table;
}

/** FOLD_TABLE[codeUnit] = folded code unit, or FOLD_SKIP. Built once; never write to it. */
export const FOLD_TABLE: Readonly<Uint16Array> = buildFoldTable();

/** Folds a unit; FOLD_SKIP when it is dropped. */
export function foldCodeUnit(code: number): number {
  return FOLD_TABLE[code & 0xffff] as number;
}

let buffer = new Uint16Array(256);

/** The folded text: what phrases are built from, and what a naive reference matcher searches. */
export function foldText(text: string): string {
  if (typeof text !== 'string') throw new TypeError(`foldText: expected a string, got ${typeof text}`);
  const n = text.length;
  // Most comments need no change at all: return them as they are, without copying.
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (FOLD_TABLE[c] !== c) break;
    i++;
  }
  if (i === n) return text;
  if (buffer.length < n) buffer = new Uint16Array(Math.max(n, buffer.length * 2));
  for (let j = 0; j < i; j++) buffer[j] = text.charCodeAt(j);
  let length = i;
  for (let j = i; j < n; j++) {
    const folded = FOLD_TABLE[text.charCodeAt(j)] as number;
    if (folded !== FOLD_SKIP) buffer[length++] = folded;
  }
  return unitsToString(buffer, length);
}

/** Folded text plus, for each folded unit, the exclusive end of its source unit in `text`. */
export interface FoldedText {
  text: string;
  /** sourceEnds[k]: index just after the original unit that became folded unit k. */
  sourceEnds: Int32Array;
}

export function foldTextWithSourceEnds(text: string): FoldedText {
  if (typeof text !== 'string') {
    throw new TypeError(`foldTextWithSourceEnds: expected a string, got ${typeof text}`);
  }
  const units = new Uint16Array(text.length);
  const sourceEnds = new Int32Array(text.length);
  let length = 0;
  for (let j = 0; j < text.length; j++) {
    const folded = FOLD_TABLE[text.charCodeAt(j)] as number;
    if (folded === FOLD_SKIP) continue;
    units[length] = folded;
    sourceEnds[length++] = j + 1;
  }
  return { text: unitsToString(units, length), sourceEnds: sourceEnds.slice(0, length) };
}
