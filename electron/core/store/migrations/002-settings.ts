/** Schema v2: app settings saved by the user (the feed source), as JSON values by key. */
export const up = `
CREATE TABLE settings (
  key        TEXT PRIMARY KEY,
  value      TEXT NOT NULL,
  updated_at INTEGER NOT NULL
) WITHOUT ROWID;
`;
