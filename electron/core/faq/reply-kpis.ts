/**
 * Reply KPIs of a show (seed 002: reply within 30 s, resolve 92 %). One accumulator serves both
 * ways of computing them: fed a stored show's question records in arrival order (computeReplyKpis),
 * or kept running for the current show and told of each new question and each settled group, so
 * a push never rescans 100k questions.
 *
 * Definitions: questions excludes dismissed ones; resolutionRate = answered ÷ questions;
 * response time = seen_at → answered_at; median and p90 by nearest rank (the ⌈p·n⌉-th smallest);
 * within30sRate = answered within REPLY_TARGET_MS (inclusive) ÷ questions.
 */
import {
  REPLY_TARGET_MS,
  type ReplyKpis,
  type TopQuestion,
  type UnansweredQuestion,
} from '../../../shared/api/replies.js';
import { parseSuggestions, type QuestionRecord, type QuestionsRepo } from '../store/questions-repo.js';

export const TOP_GROUPS = 10;
export const MAX_UNANSWERED = 50;

interface GroupTotals {
  /** The group's first question. */
  text: string;
  faqId: string | null;
  /** Questions not dismissed. */
  count: number;
  answered: number;
  firstSeenAt: number;
}

interface PendingTotals {
  text: string;
  faqId: string | null;
  count: number;
  firstSeenAt: number;
}

/** The ⌈p·n⌉-th smallest of an ascending list; null when empty. */
export function nearestRank(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[rank - 1] as number;
}

/** Merges ascending `more` into ascending `into` in place: O(n + m), no full re-sort. */
function mergeSorted(into: number[], more: readonly number[]): void {
  let i = into.length - 1;
  let j = more.length - 1;
  into.length += more.length;
  for (let k = into.length - 1; j >= 0; k--) {
    if (i >= 0 && (into[i] as number) > (more[j] as number)) into[k] = into[i--] as number;
    else into[k] = more[j--] as number;
  }
}

export class ReplyKpiAccumulator {
  private questions = 0;
  private answered = 0;
  private dismissed = 0;
  private pending = 0;
  private within = 0;
  /** Response times, ascending (kept sorted by merging each settled group's). */
  private readonly responses: number[] = [];
  private readonly unsorted: number[] = [];
  private readonly groups = new Map<string, GroupTotals>();
  /** Groups with pending questions, in the order their oldest pending question arrived. */
  private readonly pendingGroups = new Map<string, PendingTotals>();

  /** A question as it stands (a new one is pending; a restored one may be settled already). */
  add(q: QuestionRecord): void {
    let group = this.groups.get(q.groupKey);
    if (!group) {
      group = { text: q.text, faqId: q.faqId, count: 0, answered: 0, firstSeenAt: q.seenAt };
      this.groups.set(q.groupKey, group);
    }
    if (q.state === 'dismissed') {
      this.dismissed++;
      return;
    }
    this.questions++;
    group.count++;
    if (q.state === 'answered') {
      this.answered++;
      group.answered++;
      const ms = Math.max(0, (q.answeredAt ?? q.seenAt) - q.seenAt);
      if (ms <= REPLY_TARGET_MS) this.within++;
      this.unsorted.push(ms); // sorted once when read: restoring a show adds many at once
      return;
    }
    this.pending++;
    const waiting = this.pendingGroups.get(q.groupKey);
    if (waiting) waiting.count++;
    else
      this.pendingGroups.set(q.groupKey, { text: q.text, faqId: q.faqId, count: 1, firstSeenAt: q.seenAt });
  }

  /** Every pending question of a group was answered at `at`; `seenAts` are theirs. */
  answer(groupKey: string, seenAts: readonly number[], at: number): void {
    const group = this.groups.get(groupKey);
    if (!group || seenAts.length === 0) return;
    const times = seenAts.map((seenAt) => Math.max(0, at - seenAt)).sort((a, b) => a - b);
    for (const ms of times) if (ms <= REPLY_TARGET_MS) this.within++;
    this.flushUnsorted();
    mergeSorted(this.responses, times);
    this.answered += times.length;
    group.answered += times.length;
    this.pending -= times.length;
    this.pendingGroups.delete(groupKey);
  }

  /** Every pending question of a group was dismissed: they leave the questions' count. */
  dismiss(groupKey: string, count: number): void {
    const group = this.groups.get(groupKey);
    if (!group || count === 0) return;
    this.dismissed += count;
    this.questions -= count;
    this.pending -= count;
    group.count -= count;
    this.pendingGroups.delete(groupKey);
  }

  private flushUnsorted(): void {
    if (this.unsorted.length === 0) return;
    this.unsorted.sort((a, b) => a - b);
    mergeSorted(this.responses, this.unsorted);
    this.unsorted.length = 0;
  }

  result(showId: string | null): ReplyKpis {
    this.flushUnsorted();
    const ratio = (n: number) => (this.questions > 0 ? n / this.questions : null);
    return {
      showId,
      questions: this.questions,
      answered: this.answered,
      dismissed: this.dismissed,
      pending: this.pending,
      resolutionRate: ratio(this.answered),
      medianResponseMs: nearestRank(this.responses, 0.5),
      p90ResponseMs: nearestRank(this.responses, 0.9),
      within30sRate: ratio(this.within),
      top: this.topGroups(),
      unanswered: this.unansweredGroups(),
    };
  }

  /** Most asked first; equal counts: the group asked first. One pass, no sort of every group. */
  private topGroups(): TopQuestion[] {
    const best: [string, GroupTotals][] = [];
    const before = (a: GroupTotals, b: GroupTotals) =>
      a.count > b.count || (a.count === b.count && a.firstSeenAt < b.firstSeenAt);
    for (const entry of this.groups) {
      const group = entry[1];
      if (group.count === 0) continue;
      const last = best[best.length - 1];
      if (best.length === TOP_GROUPS && last && !before(group, last[1])) continue;
      let at = best.length;
      while (at > 0 && before(group, (best[at - 1] as [string, GroupTotals])[1])) at--;
      best.splice(at, 0, entry);
      if (best.length > TOP_GROUPS) best.pop();
    }
    return best.map(([groupKey, g]) => ({
      groupKey,
      text: g.text,
      faqId: g.faqId,
      count: g.count,
      answered: g.answered,
    }));
  }

  private unansweredGroups(): UnansweredQuestion[] {
    const list: UnansweredQuestion[] = [];
    for (const [groupKey, g] of this.pendingGroups) {
      if (list.length === MAX_UNANSWERED) break;
      list.push({ groupKey, text: g.text, faqId: g.faqId, count: g.count, firstSeenAt: g.firstSeenAt });
    }
    return list;
  }
}

/** KPIs of a stored show from its question records (arrival order). */
export function computeReplyKpis(showId: string | null, records: Iterable<QuestionRecord>): ReplyKpis {
  const acc = new ReplyKpiAccumulator();
  for (const record of records) acc.add(record);
  return acc.result(showId);
}

/** A stored show's question records: the suggestions JSON is parsed once per group (its first). */
export function* storedRecords(repo: QuestionsRepo, showId: string): Generator<QuestionRecord> {
  const faqIds = new Map<string, string | null>();
  for (const [groupKey, text, , seenAt, state, answeredAt, suggestions] of repo.restoreRows(showId)) {
    let faqId = faqIds.get(groupKey);
    if (faqId === undefined) {
      faqId = parseSuggestions(suggestions)[0]?.faqId ?? null;
      faqIds.set(groupKey, faqId);
    }
    yield { groupKey, text, faqId, state, seenAt, answeredAt };
  }
}
