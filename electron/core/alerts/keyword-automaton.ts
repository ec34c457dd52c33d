/**
 * The alerts' keyword matcher: every occurrence of every phrase in a comment, overlapping ones
 * included (多少钱, 少钱 and 钱 all fire on "多少钱"), in one pass over the comment's UTF-16 code
 * units. Comments are folded on the fly (shared/text/fold.ts: width, case, traditional →
 * simplified, spaces / zero-width / emoji skipped) with one table lookup per unit.
 *
 * Why not the FAQ automaton (electron/core/faq/aho-corasick.ts): it keeps a Map per state and
 * needs a normalised copy of the text; the alerts read every comment of bursts of thousands a
 * second, so this one is flat typed arrays and allocates nothing per comment:
 *
 *  - classOf: folded code unit → symbol (1..K for units some phrase uses, 0 for the rest, which
 *    send the automaton back to the root, SKIP_CLASS for dropped units). Folding and alphabet
 *    compression are the same lookup.
 *  - goto edges in a double array (base/check): the child of state s on symbol c is base[s] + c
 *    when check[base[s] + c] === s. The root is placed first with base 0, so its row is dense.
 *  - failure links resolved at search time (amortised ≤ 2 edge tests per unit);
 *  - per state, the ids of every phrase that ends there (its own and those on its failure
 *    chain), flattened into one Int32Array: reporting a match is reading a slice.
 */
import { FOLD_SKIP, FOLD_TABLE, foldText } from '../../../shared/text/fold.js';

/** classOf value of a unit that folding drops: the automaton stays where it is. */
const SKIP_CLASS = 0xffff;
/** classOf value of a unit no phrase contains: no match can span it. */
const ABSENT_CLASS = 0;
const ROOT = 0;

export type KeywordMatchHandler = (phrase: number, end: number) => void;

interface Trie {
  children: Map<number, number>[];
  own: number[][];
}

export class KeywordAutomaton {
  private readonly classOf = new Uint16Array(0x10000);
  private readonly base: Int32Array;
  private readonly check: Int32Array;
  private readonly fail: Int32Array;
  /** Phrases ending at state s: outputs[outStart[s] .. outStart[s + 1]). */
  private readonly outStart: Int32Array;
  private readonly outputs: Int32Array;
  private readonly ignored: readonly number[];
  private readonly count: number;
  private readonly states: number;
  /** matchedPhrases' "seen in this comment" marks: stamp[phrase] === generation. */
  private readonly stamp: Uint32Array;
  private generation = 0;

  constructor(phrases: readonly string[]) {
    if (!Array.isArray(phrases)) throw new TypeError('KeywordAutomaton: phrases must be an array of strings');
    const folded = phrases.map((phrase: unknown, index) => {
      if (typeof phrase !== 'string') {
        throw new TypeError(`KeywordAutomaton: phrase ${index} is ${typeof phrase}, not a string`);
      }
      return foldText(phrase);
    });
    this.count = phrases.length;
    this.stamp = new Uint32Array(phrases.length);
    this.ignored = folded.flatMap((text, index) => (text.length === 0 ? [index] : []));

    const symbols = this.assignSymbols(folded);
    const trie = buildTrie(folded, this.classOf);
    this.states = trie.children.length;
    const order = breadthFirst(trie);
    const trieFail = failureLinks(trie, order);
    const slot = placeStates(trie, order, this.states);
    const size = slot.end + symbols + 1; // base[s] + c stays in bounds for every s and c
    this.base = new Int32Array(size);
    this.check = new Int32Array(size).fill(-1);
    this.fail = new Int32Array(size);
    for (let node = 0; node < this.states; node++) {
      const at = slot.position[node] as number;
      this.base[at] = slot.base[node] as number;
      this.fail[at] = slot.position[trieFail[node] as number] as number;
      for (const child of (trie.children[node] as Map<number, number>).values()) {
        this.check[slot.position[child] as number] = at;
      }
    }
    const flat = flattenOutputs(trie, order, trieFail, slot.position, size);
    this.outStart = flat.start;
    this.outputs = flat.outputs;
  }

  /** Phrases given to the constructor (ids are their indexes, duplicates included). */
  get phraseCount(): number {
    return this.count;
  }

  /** Ids of phrases that fold to nothing ("", "  ", "🙂"): they can never match, so they are left out. */
  get ignoredPhrases(): readonly number[] {
    return this.ignored;
  }

  get stateCount(): number {
    return this.states;
  }

  /**
   * Calls onMatch(phrase, end) for every occurrence of every phrase, in order of `end` (exclusive
   * index in `text` of the unit that completed the match); several phrases ending at the same
   * unit come longest first. Allocates nothing.
   */
  forEachMatch(text: string, onMatch: KeywordMatchHandler): void {
    if (typeof text !== 'string')
      throw new TypeError(`KeywordAutomaton: text is ${typeof text}, not a string`);
    const { classOf, base, check, fail, outStart, outputs } = this;
    let state = ROOT;
    for (let i = 0, n = text.length; i < n; i++) {
      const symbol = classOf[text.charCodeAt(i)] as number;
      if (symbol === SKIP_CLASS) continue;
      if (symbol === ABSENT_CLASS) {
        state = ROOT;
        continue;
      }
      let next = (base[state] as number) + symbol;
      while (check[next] !== state) {
        if (state === ROOT) {
          next = ROOT;
          break;
        }
        state = fail[state] as number;
        next = (base[state] as number) + symbol;
      }
      state = next;
      const last = outStart[state + 1] as number;
      for (let k = outStart[state] as number; k < last; k++) onMatch(outputs[k] as number, i + 1);
    }
  }

  /** Distinct ids of the phrases found in `text`, ascending. */
  matchedPhrases(text: string): number[] {
    const found: number[] = [];
    const stamp = this.stamp;
    this.generation = (this.generation + 1) >>> 0;
    if (this.generation === 0) {
      stamp.fill(0); // wrapped after 2^32 calls: old marks must not look current
      this.generation = 1;
    }
    const generation = this.generation;
    this.forEachMatch(text, (phrase) => {
      if (stamp[phrase] === generation) return;
      stamp[phrase] = generation;
      found.push(phrase);
    });
    return found.sort((a, b) => a - b);
  }

  /** Symbol ids 1..K for the folded units phrases use; fills classOf for all 65,536 units. */
  private assignSymbols(folded: readonly string[]): number {
    const symbolOf = new Uint16Array(0x10000);
    let symbols = 0;
    for (const text of folded) {
      for (let i = 0; i < text.length; i++) {
        const unit = text.charCodeAt(i);
        if (symbolOf[unit] === 0) symbolOf[unit] = ++symbols;
      }
    }
    // Cannot happen (at most 65,535 kept units, minus the skipped ones), but the marker must stay free.
    if (symbols >= SKIP_CLASS) throw new RangeError('KeywordAutomaton: too many distinct characters');
    for (let unit = 0; unit < 0x10000; unit++) {
      const foldedUnit = FOLD_TABLE[unit] as number;
      this.classOf[unit] = foldedUnit === FOLD_SKIP ? SKIP_CLASS : (symbolOf[foldedUnit] as number);
    }
    return symbols;
  }
}

/** Build-time trie over symbols: Maps are fine here, the search never sees them. */
function buildTrie(folded: readonly string[], classOf: Uint16Array): Trie {
  const trie: Trie = { children: [new Map()], own: [[]] };
  folded.forEach((text, phrase) => {
    if (text.length === 0) return;
    let node = ROOT;
    for (let i = 0; i < text.length; i++) {
      const symbol = classOf[text.charCodeAt(i)] as number;
      const children = trie.children[node] as Map<number, number>;
      let child = children.get(symbol);
      if (child === undefined) {
        child = trie.children.length;
        trie.children.push(new Map());
        trie.own.push([]);
        children.set(symbol, child);
      }
      node = child;
    }
    (trie.own[node] as number[]).push(phrase);
  });
  return trie;
}

function breadthFirst(trie: Trie): number[] {
  const order = [ROOT];
  for (let head = 0; head < order.length; head++) {
    for (const child of (trie.children[order[head] as number] as Map<number, number>).values())
      order.push(child);
  }
  return order;
}

/** Classic failure links, in breadth-first order so a parent's link is known before its children's. */
function failureLinks(trie: Trie, order: readonly number[]): Int32Array {
  const fail = new Int32Array(trie.children.length);
  for (const node of order) {
    for (const [symbol, child] of trie.children[node] as Map<number, number>) {
      if (node === ROOT) {
        fail[child] = ROOT;
        continue;
      }
      let candidate = fail[node] as number;
      while (candidate !== ROOT && !(trie.children[candidate] as Map<number, number>).has(symbol)) {
        candidate = fail[candidate] as number;
      }
      const target = (trie.children[candidate] as Map<number, number>).get(symbol);
      fail[child] = target !== undefined && target !== child ? target : ROOT;
    }
  }
  return fail;
}

/**
 * Double-array placement, first fit: for each state (breadth-first) find the smallest base ≥ 0
 * at which all its children's slots are free. The root goes first at slot 0 with base 0.
 */
function placeStates(
  trie: Trie,
  order: readonly number[],
  states: number,
): { position: Int32Array; base: Int32Array; end: number } {
  const position = new Int32Array(states);
  const base = new Int32Array(states);
  let used = new Uint8Array(Math.max(1024, states * 2));
  used[0] = 1; // the root
  let firstFree = 1;
  let end = 1;
  for (const node of order) {
    const symbols = [...(trie.children[node] as Map<number, number>).keys()].sort((a, b) => a - b);
    if (symbols.length === 0) continue; // a leaf keeps base 0: every lookup from it misses
    const lowest = symbols[0] as number;
    const highest = symbols[symbols.length - 1] as number;
    let slot = Math.max(firstFree, lowest);
    for (; ; slot++) {
      if (slot + highest - lowest >= used.length) {
        const grown = new Uint8Array((slot + highest) * 2);
        grown.set(used);
        used = grown;
      }
      if (used[slot] !== 0) continue;
      const candidate = slot - lowest;
      if (symbols.every((symbol) => used[candidate + symbol] === 0)) break;
    }
    const nodeBase = slot - lowest;
    base[node] = nodeBase;
    for (const symbol of symbols) {
      const at = nodeBase + symbol;
      used[at] = 1;
      position[(trie.children[node] as Map<number, number>).get(symbol) as number] = at;
      if (at + 1 > end) end = at + 1;
    }
    while (firstFree < used.length && used[firstFree] !== 0) firstFree++;
  }
  return { position, base, end };
}

/** Per state, own phrases then those of its failure target (already complete: breadth-first). */
function flattenOutputs(
  trie: Trie,
  order: readonly number[],
  fail: Int32Array,
  position: Int32Array,
  size: number,
): { start: Int32Array; outputs: Int32Array } {
  const lists: (readonly number[])[] = new Array<readonly number[]>(trie.children.length);
  lists[ROOT] = [];
  let total = 0;
  for (const node of order) {
    if (node === ROOT) continue;
    const inherited = lists[fail[node] as number] as readonly number[];
    const own = trie.own[node] as number[];
    const list = own.length === 0 ? inherited : inherited.length === 0 ? own : [...own, ...inherited];
    lists[node] = list;
    total += list.length;
  }
  const counts = new Int32Array(size + 1);
  for (let node = 0; node < lists.length; node++) {
    counts[(position[node] as number) + 1] = (lists[node] as readonly number[]).length;
  }
  const start = new Int32Array(size + 1);
  for (let at = 1; at <= size; at++) start[at] = (start[at - 1] as number) + (counts[at] as number);
  const outputs = new Int32Array(total);
  for (let node = 0; node < lists.length; node++) {
    outputs.set(lists[node] as readonly number[], start[position[node] as number] as number);
  }
  return { start, outputs };
}
