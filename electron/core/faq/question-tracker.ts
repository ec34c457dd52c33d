/**
 * The reply workflow's live state: viewer questions detected in each stored flush, grouped
 * (grouping.ts), kept pending in memory for the current show until one answer settles a group,
 * and written to SQLite — one transaction per flush, with the suggested entries' counters.
 *
 * Runs in the pipeline's onStored, in the same tick: normalise once, isQuestion, one matcher
 * pass. Writes never throw into the pipeline: a write that fails (disk full) stays queued in
 * order — inserts and settlements alike — and is retried on the next flush, on a timer, and at
 * stop; the questions stay pending in memory meanwhile, so nothing is lost.
 */
import type { CommentRow } from '../../../shared/api/contract.js';
import {
  MAX_PENDING_GROUPS,
  type FaqSuggestion,
  type PendingGroup,
  type RepliesState,
  type ReplyKpis,
} from '../../../shared/api/replies.js';
import { normaliseText } from '../../../shared/text/normalise.js';
import { describeStorageError, isTransientStorageError } from '../ingest/storage-errors.js';
import { parseSuggestions, type NewQuestion, type QuestionSettlement } from '../store/questions-repo.js';
import type { Store } from '../store/store.js';
import { InlineStoreWriter, type StoreWriter, type WriteOutcome } from '../store/writer.js';
import { groupKeyOf } from './grouping.js';
import type { FaqLibraryService } from './library.js';
import { isQuestion } from './question.js';
import { ReplyKpiAccumulator, computeReplyKpis, storedRecords } from './reply-kpis.js';

export const MAX_NICKNAMES = 5;
/** Suggestions kept per question. */
const TOP_K = 3;
/** After this many failures of a write that is not failing for a passing reason, drop it. */
const MAX_HARD_FAILURES = 3;
/** Questions kept waiting for storage at most; beyond it the oldest writes are given up. */
const MAX_UNWRITTEN_QUESTIONS = 200_000;
/** At most this many questions go to the writer in one transaction (several queued inserts). */
const MAX_QUESTIONS_PER_WRITE = 20_000;

export interface QuestionTrackerOptions {
  store: Store;
  /** Where questions are written (default: at once, on the store's connection). */
  writer?: StoreWriter;
  library: FaqLibraryService;
  /** The show the pipeline is on (questions of other shows are stored, not tracked). */
  currentShowId: () => string | null;
  now?: () => number;
  retryMs?: number;
}

interface GroupState {
  key: string;
  /** Pending questions in the group. */
  count: number;
  /**
   * When its first pending question reached LiveDesk. Each question's own time is in SQLite and
   * read back when the group is answered (pendingSeenAts): holding one number per pending
   * question here grew the heap by ~8 MB per hour of an 8-hour show nobody answered (bench soak).
   */
  firstSeenAt: number;
  lastSeenAt: number;
  nicknames: string[];
  text: string;
  latestText: string;
  suggestions: FaqSuggestion[];
}

/** What a pending group keeps of each question. */
type PendingQuestion = Pick<NewQuestion, 'groupKey' | 'text' | 'nickname' | 'seenAt' | 'suggestions'>;

type Write =
  | { kind: 'insert'; questions: NewQuestion[]; suggested: Map<string, number> }
  | ({ kind: 'settle' } & QuestionSettlement);

export class QuestionTracker {
  private showId: string | null = null;
  private groups = new Map<string, GroupState>();
  private pendingQuestions = 0;
  private kpis = new ReplyKpiAccumulator();
  private readonly writer: StoreWriter;
  /** Writes not yet committed, in order; the first `writing` of them are with the writer. */
  private readonly unwritten: Write[] = [];
  private writing = 0;
  /** A write of several inserts failed: write one at a time until one succeeds. */
  private oneByOne = false;
  private unwrittenQuestions = 0;
  private hardFailures = 0;
  private retryTimer: NodeJS.Timeout | null = null;
  private stopped = false;
  private cached: { version: number; state: RepliesState } | null = null;
  private readonly now: () => number;
  /** Bumped whenever the replies state changes (the service pushes on a change). */
  version = 0;
  /** Why questions are waiting for storage, or null. */
  writeError: string | null = null;
  /** Questions given up because storage stayed broken (also logged). */
  droppedQuestions = 0;

  constructor(private readonly opts: QuestionTrackerOptions) {
    this.now = opts.now ?? Date.now;
    this.writer = opts.writer ?? new InlineStoreWriter(opts.store);
  }

  /** Questions waiting to be written. */
  get waiting(): number {
    return this.unwrittenQuestions;
  }

  /** The pipeline stored `rows` of `showId`: detect, group and record their questions. */
  onStored(rows: readonly CommentRow[], showId: string): void {
    this.sync();
    const seenAt = this.now();
    const matcher = this.opts.library.matcher;
    const questions: NewQuestion[] = [];
    const suggested = new Map<string, number>();
    for (const row of rows) {
      const normalised = normaliseText(row.text);
      if (!isQuestion(normalised)) continue;
      const { suggestions, topCovered } = matcher.analyse(normalised, TOP_K);
      const top = suggestions[0]?.entryId ?? null;
      questions.push({
        showId,
        commentId: row.id,
        ts: row.ts,
        seenAt,
        userId: row.userId,
        nickname: row.nickname,
        text: row.text,
        groupKey: groupKeyOf(normalised, top, topCovered),
        suggestions: suggestions.map((s) => ({ faqId: s.entryId, score: s.score })),
      });
      for (const s of suggestions) suggested.set(s.entryId, (suggested.get(s.entryId) ?? 0) + 1);
    }
    if (questions.length === 0) {
      this.pump(); // a write that failed earlier is tried again with each flush
      return;
    }
    this.opts.library.noteSuggested(suggested);
    if (showId === this.showId) {
      for (const q of questions) this.track(q);
      this.version++;
    }
    this.queue({ kind: 'insert', questions, suggested });
  }

  /** Marks every pending question of the group answered; returns how many. */
  answer(groupKey: string, faqId: string | null): number {
    return this.settle(groupKey, 'answered', faqId);
  }

  /** Not a question after all: the group leaves the pending list and the KPIs' denominator. */
  dismiss(groupKey: string): number {
    return this.settle(groupKey, 'dismissed', null);
  }

  private settle(groupKey: string, state: 'answered' | 'dismissed', faqId: string | null): number {
    this.sync();
    const group = this.groups.get(groupKey);
    if (!group || this.showId === null) return 0;
    const at = this.now();
    const count = group.count;
    // Read before the settle is queued: it marks these questions answered.
    const seenAts = state === 'answered' ? this.pendingSeenAts(this.showId, group) : [];
    this.groups.delete(groupKey);
    this.pendingQuestions -= count;
    if (state === 'answered') {
      this.kpis.answer(groupKey, seenAts, at);
      if (faqId !== null) this.opts.library.noteUsed(faqId, at);
    } else {
      this.kpis.dismiss(groupKey, count);
    }
    this.version++;
    this.queue({ kind: 'settle', showId: this.showId, groupKey, state, at, faqId });
    return count;
  }

  /**
   * When each pending question of the group reached LiveDesk: stored ones from SQLite, plus any
   * still waiting for storage. Questions given up for good (storage broken) count as the group's
   * first, so the KPIs still count every question the group had.
   */
  private pendingSeenAts(showId: string, group: GroupState): number[] {
    this.writeWaiting();
    const seenAts = this.opts.store.questions.pendingSeenAts(showId, group.key);
    for (const write of this.unwritten) {
      if (write.kind !== 'insert') continue;
      for (const q of write.questions)
        if (q.showId === showId && q.groupKey === group.key) seenAts.push(q.seenAt);
    }
    if (seenAts.length > group.count) seenAts.splice(0, seenAts.length - group.count);
    while (seenAts.length < group.count) seenAts.push(group.firstSeenAt);
    return seenAts;
  }

  /** Pending groups (oldest first, capped) and the KPIs of the current show. */
  state(): RepliesState {
    this.sync();
    if (this.cached?.version === this.version) return this.cached.state;
    const pending: PendingGroup[] = [];
    for (const g of this.groups.values()) {
      if (pending.length === MAX_PENDING_GROUPS) break;
      pending.push({
        key: g.key,
        count: g.count,
        firstSeenAt: g.firstSeenAt,
        lastSeenAt: g.lastSeenAt,
        nicknames: [...g.nicknames],
        text: g.text,
        latestText: g.latestText,
        suggestions: g.suggestions.map((s) => ({ ...s })),
      });
    }
    const state: RepliesState = {
      showId: this.showId,
      pending,
      pendingGroups: this.groups.size,
      pendingQuestions: this.pendingQuestions,
      kpis: this.kpis.result(this.showId),
    };
    this.cached = { version: this.version, state };
    return state;
  }

  /** KPIs of any stored show (the current one from memory, others from SQLite). */
  kpisOf(showId: string | undefined): ReplyKpis {
    this.sync();
    if (showId === undefined || showId === this.showId) return this.state().kpis;
    this.writeWaiting();
    return computeReplyKpis(showId, storedRecords(this.opts.store.questions, showId));
  }

  /** Follows the pipeline's show: a new one starts empty, a known one is restored from SQLite. */
  sync(): void {
    const current = this.opts.currentShowId();
    if (current === this.showId) return;
    this.showId = current;
    this.groups = new Map();
    this.pendingQuestions = 0;
    this.kpis = new ReplyKpiAccumulator();
    this.version++;
    if (current === null) return;
    this.writeWaiting(); // what is still queued belongs in the picture we read back
    // A group's suggestions are its first question's: parse the JSON once per group.
    const firstOfGroup = new Map<string, FaqSuggestion[]>();
    for (const row of this.opts.store.questions.restoreRows(current)) {
      const [groupKey, text, nickname, seenAt, state, answeredAt, json] = row;
      let suggestions = firstOfGroup.get(groupKey);
      if (!suggestions) {
        suggestions = parseSuggestions(json);
        firstOfGroup.set(groupKey, suggestions);
      }
      this.kpis.add({ groupKey, text, faqId: suggestions[0]?.faqId ?? null, state, seenAt, answeredAt });
      if (state === 'pending') this.trackPending({ groupKey, text, nickname, seenAt, suggestions });
    }
  }

  /** A new question: pending in its group and counted in the KPIs. */
  private track(q: NewQuestion): void {
    this.trackPending(q);
    this.kpis.add({
      groupKey: q.groupKey,
      text: q.text,
      faqId: q.suggestions[0]?.faqId ?? null,
      state: 'pending',
      seenAt: q.seenAt,
      answeredAt: null,
    });
  }

  private trackPending(q: PendingQuestion): void {
    this.pendingQuestions++;
    const group = this.groups.get(q.groupKey);
    if (!group) {
      this.groups.set(q.groupKey, {
        key: q.groupKey,
        count: 1,
        firstSeenAt: q.seenAt,
        lastSeenAt: q.seenAt,
        nicknames: q.nickname.trim() === '' ? [] : [q.nickname.trim()],
        text: q.text,
        latestText: q.text,
        suggestions: q.suggestions,
      });
      return;
    }
    group.count++;
    group.lastSeenAt = Math.max(group.lastSeenAt, q.seenAt);
    group.latestText = q.text;
    const nickname = q.nickname.trim();
    if (nickname !== '' && group.nicknames.length < MAX_NICKNAMES && !group.nicknames.includes(nickname)) {
      group.nicknames.push(nickname);
    }
  }

  private queue(write: Write): void {
    this.unwritten.push(write);
    if (write.kind === 'insert') this.unwrittenQuestions += write.questions.length;
    // Only while writes fail: a writer that is merely behind catches up and loses nothing.
    while (
      this.writeError !== null &&
      this.unwrittenQuestions > MAX_UNWRITTEN_QUESTIONS &&
      this.unwritten.length > 1
    ) {
      // Never a write the writer has now.
      const index = this.writing;
      if (index >= this.unwritten.length - 1) break;
      const [oldest] = this.unwritten.splice(index, 1);
      this.give(oldest!, 'the queue waiting for storage is full');
    }
    this.pump();
  }

  /**
   * Writes what is queued, in order, and waits until it is committed (reads that follow see it);
   * true when all of it was written.
   */
  writeWaiting(): boolean {
    const last = this.unwritten.at(-1);
    if (last === undefined) return true;
    this.pump();
    // Each write's callback hands the writer the next one: wait again until the last write queued
    // before this call is in (questions the pipeline stores meanwhile are not waited for). A failed
    // write hands on nothing: it waits for the next flush, the timer or the next call.
    while (this.writing > 0 && this.unwritten.includes(last)) this.writer.drain();
    return !this.unwritten.includes(last);
  }

  /**
   * Hands the oldest waiting write to the writer, one write at a time so they commit in order;
   * inserts queued behind each other go as one (one transaction), so a writer that fell behind
   * catches up with bigger commits.
   */
  private pump(): void {
    if (this.writing > 0 || this.unwritten.length === 0) return;
    const head = this.unwritten[0] as Write;
    if (head.kind === 'settle') {
      this.writing = 1;
      this.writer.settleGroup(head, (outcome) => this.written(outcome));
      return;
    }
    let questions = head.questions;
    let suggested = head.suggested;
    let taken = 1;
    // After a failure, inserts go one by one, so the one that fails is the one given up.
    if (this.hardFailures === 0 && !this.oneByOne) {
      for (; taken < this.unwritten.length; taken++) {
        const next = this.unwritten[taken] as Write;
        if (next.kind !== 'insert' || questions.length + next.questions.length > MAX_QUESTIONS_PER_WRITE)
          break;
        if (taken === 1) {
          questions = [...questions];
          suggested = new Map(suggested);
        }
        questions.push(...next.questions);
        for (const [id, n] of next.suggested) suggested.set(id, (suggested.get(id) ?? 0) + n);
      }
    }
    this.writing = taken;
    this.writer.insertQuestions(questions, suggested, (outcome) => this.written(outcome));
  }

  private written(outcome: WriteOutcome<number>): void {
    const taken = this.writing;
    this.writing = 0;
    if (!outcome.ok) {
      if (taken > 1 && !isTransientStorageError(outcome.error)) {
        this.oneByOne = true;
        this.pump();
        return;
      }
      if (isTransientStorageError(outcome.error) || ++this.hardFailures < MAX_HARD_FAILURES) {
        this.writeError = describeStorageError(outcome.error);
        this.scheduleRetry();
        return; // retried on the next flush, by the timer, or by writeWaiting
      }
      const write = this.unwritten.shift() as Write;
      this.give(write, describeStorageError(outcome.error)); // never blocks everything after it
      this.pump();
      return;
    }
    this.hardFailures = 0;
    this.oneByOne = false;
    for (const write of this.unwritten.splice(0, taken)) {
      if (write.kind === 'insert') this.unwrittenQuestions -= write.questions.length;
    }
    if (this.unwritten.length === 0) this.writeError = null;
    this.pump();
  }

  private give(write: Write, reason: string): void {
    if (write.kind !== 'insert') return;
    this.unwrittenQuestions -= write.questions.length;
    this.droppedQuestions += write.questions.length;
    console.error(`questions: gave up writing ${write.questions.length} question(s): ${reason}`);
  }

  private scheduleRetry(): void {
    if (this.retryTimer || this.stopped) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.pump();
    }, this.opts.retryMs ?? 1000);
    this.retryTimer.unref();
  }

  /** One last try to write what waits (the store closes after this). */
  stop(): void {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.writeWaiting();
  }
}
