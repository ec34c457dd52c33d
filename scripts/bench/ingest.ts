/**
 * Ingest throughput: comments/s into SQLite through (a) the pipeline directly (validate →
 * dedupe → batch → store), (b) the whole path from the simulator's socket.io server on
 * 127.0.0.1, and (c) the ceiling: raw better-sqlite3 batched inserts of the same rows.
 * Same generated show for all three; warm-up run excluded; median of runs with min/max.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MetricsEngine } from '../../electron/core/engines/metrics-engine.js';
import { IngestPipeline } from '../../electron/core/ingest/pipeline.js';
import { startSimFeedServer } from '../../electron/core/sim/feed-server.js';
import { ShowModel } from '../../electron/core/sim/show-model.js';
import { SocketIoSource } from '../../electron/core/sources/socketio-source.js';
import { openStore } from '../../electron/core/store/open-store.js';
import type { FeedEvent } from '../../shared/protocol/feed.js';

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  min: number;
  max: number;
  runs: number;
  ceiling?: number;
  ratio?: number;
  note?: string;
}

const STARTED_AT = Date.UTC(2026, 10, 23, 12);

function tempDir(): { dir: string; done: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'livedesk-bench-'));
  return { dir, done: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

function generate(
  seed: number,
  rate: number,
  minutes: number,
): { events: FeedEvent[]; comments: number; model: ShowModel } {
  const model = new ShowModel({ seed, rate, startedAt: STARTED_AT, durationMs: minutes * 60_000 });
  const events: FeedEvent[] = [];
  let comments = 0;
  while (!model.done) {
    for (const e of model.step()) {
      events.push(e);
      if (e.type === 'comments') comments += e.items.length;
    }
  }
  return { events, comments, model };
}

function hello(model: ShowModel) {
  return model.hello(STARTED_AT);
}

function pipelineRun(events: FeedEvent[], model: ShowModel): number {
  const tmp = tempDir();
  const store = openStore(tmp.dir).store;
  const pipeline = new IngestPipeline({ store, metrics: new MetricsEngine(), sourceKind: 'sim' });
  const start = performance.now();
  pipeline.handleHello(hello(model));
  for (const e of events) {
    const { type, ...payload } = e;
    pipeline.handleEvent(type, payload);
  }
  pipeline.flush();
  const ms = performance.now() - start;
  store.close();
  tmp.done();
  return ms;
}

function ceilingRun(events: FeedEvent[]): number {
  const tmp = tempDir();
  const store = openStore(tmp.dir).store; // same schema, same pragmas, same unique index
  const db = new Database(path.join(tmp.dir, 'livedesk.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  const insert = db.prepare(
    'INSERT INTO comments (show_id, id, seq, ts, user_id, nickname, text, fan_club, truncated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)',
  );
  const rows = events.flatMap((e) =>
    e.type === 'comments' ? e.items.map((c) => ({ ...c, seq: e.seq })) : [],
  );
  const tx = db.transaction((chunk: typeof rows) => {
    for (const c of chunk)
      insert.run('s', c.id, c.seq, c.ts, c.userId, c.nickname, c.text, c.fanClub ? 1 : 0);
  });
  const start = performance.now();
  for (let i = 0; i < rows.length; i += 2000) tx(rows.slice(i, i + 2000));
  const ms = performance.now() - start;
  db.close();
  store.close();
  tmp.done();
  return ms;
}

async function socketRun(
  seed: number,
  rate: number,
  minutes: number,
): Promise<{ ms: number; comments: number }> {
  const model = new ShowModel({ seed, rate, startedAt: STARTED_AT, durationMs: minutes * 60_000 });
  // Generate the whole show up front on the server (held for replay), so we time transport + ingest only.
  const server = await startSimFeedServer({ model, clock: 'manual' });
  let comments = 0;
  while (!model.done)
    for (const e of server.advance(1000)) if (e.type === 'comments') comments += e.items.length;
  const tmp = tempDir();
  const store = openStore(tmp.dir).store;
  const pipeline = new IngestPipeline({ store, metrics: new MetricsEngine(), sourceKind: 'socketio' });
  const source = new SocketIoSource({ url: server.url, room: server.room });
  const start = performance.now();
  source.start(pipeline.handlers(), () => pipeline.seq);
  while (pipeline.seq < model.lastSeq) await new Promise((r) => setTimeout(r, 2));
  pipeline.flush();
  const ms = performance.now() - start;
  await source.stop();
  await server.stop();
  store.close();
  tmp.done();
  return { ms, comments };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function benchIngest(runs = 5): Promise<BenchResult[]> {
  const { events, comments, model } = generate(9, 5000, 2);
  pipelineRun(events, model); // warm-up
  ceilingRun(events);
  const pipe: number[] = [];
  const ceil: number[] = [];
  for (let i = 0; i < runs; i++) {
    pipe.push(comments / (pipelineRun(events, model) / 1000));
    ceil.push(comments / (ceilingRun(events) / 1000));
  }
  await socketRun(9, 5000, 1); // warm-up
  const sock: number[] = [];
  let socketComments = 0;
  for (let i = 0; i < Math.max(3, Math.floor(runs / 2)); i++) {
    const r = await socketRun(9, 5000, 2);
    socketComments = r.comments;
    sock.push(r.comments / (r.ms / 1000));
  }
  const ceiling = median(ceil);
  const round = (x: number) => Math.round(x);
  return [
    {
      name: 'ingest-pipeline',
      value: round(median(pipe)),
      unit: 'comments/s',
      min: round(Math.min(...pipe)),
      max: round(Math.max(...pipe)),
      runs,
      ceiling: round(ceiling),
      ratio: Number((median(pipe) / ceiling).toFixed(2)),
      note: `${comments} comments in ${events.length} events (validate → dedupe → batch → SQLite)`,
    },
    {
      name: 'ingest-socketio',
      value: round(median(sock)),
      unit: 'comments/s',
      min: round(Math.min(...sock)),
      max: round(Math.max(...sock)),
      runs: sock.length,
      ceiling: round(ceiling),
      ratio: Number((median(sock) / ceiling).toFixed(2)),
      note: `${socketComments} comments replayed from the sim server on 127.0.0.1 through the socket.io source`,
    },
    {
      name: 'sqlite-ceiling',
      value: round(ceiling),
      unit: 'comments/s',
      min: round(Math.min(...ceil)),
      max: round(Math.max(...ceil)),
      runs,
      note: 'raw better-sqlite3 prepared insert, 2,000 rows/txn, same schema and unique index',
    },
  ];
}
