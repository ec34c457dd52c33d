/**
 * Benchmark data comes from the simulator's own show model (electron/core/sim/show-model.ts):
 * deterministic for a seed, the same generator the demo and `npm run sim` use.
 */
import { ShowModel } from '../../electron/core/sim/show-model.js';
import type { FeedEvent } from '../../shared/protocol/feed.js';

/** Every benchmark show starts at the same simulated moment, so a seed alone fixes its events. */
export const BENCH_SHOW_START = Date.UTC(2026, 10, 23, 12);

export interface GeneratedShow {
  model: ShowModel;
  events: FeedEvent[];
  comments: number;
}

/** The whole show's events, in seq order. */
export function generateShow(seed: number, rate: number, seconds: number): GeneratedShow {
  const model = new ShowModel({
    seed,
    rate,
    startedAt: BENCH_SHOW_START,
    durationMs: Math.round(seconds * 1000),
  });
  const events: FeedEvent[] = [];
  let comments = 0;
  while (!model.done) {
    for (const event of model.step()) {
      events.push(event);
      if (event.type === 'comments') comments += event.items.length;
    }
  }
  return { model, events, comments };
}
