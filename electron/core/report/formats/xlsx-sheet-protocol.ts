/** What the export thread and a big-sheet worker (xlsx-sheet-worker.ts) say to each other. */

export type BigSheet = 'comments' | 'questions';

export interface SheetWorkerData {
  /** The database file, opened read-only by the worker. */
  file: string;
  nativeBinding?: string;
  sheet: BigSheet;
  showId: string;
  /** The rows the show has (read once by the export thread, so both threads cap alike). */
  total: number;
  maxRows: number;
  /** Style key (styleKey) → the workbook's id, registered by the export thread beforehand. */
  styles: [string, number][];
  /** Label → the workbook's shared-string index, likewise. */
  shared: [string, number][];
  /** The file the deflated sheet goes to (must not exist). */
  spillPath: string;
  level: number;
  /** Under tsx only: the worker's TypeScript source, loaded by ts-worker-boot.mjs. */
  entry?: string;
}

export type SheetWorkerMessage =
  /** The connection is open: from here on a failure is the export's, not a reason to fall back. */
  | { type: 'ready' }
  | { type: 'progress'; done: number; of: number }
  | { type: 'done'; rows: number; crc: number; size: number; compressed: number }
  | { type: 'failed'; error: string };

export function isSheetWorkerMessage(value: unknown): value is SheetWorkerMessage {
  if (typeof value !== 'object' || value === null) return false;
  const type = (value as { type?: unknown }).type;
  return type === 'ready' || type === 'progress' || type === 'done' || type === 'failed';
}
