/**
 * Opening the database safely. A marker file says "a process has this database open"; if it is
 * still there at open, the last run did not close cleanly (crash, kill -9, power loss), so the
 * database is checked (`PRAGMA quick_check`) before use. A database SQLite calls damaged is moved
 * aside together with its -wal and -shm files and a fresh one is created; nothing is deleted.
 */
import fs from 'node:fs';
import path from 'node:path';
import { commentCsvDir } from './comment-csv-log.js';
import { DB_FILE_NAME, Store, type StoreOptions } from './store.js';

export class DamagedDatabaseError extends Error {}

const DAMAGE_CODES = new Set([
  'SQLITE_CORRUPT',
  'SQLITE_NOTADB',
  'SQLITE_CORRUPT_VTAB',
  'SQLITE_IOERR_SHORT_READ',
]);

function isDamage(err: unknown): boolean {
  if (err instanceof DamagedDatabaseError) return true;
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' && DAMAGE_CODES.has(code);
}

export interface OpenedStore {
  store: Store;
  /** The last run ended without closing the database. */
  recoveredFromCrash: boolean;
  /** Where a damaged database was moved, if it was. */
  movedAside: string | null;
}

/**
 * Moves db, -wal and -shm to `<name>.damaged-<stamp>[...]`, and the comments' CSV logs beside it
 * to `comment-csv.damaged-<stamp>` (a fresh database would start a show's log anew over the only
 * other copy of its comments); returns the new db path.
 */
export function moveAside(file: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const target = `${file}.damaged-${stamp}`;
  for (const suffix of ['', '-wal', '-shm']) {
    if (fs.existsSync(file + suffix)) fs.renameSync(file + suffix, target + suffix);
  }
  const logs = commentCsvDir(file);
  if (logs !== null && fs.existsSync(logs)) fs.renameSync(logs, `${logs}.damaged-${stamp}`);
  return target;
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** A non-empty file that does not start with SQLite's header is not a database: SQLite would
 * fail on it anyway, after touching its -shm; checking first leaves all three files as found. */
function hasForeignHeader(file: string): boolean {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return false; // no file yet: a fresh database
  }
  try {
    const head = Buffer.alloc(SQLITE_HEADER.length);
    const read = fs.readSync(fd, head, 0, head.length, 0);
    return read > 0 && !head.subarray(0, read).equals(SQLITE_HEADER.subarray(0, read));
  } finally {
    fs.closeSync(fd);
  }
}

function openChecked(file: string, options: StoreOptions, check: boolean): Store {
  if (hasForeignHeader(file)) throw new DamagedDatabaseError('not an SQLite database');
  const store = new Store(file, options);
  if (check) {
    let result: unknown;
    try {
      result = store.db.pragma('quick_check', { simple: true });
    } catch (err) {
      store.close();
      throw err;
    }
    if (result !== 'ok') {
      store.close();
      throw new DamagedDatabaseError(`quick_check: ${String(result)}`);
    }
  }
  return store;
}

export function openStore(dataDir: string, options: StoreOptions = {}): OpenedStore {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, DB_FILE_NAME);
  const marker = `${file}.open`;
  const recoveredFromCrash = fs.existsSync(marker);
  let movedAside: string | null = null;
  let store: Store;
  try {
    store = openChecked(file, options, recoveredFromCrash);
  } catch (err) {
    if (!isDamage(err)) throw err;
    movedAside = moveAside(file);
    store = openChecked(file, options, false);
  }
  fs.writeFileSync(marker, String(process.pid));
  store.onClose(() => fs.rmSync(marker, { force: true }));
  return { store, recoveredFromCrash, movedAside };
}
