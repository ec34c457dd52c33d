/**
 * The store's writer thread (a worker_threads Worker): its own better-sqlite3 connection to the
 * app's database (WAL, busy_timeout from Store), writing comment batches and questions in the
 * order they arrive, one transaction each — the same Store and QuestionsRepo code the main
 * thread would run. Each reply is posted, then the shared counter is bumped, so a main thread
 * blocked in drain() wakes up to read it.
 */
import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import { Store } from './store.js';
import {
  decodeBatch,
  serialiseError,
  type WriterReply,
  type WriterRequest,
  type WriterWorkerData,
} from './writer-protocol.js';

/** The writer connection's page cache (KiB). */
const WRITER_CACHE_KIB = 64 * 1024;

function run(data: WriterWorkerData): void {
  const { port } = data;
  const counter = new Int32Array(data.signal);
  const reply = (message: WriterReply) => {
    port.postMessage(message);
    Atomics.add(counter, 0, 1);
    Atomics.notify(counter, 0);
  };
  let store: Store;
  try {
    store = new Store(data.file, data.nativeBinding ? { nativeBinding: data.nativeBinding } : {});
  } catch (err) {
    reply({ id: 0, ok: false, error: serialiseError(err) });
    port.close();
    return;
  }
  // This connection does the hot inserts: a bigger page cache keeps the questions' and comments'
  // index pages in memory (the default 2 MB held a fraction of them; each miss is a read).
  store.db.pragma(`cache_size = -${WRITER_CACHE_KIB}`);
  reply({ id: 0, ok: true, value: null });
  port.on('message', (first: WriterRequest) => {
    // Everything else already waiting goes in the same transaction: one commit instead of one
    // per request (the pipeline's batches and the tracker's questions arrive side by side).
    const requests = [first];
    for (let r = receiveMessageOnPort(port); r; r = receiveMessageOnPort(port)) {
      requests.push(r.message as WriterRequest);
    }
    const close = requests.findIndex((r) => r.kind === 'close');
    const writes = (close === -1 ? requests : requests.slice(0, close)) as Write[];
    for (const answer of writeTogether(store, writes)) reply(answer);
    if (close !== -1) {
      store.close();
      reply({ id: requests[close]!.id, ok: true, value: null });
      port.close();
    }
  });
}

type Write = Exclude<WriterRequest, { kind: 'close' }>;

/**
 * Writes the requests in one transaction (the repos' own transactions nest as savepoints). If
 * any of them fails, the whole transaction is rolled back and they are written again one by one,
 * each in its own transaction as before, so each hears its own outcome (failures are rare; an
 * error such as SQLITE_FULL can end SQLite's transaction by itself, so nothing partial is kept).
 */
function writeTogether(store: Store, writes: readonly Write[]): WriterReply[] {
  if (writes.length > 1) {
    try {
      const values = store.db.transaction(() => writes.map((w) => write(store, w)))();
      return writes.map((w, i) => ({ id: w.id, ok: true, value: values[i] }));
    } catch {
      // Rolled back as a whole: answered one by one below.
    }
  }
  return writes.map((w) => answer(store, w));
}

function answer(store: Store, request: Write): WriterReply {
  try {
    return { id: request.id, ok: true, value: write(store, request) };
  } catch (err) {
    return { id: request.id, ok: false, error: serialiseError(err) };
  }
}

function write(store: Store, request: Write): unknown {
  switch (request.kind) {
    case 'batches':
      return store.writeBatchesIds(request.batches.map(decodeBatch));
    case 'questions':
      return store.questions.insertColumns(request.questions, request.suggested);
    case 'settle': {
      const s = request.settlement;
      return store.questions.settleGroup(s.showId, s.groupKey, s.state, s.at, s.faqId);
    }
    case 'alerts':
      return store.alerts.save(request.alerts);
  }
}

if (parentPort) run(workerData as WriterWorkerData);
