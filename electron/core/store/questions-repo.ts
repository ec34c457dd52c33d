/**
 * Viewer questions of the reply workflow. A flush's questions go in with their entries'
 * `suggested` counters in one transaction; one answer settles a whole group in one statement.
 */
import type Database from 'better-sqlite3';
import type { FaqSuggestion, QuestionState } from '../../../shared/api/replies.js';
import { BulkInsert } from './bulk-insert.js';
import type { FaqRepo } from './faq-repo.js';

export interface NewQuestion {
  showId: string;
  commentId: string;
  ts: number;
  seenAt: number;
  userId: string;
  nickname: string;
  text: string;
  groupKey: string;
  suggestions: FaqSuggestion[];
}

/**
 * A flush's questions as columns, the form they cross to the writer thread in: a few arrays
 * instead of an object (and a suggestions array of objects) per question, which cost both threads
 * structured-clone time and garbage. suggestions: each question's stored JSON.
 */
export interface QuestionColumns {
  showId: string[];
  commentId: string[];
  ts: Float64Array;
  seenAt: Float64Array;
  userId: string[];
  nickname: string[];
  text: string[];
  groupKey: string[];
  suggestions: string[];
}

export function encodeQuestions(questions: readonly NewQuestion[]): QuestionColumns {
  const n = questions.length;
  const c: QuestionColumns = {
    showId: new Array<string>(n),
    commentId: new Array<string>(n),
    ts: new Float64Array(n),
    seenAt: new Float64Array(n),
    userId: new Array<string>(n),
    nickname: new Array<string>(n),
    text: new Array<string>(n),
    groupKey: new Array<string>(n),
    suggestions: new Array<string>(n),
  };
  for (let i = 0; i < n; i++) {
    const q = questions[i]!;
    c.showId[i] = q.showId;
    c.commentId[i] = q.commentId;
    c.ts[i] = q.ts;
    c.seenAt[i] = q.seenAt;
    c.userId[i] = q.userId;
    c.nickname[i] = q.nickname;
    c.text[i] = q.text;
    c.groupKey[i] = q.groupKey;
    c.suggestions[i] = JSON.stringify(q.suggestions);
  }
  return c;
}

/** One answer or dismissal of a group, as a message (settleGroup's arguments). */
export interface QuestionSettlement {
  showId: string;
  groupKey: string;
  state: 'answered' | 'dismissed';
  at: number;
  faqId: string | null;
}

export interface StoredQuestion extends NewQuestion {
  id: number;
  state: QuestionState;
  answeredAt: number | null;
  answeredFaqId: string | null;
}

/** What the reply KPIs need of a question (faqId: its top suggestion). */
export interface QuestionRecord {
  groupKey: string;
  text: string;
  faqId: string | null;
  state: QuestionState;
  seenAt: number;
  answeredAt: number | null;
}

/**
 * One question of a show as a restart reads it back (a plain array: building 100k objects costs
 * more than the query). suggestions is the stored JSON; parse it with parseSuggestions.
 */
export type RestoreRow = [
  groupKey: string,
  text: string,
  nickname: string,
  seenAt: number,
  state: QuestionState,
  answeredAt: number | null,
  suggestions: string,
];

interface QuestionRow {
  id: number;
  show_id: string;
  comment_id: string;
  ts: number;
  seen_at: number;
  user_id: string;
  nickname: string;
  text: string;
  group_key: string;
  suggestions: string;
  state: string;
  answered_at: number | null;
  answered_faq: string | null;
}

/** A flush's questions of one group, for its running totals (question_groups). */
interface GroupAddition {
  showId: string;
  groupKey: string;
  firstId: number;
  firstSeenAt: number;
  count: number;
}

/**
 * Questions are indexed by (show, id >> QUESTION_BUCKET_BITS, group) — schema v10, whose index
 * expression this must match. A group's pending questions are in the buckets from its first
 * pending question (question_groups.first_pending_id) to the newest question. INDEXED BY: without
 * statistics the planner prefers (show_id, state), which reads every pending question of the show.
 */
export const QUESTION_BUCKET_BITS = 12;
const PENDING_BUCKETS = `WITH RECURSIVE bucket(n) AS (
  SELECT first_pending_id >> ${QUESTION_BUCKET_BITS} FROM question_groups
  WHERE show_id = @showId AND group_key = @groupKey AND first_pending_id IS NOT NULL
  UNION ALL
  SELECT n + 1 FROM bucket WHERE n < (SELECT max(id) FROM questions) >> ${QUESTION_BUCKET_BITS})`;
const PENDING_IN_GROUP = `show_id = @showId AND (id >> ${QUESTION_BUCKET_BITS}) IN bucket
  AND group_key = @groupKey AND state = 'pending'`;
/** When each pending question of a group (@showId, @groupKey) arrived, in arrival order. */
export const PENDING_SEEN_ATS_SQL = `${PENDING_BUCKETS}
  SELECT seen_at FROM questions INDEXED BY questions_show_bucket_group WHERE ${PENDING_IN_GROUP} ORDER BY id`;

const STATES: readonly QuestionState[] = ['pending', 'answered', 'dismissed'];
const stateOf = (value: string): QuestionState =>
  (STATES as readonly string[]).includes(value) ? (value as QuestionState) : 'pending';

export function parseSuggestions(json: string): FaqSuggestion[] {
  try {
    const parsed: unknown = JSON.parse(json);
    if (!Array.isArray(parsed)) return [];
    return parsed.flatMap((s: unknown) => {
      const { faqId, score } = (s ?? {}) as { faqId?: unknown; score?: unknown };
      return typeof faqId === 'string' && typeof score === 'number' ? [{ faqId, score }] : [];
    });
  } catch {
    return [];
  }
}

const toQuestion = (r: QuestionRow): StoredQuestion => ({
  id: r.id,
  showId: r.show_id,
  commentId: r.comment_id,
  ts: r.ts,
  seenAt: r.seen_at,
  userId: r.user_id,
  nickname: r.nickname,
  text: r.text,
  groupKey: r.group_key,
  suggestions: parseSuggestions(r.suggestions),
  state: stateOf(r.state),
  answeredAt: r.answered_at,
  answeredFaqId: r.answered_faq,
});

export class QuestionsRepo {
  private readonly stmt;
  private readonly insertRows: BulkInsert;

  constructor(
    private readonly db: Database.Database,
    private readonly faq: FaqRepo,
  ) {
    this.insertRows = new BulkInsert(
      db,
      'questions',
      ['show_id', 'comment_id', 'ts', 'seen_at', 'user_id', 'nickname', 'text', 'group_key', 'suggestions'],
      ['show_id', 'comment_id'],
    );
    this.stmt = {
      settle: db.prepare(`${PENDING_BUCKETS}
        UPDATE questions INDEXED BY questions_show_bucket_group
        SET state = @state, answered_at = @at, answered_faq = @faqId
        WHERE ${PENDING_IN_GROUP}`),
      // A flush's questions of one group, added to its totals (a new group starts with them).
      addToGroup: db.prepare(`
        INSERT INTO question_groups (show_id, group_key, first_id, first_seen_at, total, pending, first_pending_id)
        VALUES (@showId, @groupKey, @firstId, @firstSeenAt, @count, @count, @firstId)
        ON CONFLICT (show_id, group_key) DO UPDATE SET
          total = total + excluded.total,
          pending = pending + excluded.pending,
          first_pending_id = coalesce(first_pending_id, excluded.first_pending_id)`),
      settleGroupTotals: db.prepare(`
        UPDATE question_groups SET
          pending = pending - @settled,
          answered = answered + (CASE WHEN @state = 'answered' THEN @settled ELSE 0 END),
          dismissed = dismissed + (CASE WHEN @state = 'dismissed' THEN @settled ELSE 0 END),
          first_pending_id = NULL
        WHERE show_id = @showId AND group_key = @groupKey`),
      restore: db
        .prepare<[string], RestoreRow>(
          `SELECT group_key, text, nickname, seen_at,
             CASE WHEN state IN ('pending', 'answered', 'dismissed') THEN state ELSE 'pending' END,
             answered_at, suggestions
           FROM questions WHERE show_id = ? ORDER BY id`,
        )
        .raw(true),
      pendingSeenAts: db
        .prepare<[{ showId: string; groupKey: string }], number>(PENDING_SEEN_ATS_SQL)
        .pluck(),
      newest: db.prepare<[string, number], QuestionRow>(
        'SELECT * FROM questions WHERE show_id = ? ORDER BY id DESC LIMIT ?',
      ),
      newestInState: db.prepare<[string, string, number], QuestionRow>(
        'SELECT * FROM questions WHERE show_id = ? AND state = ? ORDER BY id DESC LIMIT ?',
      ),
    };
  }

  /**
   * One flush's questions and their entries' `suggested` counts, in one transaction. A question
   * already stored (same comment) is skipped. Returns how many were inserted.
   */
  insert(questions: readonly NewQuestion[], suggested: ReadonlyMap<string, number>): number {
    return this.insertColumns(encodeQuestions(questions), suggested);
  }

  /** insert() of questions already in columns (the writer thread's form). */
  insertColumns(c: QuestionColumns, suggested: ReadonlyMap<string, number>): number {
    return this.db.transaction(() => {
      const ids = this.insertRows.run(
        c.commentId.length,
        (args, o, i) => {
          args[o] = c.showId[i];
          args[o + 1] = c.commentId[i];
          args[o + 2] = c.ts[i];
          args[o + 3] = c.seenAt[i];
          args[o + 4] = c.userId[i];
          args[o + 5] = c.nickname[i];
          args[o + 6] = c.text[i];
          args[o + 7] = c.groupKey[i];
          args[o + 8] = c.suggestions[i];
        },
        (i, [showId, commentId]) => showId === c.showId[i] && commentId === c.commentId[i],
      );
      let inserted = 0;
      // One totals update per group of the flush, not per question.
      const groups = new Map<string, GroupAddition>();
      for (let i = 0; i < ids.length; i++) {
        if (ids[i] === 0) continue; // already stored (same comment)
        inserted++;
        const showId = c.showId[i]!;
        const groupKey = c.groupKey[i]!;
        const key = `${showId}\u0000${groupKey}`;
        const group = groups.get(key);
        if (group) group.count++;
        else groups.set(key, { showId, groupKey, firstId: ids[i]!, firstSeenAt: c.seenAt[i]!, count: 1 });
      }
      for (const g of groups.values()) this.stmt.addToGroup.run(g);
      this.faq.bumpSuggested(suggested);
      return inserted;
    })();
  }

  /**
   * Settles every pending question of a group (answered: also counts one use of the entry).
   * Returns how many questions it settled.
   */
  settleGroup(
    showId: string,
    groupKey: string,
    state: 'answered' | 'dismissed',
    at: number,
    faqId: string | null,
  ): number {
    return this.db.transaction(() => {
      const settled = this.stmt.settle.run({
        state,
        at,
        faqId: state === 'answered' ? faqId : null,
        showId,
        groupKey,
      }).changes;
      if (settled > 0) this.stmt.settleGroupTotals.run({ settled, state, showId, groupKey });
      if (state === 'answered' && faqId !== null) this.faq.recordUse(faqId, at);
      return settled;
    })();
  }

  /** When each pending question of a group arrived, in arrival order (its response times when answered). */
  pendingSeenAts(showId: string, groupKey: string): number[] {
    return this.stmt.pendingSeenAts.all({ showId, groupKey });
  }

  /** Every question of a show in arrival order, for rebuilding its pending groups and KPIs. */
  restoreRows(showId: string): RestoreRow[] {
    return this.stmt.restore.all(showId) as unknown as RestoreRow[];
  }

  /** Newest first, optionally in one state. */
  list(showId: string, state: QuestionState | undefined, limit: number): StoredQuestion[] {
    const rows =
      state === undefined
        ? this.stmt.newest.all(showId, limit)
        : this.stmt.newestInState.all(showId, state, limit);
    return rows.map(toQuestion);
  }
}
