/**
 * Feed source settings — one schema for the CLI, the settings screen and the stored settings.
 * sim: the built-in demo show; socketio: protocol v1 push; poll: protocol v1's HTTP events
 * endpoint on an interval; replay: a recorded show (JSONL, optionally gzip) played back.
 */
import { z } from 'zod';

const feedUrl = z.url({ protocol: /^https?$/, error: 'the URL must start with http:// or https://' });
const room = z.string().min(1, 'a room is required').max(128);
const token = z.string().max(4096).optional();

export const SimSourceSchema = z.object({
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
});

export const SocketIoSourceSchema = z.object({
  kind: z.literal('socketio'),
  url: feedUrl,
  room,
  token,
});

export const PollSourceSchema = z.object({
  kind: z.literal('poll'),
  url: feedUrl,
  room,
  token,
  /** how often to ask for new events */
  intervalMs: z.number().int().min(200).max(60_000).default(1000),
});

export const ReplaySourceSchema = z.object({
  kind: z.literal('replay'),
  /** a recording: .jsonl or .jsonl.gz */
  file: z.string().min(1, 'a recording file is required').max(4096),
  /** playback speed ×1 to ×50 */
  speed: z.number().min(1).max(50).default(1),
});

export const SourceConfigSchema = z.discriminatedUnion('kind', [
  SimSourceSchema,
  SocketIoSourceSchema,
  PollSourceSchema,
  ReplaySourceSchema,
]);
export type SourceConfig = z.infer<typeof SourceConfigSchema>;
export type SourceConfigInput = z.input<typeof SourceConfigSchema>;
export type SourceKind = SourceConfig['kind'];
export const SOURCE_KINDS: readonly SourceKind[] = ['sim', 'socketio', 'poll', 'replay'];

/** The outcome of trying a source before saving it, said in words. */
export interface SourceTestResult {
  ok: boolean;
  /** "connected: 秋冬上新专场 (seq 1234)" or "401: token rejected", "no route to host" … */
  message: string;
  latencyMs: number | null;
}

export interface SourceSettings {
  /** What is running now. */
  current: SourceConfig;
  /** What the user saved in settings (used on the next start unless CLI flags say otherwise). */
  saved: SourceConfig | null;
}

/** Replay transport controls (replay source only). */
export const ReplayControlSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('pause') }),
  z.object({ action: z.literal('resume') }),
  z.object({ action: z.literal('speed'), speed: z.number().min(1).max(50) }),
  /** seek to an offset from the recording's start, in ms */
  z.object({ action: z.literal('seek'), offsetMs: z.number().int().nonnegative() }),
]);
export type ReplayControl = z.infer<typeof ReplayControlSchema>;

export interface ReplayStatus {
  file: string;
  paused: boolean;
  speed: number;
  /** ms from the recording's first event to the one last delivered */
  positionMs: number;
  durationMs: number;
  done: boolean;
}
