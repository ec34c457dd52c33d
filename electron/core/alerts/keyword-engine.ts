/**
 * Keyword alerts: stored comments (post-dedupe, oldest first) → the rules they satisfy
 * (KeywordMatcher, one automaton pass each) → per rule, a sliding window on the FEED clock (the
 * comments' ts, so a replay at 10× behaves like the show). A rule fires when its window holds
 * ≥ minCount matching comments from ≥ minDistinctUsers viewers; while its alert is open, matches
 * grow that alert instead (alert-tracker.ts).
 */
import type { CommentRow } from '../../../shared/api/contract.js';
import { MAX_ALERT_SAMPLES, type AlertEvidence } from '../../../shared/api/alerts.js';
import type { KeywordRule } from '../../../shared/alerts/rules.js';
import type { AlertTracker } from './alert-tracker.js';
import { KeywordMatcher } from './keyword-matcher.js';
import { keywordGrowMessage, keywordRaiseMessage } from './messages.js';

/** A window never holds more than this many comments (one spammer at 2,000/s for an hour). */
export const MAX_WINDOW_ENTRIES = 50_000;

interface WindowEntry {
  comment: CommentRow;
  phrases: readonly string[];
}

/** Matching comments of one rule not yet part of an alert, oldest first. */
class RuleWindow {
  private entries: WindowEntry[] = [];
  private head = 0;
  private readonly users = new Map<string, number>();

  get count(): number {
    return this.entries.length - this.head;
  }

  get distinctUsers(): number {
    return this.users.size;
  }

  add(entry: WindowEntry, windowMs: number): void {
    this.entries.push(entry);
    const userId = entry.comment.userId;
    this.users.set(userId, (this.users.get(userId) ?? 0) + 1);
    const from = entry.comment.ts - windowMs;
    while (this.head < this.entries.length) {
      const oldest = this.entries[this.head] as WindowEntry;
      if (oldest.comment.ts > from && this.count <= MAX_WINDOW_ENTRIES) break;
      this.head++;
      const left = (this.users.get(oldest.comment.userId) ?? 1) - 1;
      if (left === 0) this.users.delete(oldest.comment.userId);
      else this.users.set(oldest.comment.userId, left);
    }
    // Compact now and then rather than shifting on every comment.
    if (this.head > 1024 && this.head * 2 > this.entries.length) {
      this.entries = this.entries.slice(this.head);
      this.head = 0;
    }
  }

  /** The window's comments (oldest first), and the window emptied: they now belong to an alert. */
  take(): { entries: WindowEntry[]; users: string[] } {
    const entries = this.entries.slice(this.head);
    const users = [...this.users.keys()];
    this.entries = [];
    this.head = 0;
    this.users.clear();
    return { entries, users };
  }
}

export const evidenceOf = (c: CommentRow): AlertEvidence => ({
  commentId: c.id,
  userId: c.userId,
  nickname: c.nickname,
  text: c.text,
  ts: c.ts,
});

export class KeywordEngine {
  private readonly matcher: KeywordMatcher;
  private readonly windows: RuleWindow[];
  private current: CommentRow | null = null;
  private readonly onMatch = (index: number, phrases: readonly string[]): void => {
    this.handle(index, phrases, this.current as CommentRow);
  };

  /** `rules`: the enabled, unmuted keyword rules. */
  constructor(
    readonly rules: readonly KeywordRule[],
    private readonly tracker: AlertTracker,
  ) {
    this.matcher = new KeywordMatcher(rules);
    this.windows = rules.map(() => new RuleWindow());
  }

  get phraseCount(): number {
    return this.matcher.phraseCount;
  }

  /** One flush's stored comments, oldest first. */
  onComments(comments: readonly CommentRow[]): void {
    if (this.rules.length === 0) return;
    for (const comment of comments) {
      this.current = comment;
      this.matcher.match(comment.text, this.onMatch);
    }
    this.current = null;
  }

  private handle(index: number, phrases: readonly string[], comment: CommentRow): void {
    const rule = this.rules[index] as KeywordRule;
    const cooldownMs = rule.cooldownSec * 1000;
    const episode = this.tracker.current(rule.id, comment.ts, cooldownMs);
    if (episode) {
      this.tracker.grow(episode, {
        clock: comment.ts,
        userId: comment.userId,
        sample: evidenceOf(comment),
        phrases,
        message: (grown) => keywordGrowMessage(grown.alert.count, grown.users.size, grown.hot),
      });
      return;
    }
    const window = this.windows[index] as RuleWindow;
    window.add({ comment, phrases }, rule.windowSec * 1000);
    if (window.count < rule.minCount || window.distinctUsers < rule.minDistinctUsers) return;
    if (!this.tracker.mayRaise(rule.id, comment.ts, cooldownMs)) return;
    const { entries, users } = window.take();
    const hot = new Map<string, number>();
    for (const entry of entries) for (const p of entry.phrases) hot.set(p, (hot.get(p) ?? 0) + 1);
    this.tracker.raise(rule, {
      clock: comment.ts,
      feedTs: comment.ts,
      message: keywordRaiseMessage(rule.windowSec, entries.length, users.length, hot),
      count: entries.length,
      users,
      samples: entries
        .slice(-MAX_ALERT_SAMPLES)
        .reverse()
        .map((e) => evidenceOf(e.comment)),
      hot,
    });
  }
}
