/**
 * Reads a ZIP file's central directory (names and uncompressed sizes) without inflating
 * anything. Lets the XLSX reader say "this is not a workbook" before handing bytes to exceljs,
 * and refuse a small file that would inflate to gigabytes (a zip bomb would take the core down).
 */

export interface ZipEntryInfo {
  name: string;
  /** null when the archive stores it in a ZIP64 extra field (not read here). */
  uncompressedBytes: number | null;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const END_RECORD_BYTES = 22;
const MAX_COMMENT_BYTES = 0xffff;
const ZIP64_MARKER = 0xffffffff;

export const isZip = (bytes: Buffer): boolean => bytes.length >= 4 && bytes.readUInt32LE(0) === 0x04034b50;

function findEndRecord(bytes: Buffer): number | null {
  const lowest = Math.max(0, bytes.length - END_RECORD_BYTES - MAX_COMMENT_BYTES);
  for (let at = bytes.length - END_RECORD_BYTES; at >= lowest; at -= 1) {
    if (bytes.readUInt32LE(at) === END_OF_DIRECTORY) return at;
  }
  return null;
}

/** The entries, or null if the bytes are not a readable ZIP archive. */
export function readZipDirectory(bytes: Buffer): ZipEntryInfo[] | null {
  if (!isZip(bytes) || bytes.length < END_RECORD_BYTES) return null;
  const end = findEndRecord(bytes);
  if (end === null) return null;
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const entries: ZipEntryInfo[] = [];
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== DIRECTORY_ENTRY) return null;
    const size = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    if (at + 46 + nameLength > bytes.length) return null;
    const name = bytes.toString('utf8', at + 46, at + 46 + nameLength);
    entries.push({ name, uncompressedBytes: size === ZIP64_MARKER ? null : size });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
