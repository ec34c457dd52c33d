/**
 * Schema v5: the alerts raised for the field controller (场控), per show, with their evidence
 * and what the controller did with them (acknowledged by whom and when, snoozed until when).
 * Rules and mutes are settings (alerts.rules, alerts.muted): they are one small document.
 */
export const up = `
CREATE TABLE alerts (
  id             INTEGER PRIMARY KEY, -- assigned by the core (max + 1), so an alert keeps its id while a write waits
  show_id        TEXT NOT NULL,
  rule_id        TEXT NOT NULL,
  rule_name      TEXT NOT NULL,
  kind           TEXT NOT NULL CHECK (kind IN ('keyword', 'metric', 'feed')),
  severity       TEXT NOT NULL CHECK (severity IN ('info', 'warn', 'critical')),
  hint           TEXT NOT NULL,
  message        TEXT NOT NULL,
  first_at       INTEGER NOT NULL, -- wall clock
  last_at        INTEGER NOT NULL,
  feed_ts        INTEGER,          -- where it sits on the show's (feed) clock
  last_feed_ts   INTEGER,          -- feed time of its latest match: the cooldown after a restart
  count          INTEGER NOT NULL,
  distinct_users INTEGER NOT NULL,
  samples        TEXT NOT NULL,    -- JSON AlertEvidence[], newest first
  state          TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'acked', 'snoozed')),
  acked_at       INTEGER,
  acked_by       TEXT,
  snoozed_until  INTEGER,
  incident_id    INTEGER
);
-- A show's alerts newest first (the panel, /api/alerts, the summary); the id is the index's tail.
CREATE INDEX alerts_show ON alerts(show_id);
-- The latest alert of each rule of a show (cooldown after a restart).
CREATE INDEX alerts_show_rule ON alerts(show_id, rule_id);
`;
