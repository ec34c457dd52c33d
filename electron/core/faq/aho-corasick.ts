/**
 * Aho–Corasick multi-pattern search over UTF-16 code units: every occurrence of every pattern,
 * overlapping ones included (多少钱 and 少钱 both), in one pass over the text. Built once per
 * library; search cost is linear in the text plus the number of matches.
 */

export interface PatternMatch {
  /** Index into the patterns given to the constructor. */
  pattern: number;
  start: number;
  /** Exclusive. */
  end: number;
}

const ROOT = 0;

export class AhoCorasick {
  private readonly next: Map<number, number>[] = [new Map()];
  private readonly fail: number[] = [ROOT];
  /** Patterns ending exactly at this state. */
  private readonly own: number[][] = [[]];
  /** Nearest state on the failure chain that has patterns of its own (-1: none). */
  private readonly outputLink: number[] = [-1];
  private readonly lengths: number[];

  constructor(patterns: readonly string[]) {
    this.lengths = patterns.map((p) => p.length);
    patterns.forEach((pattern, index) => {
      if (pattern.length === 0) return; // matches nowhere useful
      let state = ROOT;
      for (let i = 0; i < pattern.length; i++) {
        const code = pattern.charCodeAt(i);
        let to = this.next[state]?.get(code);
        if (to === undefined) {
          to = this.next.length;
          this.next.push(new Map());
          this.fail.push(ROOT);
          this.own.push([]);
          this.outputLink.push(-1);
          (this.next[state] as Map<number, number>).set(code, to);
        }
        state = to;
      }
      (this.own[state] as number[]).push(index);
    });
    this.linkFailures();
  }

  get stateCount(): number {
    return this.next.length;
  }

  /** Breadth-first, so a state's failure target is always finished before the state. */
  private linkFailures(): void {
    const queue: number[] = [];
    for (const child of (this.next[ROOT] as Map<number, number>).values()) queue.push(child);
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head] as number;
      for (const [code, child] of this.next[state] as Map<number, number>) {
        queue.push(child);
        let f = this.fail[state] as number;
        while (f !== ROOT && !(this.next[f] as Map<number, number>).has(code)) f = this.fail[f] as number;
        const target = (this.next[f] as Map<number, number>).get(code);
        const failTo = target !== undefined && target !== child ? target : ROOT;
        this.fail[child] = failTo;
        this.outputLink[child] =
          (this.own[failTo] as number[]).length > 0 ? failTo : (this.outputLink[failTo] as number);
      }
    }
  }

  /** Calls onMatch(pattern, end) for each occurrence; `end` is exclusive. No allocation. */
  forEachMatch(text: string, onMatch: (pattern: number, end: number) => void): void {
    let state = ROOT;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      let to = (this.next[state] as Map<number, number>).get(code);
      while (to === undefined && state !== ROOT) {
        state = this.fail[state] as number;
        to = (this.next[state] as Map<number, number>).get(code);
      }
      state = to ?? ROOT;
      for (let s = state; s !== -1; s = this.outputLink[s] as number) {
        for (const pattern of this.own[s] as number[]) onMatch(pattern, i + 1);
      }
    }
  }

  findAll(text: string): PatternMatch[] {
    const matches: PatternMatch[] = [];
    this.forEachMatch(text, (pattern, end) => {
      matches.push({ pattern, start: end - (this.lengths[pattern] as number), end });
    });
    return matches;
  }
}
