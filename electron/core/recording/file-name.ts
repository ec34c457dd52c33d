/** Where a show's recording goes: one file per show id, named safely on every platform. */
import { createHash } from 'node:crypto';

export const RECORDING_EXTENSION = '.jsonl.gz';
/** Events that arrive before the first hello (so before we know the show). */
const UNKNOWN_SHOW = 'unknown-show';
export const UNKNOWN_SHOW_FILE = `${UNKNOWN_SHOW}${RECORDING_EXTENSION}`;

const MAX_NAME_CHARS = 100;

/**
 * `<show id>.jsonl.gz` with the id reduced to [A-Za-z0-9._-] and at most 100 characters. An id
 * that had to be changed gets a short hash of the original, so two ids that clean up alike
 * ("a/b", "a:b") still get different files.
 */
export function recordingFileName(showId: string): string {
  // A leading dot would hide the file (and "." / ".." mean something else).
  let name = showId.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\./, '_');
  // A show really called "unknown-show" must not share the file of events before any hello.
  if (name !== showId || name.length > MAX_NAME_CHARS || name.length === 0 || name === UNKNOWN_SHOW) {
    const hash = createHash('sha256').update(showId, 'utf8').digest('hex').slice(0, 8);
    name = `${name.slice(0, MAX_NAME_CHARS)}-${hash}`;
  }
  return `${name}${RECORDING_EXTENSION}`;
}
