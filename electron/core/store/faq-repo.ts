/**
 * The FAQ library's rows and each show's {变量} values. Statements prepared once; changes that
 * touch many rows (reorder, import) run in one transaction so they apply whole or not at all.
 */
import type Database from 'better-sqlite3';
import type { FaqUsage } from '../../../shared/api/replies.js';
import { FAQ_CATEGORIES, type FaqCategory, type FaqEntry } from '../../../shared/faq/entry.js';

export interface StoredFaqEntry {
  entry: FaqEntry;
  usage: FaqUsage;
}

interface FaqRow {
  id: string;
  position: number;
  category: string;
  triggers: string;
  answer: string;
  hotkey: string | null;
  enabled: number;
  suggested: number;
  used: number;
  last_used_at: number | null;
}

function categoryOf(value: string): FaqCategory {
  return (FAQ_CATEGORIES as readonly string[]).includes(value) ? (value as FaqCategory) : 'other';
}

function triggersOf(json: string): string[] {
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? parsed.filter((t): t is string => typeof t === 'string') : [];
  } catch {
    return [];
  }
}

const toStored = (r: FaqRow): StoredFaqEntry => ({
  entry: {
    id: r.id,
    category: categoryOf(r.category),
    triggers: triggersOf(r.triggers),
    answer: r.answer,
    ...(r.hotkey !== null ? { hotkey: r.hotkey } : {}),
    enabled: r.enabled === 1,
  },
  usage: { suggested: r.suggested, used: r.used, lastUsedAt: r.last_used_at },
});

export class FaqRepo {
  private readonly stmt;

  constructor(private readonly db: Database.Database) {
    this.stmt = {
      all: db.prepare<[], FaqRow>('SELECT * FROM faq_entries ORDER BY position, id'),
      count: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM faq_entries'),
      maxPosition: db.prepare<[], { p: number | null }>('SELECT max(position) AS p FROM faq_entries'),
      // A replaced entry keeps its place and its usage: only what the user edits changes.
      upsert: db.prepare(`
        INSERT INTO faq_entries (id, position, category, triggers, answer, hotkey, enabled, suggested, used, last_used_at, updated_at)
        VALUES (@id, @position, @category, @triggers, @answer, @hotkey, @enabled, @suggested, @used, @lastUsedAt, @now)
        ON CONFLICT(id) DO UPDATE SET category = excluded.category, triggers = excluded.triggers,
          answer = excluded.answer, hotkey = excluded.hotkey, enabled = excluded.enabled,
          updated_at = excluded.updated_at`),
      delete: db.prepare('DELETE FROM faq_entries WHERE id = ?'),
      deleteAll: db.prepare('DELETE FROM faq_entries'),
      setPosition: db.prepare('UPDATE faq_entries SET position = ? WHERE id = ?'),
      bumpSuggested: db.prepare('UPDATE faq_entries SET suggested = suggested + ? WHERE id = ?'),
      recordUse: db.prepare<[number, string], { used: number }>(
        'UPDATE faq_entries SET used = used + 1, last_used_at = ? WHERE id = ? RETURNING used',
      ),
      getVars: db.prepare<[string], { vars: string }>('SELECT vars FROM show_vars WHERE show_id = ?'),
      setVars: db.prepare(`
        INSERT INTO show_vars (show_id, vars, updated_at) VALUES (?, ?, ?)
        ON CONFLICT(show_id) DO UPDATE SET vars = excluded.vars, updated_at = excluded.updated_at`),
    };
  }

  /** Runs `fn` in one transaction (nested calls become savepoints). */
  inTransaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  /** Every entry in the user's order. */
  all(): StoredFaqEntry[] {
    return this.stmt.all.all().map(toStored);
  }

  count(): number {
    return this.stmt.count.get()?.n ?? 0;
  }

  /** Inserts a new entry after the last one, or replaces an entry's content in place. */
  save(entry: FaqEntry, now: number): void {
    const position = (this.stmt.maxPosition.get()?.p ?? -1) + 1;
    this.write(entry, position, { suggested: 0, used: 0, lastUsedAt: null }, now);
  }

  private write(entry: FaqEntry, position: number, usage: FaqUsage, now: number): void {
    this.stmt.upsert.run({
      id: entry.id,
      position,
      category: entry.category,
      triggers: JSON.stringify(entry.triggers),
      answer: entry.answer,
      hotkey: entry.hotkey ?? null,
      enabled: entry.enabled ? 1 : 0,
      suggested: usage.suggested,
      used: usage.used,
      lastUsedAt: usage.lastUsedAt,
      now,
    });
  }

  delete(id: string): boolean {
    return this.stmt.delete.run(id).changes > 0;
  }

  /** Positions follow `ids` (the caller checked it is a permutation of every id). */
  setOrder(ids: readonly string[]): void {
    this.inTransaction(() => ids.forEach((id, position) => this.stmt.setPosition.run(position, id)));
  }

  /** The library becomes `entries`, in that order, each with the usage given. */
  replaceAll(entries: readonly StoredFaqEntry[], now: number): void {
    this.inTransaction(() => {
      this.stmt.deleteAll.run();
      entries.forEach(({ entry, usage }, position) => this.write(entry, position, usage, now));
    });
  }

  bumpSuggested(counts: ReadonlyMap<string, number>): void {
    for (const [id, n] of counts) this.stmt.bumpSuggested.run(n, id);
  }

  /** Counts one use of an entry's answer; the new count, or null when there is no such entry. */
  recordUse(id: string, at: number): number | null {
    return this.stmt.recordUse.get(at, id)?.used ?? null;
  }

  /** A show's saved {变量} values (the JSON as stored; the caller validates it), or null. */
  showVars(showId: string): string | null {
    return this.stmt.getVars.get(showId)?.vars ?? null;
  }

  setShowVars(showId: string, varsJson: string, now: number): void {
    this.stmt.setVars.run(showId, varsJson, now);
  }
}
