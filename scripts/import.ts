/**
 * `npm run import -- --file REC.jsonl.gz --data-dir DIR`
 * Re-imports a recording into a data directory through the real pipeline (validation, dedupe,
 * gaps, metrics, storage), keeping the recorded show ids: an import into a fresh data directory
 * reproduces the show exactly; into one that already holds the show, what it has is skipped.
 */
import { parseFlags } from '../electron/core/cli-flags.js';
import { MetricsEngine } from '../electron/core/engines/metrics-engine.js';
import { IngestPipeline } from '../electron/core/ingest/pipeline.js';
import { ReplaySource } from '../electron/core/sources/replay-source.js';
import { openStore } from '../electron/core/store/open-store.js';
import type { FeedState } from '../shared/api/contract.js';

const USAGE = `usage: npm run import -- --file REC.jsonl.gz --data-dir DIR
  --file      a recording (<dataDir>/recordings/<show>.jsonl.gz, or plain .jsonl)
  --data-dir  the data directory to import into (created if missing)`;

class UsageError extends Error {}

interface ImportOptions {
  file: string;
  dataDir: string;
}

function parseOptions(argv: string[]): ImportOptions {
  const values = parseFlags(
    argv,
    {
      file: { type: 'string' },
      'data-dir': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    (message) => new UsageError(message),
  );
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const file = values.file?.trim() ?? '';
  const dataDir = values['data-dir']?.trim() ?? '';
  if (file === '') throw new UsageError('--file is required');
  if (dataDir === '') throw new UsageError('--data-dir is required');
  if (file.length > 4096 || dataDir.length > 4096)
    throw new UsageError('paths are limited to 4096 characters');
  return { file, dataDir };
}

async function main(): Promise<void> {
  let options: ImportOptions;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    console.error(`import: ${err.message}\n\n${USAGE}`);
    process.exit(2);
  }

  let opened;
  try {
    opened = openStore(options.dataDir);
  } catch (err) {
    console.error(
      `import: cannot open the database in ${options.dataDir}: ${err instanceof Error ? err.message : String(err)}`,
    );
    process.exit(1);
  }
  const { store } = opened;
  if (opened.movedAside) console.log(`import: a damaged database was moved aside to ${opened.movedAside}`);

  const metrics = new MetricsEngine();
  const pipeline = new IngestPipeline({ store, metrics, sourceKind: 'replay' });
  const source = new ReplaySource({ file: options.file, speed: 1, keepShowId: true, instant: true });
  /** Comments each imported show already had, so only what this import added is counted. */
  const commentsBefore = new Map<string, number>();
  const handlers = pipeline.handlers();
  const finished = new Promise<{ state: FeedState; detail: string | null }>((resolve) => {
    source.start(
      {
        onHello: (hello) => {
          handlers.onHello(hello);
          const show = pipeline.currentShow;
          if (show && !commentsBefore.has(show.id)) commentsBefore.set(show.id, store.countComments(show.id));
        },
        onEvent: (type, payload) => handlers.onEvent(type, payload),
        onState: (state, detail) => {
          handlers.onState(state, detail);
          if (state === 'ended' || state === 'error') resolve({ state, detail: detail ?? null });
        },
      },
      () => pipeline.seq,
    );
  });

  const started = performance.now();
  const outcome = await finished;
  await source.stop();
  pipeline.stop();
  let commentsAdded = 0;
  for (const [id, before] of commentsBefore) commentsAdded += store.countComments(id) - before;
  store.close();

  const c = pipeline.counters;
  const events = Object.values(c.eventsByType).reduce((sum, n) => sum + n, 0);
  const seconds = (performance.now() - started) / 1000;
  const read = source.readSummary();
  console.log(`import: ${options.file} → ${options.dataDir}`);
  console.log(
    `  shows:           ${commentsBefore.size > 0 ? [...commentsBefore.keys()].join(', ') : '(none)'}`,
  );
  console.log(`  events:          ${events}`);
  console.log(`  comments stored: ${commentsAdded}`);
  console.log(`  invalid:         ${c.invalid}`);
  console.log(`  duplicates:      ${c.duplicatesDropped}`);
  console.log(`  gaps:            ${c.gaps.length}`);
  console.log(
    `  unreadable lines: ${read.badLines}${read.truncated ? ' (the recording was cut short)' : ''}`,
  );
  console.log(`  took:            ${seconds.toFixed(1)} s`);
  if (outcome.state === 'error') {
    console.error(`import: ${outcome.detail ?? 'the recording could not be read'}`);
    process.exit(1);
  }
  if (outcome.detail) console.log(`  note:            ${outcome.detail}`);
}

void main();
