/**
 * The names and edited text of each summary (schema v7), keyed by reportScopeKey. Read back
 * defensively: a damaged value gives empty names or the prefilled text, never a crash.
 */
import type Database from 'better-sqlite3';
import {
  ReportPeopleSchema,
  ReportTextSchema,
  type ReportPeople,
  type ReportText,
} from '../../../shared/api/report.js';

export interface SavedReportText {
  people: ReportPeople;
  /** null: the prefilled text. */
  text: ReportText | null;
  updatedAt: number;
}

interface ReportTextRow {
  people: string;
  text: string | null;
  updated_at: number;
}

export const NO_PEOPLE: ReportPeople = { host: '', assistant: '', fieldControl: '' };

function parseJson(json: string): unknown {
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return null;
  }
}

export class ReportTextsRepo {
  private readonly stmt;

  constructor(db: Database.Database) {
    this.stmt = {
      get: db.prepare<[string], ReportTextRow>(
        'SELECT people, text, updated_at FROM report_texts WHERE scope_key = ?',
      ),
      save: db.prepare(`
        INSERT INTO report_texts (scope_key, people, text, updated_at) VALUES (?, ?, ?, ?)
        ON CONFLICT(scope_key) DO UPDATE SET people = excluded.people, text = excluded.text,
          updated_at = excluded.updated_at`),
    };
  }

  get(scopeKey: string): SavedReportText | null {
    const row = this.stmt.get.get(scopeKey);
    if (!row) return null;
    const people = ReportPeopleSchema.safeParse(parseJson(row.people));
    const text = row.text === null ? null : ReportTextSchema.safeParse(parseJson(row.text));
    return {
      people: people.success ? people.data : { ...NO_PEOPLE },
      text: text?.success ? text.data : null,
      updatedAt: row.updated_at,
    };
  }

  /** One statement: the names and the text are saved together or not at all. */
  save(scopeKey: string, people: ReportPeople, text: ReportText | null, now: number): void {
    this.stmt.save.run(scopeKey, JSON.stringify(people), text === null ? null : JSON.stringify(text), now);
  }
}
