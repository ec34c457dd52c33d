/**
 * Schema v4: the FAQ library (话术库) with its usage counters, each show's {变量} values, and the
 * viewer questions of the reply workflow (pending → answered / dismissed) the reply KPIs read.
 */
export const up = `
CREATE TABLE faq_entries (
  id           TEXT PRIMARY KEY,
  position     INTEGER NOT NULL,
  category     TEXT NOT NULL,
  triggers     TEXT NOT NULL, -- JSON array of phrases
  answer       TEXT NOT NULL,
  hotkey       TEXT,
  enabled      INTEGER NOT NULL DEFAULT 1,
  suggested    INTEGER NOT NULL DEFAULT 0,
  used         INTEGER NOT NULL DEFAULT 0,
  last_used_at INTEGER,
  updated_at   INTEGER NOT NULL
) WITHOUT ROWID;
-- A hotkey belongs to one entry (the library checks first and names the other entry).
CREATE UNIQUE INDEX faq_entries_hotkey ON faq_entries(hotkey) WHERE hotkey IS NOT NULL;

-- {变量} values per show, one JSON object: a show with no row yet starts from the last saved.
CREATE TABLE show_vars (
  show_id    TEXT PRIMARY KEY,
  vars       TEXT NOT NULL,
  updated_at INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE questions (
  id           INTEGER PRIMARY KEY,
  show_id      TEXT NOT NULL,
  comment_id   TEXT NOT NULL,
  ts           INTEGER NOT NULL, -- feed time of the comment
  seen_at      INTEGER NOT NULL, -- wall time it reached LiveDesk (response times start here)
  user_id      TEXT NOT NULL,
  nickname     TEXT NOT NULL,
  text         TEXT NOT NULL,
  group_key    TEXT NOT NULL,
  suggestions  TEXT NOT NULL, -- JSON [{faqId, score}], best first
  state        TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'answered', 'dismissed')),
  answered_at  INTEGER,
  answered_faq TEXT,
  UNIQUE (show_id, comment_id)
);
-- Pending (or answered …) questions of a show in arrival order; the rowid is the index's tail.
CREATE INDEX questions_show_state ON questions(show_id, state);
-- One answer settles a group: every pending question of (show, group). (v10: by id bucket instead.)
CREATE INDEX questions_show_group ON questions(show_id, group_key);
-- Newest first across states (listQuestions without a state).
CREATE INDEX questions_show ON questions(show_id);
`;
