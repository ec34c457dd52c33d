/**
 * The ingest benchmark's feed, in a process of its own: the simulator's reference server
 * (electron/core/sim/feed-server.ts) with the whole show generated up front and held, so every
 * client that connects with sinceSeq 0 gets the same events as fast as the server can send them.
 * Generation happens before "ready" and is never part of a measured figure.
 *
 * `node --import tsx scripts/bench/feed-child.ts --seed N --rate R --seconds S`; tells the parent
 * `ready {url, room, lastSeq, comments}`, then serves until SIGTERM.
 */
import { parseArgs } from 'node:util';
import { startSimFeedServer } from '../../electron/core/sim/feed-server.js';
import { ShowModel } from '../../electron/core/sim/show-model.js';
import { tellParent } from './child-process.js';
import { BENCH_SHOW_START } from './show-data.js';

export interface FeedReady {
  url: string;
  room: string;
  lastSeq: number;
  comments: number;
}

function positive(name: string, value: string | undefined): number {
  const n = Number(value);
  if (!(Number.isFinite(n) && n > 0)) throw new Error(`feed-child: --${name} must be a positive number`);
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { seed: { type: 'string' }, rate: { type: 'string' }, seconds: { type: 'string' } },
  });
  const model = new ShowModel({
    seed: positive('seed', values.seed),
    rate: positive('rate', values.rate),
    startedAt: BENCH_SHOW_START,
    durationMs: Math.round(positive('seconds', values.seconds) * 1000),
  });
  const server = await startSimFeedServer({ model, clock: 'manual', cacheFrames: true });
  let comments = 0;
  while (!model.done) {
    for (const event of server.advance(1000)) if (event.type === 'comments') comments += event.items.length;
  }
  const ready: FeedReady = { url: server.url, room: server.room, lastSeq: model.lastSeq, comments };
  tellParent('ready', ready);
  const stop = () => void server.stop().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
