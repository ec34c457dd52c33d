/**
 * Ingest throughput through the whole pipeline as the app runs it: the simulator's feed server in
 * another process (feed-child.ts) replays a generated show over socket.io on 127.0.0.1 into the
 * app's own start path (startLiveDesk with `--source socketio`): receive → validate → dedupe →
 * normalise → metrics → SQLite (one transaction per batch) → FAQ match and question grouping
 * (question tracker) → keyword alerts → board updates for a subscribed window, plus the raw-event
 * recorder. Timed from the core being up (source connecting) until the last comment is stored
 * and the questions and alerts derived from it are written.
 *
 * The ceiling, in the same run on the same rows: raw better-sqlite3 prepared inserts into the same
 * schema (unique index included), 2,000 rows per transaction. A supporting row times the core
 * pipeline alone (no socket.io, no FAQ, no alerts) on the same events, to show where time goes.
 * Warm-up runs excluded; app and ceiling runs alternate; median with min/max.
 */
import Database from 'better-sqlite3';
import path from 'node:path';
import { parseCliArgs } from '../../electron/core/config.js';
import { MetricsEngine } from '../../electron/core/engines/metrics-engine.js';
import { IngestPipeline } from '../../electron/core/ingest/pipeline.js';
import { startLiveDesk } from '../../electron/core/runtime.js';
import type { CoreService } from '../../electron/core/service.js';
import { openStore } from '../../electron/core/store/open-store.js';
import { DB_FILE_NAME } from '../../electron/core/store/store.js';
import type { FeedEvent } from '../../shared/protocol/feed.js';
import { spawnScript } from './child-process.js';
import { tempDir, waitUntil, type BenchContext } from './context.js';
import type { FeedReady } from './feed-child.js';
import { atLeast, summarise, type Measurement } from './result.js';
import { generateShow, type GeneratedShow } from './show-data.js';

const RATE = 5000;
const ROWS_PER_TXN = 2000;

/** One run of the app on a fresh data directory; returns ms from core-up to all stored. */
export async function appRun(feed: FeedReady): Promise<number> {
  const tmp = tempDir('bench-ingest');
  try {
    const config = parseCliArgs(
      ['--source', 'socketio', '--url', feed.url, '--room', feed.room, '--data-dir', tmp.dir],
      { dataDir: tmp.dir },
    );
    const runtime = await startLiveDesk(config);
    const started = performance.now();
    // The runtime's service is the core's; the bench reaches past the contract to drain its queues.
    const service = runtime.service as CoreService;
    const unsubscribe = service.onUpdate(() => {}); // a window is open, as in the app
    await waitUntil(
      () => service.getFeedStatus().commentsStored >= feed.comments,
      `${feed.comments} comments stored`,
      300_000,
    );
    service.tracker.writeWaiting();
    service.alerts.flush();
    const ms = performance.now() - started;
    unsubscribe();
    await runtime.stop();
    return ms;
  } finally {
    tmp.remove();
  }
}

/** The ceiling: the same comment rows, raw prepared inserts, same schema and pragmas. */
function ceilingRun(rows: readonly CommentInsert[]): number {
  const tmp = tempDir('bench-ceiling');
  try {
    openStore(tmp.dir).store.close(); // the app's schema, indexes and pragmas
    const db = new Database(path.join(tmp.dir, DB_FILE_NAME));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    const insert = db.prepare(
      'INSERT INTO comments (show_id, id, seq, ts, user_id, nickname, text, fan_club, truncated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)',
    );
    const tx = db.transaction((from: number) => {
      const to = Math.min(rows.length, from + ROWS_PER_TXN);
      for (let i = from; i < to; i++) {
        const c = rows[i]!;
        insert.run('bench', c.id, c.seq, c.ts, c.userId, c.nickname, c.text, c.fanClub);
      }
    });
    const started = performance.now();
    for (let from = 0; from < rows.length; from += ROWS_PER_TXN) tx(from);
    const ms = performance.now() - started;
    db.close();
    return ms;
  } finally {
    tmp.remove();
  }
}

/** The core pipeline alone, in-process: no transport, no FAQ, no alerts, no window. */
function coreRun(show: GeneratedShow): number {
  const tmp = tempDir('bench-core');
  try {
    const { store } = openStore(tmp.dir);
    const pipeline = new IngestPipeline({ store, metrics: new MetricsEngine(), sourceKind: 'sim' });
    const started = performance.now();
    pipeline.handleHello(show.model.hello(show.model.startedAt));
    for (const { type, ...payload } of show.events) pipeline.handleEvent(type, payload);
    pipeline.flush();
    const ms = performance.now() - started;
    pipeline.stop();
    store.close();
    return ms;
  } finally {
    tmp.remove();
  }
}

interface CommentInsert {
  id: string;
  seq: number;
  ts: number;
  userId: string;
  nickname: string;
  text: string;
  fanClub: number;
}

function commentRows(events: readonly FeedEvent[]): CommentInsert[] {
  const rows: CommentInsert[] = [];
  for (const e of events) {
    if (e.type !== 'comments') continue;
    for (const c of e.items) {
      rows.push({
        id: c.id,
        seq: e.seq,
        ts: c.ts,
        userId: c.userId,
        nickname: c.nickname,
        text: c.text,
        fanClub: c.fanClub ? 1 : 0,
      });
    }
  }
  return rows;
}

export async function benchIngest(ctx: BenchContext): Promise<Measurement[]> {
  const seconds = ctx.quick ? 10 : 120;
  const runs = ctx.quick ? 2 : 5;
  const feed = spawnScript('scripts/bench/feed-child.ts', [
    '--seed',
    String(ctx.seed),
    '--rate',
    String(RATE),
    '--seconds',
    String(seconds),
  ]);
  try {
    const ready = await feed.message<FeedReady>('ready', 120_000);
    // The same show, generated here too: the ceiling inserts exactly the rows the feed sends.
    const show = generateShow(ctx.seed, RATE, seconds);
    if (show.comments !== ready.comments || show.model.lastSeq !== ready.lastSeq) {
      throw new Error(
        `the feed process generated ${ready.comments} comments / ${ready.lastSeq} events, this one ${show.comments} / ${show.model.lastSeq}`,
      );
    }
    const rows = commentRows(show.events);
    ctx.log(`ingest: ${ready.comments.toLocaleString('en-US')} comments in ${ready.lastSeq} events; warm-up`);
    await appRun(ready);
    ceilingRun(rows);
    const app: number[] = [];
    const ceiling: number[] = [];
    for (let i = 0; i < runs; i++) {
      app.push(ready.comments / ((await appRun(ready)) / 1000));
      ceiling.push(rows.length / (ceilingRun(rows) / 1000));
      ctx.log(
        `ingest: run ${i + 1}/${runs}: app ${Math.round(app.at(-1)!)}/s, ceiling ${Math.round(ceiling.at(-1)!)}/s`,
      );
    }
    coreRun(show);
    const core = Array.from({ length: ctx.quick ? 1 : 3 }, () => show.comments / (coreRun(show) / 1000));
    const ceilingFigure = summarise(ceiling);
    const reference = { name: 'sqlite-ceiling', value: ceilingFigure.value! };
    const size = `${ready.comments.toLocaleString('en-US')} comments in ${ready.lastSeq.toLocaleString('en-US')} events (seed ${ctx.seed}, ${RATE}/s × ${seconds} s)`;
    return [
      {
        name: 'ingest',
        ...summarise(app),
        unit: 'comments/s',
        target: atLeast(100_000, 'comments/s'),
        ceiling: reference,
        note: `whole app pipeline (startLiveDesk, socket.io from the feed server in another process → validate → normalise → SQLite → FAQ match → keyword alerts, window subscribed); ${size}`,
      },
      {
        name: 'sqlite-ceiling',
        ...ceilingFigure,
        unit: 'comments/s',
        note: `raw better-sqlite3 prepared insert of the same rows, ${ROWS_PER_TXN} per transaction, same schema and unique index`,
      },
      {
        name: 'ingest-core-only',
        ...summarise(core),
        unit: 'comments/s',
        ceiling: reference,
        note: 'IngestPipeline.handleEvent in-process on the same events: validate → dedupe → normalise → metrics → SQLite; no socket.io, FAQ or alerts',
      },
    ];
  } finally {
    await feed.stop();
  }
}
