/**
 * The main thread's end of the store's writer thread (writer-worker.ts). Writes are posted in
 * order and their callbacks run when the worker's reply arrives (an event-loop message), so the
 * thread that serves the UI spends no time in SQLite's inserts. drain() blocks until everything
 * posted is answered — for the rare reader that must see its own writes (history, a restart of
 * the show, stop) — reading replies with receiveMessageOnPort and sleeping on a shared counter.
 *
 * If the worker ever dies, the writes it had not answered, and all later ones, run on the main
 * thread's own connection (InlineStoreWriter): slower, never lost.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { MessageChannel, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import type { StoredAlert } from './alerts-repo.js';
import { encodeQuestions, type NewQuestion, type QuestionSettlement } from './questions-repo.js';
import type { Store } from './store.js';
import type { BatchWritten, WriteBatch } from './types.js';
import { spawnWorker } from '../worker-spawn.js';
import { InlineStoreWriter, type StoreWriter, type WriteDone, type WriteOutcome } from './writer.js';
import {
  deserialiseError,
  encodeBatch,
  type WriterReply,
  type WriterRequest,
  type WriterWorkerData,
} from './writer-protocol.js';

const here = path.dirname(fileURLToPath(import.meta.url));
/** drain() re-checks that the worker is alive this often while it waits. */
const WAIT_SLICE_MS = 100;
const CLOSE_TIMEOUT_MS = 10_000;
/** SQLite's own WAL auto-checkpoint threshold (pages). */
const DEFAULT_WAL_AUTOCHECKPOINT = 1000;

/** A write as the callers hand it over (a request before its id and encoding). */
type Write =
  | { kind: 'batches'; batches: readonly WriteBatch[] }
  | { kind: 'questions'; questions: readonly NewQuestion[]; suggested: ReadonlyMap<string, number> }
  | { kind: 'settle'; settlement: QuestionSettlement }
  | { kind: 'alerts'; alerts: readonly StoredAlert[] };

function toRequest(write: Write, id: number): WriterRequest {
  switch (write.kind) {
    case 'batches':
      return { id, kind: 'batches', batches: write.batches.map(encodeBatch) };
    case 'questions':
      return {
        id,
        kind: 'questions',
        questions: encodeQuestions(write.questions),
        suggested: write.suggested,
      };
    default:
      return { ...write, id };
  }
}

interface Waiting {
  write: Write;
  done: (outcome: WriteOutcome<unknown>) => void;
}

function startWorker(data: Omit<WriterWorkerData, 'entry'>): Worker {
  return spawnWorker('store-writer.js', path.join(here, 'writer-worker.ts'), data, {
    transferList: [data.port],
  });
}

export class ThreadStoreWriter implements StoreWriter {
  private nextId = 1;
  /** Posted and not answered yet, in posting order (Map keeps insertion order). */
  private readonly waiting = new Map<number, Waiting>();
  private readonly counter: Int32Array;
  /** Set once the worker is gone: every write runs on the main connection from then on. */
  private inline: InlineStoreWriter | null = null;
  private closed = false;
  /** Whether Atomics.wait may block this thread (see sleep). */
  private canBlock = true;

  /** Resolves once the thread has its connection open, or once its writes fell back here. */
  readonly ready: Promise<void>;
  private markReady: () => void = () => {};

  private constructor(
    private readonly worker: Worker,
    private readonly port: MessagePort,
    signal: SharedArrayBuffer,
    private readonly store: Store,
  ) {
    this.counter = new Int32Array(signal);
    port.on('message', (reply: WriterReply) => this.answer(reply));
    worker.on('error', (err) => console.error(`store writer thread: ${err.message}`));
    worker.on('exit', () => this.takeOver());
    // Once its connection is open the writer never keeps the process alive by itself (stop()
    // drains and closes it); until then it does, or a process whose only work is awaiting
    // `ready` would end right there.
    this.ready = new Promise<void>((resolve) => {
      this.markReady = () => {
        port.unref();
        worker.unref();
        resolve();
      };
    });
  }

  /**
   * Starts the thread on the database `store` has open and returns at once: writes handed over
   * before the thread's connection is open wait in its port (the thread boots — ~340 ms under tsx —
   * while this thread goes on starting the app). If the thread cannot open the database or dies,
   * its writes and all later ones run on `store`'s connection instead.
   */
  static launch(store: Store, nativeBinding?: string): ThreadStoreWriter {
    const { port1, port2 } = new MessageChannel();
    const signal = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
    const file = store.db.name;
    const worker = startWorker({ file, port: port2, signal, ...(nativeBinding ? { nativeBinding } : {}) });
    // The writer's commits checkpoint the WAL; the main connection's rare writes must not do
    // that work on the thread that serves the UI (it runs on the commit that crosses the limit).
    store.db.pragma('wal_autocheckpoint = 0');
    return new ThreadStoreWriter(worker, port1, signal, store);
  }

  /** launch(), resolved once the thread's connection is open (or its writes fell back here). */
  static async start(store: Store, nativeBinding?: string): Promise<ThreadStoreWriter> {
    const writer = ThreadStoreWriter.launch(store, nativeBinding);
    await writer.ready;
    return writer;
  }

  writeBatches(batches: readonly WriteBatch[], done: WriteDone<BatchWritten[]>): void {
    this.post({ kind: 'batches', batches }, done);
  }

  insertQuestions(
    questions: readonly NewQuestion[],
    suggested: ReadonlyMap<string, number>,
    done: WriteDone<number>,
  ): void {
    this.post({ kind: 'questions', questions, suggested }, done);
  }

  settleGroup(settlement: QuestionSettlement, done: WriteDone<number>): void {
    this.post({ kind: 'settle', settlement }, done);
  }

  saveAlerts(alerts: readonly StoredAlert[], done: WriteDone<void>): void {
    this.post({ kind: 'alerts', alerts }, done);
  }

  private post<T>(write: Write, done: WriteDone<T>): void {
    const wrapped = (outcome: WriteOutcome<unknown>) => done(outcome as WriteOutcome<T>);
    if (this.inline || this.closed) {
      runInline(this.inline ?? new InlineStoreWriter(this.store), write, wrapped);
      return;
    }
    const id = this.nextId++;
    this.waiting.set(id, { write, done: wrapped });
    this.port.postMessage(toRequest(write, id));
  }

  private answer(reply: WriterReply): void {
    if (reply.id === 0) {
      // The thread's first word: its connection is open, or it could not open one (and ends).
      if (!reply.ok) {
        console.error(`store writer thread did not start: ${deserialiseError(reply.error).message}`);
        this.takeOver();
      }
      this.markReady();
      return;
    }
    const waiting = this.waiting.get(reply.id);
    if (!waiting) return;
    this.waiting.delete(reply.id);
    waiting.done(
      reply.ok ? { ok: true, value: reply.value } : { ok: false, error: deserialiseError(reply.error) },
    );
  }

  drain(): void {
    // Only what is posted by now: writes the callbacks hand over meanwhile are not waited for
    // (the tracker's wait must not turn into a wait for the pipeline's whole backlog).
    const last = this.nextId - 1;
    while (this.oldestWaiting() <= last) {
      const seen = Atomics.load(this.counter, 0);
      const received = receiveMessageOnPort(this.port);
      if (received) {
        this.answer(received.message as WriterReply);
        continue;
      }
      if (this.inline || this.worker.threadId === -1) {
        this.takeOver();
        continue;
      }
      this.sleep(seen);
    }
  }

  /**
   * Sleeps until the worker's next reply (or a slice passes). Node lets its main thread block; a
   * host whose main thread may not (Atomics.wait throws there) gets a polling loop instead —
   * drain() is for the rare reader and for stop, never the ingest path.
   */
  private sleep(seen: number): void {
    if (!this.canBlock) return;
    try {
      Atomics.wait(this.counter, 0, seen, WAIT_SLICE_MS);
    } catch {
      this.canBlock = false;
    }
  }

  private oldestWaiting(): number {
    const oldest = this.waiting.keys().next();
    return oldest.done ? Infinity : oldest.value;
  }

  /** The worker is gone: what it had not answered runs here, in order, and so does all that follows. */
  private takeOver(): void {
    this.markReady();
    if (this.closed && this.waiting.size === 0) return;
    if (!this.inline) {
      this.inline = new InlineStoreWriter(this.store);
      this.restoreCheckpoints();
      if (!this.closed) console.error('store writer thread stopped: writing on the main thread');
    }
    // Replies the worker posted before it went are still the answer for their writes.
    for (let r = receiveMessageOnPort(this.port); r; r = receiveMessageOnPort(this.port)) {
      this.answer(r.message as WriterReply);
    }
    for (const [id, waiting] of this.waiting) {
      this.waiting.delete(id);
      runInline(this.inline, waiting.write, waiting.done);
    }
  }

  /** The main connection checkpoints again (SQLite's default), as when it writes alone. */
  private restoreCheckpoints(): void {
    if (this.store.db.open) this.store.db.pragma(`wal_autocheckpoint = ${DEFAULT_WAL_AUTOCHECKPOINT}`);
  }

  /** Waits for every write, then closes the worker's connection and ends the thread. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.drain();
    this.closed = true;
    this.restoreCheckpoints();
    if (this.worker.threadId === -1) return;
    const exited = new Promise<void>((resolve) => this.worker.once('exit', () => resolve()));
    this.port.postMessage({ id: this.nextId++, kind: 'close' } satisfies WriterRequest);
    const timer = setTimeout(() => void this.worker.terminate(), CLOSE_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
    this.port.close();
  }
}

function runInline(writer: InlineStoreWriter, write: Write, done: WriteDone<unknown>): void {
  switch (write.kind) {
    case 'batches':
      return writer.writeBatches(write.batches, done);
    case 'questions':
      return writer.insertQuestions(write.questions, write.suggested, done);
    case 'settle':
      return writer.settleGroup(write.settlement, done);
    case 'alerts':
      return writer.saveAlerts(write.alerts, done);
  }
}
