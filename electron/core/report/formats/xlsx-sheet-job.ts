/**
 * The export thread's end of a big-sheet worker (xlsx-sheet-worker.ts): starts it, relays its
 * progress, and resolves with the deflated sheet — or with null when the thread could not start
 * or open the database (the caller then builds the sheet itself, as before there were workers).
 * Abort or dispose() terminates the thread and removes its file.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { spawnWorker } from '../../worker-spawn.js';
import { isSheetWorkerMessage, type SheetWorkerData } from './xlsx-sheet-protocol.js';
import type { DeflatedData } from './zip-writer.js';

const here = path.dirname(fileURLToPath(import.meta.url));

export interface SpilledSheet {
  rows: number;
  /** The sheet, ready for XlsxWorkbook.addDeflatedSheet (read from the spill file). */
  data: DeflatedData;
}

export interface SheetJob {
  result: Promise<SpilledSheet | null>;
  /** Ends the thread if it still runs and removes its file; safe to call more than once. */
  dispose(): Promise<void>;
}

function spawn(data: SheetWorkerData): Worker {
  // V8's default heap limits. Measured on the 8-hour show (2 cores): a 16 MB young generation
  // peaked ~60 MB lower but took 0.5–1.5 s longer (more scavenges of the rows' short-lived
  // strings); 48 MB (about the default) and 128 MB gave no gain in time and 128 MB cost ~130 MB.
  return spawnWorker('xlsx-sheet-worker.js', path.join(here, 'xlsx-sheet-worker.ts'), data);
}

/** The file's bytes, opened only once the copy starts (never, if the export stops first). */
async function* readFile(file: string): AsyncGenerator<Buffer> {
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 2 ** 20 })) yield chunk as Buffer;
}

function abortError(): Error {
  return new DOMException('the export was cancelled', 'AbortError');
}

export function startSheetJob(
  data: SheetWorkerData,
  onProgress: (done: number, of: number) => void,
  signal: AbortSignal | undefined,
): SheetJob {
  let worker: Worker | null = null;
  try {
    worker = spawn(data);
  } catch {
    worker = null;
  }
  let exited = worker === null;
  const removeFile = () => fsp.rm(data.spillPath, { force: true });
  const dispose = async () => {
    if (worker && !exited) await worker.terminate();
    exited = true;
    await removeFile();
  };
  if (!worker) return { result: Promise.resolve(null), dispose };
  const w = worker;
  const result = new Promise<SpilledSheet | null>((resolve, reject) => {
    let ready = false;
    let settled = false;
    const settle = (outcome: SpilledSheet | null | Error) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    };
    const fail = (err: Error) => {
      if (settled) return; // the thread ending after 'done' is its normal end
      // Before the connection is open the thread is only unavailable: build the sheet here.
      settle(ready ? err : null);
      void dispose();
    };
    const onAbort = () => {
      settle(abortError());
      void dispose();
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    if (signal?.aborted) onAbort();
    w.on('message', (message: unknown) => {
      if (!isSheetWorkerMessage(message)) return;
      switch (message.type) {
        case 'ready':
          ready = true;
          return;
        case 'progress':
          onProgress(message.done, message.of);
          return;
        case 'failed':
          return fail(new Error(message.error));
        case 'done':
          return settle({
            rows: message.rows,
            data: {
              crc: message.crc,
              size: message.size,
              compressed: message.compressed,
              chunks: readFile(data.spillPath),
            },
          });
      }
    });
    w.on('error', (err) => fail(err));
    w.on('exit', (code) => {
      exited = true;
      fail(new Error(`the ${data.sheet} sheet's thread exited (${code}) before it was done`));
    });
  });
  result.catch(() => undefined); // observed by the caller in order; never unhandled meanwhile
  return { result, dispose };
}
