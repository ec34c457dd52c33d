/**
 * Plays a recorded show (electron/core/recording) back to the pipeline as if it were live: the
 * raw events in their recorded order and timing (÷ speed), with pause, speed and seek. Lines
 * are read from the file as they are played, never all at once.
 *
 * A replay is its own show: every hello's show id becomes `<id>~replay-<n>` (title + 「（回放）」),
 * so it never mixes with the original in the same database. `keepShowId` (import) keeps the ids,
 * so an import into a fresh database reproduces the show exactly.
 */
import { ReplayControlSchema, type ReplayControl, type ReplayStatus } from '../../../shared/api/sources.js';
import type { FeedState } from '../../../shared/api/contract.js';
import { emptyReadSummary, readRecording, RecordingFileError } from '../recording/reader.js';
import type { ReadSummary, RecordedLine } from '../recording/reader.js';
import type { FeedSource, SourceHandlers } from './types.js';

export interface ReplaySourceOptions {
  /** A recording: .jsonl.gz or plain .jsonl. */
  file: string;
  /** Playback speed ×1 to ×50. */
  speed: number;
  /** Keep the recorded show ids (import) instead of making a replay show. */
  keepShowId?: boolean;
  /** Deliver everything as fast as possible, ignoring the recorded timing (import). */
  instant?: boolean;
  now?: () => number;
}

export const MIN_REPLAY_SPEED = 1;
export const MAX_REPLAY_SPEED = 50;
/** A longer silence in the recording (recording ms) is played as this long. */
export const MAX_REPLAY_GAP_MS = 5000;
/** Real ms between looks at the clock while waiting, so controls and stop act at once. */
const MAX_SLEEP_MS = 50;
/** Lines delivered in one burst (seek, catch-up, import) before the event loop gets a turn. */
const LINES_PER_BURST = 500;
/** HelloSchema's limits: a rewritten hello must stay valid. */
const MAX_SHOW_ID_CHARS = 128;
const MAX_TITLE_CHARS = 200;
const REPLAY_TITLE_SUFFIX = '（回放）';
/** Replay numbers tried for one show before giving up on finding an unused id. */
const MAX_ID_TRIES = 1000;

type PassEnd = 'eof' | 'restart' | 'stopped';
type WaitEnd = 'deliver' | 'restart' | 'stopped';

export function replayShowId(showId: string, n: number): string {
  const suffix = `~replay-${n}`;
  return `${showId.slice(0, Math.max(1, MAX_SHOW_ID_CHARS - suffix.length))}${suffix}`;
}

export function replayTitle(title: string): string {
  return `${title.slice(0, MAX_TITLE_CHARS - REPLAY_TITLE_SUFFIX.length)}${REPLAY_TITLE_SUFFIX}`;
}

/** The hello's show object and id, when it has them (an invalid hello is passed on as is). */
function showOf(hello: unknown): { show: Record<string, unknown>; id: string } | null {
  if (typeof hello !== 'object' || hello === null) return null;
  const show = (hello as { show?: unknown }).show;
  if (typeof show !== 'object' || show === null) return null;
  const id = (show as { id?: unknown }).id;
  return typeof id === 'string' ? { show: show as Record<string, unknown>, id } : null;
}

function withShowId(hello: unknown, id: string): unknown {
  const found = showOf(hello);
  if (!found) return hello;
  const { title } = found.show;
  return {
    ...(hello as Record<string, unknown>),
    show: { ...found.show, id, title: typeof title === 'string' ? replayTitle(title) : title },
  };
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export class ReplaySource implements FeedSource {
  readonly kind = 'replay' as const;
  private readonly file: string;
  private readonly keepShowId: boolean;
  private readonly instant: boolean;
  private readonly now: () => number;
  private handlers: SourceHandlers | null = null;
  private lastSeq: () => number = () => 0;
  private started = false;
  private stopped = false;
  private running: Promise<void> = Promise.resolve();
  private scanning: Promise<void> = Promise.resolve();
  /** Ends the current wait early (a control, or stop). */
  private wake: (() => void) | null = null;

  private speed: number;
  private paused = false;
  private done = false;
  private announcedLive = false;
  /** n of `~replay-n`: bumped by every pass (seek back) and for ids already in use. */
  private replayNumber = 0;
  /** `t` of the recording's first line: offsets are measured from it. */
  private firstT: number | null = null;
  /** Offset of the last line delivered in this pass. */
  private positionMs = 0;
  private durationMs = 0;
  /** Playback clock: position = anchorPos + (now − anchorAt) × speed while playing. */
  private anchorAt = 0;
  private anchorPos = 0;
  private pendingSeek: number | null = null;
  /** Deliver every line up to this offset at once (after a seek), then play timed again. */
  private catchUpTo: number | null = null;
  private burst = 0;
  private summary: ReadSummary = emptyReadSummary();

  constructor(opts: ReplaySourceOptions) {
    if (!(opts.speed >= MIN_REPLAY_SPEED && opts.speed <= MAX_REPLAY_SPEED)) {
      throw new RangeError(`ReplaySource: speed must be 1..50, got ${opts.speed}`);
    }
    if (typeof opts.file !== 'string' || opts.file.length === 0) {
      throw new RangeError('ReplaySource: a recording file is required');
    }
    this.file = opts.file;
    this.speed = opts.speed;
    this.keepShowId = opts.keepShowId === true;
    this.instant = opts.instant === true;
    this.now = opts.now ?? Date.now;
  }

  start(handlers: SourceHandlers, lastSeq: () => number): void {
    if (this.started) throw new Error('ReplaySource: already started');
    this.started = true;
    this.handlers = handlers;
    this.lastSeq = lastSeq;
    this.emitState('connecting', null);
    this.running = this.run();
    // The full length for the seek bar; until the scan is done it grows as lines are read.
    if (!this.instant) this.scanning = this.scanDuration();
  }

  control(control: ReplayControl): ReplayStatus {
    const parsed = ReplayControlSchema.safeParse(control);
    if (!parsed.success || this.stopped) return this.status();
    const c = parsed.data;
    switch (c.action) {
      case 'pause':
        if (!this.paused) {
          this.setClock(this.clockPosition());
          this.paused = true;
        }
        break;
      case 'resume':
        if (this.paused) {
          this.paused = false;
          this.setClock(this.anchorPos);
        }
        break;
      case 'speed':
        this.setClock(this.clockPosition());
        this.speed = c.speed;
        break;
      case 'seek':
        this.pendingSeek = c.offsetMs;
        break;
    }
    this.wake?.();
    return this.status();
  }

  status(): ReplayStatus {
    return {
      file: this.file,
      paused: this.paused,
      speed: this.speed,
      positionMs: this.positionMs,
      durationMs: this.durationMs,
      done: this.done,
    };
  }

  /** Damage found while reading the current pass (cut-short tail, unreadable lines). */
  readSummary(): ReadSummary {
    return { ...this.summary };
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.wake?.();
    await Promise.all([this.running, this.scanning]);
    this.handlers = null;
  }

  private async run(): Promise<void> {
    try {
      for (;;) {
        const end = await this.pass();
        if (end === 'stopped') return;
        if (end === 'restart') continue;
        if (this.summary.lines === 0) {
          this.emitState('error', `${this.file}: no recorded events`);
          return;
        }
        this.done = true;
        this.announcedLive = false;
        this.emitState('ended', this.endDetail());
        if (this.instant) return;
        // Stay ready for a seek back (watch it again) until stopped.
        const target = await this.seekAfterEnd();
        if (target === null) return;
        this.done = false;
        this.catchUpTo = target;
      }
    } catch (err) {
      const reason =
        err instanceof RecordingFileError
          ? err.message
          : `${this.file}: ${err instanceof Error ? err.message : String(err)}`;
      this.emitState('error', reason);
    }
  }

  /** One play-through from the start of the file (a seek back starts another). */
  private async pass(): Promise<PassEnd> {
    this.replayNumber++;
    this.positionMs = 0;
    this.setClock(0);
    this.summary = emptyReadSummary();
    const replayIds = new Map<string, string>();
    for await (const line of readRecording(this.file, this.summary)) {
      if (this.stopped) return 'stopped';
      this.firstT ??= line.t;
      const offset = Math.max(0, line.t - this.firstT);
      if (offset > this.durationMs) this.durationMs = offset;
      const waited = await this.waitUntilDue(offset);
      if (waited !== 'deliver') return waited;
      this.deliver(line, offset, replayIds);
      if (++this.burst >= LINES_PER_BURST) {
        this.burst = 0;
        await yieldToEventLoop();
      }
    }
    return this.stopped ? 'stopped' : 'eof';
  }

  private async waitUntilDue(offset: number): Promise<WaitEnd> {
    for (;;) {
      if (this.stopped) return 'stopped';
      if (this.pendingSeek !== null) {
        const target = this.pendingSeek;
        this.pendingSeek = null;
        this.catchUpTo = target;
        // Back before what was delivered: a new replay show, played again up to the target.
        if (target < this.positionMs) return 'restart';
      }
      if (this.catchUpTo !== null) {
        if (offset <= this.catchUpTo) return 'deliver';
        this.setClock(this.catchUpTo);
        this.catchUpTo = null;
      }
      if (this.paused) {
        await this.sleep(null);
        continue;
      }
      if (this.instant) return 'deliver';
      const position = this.clockPosition();
      if (position >= offset) return 'deliver';
      if (offset - position > MAX_REPLAY_GAP_MS) {
        this.setClock(offset - MAX_REPLAY_GAP_MS);
        continue;
      }
      this.burst = 0;
      await this.sleep(Math.min((offset - position) / this.speed, MAX_SLEEP_MS));
    }
  }

  /** After the end: waits for a seek back before the last line (null once stopped). */
  private async seekAfterEnd(): Promise<number | null> {
    for (;;) {
      if (this.stopped) return null;
      const target = this.pendingSeek;
      this.pendingSeek = null;
      if (target !== null && target < this.positionMs) return target;
      await this.sleep(null);
    }
  }

  private deliver(line: RecordedLine, offset: number, replayIds: Map<string, string>): void {
    const handlers = this.handlers;
    if (!handlers) return;
    if (!this.announcedLive) {
      this.announcedLive = true;
      handlers.onState('live', null);
    }
    this.positionMs = Math.max(this.positionMs, offset);
    if (line.k === 'hello') this.deliverHello(handlers, line.p, replayIds);
    else handlers.onEvent(line.type, line.p);
  }

  private deliverHello(handlers: SourceHandlers, hello: unknown, replayIds: Map<string, string>): void {
    const original = showOf(hello)?.id;
    if (this.keepShowId || original === undefined) return handlers.onHello(hello);
    const known = replayIds.get(original);
    if (known !== undefined) return handlers.onHello(withShowId(hello, known));
    let id = replayShowId(original, this.replayNumber);
    handlers.onHello(withShowId(hello, id));
    // An id that already has events (this file was replayed before into the same database)
    // would drop the whole replay as duplicates: take the next number.
    for (let tries = 1; this.lastSeq() > 0 && tries < MAX_ID_TRIES; tries++) {
      this.replayNumber++;
      id = replayShowId(original, this.replayNumber);
      handlers.onHello(withShowId(hello, id));
    }
    replayIds.set(original, id);
  }

  private endDetail(): string | null {
    const notes: string[] = [];
    if (this.summary.truncated)
      notes.push('the recording was cut short (the app stopped abruptly while recording)');
    if (this.summary.badLines > 0) notes.push(`${this.summary.badLines} unreadable lines skipped`);
    return notes.length > 0 ? notes.join('; ') : null;
  }

  private async scanDuration(): Promise<void> {
    try {
      let first: number | null = null;
      for await (const line of readRecording(this.file)) {
        if (this.stopped) return;
        first ??= line.t;
        const offset = line.t - first;
        if (offset > this.durationMs) this.durationMs = offset;
      }
    } catch {
      // The playback itself reports an unreadable file.
    }
  }

  private clockPosition(): number {
    if (this.paused) return this.anchorPos;
    return this.anchorPos + (this.now() - this.anchorAt) * this.speed;
  }

  private setClock(position: number): void {
    this.anchorPos = position;
    this.anchorAt = this.now();
  }

  /** Waits `ms` (null: until woken); any control or stop() ends the wait early. */
  private sleep(ms: number | null): Promise<void> {
    return new Promise((resolve) => {
      const timer = ms === null ? null : setTimeout(() => done(), ms);
      const done = () => {
        if (timer) clearTimeout(timer);
        if (this.wake === done) this.wake = null;
        resolve();
      };
      this.wake = done;
    });
  }

  private emitState(state: FeedState, detail: string | null): void {
    if (this.stopped) return;
    try {
      this.handlers?.onState(state, detail);
    } catch {
      // A failing state handler must not stop the playback loop from ending cleanly.
    }
  }
}
