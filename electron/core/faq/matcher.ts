/**
 * Suggests FAQ entries for a comment. Built once from a library: every enabled entry's
 * triggers are normalised and put into one Aho–Corasick automaton, so matching a comment is a
 * single pass whatever the library's size.
 *
 * Score of an entry for a comment = weighted characters of the comment its triggers cover
 * (overlaps counted once) + LONGEST_WEIGHT × its longest matched trigger (weighted the same way)
 * + the category's prior. Coverage rewards entries whose phrases explain more of the comment; the
 * longest-trigger term prefers one specific phrase (什么时候补货) over two generic ones. Question
 * words (什么, 哪, 几, 能, 吗 …) weigh half: in 粉丝券怎么领 the topic 粉丝券 says more than the
 * frame 怎么领. Priors only break near-ties towards the topics viewers ask most (seed 002: 尺码,
 * 发货, 优惠). Equal scores keep library order.
 */
import { normaliseText } from '../../../shared/text/normalise.js';
import { AhoCorasick } from './aho-corasick.js';
import type { FaqCategory, FaqEntry } from '../../../shared/faq/entry.js';
import { isQuestion } from './question.js';

export interface FaqSuggestion {
  entryId: string;
  score: number;
}

export interface MatchAnalysis {
  /** Best first, at most topK. */
  suggestions: FaqSuggestion[];
  /** Positions (ascending) of the characters the top suggestion's triggers cover; [] with none. */
  topCovered: number[];
}

const LONGEST_WEIGHT = 0.5;

/** Characters that frame a question rather than name its topic: they count half. */
const FRAME_CHARACTERS = '什么怎哪几吗呢多少能可以是有还要的个吧啊呀';
const FRAME_WEIGHT = 0.5;
/** Each code unit's weight, looked up by code: no string per character on the ingest path. */
const WEIGHT_OF_CODE = new Float64Array(0x10000).fill(1);
for (let i = 0; i < FRAME_CHARACTERS.length; i++)
  WEIGHT_OF_CODE[FRAME_CHARACTERS.charCodeAt(i)] = FRAME_WEIGHT;

function characterWeight(ch: string): number {
  return WEIGHT_OF_CODE[ch.charCodeAt(0)] as number;
}

const CATEGORY_PRIOR: Readonly<Record<FaqCategory, number>> = {
  size: 0.2,
  shipping: 0.2,
  price: 0.15,
  stock: 0.15,
  aftersales: 0.1,
  quality: 0.05,
  gift: 0.05,
  usage: 0.05,
  other: 0,
};

interface Scored {
  hit: Hit;
  score: number;
}

interface Hit {
  entry: number;
  /** Bit i set: character i of the comment is covered (comments longer than 32 use `covered`). */
  mask: number;
  covered: Set<number> | null;
  /** Weighted length of the longest matched trigger. */
  longest: number;
}

export class FaqMatcher {
  private readonly automaton: AhoCorasick;
  /** Per pattern: its length, its weighted length and the entries (indexes) that use it. */
  private readonly patternLength: number[] = [];
  private readonly patternWeight: number[] = [];
  private readonly patternEntries: number[][] = [];
  private readonly entryIds: string[] = [];
  private readonly entryPrior: number[] = [];

  constructor(entries: readonly FaqEntry[]) {
    const patternIndex = new Map<string, number>();
    for (const entry of entries) {
      if (!entry.enabled) continue;
      const entryIndex = this.entryIds.length;
      this.entryIds.push(entry.id);
      this.entryPrior.push(CATEGORY_PRIOR[entry.category]);
      for (const trigger of new Set(entry.triggers.map(normaliseText))) {
        if (trigger.length === 0) continue;
        let index = patternIndex.get(trigger);
        if (index === undefined) {
          index = this.patternLength.length;
          patternIndex.set(trigger, index);
          this.patternLength.push(trigger.length);
          this.patternWeight.push([...trigger].reduce((sum, ch) => sum + characterWeight(ch), 0));
          this.patternEntries.push([]);
        }
        (this.patternEntries[index] as number[]).push(entryIndex);
      }
    }
    this.automaton = new AhoCorasick([...patternIndex.keys()]);
  }

  get entryCount(): number {
    return this.entryIds.length;
  }

  get patternCount(): number {
    return this.patternLength.length;
  }

  /** Normalises `text`, then matches it (no question check: see suggest). */
  match(text: string, topK = 3): FaqSuggestion[] {
    return this.matchNormalised(normaliseText(text), topK);
  }

  /** Reply suggestions for a raw comment: only for questions. */
  suggest(text: string, topK = 3): FaqSuggestion[] {
    const normalised = normaliseText(text);
    return isQuestion(normalised) ? this.matchNormalised(normalised, topK) : [];
  }

  /** For text already passed through normaliseText (the ingest path normalises once). */
  matchNormalised(normalised: string, topK = 3): FaqSuggestion[] {
    return this.rank(normalised, topK).map((s) => this.suggestionOf(s));
  }

  /**
   * Suggestions plus which characters of `normalised` the top entry's triggers cover, so the
   * question tracker can tell what a question asks beyond the FAQ topic (红色 in 红色还有吗).
   */
  analyse(normalised: string, topK = 3): MatchAnalysis {
    const ranked = this.rank(normalised, topK);
    const top = ranked[0];
    const topCovered: number[] = [];
    if (top?.hit.covered) topCovered.push(...[...top.hit.covered].sort((a, b) => a - b));
    else if (top) for (let m = top.hit.mask, i = 0; m !== 0; m >>>= 1, i++) if (m & 1) topCovered.push(i);
    return { suggestions: ranked.map((s) => this.suggestionOf(s)), topCovered };
  }

  private suggestionOf(s: Scored): FaqSuggestion {
    return { entryId: this.entryIds[s.hit.entry] as string, score: Math.round(s.score * 1000) / 1000 };
  }

  /** The best `topK` entries with their hits, best first (ties: library order). */
  private rank(normalised: string, topK: number): Scored[] {
    if (topK <= 0 || normalised.length === 0) return [];
    const hits = new Map<number, Hit>();
    const wide = normalised.length > 32;
    this.automaton.forEachMatch(normalised, (pattern, end) => {
      const length = this.patternLength[pattern] as number;
      const weight = this.patternWeight[pattern] as number;
      for (const entry of this.patternEntries[pattern] as number[]) {
        let hit = hits.get(entry);
        if (!hit) {
          hit = { entry, mask: 0, covered: wide ? new Set() : null, longest: 0 };
          hits.set(entry, hit);
        }
        for (let i = end - length; i < end; i++) {
          if (hit.covered) hit.covered.add(i);
          else hit.mask |= 1 << i;
        }
        if (weight > hit.longest) hit.longest = weight;
      }
    });
    if (hits.size === 0) return [];
    const weights = new Float64Array(normalised.length);
    for (let i = 0; i < normalised.length; i++)
      weights[i] = WEIGHT_OF_CODE[normalised.charCodeAt(i)] as number;
    const scored: Scored[] = [];
    for (const hit of hits.values()) {
      let covered = 0;
      if (hit.covered) for (const i of hit.covered) covered += weights[i] as number;
      else for (let m = hit.mask, i = 0; m !== 0; m >>>= 1, i++) if (m & 1) covered += weights[i] as number;
      const score = covered + LONGEST_WEIGHT * hit.longest + (this.entryPrior[hit.entry] as number);
      scored.push({ hit, score });
    }
    scored.sort((a, b) => b.score - a.score || a.hit.entry - b.hit.entry);
    return scored.slice(0, topK);
  }
}
