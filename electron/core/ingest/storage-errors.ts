/** Why a write failed, in words, and whether waiting can fix it. */

export function describeStorageError(err: unknown): string {
  const code = (err as { code?: unknown }).code;
  const message = err instanceof Error ? err.message : String(err);
  if (code === 'SQLITE_FULL') return `disk full (${message})`;
  if (typeof code === 'string' && code.startsWith('SQLITE_IOERR')) return `disk I/O error (${message})`;
  if (code === 'SQLITE_READONLY') return `the database is read-only (${message})`;
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return `the database is busy (${message})`;
  return message;
}

/** Conditions that pass by themselves (space freed, lock released): keep the data and retry. */
export function isTransientStorageError(err: unknown): boolean {
  const code = (err as { code?: unknown }).code;
  return (
    typeof code === 'string' &&
    (code === 'SQLITE_FULL' ||
      code.startsWith('SQLITE_IOERR') ||
      code === 'SQLITE_BUSY' ||
      code === 'SQLITE_LOCKED' ||
      code === 'SQLITE_READONLY')
  );
}
