/** File-system errors said in words, for status lines and the replay source's error state. */

const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a directory, not a recording',
  ENOTDIR: 'a folder on the path is a file',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the disk is read-only',
  EMFILE: 'too many open files',
  EIO: 'the disk reported an I/O error',
};

export function describeFileError(file: string, err: unknown): string {
  const code = typeof err === 'object' && err !== null ? (err as { code?: unknown }).code : undefined;
  const reason =
    (typeof code === 'string' ? REASONS[code] : undefined) ??
    (err instanceof Error ? err.message : String(err));
  return `${file}: ${reason}`;
}
