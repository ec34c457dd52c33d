/**
 * Feed-health alerts, checked once a second on the wall clock (what matters is that nothing
 * arrives now, whatever the feed's own clock says): silence while the show is live, a sequence
 * gap (the gap itself is stored and drawn on the trend by the pipeline), a burst of invalid
 * events. Reads the pipeline's counters through a small probe, so it can be tested alone.
 */
import type { FeedGap, FeedState } from '../../../shared/api/contract.js';
import type { FeedRule } from '../../../shared/alerts/rules.js';
import type { AlertTracker } from './alert-tracker.js';
import { count, span } from './messages.js';
import { CONTINUE_MS } from './metric-watch.js';

export interface FeedProbe {
  /** The current show, or null; a show with endedAt is over and never "silent". */
  showId: string | null;
  showEnded: boolean;
  state: FeedState;
  /** Wall time of the last event of any kind (valid or not). */
  lastEventAt: number | null;
  gaps: readonly FeedGap[];
  /** Invalid events so far (a counter; it restarts when the source changes). */
  invalid: number;
  lastInvalidReason: string | null;
  /** A replay the user paused is quiet on purpose. */
  paused: boolean;
  /** The newest feed time seen, for placing the alert on the trend. */
  feedTs: number | null;
}

/** Feed states in which no data is news: the feed was up (or is trying to get back). */
const WATCHED_STATES: readonly FeedState[] = ['live', 'reconnecting'];
const MAX_WINDOW_MS = 3600_000;
/** One sample a second for the longest window. */
const MAX_INVALID_SAMPLES = 3600;

export class FeedHealth {
  private rules: readonly FeedRule[] = [];
  private showId: string | null = null;
  /** When silence could start counting: the show started being watched (or came back live). */
  private watchedSince: number | null = null;
  private readonly seenGaps = new Set<string>();
  private readonly gapTimes: number[] = [];
  private invalidSamples: { at: number; invalid: number }[] = [];

  constructor(
    private readonly tracker: AlertTracker,
    /** Gaps detected before this wall time (read back after a restart) are old news. */
    private readonly startedAt: number,
  ) {}

  setRules(rules: readonly FeedRule[]): void {
    this.rules = rules;
  }

  tick(now: number, probe: FeedProbe): void {
    if (probe.showId !== this.showId) {
      this.showId = probe.showId;
      this.seenGaps.clear();
      this.gapTimes.length = 0;
      this.invalidSamples = [];
      this.watchedSince = null;
    }
    const watched = probe.showId !== null && !probe.showEnded && WATCHED_STATES.includes(probe.state);
    if (!watched || probe.paused) this.watchedSince = null;
    else this.watchedSince ??= now;
    const newGaps = this.newGaps(probe.gaps, now);
    const invalidInWindow = this.sampleInvalid(now, probe.invalid);
    for (const rule of this.rules) {
      const message = this.check(rule, now, probe, newGaps, invalidInWindow(rule.windowSec * 1000));
      if (message === null) continue;
      const feedTs = rule.check === 'gap' ? (newGaps.at(-1)?.feedTs ?? probe.feedTs) : probe.feedTs;
      const episode = this.tracker.current(rule.id, now, Math.max(rule.cooldownSec * 1000, CONTINUE_MS));
      if (episode) this.tracker.grow(episode, { clock: now, message });
      else if (this.tracker.mayRaise(rule.id, now, rule.cooldownSec * 1000)) {
        this.tracker.raise(rule, { clock: now, feedTs, message, count: 1, users: [], samples: [] });
      }
    }
  }

  private check(
    rule: FeedRule,
    now: number,
    probe: FeedProbe,
    newGaps: readonly FeedGap[],
    invalid: number,
  ): string | null {
    const windowMs = rule.windowSec * 1000;
    switch (rule.check) {
      case 'silence': {
        if (this.watchedSince === null) return null;
        const since = Math.max(this.watchedSince, probe.lastEventAt ?? 0);
        const silentMs = now - since;
        if (silentMs < windowMs) return null;
        return `已 ${span(Math.floor(silentMs / 1000))}没有收到任何数据（直播进行中，状态 ${probe.state}）`;
      }
      case 'gap': {
        if (newGaps.length === 0) return null;
        const inWindow = this.gapTimes.filter((t) => t > now - windowMs).length;
        if (inWindow < rule.minCount) return null;
        const gap = newGaps.at(-1) as FeedGap;
        const missing = newGaps.reduce((sum, g) => sum + g.missing, 0);
        return `数据缺口：#${count(gap.afterSeq)} → #${count(gap.resumedSeq)}，丢失 ${count(missing)} 条事件（${span(rule.windowSec)}内第 ${count(inWindow)} 处）`;
      }
      case 'invalidBurst': {
        if (invalid < rule.minCount) return null;
        const reason = probe.lastInvalidReason ? `，最近一条：${probe.lastInvalidReason.slice(0, 80)}` : '';
        return `${span(rule.windowSec)}内收到 ${count(invalid)} 条无效数据${reason}`;
      }
    }
  }

  /** Gaps not seen before (and not read back from before this start). */
  private newGaps(gaps: readonly FeedGap[], now: number): FeedGap[] {
    const fresh: FeedGap[] = [];
    for (const gap of gaps) {
      const key = `${gap.afterSeq}:${gap.resumedSeq}`;
      if (this.seenGaps.has(key)) continue;
      this.seenGaps.add(key);
      if (gap.detectedAt < this.startedAt) continue;
      fresh.push(gap);
      this.gapTimes.push(now);
    }
    // A rule's window is at most an hour: older gap times can never count again.
    while (this.gapTimes.length > 0 && (this.gapTimes[0] as number) <= now - MAX_WINDOW_MS)
      this.gapTimes.shift();
    return fresh;
  }

  /** Keeps the invalid counter once a tick; returns "invalid events within the last ms". */
  private sampleInvalid(now: number, invalid: number): (ms: number) => number {
    const samples = this.invalidSamples;
    const last = samples.at(-1);
    if (last && invalid < last.invalid) samples.length = 0; // a new source counts from zero
    samples.push({ at: now, invalid });
    if (samples.length > MAX_INVALID_SAMPLES) samples.splice(0, samples.length - MAX_INVALID_SAMPLES);
    return (ms) => {
      // The oldest sample inside the window (binary search: samples are in time order).
      const from = now - ms;
      let lo = 0;
      let hi = samples.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((samples[mid] as { at: number }).at >= from) hi = mid;
        else lo = mid + 1;
      }
      return invalid - (samples[lo]?.invalid ?? invalid);
    };
  }
}
