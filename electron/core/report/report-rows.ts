/**
 * The rows too many for a Report, streamed oldest first in batches (never OFFSET, never the whole
 * show in memory): comments by row_id, questions by id with the question of the FAQ entry whose
 * answer was used, and the show's alerts.
 *
 * Each stream is ONE statement stepped with better-sqlite3's iterate() in raw mode (arrays, not
 * objects, only the columns used), batched here: a quarter less CPU than a keyset query per 5,000
 * rows returning objects (measured). The floor is better-sqlite3's per-row cost, ~1.7 µs for a
 * comment's 9 columns here — 25 s of one core for 14.7 M comments (notes in csv.ts). While a
 * stream is open the connection is busy and serves nothing else — the export has its own
 * read-only connection — and it reads one snapshot of the database.
 *
 * commentCount is the sum of the show's per-minute rollups (≈ 480 rows for 8 hours): the rollups
 * count each comment as it is stored, in the same transaction, so the sum is exactly the rows
 * `comments` yields — unlike the feed's own `comments` counter (what the platform counted, which
 * includes what never reached us), and without count(*) over 14 M rows. questionCount likewise
 * sums the question groups' totals (kept in the transactions that insert questions).
 */
import type { AlertView, CommentRow } from '../../../shared/api/contract.js';
import type { QuestionState } from '../../../shared/api/replies.js';
import { toView } from '../alerts/alert-tracker.js';
import type { Store } from '../store/store.js';
import type { QuestionExportRow, ReportRows } from './types.js';

export const DEFAULT_BATCH = 5000;
const MAX_BATCH = 50_000;

/** row_id, id, seq, ts, user_id, nickname, text, fan_club, truncated */
type CommentDbRow = [number, string, number, number, string, string, string, number, number];

/** id, ts, nickname, text, group_key, state, seen_at, answered_at, answered_faq */
type QuestionDbRow = [number, number, string, string, string, string, number, number | null, string | null];

const STATES: readonly QuestionState[] = ['pending', 'answered', 'dismissed'];
const stateOf = (s: string): QuestionState =>
  (STATES as readonly string[]).includes(s) ? (s as QuestionState) : 'pending';

function firstTrigger(json: string | null): string | null {
  if (json === null) return null;
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) && typeof parsed[0] === 'string' ? parsed[0] : null;
  } catch {
    return null;
  }
}

const toComment = (r: CommentDbRow): CommentRow => ({
  rowId: r[0],
  id: r[1],
  seq: r[2],
  ts: r[3],
  userId: r[4],
  nickname: r[5],
  text: r[6],
  fanClub: r[7] === 1,
  truncated: r[8] === 1,
});

function toQuestion(r: QuestionDbRow, faqQuestion: (faqId: string) => string | null): QuestionExportRow {
  const state = stateOf(r[5]);
  const seenAt = r[6];
  const answeredAt = state === 'answered' ? r[7] : null;
  const faqId = r[8];
  return {
    id: r[0],
    ts: r[1],
    nickname: r[2],
    text: r[3],
    groupKey: r[4],
    state,
    answeredAt,
    // As the reply KPIs measure it: seen → answered, never negative.
    responseMs: state === 'answered' ? Math.max(0, (answeredAt ?? seenAt) - seenAt) : null,
    faqId,
    faqQuestion: faqId === null ? null : faqQuestion(faqId),
  };
}

/** Steps `rows` and hands them on `size` at a time, each converted by `to`. */
function* batched<R, T>(rows: Iterable<R>, size: number, to: (r: R) => T): Generator<T[]> {
  let batch: T[] = [];
  for (const r of rows) {
    batch.push(to(r));
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

function batchOf(size: number | undefined): number {
  if (size === undefined) return DEFAULT_BATCH;
  if (!Number.isInteger(size) || size < 1 || size > MAX_BATCH)
    throw new RangeError(`batch size must be a whole number from 1 to ${MAX_BATCH}, got ${size}`);
  return size;
}

export function reportRows(store: Store): ReportRows {
  const db = store.db;
  const stmt = {
    commentCount: db
      .prepare<[string], number>('SELECT coalesce(sum(comments), 0) FROM minute_rollups WHERE show_id = ?')
      .pluck(),
    // NOT INDEXED: walk the rowid range in order, from the show's first comment when known (the
    // rows of earlier shows come before it). Left to itself the planner picks the (show_id, id)
    // index and sorts the whole show by row_id (24k rows/s).
    comments: db
      .prepare<[string, number, number], CommentDbRow>(
        `SELECT row_id, id, seq, ts, user_id, nickname, text, fan_club, truncated
         FROM comments NOT INDEXED WHERE show_id = ? AND row_id >= ? ORDER BY row_id LIMIT ?`,
      )
      .raw(true),
    // The groups' running totals (schema v8) sum to the show's questions: ~480 rows read, not
    // count(*) over millions (0.55 s for 7.3 M).
    questionCount: db
      .prepare<[string], number>('SELECT coalesce(sum(total), 0) FROM question_groups WHERE show_id = ?')
      .pluck(),
    questions: db
      .prepare<[string], QuestionDbRow>(
        `SELECT id, ts, nickname, text, group_key, state, seen_at, answered_at, answered_faq
         FROM questions WHERE show_id = ? ORDER BY id`,
      )
      .raw(true),
    triggers: db.prepare<[], [string, string]>('SELECT id, triggers FROM faq_entries').raw(true),
  };
  /**
   * The FAQ question of each entry (its first trigger), read before the questions are stepped
   * (the connection is busy while they are): millions of answered questions share a few dozen
   * entries, and a library holds hundreds at most.
   */
  const faqQuestionsOf = (): ((faqId: string) => string | null) => {
    const questions = new Map<string, string | null>();
    for (const [id, triggers] of stmt.triggers.iterate()) questions.set(id, firstTrigger(triggers));
    return (faqId) => questions.get(faqId) ?? null;
  };
  const commentCount = (showId: string) => stmt.commentCount.get(showId) ?? 0;
  return {
    commentCount,
    *comments(showId, batchSize) {
      const size = batchOf(batchSize);
      // Stops at the count read now: after the show's last comment the row_id range holds later
      // shows' rows, and asking for "one more" would walk all of them to find none. Comments
      // stored while the export runs are not in it (the report's figures were read before).
      const total = commentCount(showId);
      if (total === 0) return;
      const from = store.commentLog.firstRowId(showId);
      yield* batched(stmt.comments.iterate(showId, from, total), size, toComment);
    },
    questionCount: (showId) => stmt.questionCount.get(showId) ?? 0,
    *questions(showId, batchSize) {
      const size = batchOf(batchSize);
      const faqQuestion = faqQuestionsOf();
      yield* batched(stmt.questions.iterate(showId), size, (r) => toQuestion(r, faqQuestion));
    },
    alerts: (showId): AlertView[] => store.alerts.all(showId).map(toView),
    commentLog: (showId, expectedRows) => store.commentLog.committed(showId, expectedRows),
  };
}
