/** Schema v1: shows, raw stats snapshots, comments, orders, products, rollups, gaps, invalid samples. */
export const up = `
CREATE TABLE shows (
  id          TEXT PRIMARY KEY,
  room_id     TEXT NOT NULL,
  room_title  TEXT NOT NULL,
  platform    TEXT NOT NULL,
  title       TEXT NOT NULL,
  started_at  INTEGER NOT NULL,
  ended_at    INTEGER,
  last_seq    INTEGER NOT NULL DEFAULT 0,
  source      TEXT NOT NULL,
  created_at  INTEGER NOT NULL
);
CREATE INDEX shows_room_started ON shows(room_id, started_at);

-- One row per stats event: the cumulative counters as JSON (they are read whole).
CREATE TABLE stats (
  show_id  TEXT NOT NULL,
  seq      INTEGER NOT NULL,
  ts       INTEGER NOT NULL,
  counters TEXT NOT NULL,
  products TEXT,
  PRIMARY KEY (show_id, seq)
) WITHOUT ROWID;
CREATE INDEX stats_show_ts ON stats(show_id, ts);

CREATE TABLE comments (
  row_id    INTEGER PRIMARY KEY,
  show_id   TEXT NOT NULL,
  id        TEXT NOT NULL,
  seq       INTEGER NOT NULL,
  ts        INTEGER NOT NULL,
  user_id   TEXT NOT NULL,
  nickname  TEXT NOT NULL,
  text      TEXT NOT NULL,
  fan_club  INTEGER NOT NULL DEFAULT 0,
  truncated INTEGER NOT NULL DEFAULT 0
);
-- Exactly-once storage: a comment id is stored once per show, whatever the feed repeats.
CREATE UNIQUE INDEX comments_show_id ON comments(show_id, id);

CREATE TABLE orders (
  show_id    TEXT NOT NULL,
  id         TEXT NOT NULL,
  seq        INTEGER NOT NULL,
  ts         INTEGER NOT NULL,
  product_id TEXT NOT NULL,
  qty        INTEGER NOT NULL,
  amount     INTEGER NOT NULL,
  buyer_id   TEXT NOT NULL,
  PRIMARY KEY (show_id, id)
) WITHOUT ROWID;

CREATE TABLE products (
  show_id    TEXT NOT NULL,
  id         TEXT NOT NULL,
  name       TEXT NOT NULL,
  price      INTEGER NOT NULL,
  stock      INTEGER,
  first_seen INTEGER NOT NULL,
  last_seen  INTEGER NOT NULL,
  PRIMARY KEY (show_id, id)
) WITHOUT ROWID;

-- The product being presented (讲解中), one row per switch.
CREATE TABLE product_switches (
  show_id    TEXT NOT NULL,
  seq        INTEGER NOT NULL,
  ts         INTEGER NOT NULL,
  product_id TEXT NOT NULL,
  PRIMARY KEY (show_id, seq)
) WITHOUT ROWID;

-- Per-minute rollups so charts over an 8-hour show read ~480 rows, not millions.
CREATE TABLE minute_rollups (
  show_id     TEXT NOT NULL,
  minute      INTEGER NOT NULL,
  comments    INTEGER NOT NULL DEFAULT 0,
  orders      INTEGER NOT NULL DEFAULT 0,
  gmv         INTEGER NOT NULL DEFAULT 0,
  online_min  INTEGER,
  online_max  INTEGER,
  online_last INTEGER,
  counters    TEXT,
  PRIMARY KEY (show_id, minute)
) WITHOUT ROWID;

CREATE TABLE feed_gaps (
  show_id     TEXT NOT NULL,
  after_seq   INTEGER NOT NULL,
  resumed_seq INTEGER NOT NULL,
  missing     INTEGER NOT NULL,
  detected_at INTEGER NOT NULL,
  PRIMARY KEY (show_id, after_seq)
) WITHOUT ROWID;

CREATE TABLE invalid_events (
  id      INTEGER PRIMARY KEY,
  show_id TEXT,
  at      INTEGER NOT NULL,
  type    TEXT NOT NULL,
  reason  TEXT NOT NULL,
  sample  TEXT NOT NULL
);
`;
