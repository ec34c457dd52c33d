/**
 * Schema v6: the field controller's pre-show checklist runs (each with a snapshot of its items,
 * so editing the template never rewrites a past run) and the incident log. An incident is
 * written as it is edited (it survives a crash); its notes and ticked playbook steps are small
 * JSON lists on the row. Times are stored twice: the wall clock (display) and a monotonic
 * reading with the process's boot id (durations that a clock change cannot bend).
 */
export const up = `
CREATE TABLE checklist_runs (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  show_id         TEXT,    -- null: prepared for the next show
  scheduled_start INTEGER, -- wall clock
  deadline        INTEGER, -- wall clock; default scheduled_start − 2 h
  created_at      INTEGER NOT NULL,
  start_warning   TEXT     -- JSON {at, open, failed}: the show started with items outstanding
);
-- One run per show (a show's run is looked up by it); several NULLs are allowed by SQLite.
CREATE UNIQUE INDEX checklist_runs_show ON checklist_runs(show_id);

CREATE TABLE checklist_items (
  run_id      INTEGER NOT NULL, -- checklist_runs.id
  position    INTEGER NOT NULL,
  item_id     TEXT NOT NULL,
  section     TEXT NOT NULL,
  label       TEXT NOT NULL,
  expected    TEXT NOT NULL, -- JSON ChecklistExpectation, as the template had it
  hint        TEXT NOT NULL,
  contingency TEXT,
  status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'pass', 'fail', 'na')),
  measured    TEXT,
  auto_failed INTEGER NOT NULL DEFAULT 0,
  note        TEXT NOT NULL DEFAULT '',
  who         TEXT,
  updated_at  INTEGER,
  PRIMARY KEY (run_id, item_id)
);

CREATE TABLE incidents (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  show_id        TEXT,
  type           TEXT NOT NULL,
  severity       TEXT NOT NULL CHECK (severity IN ('low', 'medium', 'high')),
  title          TEXT NOT NULL,
  detected_at    INTEGER NOT NULL, -- wall clock
  detected_mono  REAL NOT NULL,    -- monotonic reading (ms) of the process boot_id
  detected_boot  TEXT NOT NULL,
  responded_at   INTEGER,
  responded_mono REAL,
  responded_boot TEXT,
  resolved_at    INTEGER,
  resolved_mono  REAL,
  resolved_boot  TEXT,
  feed_ts        INTEGER,          -- the show's feed clock at detection (trend marker, impact)
  alert_id       INTEGER,
  notes          TEXT NOT NULL DEFAULT '[]', -- JSON IncidentNote[], oldest first
  steps          TEXT NOT NULL DEFAULT '[]', -- JSON IncidentStep[] copied from the playbook
  updated_at     INTEGER NOT NULL
);
CREATE INDEX incidents_show ON incidents(show_id);
CREATE INDEX incidents_detected ON incidents(detected_at);
CREATE INDEX incidents_open ON incidents(resolved_at) WHERE resolved_at IS NULL;
`;
