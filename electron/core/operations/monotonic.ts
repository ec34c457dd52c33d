/**
 * Durations that a clock change cannot bend. Each moment of an incident is stored twice: the wall
 * clock (what the user sees) and a monotonic reading (performance.now) tagged with this process's
 * boot id. A duration between two moments of the same process comes from the monotonic readings
 * (a wall clock set back an hour or an NTP jump changes nothing); across a restart the readings
 * share no origin, so the wall clock is the only measure left.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';

export interface MonoClock {
  /** Identifies the process whose readings these are: readings of different boots never mix. */
  readonly bootId: string;
  /** Milliseconds from an arbitrary origin that only moves forward. */
  now(): number;
}

/** A moment: wall clock for display, monotonic reading for durations. */
export interface ClockStamp {
  wall: number;
  mono: number;
  boot: string;
}

const PROCESS_BOOT_ID = randomUUID();

/** The process's monotonic clock (one boot id per process: performance.now has one origin). */
export const processMonoClock: MonoClock = { bootId: PROCESS_BOOT_ID, now: () => performance.now() };

export function stampOf(wall: number, clock: MonoClock): ClockStamp {
  return { wall, mono: clock.now(), boot: clock.bootId };
}

/** from → to in whole ms: monotonic when both readings are of one process, else wall; never negative. */
export function durationMs(from: ClockStamp, to: ClockStamp): number {
  const ms = from.boot === to.boot ? to.mono - from.mono : to.wall - from.wall;
  return Math.max(0, Math.round(ms));
}
