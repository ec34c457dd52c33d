/**
 * Metric alerts: every stats event of the current show goes into a bounded ring, and each
 * enabled metric rule is evaluated on it (metric-rules.ts). A condition that keeps holding grows
 * its open alert (one evaluation = one count, the message follows the newest numbers) instead of
 * raising another; the rules run on the feed clock (the stats' ts).
 */
import type { MetricRule } from '../../../shared/alerts/rules.js';
import type { StatsCounters } from '../../../shared/metrics/formulas.js';
import type { ShowTargets } from '../../../shared/metrics/targets.js';
import type { AlertTracker } from './alert-tracker.js';
import { evaluateMetricRule, historyNeededMs } from './metric-rules.js';
import { StatsRing } from './stats-ring.js';

/**
 * Evaluations this close together belong to one episode even with a cooldown of 0: a drop that
 * holds for a minute is one alert, not sixty.
 */
export const CONTINUE_MS = 5_000;

export interface MetricWatchOptions {
  tracker: AlertTracker;
  targets: () => ShowTargets;
  showStartedAt: () => number | null;
}

export class MetricWatch {
  private rules: readonly MetricRule[] = [];
  private readonly ring = new StatsRing(0);

  constructor(private readonly opts: MetricWatchOptions) {}

  /** The enabled, unmuted metric rules; the ring keeps what the longest of them needs. */
  setRules(rules: readonly MetricRule[]): void {
    this.rules = rules;
    this.ring.setSpan(Math.max(0, ...rules.map(historyNeededMs)));
  }

  /** A new show: its numbers start over. */
  reset(): void {
    this.ring.clear();
  }

  onStats(stats: StatsCounters): void {
    if (!this.ring.push(stats) || this.rules.length === 0) return;
    const { tracker } = this.opts;
    const ctx = { ring: this.ring, targets: this.opts.targets(), showStartedAt: this.opts.showStartedAt() };
    for (const rule of this.rules) {
      const message = evaluateMetricRule(rule, ctx);
      if (message === null) continue;
      const cooldownMs = Math.max(rule.cooldownSec * 1000, CONTINUE_MS);
      const episode = tracker.current(rule.id, stats.ts, cooldownMs);
      if (episode) tracker.grow(episode, { clock: stats.ts, message });
      else if (tracker.mayRaise(rule.id, stats.ts, rule.cooldownSec * 1000)) {
        tracker.raise(rule, { clock: stats.ts, feedTs: stats.ts, message, count: 1, users: [], samples: [] });
      }
    }
  }
}
