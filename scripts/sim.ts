/**
 * `npm run sim -- --rate 200 --seed 7 --speed 1 --port 7300 [--duration MIN] [--token T] [--room R]`
 * Runs a simulated live room as a feed-protocol server that LiveDesk (or anything speaking
 * the protocol) can connect to with `--source socketio`.
 */
import { parseFlags } from '../electron/core/cli-flags.js';
import { startSimFeedServer } from '../electron/core/sim/feed-server.js';
import { ShowModel } from '../electron/core/sim/show-model.js';

const USAGE = `usage: npm run sim -- [--rate N] [--seed N] [--speed X] [--port N] [--host H]
                      [--duration MIN] [--token T] [--room R] [--hold N]
  --rate      mean comments per second, 10..10000 (default 200)
  --seed      non-negative integer; same seed, same show (default 20261123)
  --speed     time acceleration 0.1..1000 (default 1 = real time)
  --port      TCP port, 0 = any free port (default 7300)
  --host      interface to listen on (default 127.0.0.1)
  --duration  show length in minutes (default 180)
  --token     require this token from clients
  --room      room id (default demo-room)
  --hold      events kept for replay/backfill (default: ~20000, fewer at high rates)`;

class UsageError extends Error {}

interface SimCliOptions {
  rate: number;
  seed: number;
  speed: number;
  port: number;
  host: string;
  durationMs: number;
  token: string | undefined;
  room: string;
  hold: number;
}

function numberFlag(
  name: string,
  raw: string | undefined,
  fallback: number,
  check: (n: number) => boolean,
  rule: string,
): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(n) || !check(n))
    throw new UsageError(`--${name} must be ${rule}, got "${raw}"`);
  return n;
}

function parseOptions(argv: string[]): SimCliOptions {
  const values = parseFlags(
    argv,
    {
      rate: { type: 'string' },
      seed: { type: 'string' },
      speed: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      duration: { type: 'string' },
      token: { type: 'string' },
      room: { type: 'string' },
      hold: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    (message) => new UsageError(message),
  );
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const int = (n: number) => Number.isSafeInteger(n);
  const room = values.room ?? 'demo-room';
  if (room.length < 1 || room.length > 128 || /[/?#\s]/.test(room)) {
    throw new UsageError(`--room must be 1..128 characters without / ? # or spaces, got "${room}"`);
  }
  if (values.token !== undefined && (values.token.length < 1 || values.token.length > 4096)) {
    throw new UsageError('--token must be 1..4096 characters');
  }
  const rate = numberFlag(
    'rate',
    values.rate,
    200,
    (n) => n >= 10 && n <= 10_000,
    'a number from 10 to 10000',
  );
  // Memory follows comment items, not events: hold fewer events at high rates.
  const defaultHold = Math.max(2000, Math.min(20_000, Math.round(4e6 / rate)));
  const minutes = numberFlag(
    'duration',
    values.duration,
    180,
    (n) => n > 0 && n <= 7 * 24 * 60,
    'minutes in (0, 10080]',
  );
  return {
    rate,
    seed: numberFlag('seed', values.seed, 20261123, (n) => int(n) && n >= 0, 'a non-negative integer'),
    speed: numberFlag('speed', values.speed, 1, (n) => n >= 0.1 && n <= 1000, 'a number from 0.1 to 1000'),
    port: numberFlag(
      'port',
      values.port,
      7300,
      (n) => int(n) && n >= 0 && n <= 65_535,
      'an integer from 0 to 65535',
    ),
    host: values.host ?? '127.0.0.1',
    durationMs: Math.round(minutes * 60_000),
    token: values.token,
    room,
    hold: numberFlag('hold', values.hold, defaultHold, (n) => int(n) && n >= 1, 'a positive integer'),
  };
}

function clockText(ms: number): string {
  const s = Math.floor(ms / 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}`;
}

async function main(): Promise<void> {
  let options: SimCliOptions;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    console.error(`sim: ${err.message}\n\n${USAGE}`);
    process.exit(2);
  }

  const model = new ShowModel({
    seed: options.seed,
    rate: options.rate,
    startedAt: Date.now(),
    durationMs: options.durationMs,
    roomId: options.room,
  });
  let server;
  try {
    server = await startSimFeedServer({
      model,
      host: options.host,
      port: options.port,
      speed: options.speed,
      token: options.token,
      holdEvents: options.hold,
    });
  } catch (err) {
    console.error(
      `sim: cannot listen on ${options.host}:${options.port}: ${err instanceof Error ? err.message : String(err)}`,
    );
    process.exit(1);
  }

  const tokenFlag = options.token ? ` --token ${options.token}` : '';
  const fault = model.faults()[0];
  console.log(
    `LiveDesk simulator — room "${server.room}", ${options.rate} comments/s, seed ${options.seed}, speed ×${options.speed}`,
  );
  console.log(
    `  feed:     ${server.url}   (socket.io, and GET ${server.url}/rooms/${server.room}/events?sinceSeq=0)`,
  );
  console.log(
    `  connect:  npm start -- --source socketio --url ${server.url} --room ${server.room}${tokenFlag}`,
  );
  console.log(
    `  web:      npm run web -- --source socketio --url ${server.url} --room ${server.room}${tokenFlag}`,
  );
  if (fault) {
    console.log(
      `  planned:  ${fault.kind} at show time ${clockText(fault.start - model.startedAt)} for ${Math.round((fault.end - fault.start) / 1000)} s`,
    );
  }
  console.log(`  replay:   the last ${options.hold} events are kept for reconnects and backfill`);
  console.log('  Ctrl-C to stop.');

  let endedReported = false;
  const status = setInterval(() => {
    const totals = model.totals();
    const product = model.currentProduct();
    console.log(
      `[${clockText(model.simTime - model.startedAt)}] seq ${totals.events} · comments ${totals.comments} · online ${totals.online}` +
        ` · orders ${totals.orders} · clients ${server.clientCount()}${product ? ` · on screen ${product.name}` : ''}`,
    );
    if (model.done && !endedReported) {
      endedReported = true;
      console.log('show ended; still serving replay/backfill until Ctrl-C');
    }
  }, 5000);

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    clearInterval(status);
    console.log(`\n${signal}: stopping`);
    server.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error('sim: error while stopping', err);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

void main();
