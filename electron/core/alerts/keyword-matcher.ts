/**
 * Which keyword rules a comment satisfies, in one pass of one automaton over every enabled
 * rule's phrases: anyOf (≥ 1 when listed) AND allOf (all) AND NOT noneOf, AND the pattern (on the
 * folded text) when set. Only rules one of whose required phrases occurred are looked at, so a
 * comment that mentions none costs the scan and nothing else; nothing is allocated per comment
 * unless a rule matches.
 */
import type { KeywordRule } from '../../../shared/alerts/rules.js';
import { foldText } from '../../../shared/text/fold.js';
import { KeywordAutomaton } from './keyword-automaton.js';

interface CompiledRule {
  any: Int32Array;
  all: Int32Array;
  none: Int32Array;
  pattern: RegExp | null;
}

/** Called per satisfied rule with its index and the rule's phrases the comment contains. */
export type RuleMatchHandler = (rule: number, phrases: readonly string[]) => void;

export class KeywordMatcher {
  private readonly automaton: KeywordAutomaton;
  /** Folded phrase per id, and how the first rule that used it spelled it (shown as 热词). */
  private readonly folded: string[] = [];
  private readonly display: string[] = [];
  private readonly compiled: CompiledRule[];
  /** Per phrase: the rules that need it (anyOf or allOf) — the only ones worth checking. */
  private readonly triggers: Int32Array[];
  /** Rules with a pattern and no phrase: checked on every comment. */
  private readonly patternOnly: number[];
  private readonly seen: Uint32Array;
  private readonly ruleSeen: Uint32Array;
  private generation = 0;
  private readonly hits: number[] = [];
  private readonly candidates: number[] = [];
  private readonly onPhrase = (phrase: number): void => {
    if (this.seen[phrase] === this.generation) return;
    this.seen[phrase] = this.generation;
    this.hits.push(phrase);
  };

  constructor(readonly rules: readonly KeywordRule[]) {
    const ids = new Map<string, number>();
    const idOf = (phrase: string): number => {
      const key = foldText(phrase);
      let id = ids.get(key);
      if (id === undefined) {
        id = this.folded.length;
        ids.set(key, id);
        this.folded.push(key);
        this.display.push(phrase.trim());
      }
      return id;
    };
    this.compiled = rules.map((rule) => ({
      any: Int32Array.from(rule.anyOf, idOf),
      all: Int32Array.from(rule.allOf, idOf),
      none: Int32Array.from(rule.noneOf, idOf),
      pattern: rule.pattern ? new RegExp(rule.pattern, 'u') : null,
    }));
    const triggers: number[][] = this.folded.map(() => []);
    this.patternOnly = [];
    this.compiled.forEach((rule, index) => {
      const needed = new Set([...rule.any, ...rule.all]);
      if (needed.size === 0) this.patternOnly.push(index);
      for (const phrase of needed) (triggers[phrase] as number[]).push(index);
    });
    this.triggers = triggers.map((list) => Int32Array.from(list));
    this.automaton = new KeywordAutomaton(this.folded);
    this.seen = new Uint32Array(this.folded.length);
    this.ruleSeen = new Uint32Array(rules.length);
  }

  get phraseCount(): number {
    return this.folded.length;
  }

  /** Calls onMatch for every rule `text` satisfies, in rule order. */
  match(text: string, onMatch: RuleMatchHandler): void {
    this.generation = (this.generation + 1) >>> 0;
    if (this.generation === 0) {
      this.seen.fill(0);
      this.ruleSeen.fill(0);
      this.generation = 1;
    }
    const generation = this.generation;
    const { hits, candidates, ruleSeen } = this;
    hits.length = 0;
    candidates.length = 0;
    if (this.folded.length > 0) this.automaton.forEachMatch(text, this.onPhrase);
    for (const phrase of hits) {
      for (const rule of this.triggers[phrase] as Int32Array) {
        if (ruleSeen[rule] === generation) continue;
        ruleSeen[rule] = generation;
        candidates.push(rule);
      }
    }
    for (const rule of this.patternOnly) candidates.push(rule);
    if (candidates.length === 0) return;
    if (candidates.length > 1) candidates.sort((a, b) => a - b);
    let folded: string | null = null;
    for (const index of candidates) {
      const rule = this.compiled[index] as CompiledRule;
      if (rule.any.length > 0 && !rule.any.some((p) => this.seen[p] === generation)) continue;
      if (!rule.all.every((p) => this.seen[p] === generation)) continue;
      if (rule.none.some((p) => this.seen[p] === generation)) continue;
      if (rule.pattern) {
        folded ??= foldText(text);
        if (!rule.pattern.test(folded)) continue;
      }
      onMatch(index, this.phrasesOf(rule, generation));
    }
  }

  /**
   * The rule's phrases in the comment, without those inside a longer one that also matched
   * (酒红色 counts once, not also as 红色): what {热词} is chosen from.
   */
  private phrasesOf(rule: CompiledRule, generation: number): string[] {
    const found: number[] = [];
    for (const list of [rule.any, rule.all]) {
      for (const p of list) if (this.seen[p] === generation && !found.includes(p)) found.push(p);
    }
    const folded = this.folded;
    return found
      .filter((p) => !found.some((q) => q !== p && (folded[q] as string).includes(folded[p] as string)))
      .map((p) => this.display[p] as string);
  }
}
