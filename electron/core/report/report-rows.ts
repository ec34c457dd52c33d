/**
 * The rows too many for a Report, streamed oldest first in batches with a keyset cursor (never
 * OFFSET, never the whole show in memory): comments by row_id, questions by id with the question
 * of the FAQ entry whose answer was used, and the show's alerts.
 *
 * commentCount is the sum of the show's per-minute rollups (≈ 480 rows for 8 hours): the rollups
 * count each comment as it is stored, in the same transaction, so the sum is exactly the rows
 * `comments` yields — unlike the feed's own `comments` counter (what the platform counted, which
 * includes what never reached us), and without count(*) over 14 M rows.
 */
import type { AlertView, CommentRow } from '../../../shared/api/contract.js';
import type { QuestionState } from '../../../shared/api/replies.js';
import { toView } from '../alerts/alert-tracker.js';
import type { Store } from '../store/store.js';
import type { QuestionExportRow, ReportRows } from './types.js';

export const DEFAULT_BATCH = 5000;
const MAX_BATCH = 50_000;

interface CommentDbRow {
  row_id: number;
  id: string;
  seq: number;
  ts: number;
  user_id: string;
  nickname: string;
  text: string;
  fan_club: number;
  truncated: number;
}

interface QuestionDbRow {
  id: number;
  ts: number;
  nickname: string;
  text: string;
  group_key: string;
  state: string;
  seen_at: number;
  answered_at: number | null;
  answered_faq: string | null;
}

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
  rowId: r.row_id,
  id: r.id,
  seq: r.seq,
  ts: r.ts,
  userId: r.user_id,
  nickname: r.nickname,
  text: r.text,
  fanClub: r.fan_club === 1,
  truncated: r.truncated === 1,
});

function toQuestion(r: QuestionDbRow, faqQuestion: (faqId: string) => string | null): QuestionExportRow {
  const state = stateOf(r.state);
  const answeredAt = state === 'answered' ? r.answered_at : null;
  return {
    id: r.id,
    ts: r.ts,
    nickname: r.nickname,
    text: r.text,
    groupKey: r.group_key,
    state,
    answeredAt,
    // As the reply KPIs measure it: seen → answered, never negative.
    responseMs: state === 'answered' ? Math.max(0, (answeredAt ?? r.seen_at) - r.seen_at) : null,
    faqId: r.answered_faq,
    faqQuestion: r.answered_faq === null ? null : faqQuestion(r.answered_faq),
  };
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
    // NOT INDEXED: walk the rowid range from the cursor. Left to itself the planner picks the
    // (show_id, id) index and sorts the whole show by row_id for every batch (24k rows/s).
    comments: db.prepare<[string, number, number], CommentDbRow>(
      'SELECT * FROM comments NOT INDEXED WHERE show_id = ? AND row_id > ? ORDER BY row_id LIMIT ?',
    ),
    questionCount: db.prepare<[string], number>('SELECT count(*) FROM questions WHERE show_id = ?').pluck(),
    questions: db.prepare<[string, number, number], QuestionDbRow>(
      `SELECT id, ts, nickname, text, group_key, state, seen_at, answered_at, answered_faq
       FROM questions WHERE show_id = ? AND id > ? ORDER BY id LIMIT ?`,
    ),
    triggers: db.prepare<[string], string>('SELECT triggers FROM faq_entries WHERE id = ?').pluck(),
  };
  // The FAQ question of an entry (its first trigger), read once per entry: a trigger list can be
  // long, and millions of answered questions share a few dozen entries.
  const faqQuestions = new Map<string, string | null>();
  const faqQuestion = (faqId: string): string | null => {
    let question = faqQuestions.get(faqId);
    if (question === undefined) {
      question = firstTrigger(stmt.triggers.get(faqId) ?? null);
      faqQuestions.set(faqId, question);
    }
    return question;
  };
  const commentCount = (showId: string) => stmt.commentCount.get(showId) ?? 0;
  return {
    commentCount,
    *comments(showId, batchSize) {
      const size = batchOf(batchSize);
      // Stops at the count read now: after the show's last comment the row_id range holds later
      // shows' rows, and asking for "one more" would walk all of them to find none. Comments
      // stored while the export runs are not in it (the report's figures were read before).
      let left = commentCount(showId);
      let cursor = 0;
      while (left > 0) {
        const rows = stmt.comments.all(showId, cursor, Math.min(size, left));
        if (rows.length === 0) return;
        cursor = rows[rows.length - 1]!.row_id;
        left -= rows.length;
        yield rows.map(toComment);
      }
    },
    questionCount: (showId) => stmt.questionCount.get(showId) ?? 0,
    *questions(showId, batchSize) {
      const size = batchOf(batchSize);
      let cursor = 0;
      for (;;) {
        const rows = stmt.questions.all(showId, cursor, size);
        if (rows.length === 0) return;
        cursor = rows[rows.length - 1]!.id;
        yield rows.map((r) => toQuestion(r, faqQuestion));
        if (rows.length < size) return;
      }
    },
    alerts: (showId): AlertView[] => store.alerts.all(showId).map(toView),
  };
}
