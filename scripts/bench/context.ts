/** What every benchmark gets from the harness (scripts/bench/index.ts). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BigShow } from './big-show.js';
import type { Measurement } from './result.js';

export interface BenchContext {
  /** Small sizes, to check the harness in seconds; figures are not comparable to a full run. */
  quick: boolean;
  /** Re-measure what a cache could answer (the soak) even when nothing it runs changed. */
  fresh: boolean;
  /** The data generator's seed (the simulator's show model). */
  seed: number;
  /** The finished 8-hour show (a small one when quick), generated once per run or cached. */
  bigShow(): Promise<BigShow>;
  log(line: string): void;
}

export interface Benchmark {
  name: string;
  /** One line for `--list` and the docs. */
  what: string;
  /** Part of `npm run bench` (the table); others run only when named in --only. */
  inDefault: boolean;
  run(ctx: BenchContext): Promise<Measurement[]>;
}

/** A fresh temporary directory and its removal. */
export function tempDir(prefix: string): { dir: string; remove: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `livedesk-${prefix}-`));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls `done` every `everyMs` until it is true; throws after `timeoutMs` with `what`. */
export async function waitUntil(
  done: () => boolean,
  what: string,
  timeoutMs: number,
  everyMs = 2,
): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!done()) {
    if (performance.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}
