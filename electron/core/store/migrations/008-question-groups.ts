/**
 * Schema v8: running totals per question group (show, group_key), kept in the same transactions
 * that insert and settle questions. A report (and the period figures) read a show's reply KPIs
 * from here instead of scanning its questions: an 8-hour show can hold 7 M of them, and reading
 * them all took ~10 s (bench export). Existing questions are counted once, here.
 *
 * first_id: the group's first question (its text and top suggestion stand for the group);
 * first_pending_id: the first of its questions still pending (NULL when none), which orders the
 * unanswered list as the live view does — by when the group's oldest pending question arrived.
 */
export const up = `
CREATE TABLE question_groups (
  show_id          TEXT NOT NULL,
  group_key        TEXT NOT NULL,
  first_id         INTEGER NOT NULL,
  first_seen_at    INTEGER NOT NULL,
  total            INTEGER NOT NULL DEFAULT 0, -- every question, dismissed ones included
  pending          INTEGER NOT NULL DEFAULT 0,
  answered         INTEGER NOT NULL DEFAULT 0,
  dismissed        INTEGER NOT NULL DEFAULT 0,
  first_pending_id INTEGER,
  PRIMARY KEY (show_id, group_key)
) WITHOUT ROWID;

INSERT INTO question_groups
  (show_id, group_key, first_id, first_seen_at, total, pending, answered, dismissed, first_pending_id)
SELECT show_id, group_key, min(id), 0, count(*),
  sum(state = 'pending'), sum(state = 'answered'), sum(state = 'dismissed'),
  min(CASE WHEN state = 'pending' THEN id END)
FROM questions GROUP BY show_id, group_key;

UPDATE question_groups SET first_seen_at = (SELECT seen_at FROM questions WHERE id = first_id);
`;
