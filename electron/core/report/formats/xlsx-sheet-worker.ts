/**
 * A big sheet (评论 or 问题与回复) built in a worker thread of its own, beside the other one: its
 * own read-only connection, the same row XML as on the export thread (xlsx-rows.ts), deflated
 * into a file that the export thread copies into the package (XlsxWorkbook.addDeflatedSheet).
 * Cancelling is the export thread's: it terminates this thread and removes the file.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Store } from '../../store/store.js';
import { describeError } from '../report-error.js';
import { reportRows } from '../report-rows.js';
import { DeflateSpill } from './deflate-spill.js';
import type { SheetWorkerData, SheetWorkerMessage } from './xlsx-sheet-protocol.js';
import { commentsSheet, questionsSheet } from './xlsx-rows.js';
import { SheetWriter, styleKey, type CellStyle, type SheetBook, type SheetOptions } from './xlsx-workbook.js';

/** The one sheet, into the spill file, with the workbook's style ids. */
class SpillBook implements SheetBook {
  sheet: SheetWriter | null = null;
  private readonly ids: Map<string, number>;
  private readonly shared: Map<string, number>;

  constructor(
    private readonly spill: DeflateSpill,
    data: Pick<SheetWorkerData, 'styles' | 'shared'>,
  ) {
    this.ids = new Map(data.styles);
    this.shared = new Map(data.shared);
  }

  addSheet(name: string, options: SheetOptions): Promise<SheetWriter> {
    if (this.sheet) throw new Error('a sheet worker builds one sheet');
    this.sheet = new SheetWriter(this.spill, name, options, false);
    return Promise.resolve(this.sheet);
  }

  sharedString(text: string): number {
    const id = this.shared.get(text);
    if (id === undefined) throw new Error(`"${text}" is not a shared string of the workbook`);
    return id;
  }

  style(style: CellStyle): number {
    const id = this.ids.get(styleKey(style));
    if (id === undefined) throw new Error(`style ${styleKey(style)} was not registered by the export thread`);
    return id;
  }
}

async function run(port: NonNullable<typeof parentPort>, data: SheetWorkerData): Promise<void> {
  const post = (message: SheetWorkerMessage) => port.postMessage(message);
  let store: Store | null = null;
  try {
    store = new Store(data.file, {
      readonly: true,
      ...(data.nativeBinding ? { nativeBinding: data.nativeBinding } : {}),
    });
    post({ type: 'ready' });
    const spill = await DeflateSpill.open(data.spillPath, data.level);
    const book = new SpillBook(spill, data);
    const build = data.sheet === 'comments' ? commentsSheet : questionsSheet;
    const source = { rows: reportRows(store), signal: undefined };
    const rows = await build(
      book,
      source,
      data.showId,
      data.total,
      (done, of) => post({ type: 'progress', done, of }),
      data.maxRows,
    );
    await book.sheet?.close();
    const sums = await spill.finish();
    post({ type: 'done', rows, ...sums });
  } catch (err) {
    post({ type: 'failed', error: describeError(err) });
  }
  try {
    store?.close();
  } catch {
    // A read-only connection has nothing to lose.
  }
  port.close();
}

if (parentPort) void run(parentPort, workerData as SheetWorkerData);
