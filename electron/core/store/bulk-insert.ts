/**
 * INSERT OR IGNORE of many rows at once, several rows per statement: better-sqlite3's cost per
 * statement run (the call, the step, the reset, the result object) was as much as SQLite's own
 * work for a comment or question row; 32 rows per run cut the writer thread's time for them by
 * about a third (docs/performance.md).
 *
 * The callers need each row's rowid, or to know it was ignored (a duplicate). A statement
 * reports only how many rows it inserted and the last rowid, so: when it inserted all its rows
 * and the last rowid is where they were bound to land (rowids are handed out as max + 1 while
 * nobody else writes: call inside a transaction), they are max + 1 … max + n in order;
 * otherwise the rows it added are read back by rowid and matched to its rows by their unique
 * key, in order.
 */
import type Database from 'better-sqlite3';

/** Rows per statement (× columns bound parameters; SQLite allows 32,766). */
export const ROWS_PER_STATEMENT = 32;

export type BindRow = (args: unknown[], offset: number, row: number) => void;
/** Whether row i is the stored row whose key columns (as listed to the constructor) are `key`. */
export type IsRow = (row: number, key: readonly unknown[]) => boolean;

export class BulkInsert {
  private readonly statements = new Map<number, Database.Statement<unknown[]>>();
  /** `INSERT OR IGNORE INTO table (columns…)`: a VALUES tuple per row is appended. */
  private readonly head: string;
  private readonly columnCount: number;
  private readonly maxRowid: Database.Statement<[], number>;
  private readonly insertedAfter: Database.Statement<[number], unknown[]>;
  /** The bound values of a full statement, reused (a fresh array per statement is garbage). */
  private readonly fullArgs: unknown[];

  /**
   * @param columns the columns each row gives, in the order `bind` puts them.
   * @param keyColumns the columns of the table's unique key (read back to tell rows apart).
   */
  constructor(
    private readonly db: Database.Database,
    table: string,
    columns: readonly string[],
    keyColumns: readonly string[],
  ) {
    this.head = `INSERT OR IGNORE INTO ${table} (${columns.join(', ')})`;
    this.columnCount = columns.length;
    this.maxRowid = db.prepare<[], number>(`SELECT coalesce(max(rowid), 0) FROM ${table}`).pluck();
    this.insertedAfter = db
      .prepare<[number], unknown[]>(
        `SELECT rowid, ${keyColumns.join(', ')} FROM ${table} WHERE rowid > ? ORDER BY rowid`,
      )
      .raw(true);
    this.fullArgs = new Array<unknown>(ROWS_PER_STATEMENT * this.columnCount);
  }

  /**
   * Inserts rows 0 … n − 1 (`bind` puts row i's values at args[offset …]) in order. Returns each
   * row's rowid, 0 where the row was ignored. Call inside a transaction.
   */
  run(n: number, bind: BindRow, isRow: IsRow): number[] {
    const ids = new Array<number>(n).fill(0);
    if (n === 0) return ids;
    let max = this.maxRowid.get() as number;
    for (let start = 0; start < n; start += ROWS_PER_STATEMENT) {
      const size = Math.min(ROWS_PER_STATEMENT, n - start);
      const args = size === ROWS_PER_STATEMENT ? this.fullArgs : new Array<unknown>(size * this.columnCount);
      for (let j = 0; j < size; j++) bind(args, j * this.columnCount, start + j);
      const info = this.statement(size).run(args);
      if (info.changes === 0) continue;
      if (info.changes === size && Number(info.lastInsertRowid) === max + size) {
        for (let j = 0; j < size; j++) ids[start + j] = max + 1 + j;
        max += size;
        continue;
      }
      // Some rows were duplicates (or rowids went elsewhere): read back what this one added.
      const added = this.insertedAfter.all(max);
      let next = 0;
      for (let j = 0; j < size && next < added.length; j++) {
        const [rowid, ...key] = added[next]!;
        if (isRow(start + j, key)) {
          ids[start + j] = rowid as number;
          next++;
        }
      }
      if (added.length > 0) max = added[added.length - 1]![0] as number;
    }
    return ids;
  }

  private statement(rows: number): Database.Statement<unknown[]> {
    let statement = this.statements.get(rows);
    if (!statement) {
      const tuple = `(${new Array<string>(this.columnCount).fill('?').join(', ')})`;
      statement = this.db.prepare<unknown[]>(
        `${this.head} VALUES ${new Array<string>(rows).fill(tuple).join(', ')}`,
      );
      this.statements.set(rows, statement);
    }
    return statement;
  }
}
