/**
 * Getting library files in and out of the page: read a chosen file as the core's importFaq wants
 * it (text for CSV/JSON, base64 for XLSX), and hand an exportFaq answer to the browser as a
 * download (a Blob behind an <a download>, which Chromium and Electron both save).
 */
import type { FaqExportFile, FaqFileFormat } from '../../../../shared/api/contract.js';
import { messageOf } from '../common/errorMessage.js';

/** importFaq takes at most 30 M characters; base64 grows a file by 4/3. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export function formatOfFileName(name: string): FaqFileFormat | null {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  return ext === 'csv' || ext === 'xlsx' || ext === 'json' ? ext : null;
}

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  // In slices: String.fromCharCode(...all) overflows the call stack on big files.
  const SLICE = 0x8000;
  for (let i = 0; i < bytes.length; i += SLICE) {
    binary += String.fromCharCode(...bytes.subarray(i, i + SLICE));
  }
  return btoa(binary);
}

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export interface ImportPayload {
  format: FaqFileFormat;
  data: string;
  encoding: 'utf8' | 'base64';
}

export type ReadImportResult =
  { ok: true; payload: ImportPayload } | { ok: false; reason: 'type' | 'size' | 'read'; detail?: string };

export async function readImportFile(file: File): Promise<ReadImportResult> {
  const format = formatOfFileName(file.name);
  if (!format) return { ok: false, reason: 'type' };
  if (file.size > MAX_IMPORT_BYTES) return { ok: false, reason: 'size' };
  try {
    if (format === 'xlsx') {
      const bytes = new Uint8Array(await file.arrayBuffer());
      return { ok: true, payload: { format, data: bytesToBase64(bytes), encoding: 'base64' } };
    }
    return { ok: true, payload: { format, data: await file.text(), encoding: 'utf8' } };
  } catch (error) {
    return { ok: false, reason: 'read', detail: messageOf(error) };
  }
}

export function saveExportFile(file: FaqExportFile): void {
  const body = file.encoding === 'base64' ? base64ToBytes(file.data) : file.data;
  const url = URL.createObjectURL(new Blob([body], { type: file.mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken its copy by the next tick; a minute is generous.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
