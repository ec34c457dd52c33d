/**
 * Writes the soak's show as a recording (the app's own gzip JSONL format, electron/core/recording),
 * in a process of its own: the soak then replays it from the file, so the process it measures runs
 * the app and a streaming reader only — not the simulator, whose per-viewer state grows all show.
 *
 * `node --import tsx scripts/bench/record-show.ts --seed N --rate R --hours H --dir DIR`; tells the
 * parent `recorded {file, comments, events}`.
 */
import fs from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import zlib from 'node:zlib';
import { formatLine } from '../../electron/core/recording/line.js';
import { recordingFileName } from '../../electron/core/recording/file-name.js';
import { ShowModel } from '../../electron/core/sim/show-model.js';
import { tellParent } from './child-process.js';
import { BENCH_SHOW_START } from './show-data.js';

export interface RecordedShow {
  file: string;
  comments: number;
  events: number;
}

function positive(name: string, value: string | undefined): number {
  const n = Number(value);
  if (!(Number.isFinite(n) && n > 0)) throw new Error(`record-show: --${name} must be a positive number`);
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string' },
      rate: { type: 'string' },
      hours: { type: 'string' },
      dir: { type: 'string' },
    },
  });
  if (!values.dir) throw new Error('record-show: --dir is required');
  const model = new ShowModel({
    seed: positive('seed', values.seed),
    rate: positive('rate', values.rate),
    startedAt: BENCH_SHOW_START,
    durationMs: Math.round(positive('hours', values.hours) * 3600_000),
  });
  fs.mkdirSync(values.dir, { recursive: true });
  // The app's line format (recording/line.ts), gzip, written with backpressure: the Recorder is
  // built for a live feed (bounded backlog, drops when behind), not for a show generated at once.
  const file = path.resolve(values.dir, recordingFileName(model.showId));
  const gzip = zlib.createGzip({ level: 1 });
  const done = finished(gzip.pipe(fs.createWriteStream(file)));
  const write = async (line: string) => {
    if (!gzip.write(line)) await once(gzip, 'drain');
  };
  await write(formatLine(BENCH_SHOW_START, 'hello', 'hello', model.hello(BENCH_SHOW_START)));
  let comments = 0;
  while (!model.done) {
    for (const { type, ...payload } of model.step()) {
      if (type === 'comments') comments += (payload as { items: unknown[] }).items.length;
      await write(formatLine(model.simTime, 'event', type, payload));
    }
  }
  gzip.end();
  await done;
  const recorded: RecordedShow = { file, comments, events: model.lastSeq };
  tellParent('recorded', recorded);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
