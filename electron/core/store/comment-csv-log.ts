/**
 * Per-show CSV log of comments: each stored comment's CSV line (csv-line.ts, the export's own
 * format) is appended to `<data dir>/comment-csv/<show>.csv` inside the transaction that stores
 * it, and the log's row in `comment_csv_logs` (rows, bytes) is updated in that transaction.
 *
 * Why: the CSV of an 8-hour show's 14.7 M comments took 42 s to export, and the floor of reading
 * them back is better-sqlite3 handing rows to JavaScript (~1.7 µs each, 25 s of one core). Writing
 * the lines while the show runs costs ~0.3 µs per comment on the writer thread, and the export
 * becomes a file copy (docs/performance.md has the figures). The database stays the truth: the
 * export copies the log only when its committed row count equals the show's stored comment count,
 * and reads the database otherwise.
 *
 * Crash safety: lines are written at the committed length (a positional write), never appended
 * blindly, so bytes from a transaction that rolled back, or from before a crash, are overwritten
 * by the next batch and never copied (the export copies `bytes` bytes only). A failed file write
 * marks the log unusable and the show's comments are still stored: the log is an accelerator,
 * never a reason to lose a comment.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { commentCsvLine, localSecondsFormatter, type CsvComment } from '../report/formats/csv-line.js';

export const COMMENT_CSV_DIR = 'comment-csv';

/** A committed log the export may copy: the first `bytes` bytes of `file`. */
export interface CommentCsvFile {
  file: string;
  bytes: number;
  /** The first `syncedBytes` are known to be on disk (fsynced): only the rest may hold a hole. */
  syncedBytes: number;
}

interface LogRow {
  rows: number;
  bytes: number;
  usable: number;
  synced_bytes: number;
}

/** Where the logs of a database file live; null for an in-memory database (no logs). */
export function commentCsvDir(dbFile: string): string | null {
  if (dbFile === '' || dbFile === ':memory:' || dbFile.startsWith('file:')) return null;
  return path.join(path.dirname(path.resolve(dbFile)), COMMENT_CSV_DIR);
}

/** A file name for any show id: readable where safe, made unique by a hash (ids may hold any character). */
export function logFileName(showId: string): string {
  const readable = showId.replace(/[^A-Za-z0-9_-]/gu, '_').slice(0, 60);
  const hash = createHash('sha256').update(showId).digest('hex').slice(0, 12);
  return `${readable}-${hash}.csv`;
}

export class CommentCsvLog {
  private readonly fds = new Map<string, number>();
  private readonly time = localSecondsFormatter();
  private readonly stmt;

  constructor(
    db: Database.Database,
    /** null: no logs (in-memory database, or logging turned off). */
    readonly dir: string | null,
  ) {
    this.stmt = {
      get: db.prepare<[string], LogRow>(
        'SELECT rows, bytes, usable, synced_bytes FROM comment_csv_logs WHERE show_id = ?',
      ),
      synced: db.prepare('UPDATE comment_csv_logs SET synced_bytes = bytes WHERE show_id = ?'),
      create: db.prepare(
        'INSERT INTO comment_csv_logs (show_id, rows, bytes, usable, first_row_id) VALUES (?, 0, 0, ?, ?)',
      ),
      firstRowId: db
        .prepare<[string], number | null>('SELECT first_row_id FROM comment_csv_logs WHERE show_id = ?')
        .pluck(),
      advance: db.prepare('UPDATE comment_csv_logs SET rows = rows + ?, bytes = bytes + ? WHERE show_id = ?'),
      disable: db.prepare('UPDATE comment_csv_logs SET usable = 0 WHERE show_id = ?'),
      // Uses the (show_id, id) index, whose entries carry the row id: stops at the first older one.
      hasOlder: db
        .prepare<[string, number], number>(
          'SELECT EXISTS (SELECT 1 FROM comments WHERE show_id = ? AND row_id < ?)',
        )
        .pluck(),
    };
  }

  /**
   * Appends the comments just stored (in row order; `firstRowId` is the first one's row id). Call
   * inside the transaction that stored them.
   */
  append(showId: string, comments: readonly CsvComment[], firstRowId: number): void {
    if (this.dir === null || comments.length === 0) return;
    const log = this.stmt.get.get(showId) ?? this.start(showId, firstRowId);
    if (log.usable !== 1) return;
    try {
      let text = '';
      for (const c of comments) text += commentCsvLine(c, this.time);
      const buf = Buffer.from(text, 'utf8');
      const fd = this.fdOf(showId, log.bytes === 0);
      let done = 0;
      while (done < buf.length) done += fs.writeSync(fd, buf, done, buf.length - done, log.bytes + done);
      this.stmt.advance.run(comments.length, buf.length, showId);
    } catch (err) {
      this.stmt.disable.run(showId);
      this.closeFd(showId);
      console.warn(
        `comment CSV log of show ${showId} stopped (the CSV export will read the database): ${String(err)}`,
      );
    }
  }

  /** The committed log of a show when it holds exactly `expectedRows` comments and is whole on disk. */
  committed(showId: string, expectedRows: number): CommentCsvFile | null {
    if (this.dir === null) return null;
    const log = this.stmt.get.get(showId);
    if (!log || log.usable !== 1 || log.rows !== expectedRows) return null;
    const file = path.join(this.dir, logFileName(showId));
    try {
      if (fs.statSync(file).size < log.bytes) return null;
    } catch {
      return null;
    }
    return { file, bytes: log.bytes, syncedBytes: Math.min(log.synced_bytes, log.bytes) };
  }

  /**
   * The row id of the show's first comment when known (its log began with it), else 0: where a
   * scan of the show's comments in row order may start.
   */
  firstRowId(showId: string): number {
    return this.stmt.firstRowId.get(showId) ?? 0;
  }

  /**
   * Puts a show's log on disk (its end) and records how much is there: the export checks only
   * what came after for holes. Call inside a write transaction, or on its own.
   */
  sync(showId: string): void {
    const fd = this.fds.get(showId);
    if (fd === undefined) return;
    try {
      fs.fsyncSync(fd);
      this.stmt.synced.run(showId);
    } catch {
      // Not fatal: the export then checks the whole log before it copies it.
    }
  }

  /** Syncs and closes every open log (the connection is closing). */
  close(): void {
    for (const showId of [...this.fds.keys()]) {
      this.sync(showId);
      this.closeFd(showId);
    }
  }

  /**
   * A show's first logged batch. A show that already has comments stored without a log (begun
   * before this version, or its log was lost) never gets one: it could not be complete.
   */
  private start(showId: string, firstRowId: number): LogRow {
    const usable = this.stmt.hasOlder.get(showId, firstRowId) === 1 ? 0 : 1;
    this.stmt.create.run(showId, usable, usable === 1 ? firstRowId : null);
    return { rows: 0, bytes: 0, usable, synced_bytes: 0 };
  }

  private fdOf(showId: string, fresh: boolean): number {
    let fd = this.fds.get(showId);
    if (fd === undefined) {
      const dir = this.dir!;
      fs.mkdirSync(dir, { recursive: true });
      // Read-write, created if missing — not append mode: Linux ignores pwrite's offset under O_APPEND.
      fd = fs.openSync(path.join(dir, logFileName(showId)), fs.constants.O_RDWR | fs.constants.O_CREAT);
      this.fds.set(showId, fd);
    }
    // A new log starts an empty file (a leftover of another database with the same show id).
    if (fresh) fs.ftruncateSync(fd, 0);
    return fd;
  }

  private closeFd(showId: string): void {
    const fd = this.fds.get(showId);
    if (fd === undefined) return;
    this.fds.delete(showId);
    try {
      fs.closeSync(fd);
    } catch {
      // Already closed.
    }
  }
}
