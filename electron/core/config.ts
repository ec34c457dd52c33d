/**
 * Command-line configuration shared by both hosts (`npm start -- …`, `npm run web -- …`).
 * Parsed once at the boundary; everything below receives a checked AppConfig.
 */
import { parseFlags } from './cli-flags.js';
import { z } from 'zod';
import { SourceConfigSchema, type SourceConfig } from '../../shared/api/sources.js';

export { SourceConfigSchema, type SourceConfig };

export const AppConfigSchema = z.object({
  source: SourceConfigSchema,
  /** True when the source came from CLI flags; otherwise the saved settings may replace it. */
  sourceFromCli: z.boolean().optional(),
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

/** The source's flags: any of them on the command line overrides the saved source. */
const SOURCE_FLAGS = [
  'source',
  'url',
  'room',
  'token',
  'rate',
  'seed',
  'speed',
  'duration',
  'interval',
  'file',
] as const;

/** Every flag LiveDesk's hosts take (each with a value); the Electron host filters argv by these. */
export const CLI_OPTIONS = Object.fromEntries(
  [...SOURCE_FLAGS, 'data-dir', 'port', 'host', 'web-token'].map((flag) => [
    flag,
    { type: 'string' as const },
  ]),
) as Record<(typeof SOURCE_FLAGS)[number] | 'data-dir' | 'port' | 'host' | 'web-token', { type: 'string' }>;

/**
 * Parses argv (without the node/script part). Unknown flags are an error, so a typo like
 * `--rom` is caught instead of silently running the demo.
 */
export function parseCliArgs(argv: readonly string[], defaults: { dataDir: string }): AppConfig {
  const values = parseFlags(argv, CLI_OPTIONS, (message) => new ConfigError(message));

  const kind = values.source ?? (values.url ? 'socketio' : values.file ? 'replay' : 'sim');
  const durationMin = number('--duration', values.duration);
  const source = (() => {
    switch (kind) {
      case 'sim':
        return {
          kind,
          rate: number('--rate', values.rate),
          seed: number('--seed', values.seed),
          speed: number('--speed', values.speed),
          durationMs: durationMin === undefined ? undefined : Math.round(durationMin * 60_000),
        };
      case 'poll':
        return {
          kind,
          url: values.url,
          room: values.room,
          token: values.token,
          intervalMs: number('--interval', values.interval),
        };
      case 'replay':
        return { kind, file: values.file, speed: number('--speed', values.speed) };
      default:
        return { kind, url: values.url, room: values.room, token: values.token };
    }
  })();
  const parsed = AppConfigSchema.safeParse({
    source,
    sourceFromCli: SOURCE_FLAGS.some((flag) => (values as Record<string, unknown>)[flag] !== undefined),
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
