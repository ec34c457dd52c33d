/**
 * 广告法 wording check for answers (《广告法》第九条 and the platforms' 极限词 rules): finds the
 * listed words in a text so the UI can highlight them before an answer is sent.
 *
 * - Indexes are UTF-16 offsets into the ORIGINAL text (the highlight slices it as typed).
 * - Latin letters compare case-insensitively (No.1 = NO.1) and full-width ASCII like half-width
 *   (１００％ = 100%); the folding maps one code unit to one, so offsets never shift.
 * - An occurrence that lies inside an exception occurrence is not a hit (最 in 最近, 第一 in
 *   第一时间).
 * - Left to right, the longest word starting at a position wins (最低价 over 最低); hits never
 *   overlap.
 *
 * The word list is compiled into a trie once per array (WeakMap), so checking a text costs
 * at most (text length × longest word) steps, whatever the list's size.
 */
import { z } from 'zod';

export interface ProhibitedHit {
  /** The list's word, as written in the list. */
  word: string;
  start: number;
  /** Exclusive. */
  end: number;
}

export interface HighlightSegment {
  text: string;
  hit: boolean;
}

export interface ProhibitedWordList {
  words: readonly string[];
  exceptions: readonly string[];
}

const listWord = z.string().trim().min(1).max(20);

/** resources/compliance/ad-law-words.json, validated by the core when it loads the shipped list. */
export const ComplianceFileSchema = z.object({
  version: z.literal(1),
  note: z.string().max(2000).optional(),
  words: z.array(listWord).min(1).max(2000),
  exceptions: z.array(listWord).max(2000),
});
export type ComplianceFile = z.infer<typeof ComplianceFileSchema>;

/** Full-width ASCII → ASCII, then ASCII upper case → lower case; one code unit in, one out. */
function foldCode(code: number): number {
  const half = code >= 0xff01 && code <= 0xff5e ? code - 0xfee0 : code === 0x3000 ? 0x20 : code;
  return half >= 0x41 && half <= 0x5a ? half + 0x20 : half;
}

interface TrieNode {
  next: Map<number, TrieNode>;
  /** The list word ending here (first spelling wins when two fold to the same key). */
  word: string | null;
}

const newNode = (): TrieNode => ({ next: new Map(), word: null });

function buildTrie(words: readonly string[]): TrieNode {
  const root = newNode();
  for (const raw of words) {
    const word = raw.trim();
    if (word.length === 0) continue;
    let node = root;
    for (let i = 0; i < word.length; i++) {
      const code = foldCode(word.charCodeAt(i));
      let child = node.next.get(code);
      if (!child) {
        child = newNode();
        node.next.set(code, child);
      }
      node = child;
    }
    node.word ??= word;
  }
  return root;
}

/** Keyed on the arrays, not the list object, so a caller may rebuild `{ words, exceptions }` freely. */
const compiledTries = new WeakMap<readonly string[], TrieNode>();

function trieOf(words: readonly string[]): TrieNode {
  let trie = compiledTries.get(words);
  if (!trie) {
    trie = buildTrie(words);
    compiledTries.set(words, trie);
  }
  return trie;
}

/** Ends (exclusive) of every trie word starting at `start`, shortest first, with the word. */
function matchesAt(root: TrieNode, folded: Uint16Array, start: number): { end: number; word: string }[] {
  const found: { end: number; word: string }[] = [];
  let node: TrieNode | undefined = root;
  for (let i = start; i < folded.length; i++) {
    node = node.next.get(folded[i] as number);
    if (!node) break;
    if (node.word !== null) found.push({ end: i + 1, word: node.word });
  }
  return found;
}

/** Prohibited words in `text`, in text order; empty when the text is clean. */
export function findProhibitedWords(text: string, list: ProhibitedWordList): ProhibitedHit[] {
  if (text.length === 0) return [];
  const words = trieOf(list.words);
  const exceptions = trieOf(list.exceptions);
  const folded = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) folded[i] = foldCode(text.charCodeAt(i));

  // reach[s]: furthest end of an exception occurrence starting at or before s. A word [s, e) lies
  // inside an exception exactly when reach[s] ≥ e.
  const reach = new Int32Array(text.length);
  let furthest = -1;
  for (let s = 0; s < text.length; s++) {
    const found = matchesAt(exceptions, folded, s);
    const longest = found[found.length - 1];
    if (longest && longest.end > furthest) furthest = longest.end;
    reach[s] = furthest;
  }

  const hits: ProhibitedHit[] = [];
  let s = 0;
  while (s < text.length) {
    const found = matchesAt(words, folded, s);
    let hit: ProhibitedHit | null = null;
    for (let k = found.length - 1; k >= 0 && hit === null; k--) {
      const { end, word } = found[k] as { end: number; word: string };
      if ((reach[s] as number) < end) hit = { word, start: s, end };
    }
    if (hit) {
      hits.push(hit);
      s = hit.end;
    } else {
      s++;
    }
  }
  return hits;
}

/**
 * The text cut at the hits, for highlighting: joining the segments' text gives the text back.
 * Hits out of order, overlapping or out of range are clipped rather than trusted.
 */
export function splitByHits(text: string, hits: readonly ProhibitedHit[]): HighlightSegment[] {
  const segments: HighlightSegment[] = [];
  const sorted = [...hits].sort((a, b) => a.start - b.start || b.end - a.end);
  let at = 0;
  for (const hit of sorted) {
    const start = Math.max(at, Math.min(hit.start, text.length));
    const end = Math.min(Math.max(hit.end, start), text.length);
    if (end <= start) continue;
    if (start > at) segments.push({ text: text.slice(at, start), hit: false });
    segments.push({ text: text.slice(start, end), hit: true });
    at = end;
  }
  if (at < text.length) segments.push({ text: text.slice(at), hit: false });
  return segments;
}
