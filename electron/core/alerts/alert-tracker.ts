/**
 * The alerts of the current show as episodes: a rule raises an alert, further matches grow it
 * (count, viewers, samples, last match) while they come within the rule's cooldown of the last
 * one, and only a match after that quiet spell may raise a new alert. Acknowledge and snooze
 * change its state; a snoozed alert grows silently and comes back 'open' when it grows after
 * the snooze has ended.
 *
 * Writes are debounced (FLUSH_MS) and batched in one transaction, through the store's writer (its
 * thread in the app, so this thread never waits for the write lock); an alert that could not be
 * written (disk full) stays dirty in memory and is retried. Ids are assigned here, so an alert
 * keeps its id while its write waits. Open episodes are not carried across a restart: the
 * stored last match of each rule only keeps the cooldown.
 */
import {
  MAX_ALERT_SAMPLES,
  MAX_RECENT_ALERTS,
  type AlertEvidence,
  type AlertState,
  type AlertView,
} from '../../../shared/api/alerts.js';
import type { AlertRule, Severity } from '../../../shared/alerts/rules.js';
import { describeStorageError } from '../ingest/storage-errors.js';
import type { AlertsRepo, StoredAlert } from '../store/alerts-repo.js';
import { runNow, type StoreWriter, type WriteOutcome } from '../store/writer.js';

/**
 * How long growth may wait in memory before it is handed to the writer (an alert survives a
 * crash after this; readers of the store flush first). When the main connection wrote alerts
 * itself, each write waited for the writer thread's lock (up to seconds in the ingest bench);
 * through the writer it is one more small write in the writer's next transaction.
 */
export const FLUSH_MS = 250;
const RETRY_MS = 1000;
/**
 * Viewers remembered per episode. An alert that keeps growing all show (a price question every
 * few seconds for 8 hours) would otherwise hold every viewer who ever matched: ~3.5 MB per hour
 * at 500 comments/s (bench soak). Past this many the count stops and reads "this many or more".
 */
export const MAX_EPISODE_USERS = 10_000;
export const DEFAULT_ACKED_BY = '场控';
export const HOT_WORD = '{热词}';

export interface Episode {
  readonly alert: StoredAlert;
  readonly hint: string;
  /** The latest match on the rule's clock (feed time for keyword/metric rules, wall time for feed rules). */
  clock: number;
  readonly users: Set<string>;
  /** Matched phrases → comments (keyword rules), for {热词}. */
  readonly hot: Map<string, number>;
}

export interface RaiseInput {
  clock: number;
  feedTs: number | null;
  message: string;
  count: number;
  users: Iterable<string>;
  /** Newest first. */
  samples: AlertEvidence[];
  hot?: ReadonlyMap<string, number>;
}

export interface GrowInput {
  clock: number;
  feedTs?: number | null;
  /** The new message (metric and feed rules: the newest numbers), or one built from the grown episode. */
  message?: string | ((episode: Episode) => string);
  userId?: string;
  sample?: AlertEvidence;
  phrases?: readonly string[];
}

export interface TrackerOptions {
  repo: AlertsRepo;
  /** Where the writes go; default: the repo's own connection, at once. */
  writer?: Pick<StoreWriter, 'saveAlerts' | 'drain'>;
  now: () => number;
  /** An alert was raised or came back from a snooze: push it now, not on the next tick. */
  onUrgent: () => void;
}

const clockOf = (a: StoredAlert): number => (a.kind === 'feed' ? a.lastAt : (a.lastFeedTs ?? a.lastAt));

/** The most mentioned phrase (ties: the longer, then the first seen). */
export function hottest(hot: ReadonlyMap<string, number>): string | null {
  let best: string | null = null;
  let bestCount = 0;
  for (const [phrase, count] of hot) {
    if (count > bestCount || (count === bestCount && best !== null && phrase.length > best.length)) {
      best = phrase;
      bestCount = count;
    }
  }
  return best;
}

export function fillHint(hint: string, hot: ReadonlyMap<string, number>, fallback: string): string {
  if (!hint.includes(HOT_WORD)) return hint;
  return hint.replaceAll(HOT_WORD, hottest(hot) ?? fallback);
}

export function toView(a: StoredAlert): AlertView {
  const { lastFeedTs: _last, ...view } = a;
  return { ...view, samples: a.samples.map((s) => ({ ...s })) };
}

const noCounts = (): Record<Severity, number> => ({ info: 0, warn: 0, critical: 0 });

export class AlertTracker {
  private showId: string | null = null;
  private recent: StoredAlert[] = [];
  private open = noCounts();
  private readonly episodes = new Map<string, Episode>();
  /** Last match per rule of alerts whose episode is over (or was stored before a restart). */
  private readonly lastClock = new Map<string, number>();
  private readonly dirty = new Set<StoredAlert>();
  /** Handed to the writer and not yet answered (find() must still see their latest state). */
  private readonly writing = new Set<StoredAlert>();
  private readonly writer: Pick<StoreWriter, 'saveAlerts' | 'drain'>;
  private nextId: number;
  private flushTimer: NodeJS.Timeout | null = null;
  private failing = false;
  /** Bumped on every change the board should see. */
  version = 0;

  constructor(private readonly opts: TrackerOptions) {
    this.nextId = opts.repo.nextId();
    this.writer = opts.writer ?? {
      saveAlerts: (alerts, done) => runNow(() => opts.repo.save(alerts), done),
      drain() {},
    };
  }

  get currentShowId(): string | null {
    return this.showId;
  }

  /** Follows the pipeline's show: the new show's stored alerts and cooldowns are read back. */
  setShow(showId: string | null): void {
    if (showId === this.showId) return;
    this.flush();
    this.showId = showId;
    this.episodes.clear();
    this.lastClock.clear();
    this.recent = [];
    this.open = noCounts();
    if (showId !== null) {
      const repo = this.opts.repo;
      this.recent = repo.newest(showId, MAX_RECENT_ALERTS);
      this.open = repo.openCounts(showId);
      for (const alert of repo.latestPerRule(showId)) this.lastClock.set(alert.ruleId, clockOf(alert));
      // Alerts of this show still waiting for the disk are newer than what it returned.
      for (const alert of this.dirty) {
        if (alert.showId !== showId || this.recent.some((a) => a.id === alert.id)) continue;
        this.recent.unshift(alert);
      }
      this.recent.sort((a, b) => b.id - a.id).splice(MAX_RECENT_ALERTS);
    }
    this.version++;
  }

  /** The rule's open episode if `clock` is within its cooldown of the last match; else it ends. */
  current(ruleId: string, clock: number, cooldownMs: number): Episode | null {
    const episode = this.episodes.get(ruleId);
    if (!episode) return null;
    if (clock - episode.clock < cooldownMs) return episode;
    this.episodes.delete(ruleId);
    this.lastClock.set(ruleId, episode.clock);
    return null;
  }

  /** A new alert only once the cooldown has passed since the rule's last match (also across restarts). */
  mayRaise(ruleId: string, clock: number, cooldownMs: number): boolean {
    const episode = this.episodes.get(ruleId);
    const last = episode ? episode.clock : this.lastClock.get(ruleId);
    return last === undefined || clock - last >= cooldownMs;
  }

  raise(rule: AlertRule, input: RaiseInput): Episode | null {
    const showId = this.showId;
    if (showId === null) return null;
    const now = this.opts.now();
    const hot = new Map(input.hot ?? []);
    const alert: StoredAlert = {
      id: this.nextId++,
      showId,
      ruleId: rule.id,
      ruleName: rule.name,
      kind: rule.kind,
      severity: rule.severity,
      hint: fillHint(rule.hint, hot, input.samples[0]?.text.slice(0, 12) ?? ''),
      message: input.message,
      firstAt: now,
      lastAt: now,
      feedTs: input.feedTs,
      lastFeedTs: rule.kind === 'feed' ? null : input.clock,
      count: input.count,
      distinctUsers: 0,
      samples: input.samples.slice(0, MAX_ALERT_SAMPLES),
      state: 'open',
      ackedAt: null,
      ackedBy: null,
      snoozedUntil: null,
      incidentId: null,
    };
    const episode: Episode = { alert, hint: rule.hint, clock: input.clock, users: new Set(input.users), hot };
    alert.distinctUsers = episode.users.size;
    this.episodes.set(rule.id, episode);
    this.lastClock.delete(rule.id);
    this.recent.unshift(alert);
    if (this.recent.length > MAX_RECENT_ALERTS) this.recent.length = MAX_RECENT_ALERTS;
    this.open[alert.severity]++;
    this.changed(alert, true);
    return episode;
  }

  grow(episode: Episode, input: GrowInput): void {
    const { alert } = episode;
    const now = this.opts.now();
    episode.clock = Math.max(episode.clock, input.clock);
    alert.count++;
    alert.lastAt = now;
    if (alert.kind !== 'feed') alert.lastFeedTs = episode.clock;
    if (input.userId !== undefined && episode.users.size < MAX_EPISODE_USERS) {
      episode.users.add(input.userId);
      alert.distinctUsers = episode.users.size;
    }
    if (input.sample) {
      alert.samples.unshift(input.sample);
      if (alert.samples.length > MAX_ALERT_SAMPLES) alert.samples.length = MAX_ALERT_SAMPLES;
    }
    if (input.phrases && input.phrases.length > 0) {
      for (const phrase of input.phrases) episode.hot.set(phrase, (episode.hot.get(phrase) ?? 0) + 1);
      alert.hint = fillHint(episode.hint, episode.hot, alert.hint);
    }
    if (typeof input.message === 'function') alert.message = input.message(episode);
    else if (input.message !== undefined) alert.message = input.message;
    let urgent = false;
    if (alert.state === 'snoozed' && (alert.snoozedUntil === null || now >= alert.snoozedUntil)) {
      this.setState(alert, 'open');
      alert.snoozedUntil = null;
      urgent = true;
    }
    this.changed(alert, urgent);
  }

  private setState(alert: StoredAlert, state: AlertState): void {
    if (alert.showId === this.showId && alert.state !== state) {
      if (alert.state === 'open') this.open[alert.severity]--;
      if (state === 'open') this.open[alert.severity]++;
    }
    alert.state = state;
  }

  private changed(alert: StoredAlert, urgent: boolean): void {
    this.dirty.add(alert);
    this.version++;
    this.scheduleFlush(FLUSH_MS);
    if (urgent) this.opts.onUrgent();
  }

  /** The alert in memory (recent or growing), else as stored. */
  private find(id: number): StoredAlert | null {
    for (const episode of this.episodes.values()) if (episode.alert.id === id) return episode.alert;
    for (const alert of this.dirty) if (alert.id === id) return alert;
    for (const alert of this.writing) if (alert.id === id) return alert;
    return this.recent.find((a) => a.id === id) ?? this.opts.repo.get(id);
  }

  ack(id: number, by: string | undefined): AlertView | null {
    const alert = this.find(id);
    if (!alert) return null;
    this.setState(alert, 'acked');
    alert.ackedAt ??= this.opts.now();
    alert.ackedBy = by ?? alert.ackedBy ?? DEFAULT_ACKED_BY;
    alert.snoozedUntil = null;
    this.changed(alert, false);
    this.flush();
    return toView(alert);
  }

  snooze(id: number, minutes: number): AlertView | null {
    const alert = this.find(id);
    if (!alert) return null;
    this.setState(alert, 'snoozed');
    alert.snoozedUntil = this.opts.now() + minutes * 60_000;
    this.changed(alert, false);
    this.flush();
    return toView(alert);
  }

  /** Links the incident opened from this alert (issue 7); written at once. */
  linkIncident(id: number, incidentId: number): AlertView | null {
    const alert = this.find(id);
    if (!alert) return null;
    alert.incidentId = incidentId;
    this.changed(alert, false);
    this.flush();
    return toView(alert);
  }

  recentViews(): AlertView[] {
    return this.recent.map(toView);
  }

  openCounts(): Record<Severity, number> {
    return { ...this.open };
  }

  /** Writes what changed and waits for it (a read after this sees it); a failure is retried. */
  flush(): void {
    this.hand();
    // Only alert writes are ours to wait for: with none out, a wait would be for the writer's
    // whole backlog (or, at the first stats of a show, for its thread to boot).
    if (this.writing.size > 0) this.writer.drain();
  }

  /** Hands what changed to the writer (a copy of it as it is now); on failure it stays dirty. */
  private hand(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    if (this.dirty.size === 0) return;
    const batch = [...this.dirty];
    this.dirty.clear();
    for (const alert of batch) this.writing.add(alert);
    this.writer.saveAlerts(batch, (outcome) => this.written(batch, outcome));
  }

  private written(batch: readonly StoredAlert[], outcome: WriteOutcome<void>): void {
    for (const alert of batch) this.writing.delete(alert);
    if (outcome.ok) {
      this.failing = false;
      return;
    }
    if (!this.failing) console.error(`alerts: cannot write: ${describeStorageError(outcome.error)}`);
    this.failing = true;
    // Growth since the hand-over is dirty already; the rest goes again, in the same set.
    for (const alert of batch) this.dirty.add(alert);
    this.scheduleFlush(RETRY_MS);
  }

  private scheduleFlush(ms: number): void {
    if (this.flushTimer) return;
    this.flushTimer = setTimeout(() => this.hand(), ms);
    this.flushTimer.unref();
  }

  stop(): void {
    this.flush();
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
  }
}
