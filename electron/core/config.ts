/**
 * Command-line configuration shared by both hosts (`npm start -- …`, `npm run web -- …`).
 * Parsed once at the boundary; everything below receives a checked AppConfig.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';

export const SourceConfigSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('sim'),
    /** comments per second */
    rate: z.number().min(10).max(10_000).default(60),
    seed: z.number().int().nonnegative().default(20261123),
    /** time acceleration: 1 = real time */
    speed: z.number().min(0.1).max(1000).default(1),
    /** show length in simulated ms; the sim emits `end` after it */
    durationMs: z
      .number()
      .int()
      .positive()
      .default(3 * 3600_000),
  }),
  z.object({
    kind: z.literal('socketio'),
    url: z.url({ protocol: /^https?$/, error: '--url must be an http:// or https:// URL' }),
    room: z.string().min(1, '--room is required with --source socketio').max(128),
    token: z.string().max(4096).optional(),
  }),
]);
export type SourceConfig = z.infer<typeof SourceConfigSchema>;

export const AppConfigSchema = z.object({
  source: SourceConfigSchema,
  /** Folder holding livedesk.db (one database per data directory, every show kept in it). */
  dataDir: z.string().min(1),
  /** Web host only. 0 picks a free port. */
  port: z.number().int().min(0).max(65_535).default(5178),
  host: z.string().default('127.0.0.1'),
  /** Web host access token; random per start when absent. */
  webToken: z.string().min(8).max(256).optional(),
});
export type AppConfig = z.infer<typeof AppConfigSchema>;

export class ConfigError extends Error {}

const number = (flag: string, value: string | undefined) => {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n)) throw new ConfigError(`${flag} must be a number, got "${value}"`);
  return n;
};

/**
 * Parses argv (without the node/script part). Unknown flags are an error, so a typo like
 * `--rom` is caught instead of silently running the demo.
 */
export function parseCliArgs(argv: readonly string[], defaults: { dataDir: string }): AppConfig {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        source: { type: 'string' },
        url: { type: 'string' },
        room: { type: 'string' },
        token: { type: 'string' },
        rate: { type: 'string' },
        seed: { type: 'string' },
        speed: { type: 'string' },
        duration: { type: 'string' },
        'data-dir': { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        'web-token': { type: 'string' },
      },
    }));
  } catch (err) {
    throw new ConfigError(err instanceof Error ? err.message : String(err));
  }
  const kind = values.source ?? (values.url ? 'socketio' : 'sim');
  const durationMin = number('--duration', values.duration);
  const source =
    kind === 'sim'
      ? {
          kind,
          rate: number('--rate', values.rate),
          seed: number('--seed', values.seed),
          speed: number('--speed', values.speed),
          durationMs: durationMin === undefined ? undefined : Math.round(durationMin * 60_000),
        }
      : { kind, url: values.url, room: values.room, token: values.token };
  const parsed = AppConfigSchema.safeParse({
    source,
    dataDir: values['data-dir'] ?? defaults.dataDir,
    port: number('--port', values.port),
    host: values.host,
    webToken: values['web-token'],
  });
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first?.path.join('.') ?? '';
    throw new ConfigError(`invalid option ${where ? `(${where})` : ''}: ${first?.message ?? 'unknown'}`);
  }
  return parsed.data;
}
