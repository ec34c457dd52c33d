/**
 * The run sheet of a simulated show, drawn once from the seed: the product rhythm of seed 000
 * (引流品 in the first ~10 minutes, 爆品 at the traffic peak, 利润品 after, cycling), 福袋 every
 * ~15 minutes, one stream fault mid-show — and the audience curve that follows from them.
 */
import type { ProductRole } from './corpus.js';
import type { Prng } from './prng.js';

export type FaultKind = 'stream-stutter' | 'audio-loss';

export interface FaultWindow {
  kind: FaultKind;
  /** ms since epoch, [start, end) */
  start: number;
  end: number;
  /** Added by injectFault() rather than planned from the seed. */
  injected: boolean;
}

export interface PhaseSpan {
  role: ProductRole;
  start: number;
  end: number;
  cycle: number;
}

export interface LuckyBagSpan {
  /** Countdown starts (viewers post the 口令), then the draw. */
  start: number;
  drawAt: number;
  code: string;
}

export interface ShowPlan {
  startedAt: number;
  endsAt: number;
  phases: PhaseSpan[];
  luckyBags: LuckyBagSpan[];
  faults: FaultWindow[];
  /** Phases of the slow audience waves, so two seeds do not wave in step. */
  wave: [number, number];
}

const MIN = 60_000;
const SEC = 1000;

/** How long the reaction to a 福袋 draw ("中了" / "又没中") lasts. */
export const LUCKY_BAG_RESULT_MS = 30 * SEC;

export function planShow(
  prng: Prng,
  startedAt: number,
  durationMs: number,
  luckyBagCodes: readonly string[],
  autoFault: boolean,
): ShowPlan {
  const endsAt = startedAt + durationMs;

  const phases: PhaseSpan[] = [];
  for (let t = startedAt, cycle = 0; t < endsAt; cycle++) {
    const lengths: [ProductRole, number][] = [
      ['traffic', cycle === 0 ? 10 * MIN : prng.int(6, 8) * MIN],
      ['hit', prng.int(18, 22) * MIN],
      ['profit', prng.int(24, 32) * MIN],
    ];
    for (const [role, length] of lengths) {
      if (t >= endsAt) break;
      const end = Math.min(endsAt, t + length);
      phases.push({ role, start: t, end, cycle });
      t = end;
    }
  }

  const luckyBags: LuckyBagSpan[] = [];
  for (let start = startedAt + prng.int(180, 300) * SEC; ; start += 15 * MIN + prng.int(-90, 90) * SEC) {
    const drawAt = start + prng.pick([3, 5]) * MIN;
    if (drawAt >= endsAt) break;
    luckyBags.push({ start, drawAt, code: prng.pick(luckyBagCodes) });
  }

  const faults: FaultWindow[] = [];
  if (autoFault && durationMs >= 2 * MIN) {
    // Whole seconds, so every step is entirely inside or outside the fault.
    const start =
      startedAt +
      SEC * Math.round(Math.min(prng.range(40, 50) * MIN, durationMs * prng.range(0.45, 0.55)) / SEC);
    const length = SEC * Math.max(1, Math.round(Math.min(prng.range(60, 90) * SEC, durationMs * 0.1) / SEC));
    faults.push({
      kind: prng.chance(0.7) ? 'stream-stutter' : 'audio-loss',
      start,
      end: start + length,
      injected: false,
    });
  }

  return {
    startedAt,
    endsAt,
    phases,
    luckyBags,
    faults,
    wave: [prng.range(0, 2 * Math.PI), prng.range(0, 2 * Math.PI)],
  };
}

/** Last item whose start is ≤ t (binary search), or undefined. */
export function spanAt<T extends { start: number }>(spans: readonly T[], t: number): T | undefined {
  let lo = 0;
  let hi = spans.length - 1;
  let found: T | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const span = spans[mid] as T;
    if (span.start <= t) {
      found = span;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

export function phaseAt(plan: ShowPlan, t: number): PhaseSpan {
  return spanAt(plan.phases, t) ?? (plan.phases[0] as PhaseSpan);
}

export function activeFault(faults: readonly FaultWindow[], t: number): FaultWindow | undefined {
  for (const fault of faults) if (t >= fault.start && t < fault.end) return fault;
  return undefined;
}

export type LuckyBagStage = 'countdown' | 'result' | 'after' | null;

export function luckyBagAt(
  plan: ShowPlan,
  t: number,
): { bag: LuckyBagSpan; stage: LuckyBagStage } | undefined {
  const bag = spanAt(plan.luckyBags, t);
  if (!bag) return undefined;
  if (t < bag.drawAt) return { bag, stage: 'countdown' };
  if (t < bag.drawAt + LUCKY_BAG_RESULT_MS) return { bag, stage: 'result' };
  if (t < bag.drawAt + 5 * MIN) return { bag, stage: 'after' };
  return undefined;
}

/**
 * Audience relative to the room's peak (~1.0), before faults and noise: a climb while the
 * 引流品 pull people in, the peak around the 爆品, a slow fade with bumps after.
 */
export function onlineShape(plan: ShowPlan, t: number): number {
  const minutes = (t - plan.startedAt) / MIN;
  const envelope =
    minutes < 12
      ? 0.22 + 0.78 * (1 - (1 - minutes / 12) ** 2)
      : 0.35 + 0.65 * Math.exp(-(minutes - 12) / 200);

  const phase = phaseAt(plan, t);
  const progress = phase.end > phase.start ? (t - phase.start) / (phase.end - phase.start) : 0;
  let rhythm = 1;
  if (phase.role === 'traffic' && phase.cycle > 0) rhythm = 0.92 + 0.08 * progress;
  else if (phase.role === 'hit') rhythm = 1 + 0.1 * Math.sin(Math.PI * progress);
  else if (phase.role === 'profit') rhythm = 1 - 0.08 * progress;

  let bagBump = 1;
  const bag = luckyBagAt(plan, t);
  if (bag?.stage === 'countdown') bagBump = 1 + 0.18 * Math.min(1, (t - bag.bag.start) / (45 * SEC));
  else if (bag) bagBump = 1 + 0.18 * Math.exp(-(t - bag.bag.drawAt) / MIN);

  const waves =
    1 +
    0.035 * Math.sin((2 * Math.PI * minutes) / 7.3 + plan.wave[0]) +
    0.02 * Math.sin((2 * Math.PI * minutes) / 2.9 + plan.wave[1]);

  return envelope * rhythm * bagBump * waves;
}

/** How much of the audience walks away during a fault. */
export function faultOnlineFactor(fault: FaultWindow | undefined): number {
  if (!fault) return 1;
  return fault.kind === 'stream-stutter' ? 0.62 : 0.75;
}

/** Comments per viewer relative to normal: the opening greetings, 福袋 口令 bursts, complaints. */
export function commentActivity(plan: ShowPlan, t: number, fault: FaultWindow | undefined): number {
  let activity = 1;
  if (t - plan.startedAt < 3 * MIN) activity *= 1.25;
  const bag = luckyBagAt(plan, t);
  if (bag?.stage === 'countdown') activity *= 1.7;
  else if (bag?.stage === 'result') activity *= 1.4;
  if (phaseAt(plan, t).role === 'traffic') activity *= 1.1;
  if (fault) activity *= 1.35;
  return activity;
}

/**
 * Factor that makes the mean comment rate over the whole show equal the requested rate:
 * 1 ÷ the mean of (audience shape × activity), sampled every 5 s of the plan.
 */
export function commentRateNormaliser(plan: ShowPlan): number {
  let sum = 0;
  let samples = 0;
  for (let t = plan.startedAt; t < plan.endsAt; t += 5 * SEC) {
    const fault = activeFault(plan.faults, t);
    sum += onlineShape(plan, t) * faultOnlineFactor(fault) * commentActivity(plan, t, fault);
    samples++;
  }
  return samples > 0 && sum > 0 ? samples / sum : 1;
}
