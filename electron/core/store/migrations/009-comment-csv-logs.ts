/**
 * Schema v9: the per-show CSV log of comments (store/comment-csv-log.ts). The comments' CSV lines
 * are appended to a file as they are stored; this row says how much of that file is committed —
 * `rows` comments in the first `bytes` bytes — and is updated in the same transaction as the
 * comments, so it never runs ahead of the database. `usable` = 0: the log is not a complete copy
 * (the show had comments before its log began, or a write to the file failed) and the CSV export
 * reads the database instead. Existing shows get no log: they export from the database as before.
 * synced_bytes: how much of the file was fsynced (at the show's end, or when the writer closed): a
 * power cut can leave holes only after it, so that is all the export has to check.
 * first_row_id: the row id of the show's first comment (NULL when the log began late) — reading a
 * show's comments in row order starts there instead of at the first row of the table.
 */
export const up = `
CREATE TABLE comment_csv_logs (
  show_id TEXT PRIMARY KEY,
  rows    INTEGER NOT NULL DEFAULT 0,
  bytes   INTEGER NOT NULL DEFAULT 0,
  usable  INTEGER NOT NULL DEFAULT 1,
  synced_bytes INTEGER NOT NULL DEFAULT 0,
  first_row_id INTEGER
) WITHOUT ROWID;
`;
