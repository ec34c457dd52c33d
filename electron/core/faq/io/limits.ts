/** Size limits of an imported file: far above a real 话术库, low enough to keep the app responsive. */
import { fileError } from './errors.js';

export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** Entries (data rows, not counting the header). */
export const MAX_FILE_ENTRIES = 20_000;

export function checkFileSize(bytes: number): void {
  if (bytes > MAX_FILE_BYTES) {
    const mb = (bytes / 1024 / 1024).toFixed(1);
    throw fileError(
      `文件太大（${mb} MB），上限 20 MB`,
      `the file is too large (${mb} MB); the limit is 20 MB`,
    );
  }
}

export function checkEntryCount(count: number): void {
  if (count > MAX_FILE_ENTRIES) {
    throw fileError(
      `条目太多（${count} 条），上限 ${MAX_FILE_ENTRIES} 条`,
      `too many entries (${count}); the limit is ${MAX_FILE_ENTRIES}`,
    );
  }
}
