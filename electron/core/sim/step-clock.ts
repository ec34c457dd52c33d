/**
 * Drives a ShowModel in real time: every tick it works out how many model steps the elapsed
 * wall time × speed calls for and runs them. Simulated time stays exact — after a stall the
 * clock catches up over the next ticks (a bounded number of steps each) instead of skipping.
 */

export interface StepClockOptions {
  /** Simulated ms per model step. */
  stepMs: number;
  /** Time acceleration: 1 = real time. */
  speed: number;
  /** Real ms between ticks (default 100). */
  tickMs?: number;
  /** Runs `steps` model steps; returns false to stop the clock (the show ended). */
  onSteps: (steps: number) => boolean;
  now?: () => number;
}

export class StepClock {
  private readonly tickMs: number;
  private readonly maxStepsPerTick: number;
  private readonly now: () => number;
  private timer: ReturnType<typeof setInterval> | null = null;
  private anchorTime = 0;
  private stepsAtAnchor = 0;
  private stepsRun = 0;
  private finished = false;

  constructor(private readonly opts: StepClockOptions) {
    if (!(opts.speed > 0)) throw new RangeError(`StepClock: speed must be > 0, got ${opts.speed}`);
    this.tickMs = opts.tickMs ?? 100;
    this.now = opts.now ?? Date.now;
    // Enough for the requested speed with room to catch up, but a stall never turns into one
    // huge synchronous burst.
    this.maxStepsPerTick = Math.ceil((opts.speed * this.tickMs) / opts.stepMs) * 2 + 50;
  }

  get running(): boolean {
    return this.timer !== null;
  }

  start(): void {
    if (this.timer || this.finished) return;
    this.anchorTime = this.now();
    this.stepsAtAnchor = this.stepsRun;
    this.timer = setInterval(() => this.tick(), this.tickMs);
    this.timer.unref();
  }

  /** Stops the timer; start() later continues from the current simulated time. */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private tick(): void {
    const due =
      this.stepsAtAnchor +
      Math.floor(((this.now() - this.anchorTime) * this.opts.speed) / this.opts.stepMs) -
      this.stepsRun;
    const steps = Math.min(due, this.maxStepsPerTick);
    if (steps <= 0) return;
    this.stepsRun += steps;
    if (!this.opts.onSteps(steps)) {
      this.finished = true;
      this.stop();
    }
  }
}
