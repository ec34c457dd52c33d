/**
 * The app's own start path, in a fresh process (modules loaded before the clock starts):
 * startLiveDesk on a data directory (the demo source, as a plain start does) → the first board
 * snapshot a window would get that carries data (a show and its metrics).
 *
 * `node --import tsx scripts/bench/startup-child.ts --data-dir DIR`; tells the parent
 * `startup {openMs, firstDataMs, snapshotMs}`.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseCliArgs } from '../../electron/core/config.js';
import { startLiveDesk } from '../../electron/core/runtime.js';
import { tellParent } from './child-process.js';
import { waitUntil } from './context.js';

export interface StartupTimes {
  /** startLiveDesk resolved: database open (checked if needed), services built, source started. */
  openMs: number;
  /** The first getSnapshot() with a show and metrics. */
  firstDataMs: number;
  /** What that getSnapshot() call took. */
  snapshotMs: number;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'data-dir': { type: 'string' } } });
  const dataDir = values['data-dir'];
  if (!dataDir) throw new Error('startup-child: --data-dir is required');
  const config = parseCliArgs(['--data-dir', path.resolve(dataDir)], { dataDir });
  const started = performance.now();
  const runtime = await startLiveDesk(config);
  const openMs = performance.now() - started;
  let snapshotMs = 0;
  await waitUntil(
    () => {
      const before = performance.now();
      const snapshot = runtime.service.getSnapshot();
      snapshotMs = performance.now() - before;
      return snapshot.show !== null && snapshot.metrics !== null;
    },
    'a snapshot with data',
    30_000,
    5,
  );
  const firstDataMs = performance.now() - started;
  await runtime.stop();
  const times: StartupTimes = { openMs, firstDataMs, snapshotMs };
  tellParent('startup', times);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
