/**
 * The built-in demo feed: a ShowModel run in-process on a real-time clock (× speed), handing
 * raw events to the pipeline exactly as a socket.io feed would. No network, no server.
 */
import { loadCorpus } from '../sim/corpus.js';
import type { Corpus } from '../sim/corpus.js';
import { ShowModel } from '../sim/show-model.js';
import type { FaultKind } from '../sim/show-model.js';
import type { FeedEvent } from '../../../shared/protocol/feed.js';
import { StepClock } from '../sim/step-clock.js';
import type { FeedSource, SourceHandlers } from './types.js';

export interface SimSourceOptions {
  seed: number;
  /** Mean comments per second. */
  rate: number;
  /** Time acceleration: 1 = real time. */
  speed: number;
  /** Show length in simulated ms. */
  durationMs: number;
  /** Simulated start (ms since epoch); default: now. */
  startedAt?: number;
  corpus?: Corpus;
  /** Folder with the sim's JSON (comments, nicknames, products) when `corpus` is not given. */
  resourcesDir?: string;
  /** Real ms between clock ticks (default 100). */
  tickMs?: number;
  now?: () => number;
}

export class SimSource implements FeedSource {
  readonly kind = 'sim' as const;
  readonly model: ShowModel;
  private readonly clock: StepClock;
  private readonly now: () => number;
  private handlers: SourceHandlers | null = null;
  private started = false;
  private stopped = false;

  constructor(opts: SimSourceOptions) {
    this.now = opts.now ?? Date.now;
    this.model = new ShowModel({
      seed: opts.seed,
      rate: opts.rate,
      durationMs: opts.durationMs,
      startedAt: opts.startedAt ?? this.now(),
      corpus: opts.corpus ?? loadCorpus(opts.resourcesDir),
    });
    this.clock = new StepClock({
      stepMs: this.model.stepMs,
      speed: opts.speed,
      tickMs: opts.tickMs,
      now: this.now,
      onSteps: (steps) => this.runSteps(steps),
    });
  }

  /**
   * Starts a fresh show (its own show id), so there is nothing to resume: `_lastSeq` is not
   * needed. Delivery is in-process and cannot drop events.
   */
  start(handlers: SourceHandlers, _lastSeq: () => number): void {
    if (this.started) throw new Error('SimSource: already started');
    this.started = true;
    this.handlers = handlers;
    handlers.onState('live');
    handlers.onHello(this.model.hello(this.now()));
    // The opening figures at once, as a live room's push does on connect (startup: the board
    // shows its tiles without waiting for the first simulated second).
    if (this.deliver(handlers, [this.model.currentStats()])) this.clock.start();
  }

  /** For the demo: make the stream stutter (or lose audio) from now on. */
  injectFault(kind: FaultKind, durationMs: number): void {
    this.model.injectFault(kind, durationMs);
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.clock.stop();
    this.handlers = null;
  }

  /** Hands events over; false when stopped meanwhile or a handler threw (reported as an error). */
  private deliver(handlers: SourceHandlers, events: readonly FeedEvent[]): boolean {
    try {
      for (const event of events) {
        const { type, ...payload } = event;
        handlers.onEvent(type, payload);
        if (this.stopped) return false;
      }
      return true;
    } catch (err) {
      // A throwing handler must not crash the process (from inside a timer, or start()).
      handlers.onState('error', `sim: ${err instanceof Error ? err.message : String(err)}`);
      this.clock.stop();
      return false;
    }
  }

  /** Returns false once the show is over (or the source was stopped), which stops the clock. */
  private runSteps(steps: number): boolean {
    const handlers = this.handlers;
    if (!handlers || this.stopped) return false;
    for (let i = 0; i < steps && !this.model.done; i++)
      if (!this.deliver(handlers, this.model.step())) return false;
    if (this.model.done) {
      handlers.onState('ended');
      return false;
    }
    return true;
  }
}
