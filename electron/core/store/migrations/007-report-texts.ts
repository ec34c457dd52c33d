/**
 * Schema v7: what the user typed into a summary (直播工作总结) before exporting it — the names
 * (host, assistant, field controller) and the edited text — per report scope (a show, or a
 * period with its room filter; shared/api/report.ts reportScopeKey). text NULL: the user went
 * back to the prefilled text, which is computed from the data each time and never stored.
 */
export const up = `
CREATE TABLE report_texts (
  scope_key  TEXT PRIMARY KEY,
  people     TEXT NOT NULL, -- JSON ReportPeople
  text       TEXT,          -- JSON ReportText, or NULL (prefilled)
  updated_at INTEGER NOT NULL
) WITHOUT ROWID;
`;
