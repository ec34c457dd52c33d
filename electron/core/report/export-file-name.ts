/**
 * Where an export goes: `<dataDir>/exports/直播工作总结_<show>_<YYYYMMDD-HHmm>.<ext>` (a period:
 * `直播工作总结_<from>_<to>.<ext>`), a name Windows accepts, never one already taken.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ReportFormat, ReportScope } from '../../../shared/api/report.js';

export const EXPORTS_DIR = 'exports';
export const FILE_PREFIX = '直播工作总结';
/** Longest show title kept in a file name (the whole name stays far below every OS's limit). */
export const MAX_TITLE_CHARS = 100;

/**
 * A show title as part of a file name: no characters Windows forbids (\ / : * ? " < > |) or
 * control characters, no leading/trailing spaces or dots, at most MAX_TITLE_CHARS characters.
 */
export function sanitiseTitle(title: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  const cleaned = title.replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, ' ').replace(/\s+/g, ' ');
  // Cut by code points, so a character outside the BMP (emoji) is never split in half.
  const cut = [...cleaned.trim()].slice(0, MAX_TITLE_CHARS).join('');
  const trimmed = cut.replace(/^[\s.]+|[\s.]+$/g, '');
  return trimmed === '' ? '未命名' : trimmed;
}

/** YYYYMMDD-HHmm in the local time of this machine (as the user reads the show's start). */
export function fileStamp(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}`;
}

/** The readable name of an export (without the -2, -3 a taken name gets). */
export function exportFileName(
  scope: ReportScope,
  show: { title: string; startedAt: number } | null,
  format: ReportFormat,
): string {
  if (scope.kind === 'period') return `${FILE_PREFIX}_${scope.from}_${scope.to}.${format}`;
  const title = sanitiseTitle(show?.title ?? scope.showId);
  const stamp = show ? `_${fileStamp(show.startedAt)}` : '';
  return `${FILE_PREFIX}_${title}${stamp}.${format}`;
}

/**
 * `dir/name`, or `dir/name-2`, `-3` … before the extension: the first that is neither on disk
 * nor `taken` (names of exports still running, whose file does not exist yet).
 */
export function uniqueExportPath(dir: string, name: string, taken: ReadonlySet<string> = new Set()): string {
  const ext = path.extname(name);
  const base = name.slice(0, name.length - ext.length);
  for (let n = 1; ; n++) {
    const candidate = path.join(dir, n === 1 ? name : `${base}-${n}${ext}`);
    if (!taken.has(candidate) && !fs.existsSync(candidate)) return candidate;
  }
}

/** Temp files a writer left beside `outPath` (`<outPath>.<random>.tmp`), for cleanup after a kill. */
export function leftoverTempFiles(outPath: string): string[] {
  const dir = path.dirname(outPath);
  const prefix = `${path.basename(outPath)}.`;
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  return names.filter((n) => n.startsWith(prefix) && n.endsWith('.tmp')).map((n) => path.join(dir, n));
}
