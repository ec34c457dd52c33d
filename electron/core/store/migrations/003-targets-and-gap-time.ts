/**
 * Schema v3: per-show targets (GMV, peak online, new followers, planned length) and the feed-clock
 * time of each gap, so gaps can be drawn on the trend chart's time axis.
 */
export const up = `
CREATE TABLE show_targets (
  show_id         TEXT PRIMARY KEY,
  gmv             INTEGER,
  peak_online     INTEGER,
  new_followers   INTEGER,
  planned_minutes INTEGER,
  updated_at      INTEGER NOT NULL
) WITHOUT ROWID;

ALTER TABLE feed_gaps ADD COLUMN feed_ts INTEGER;
`;
