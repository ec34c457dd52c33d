/**
 * Alerts for the field controller (场控), end to end in the core: the rule set, the three
 * engines (keyword over stored comments, metric over stats events, feed health on a 1 s timer),
 * the alerts of the current show (alert-tracker.ts) and what the API reads of them.
 *
 * The engines follow the pipeline's show; comments and stats of another show (a flush that lands
 * after a switch) raise nothing. Nothing here throws into ingest: the service's hooks catch.
 */
import type {
  AlertRulesExportFile,
  AlertRulesImportResult,
  AlertRulesView,
  AlertsState,
  AlertSummary,
  AlertView,
} from '../../../shared/api/alerts.js';
import type { CommentRow, FeedState } from '../../../shared/api/contract.js';
import type { AlertRule, FeedRule, KeywordRule, MetricRule } from '../../../shared/alerts/rules.js';
import type { StatsCounters } from '../../../shared/metrics/formulas.js';
import type { ShowTargets } from '../../../shared/metrics/targets.js';
import type { FeedGap } from '../../../shared/api/contract.js';
import type { Store } from '../store/store.js';
import type { StoreWriter } from '../store/writer.js';
import { AlertTracker, toView } from './alert-tracker.js';
import { FeedHealth } from './feed-health.js';
import { KeywordEngine } from './keyword-engine.js';
import { MetricWatch } from './metric-watch.js';
import { AlertRuleSet } from './rule-set.js';
import { summariseAlerts } from './summary.js';

export const FEED_CHECK_MS = 1000;

/** What the alerts read of the ingest pipeline. */
export interface AlertFeedView {
  readonly currentShow: { id: string; startedAt: number; endedAt: number | null } | null;
  readonly state: FeedState;
  readonly counters: { lastEventAt: number | null; gaps: readonly FeedGap[]; invalid: number };
  invalidSamples(): readonly { reason: string }[];
}

export interface AlertServiceOptions {
  store: Store;
  /** Where alert writes go (the store's writer thread in the app); default: the store, at once. */
  writer?: StoreWriter;
  feed: AlertFeedView;
  now: () => number;
  resourcesDir?: string;
  /** The current show's targets (GMV pace). */
  targets: () => ShowTargets;
  /** A replay the user paused is quiet on purpose. */
  paused: () => boolean;
  /** An alert was raised or came back from a snooze: push now. */
  onUrgent: () => void;
  /** Run the feed checks on a timer (tests call tick() with their own clock instead). */
  timer?: boolean;
}

const isKeyword = (r: AlertRule): r is KeywordRule => r.kind === 'keyword';
const isMetric = (r: AlertRule): r is MetricRule => r.kind === 'metric';
const isFeed = (r: AlertRule): r is FeedRule => r.kind === 'feed';

export class AlertService {
  readonly rules: AlertRuleSet;
  private readonly tracker: AlertTracker;
  private keyword: KeywordEngine;
  private readonly metric: MetricWatch;
  private readonly feedHealth: FeedHealth;
  private timer: NodeJS.Timeout | null = null;
  /** The newest feed time seen (comments, stats): where feed alerts sit on the trend. */
  private feedTs: number | null = null;
  private cached: { key: string; state: AlertsState } | null = null;

  constructor(private readonly opts: AlertServiceOptions) {
    this.tracker = new AlertTracker({
      repo: opts.store.alerts,
      writer: opts.writer,
      now: opts.now,
      onUrgent: opts.onUrgent,
    });
    this.rules = new AlertRuleSet({
      store: opts.store,
      resourcesDir: opts.resourcesDir,
      onChange: () => this.rebuild(),
    });
    this.metric = new MetricWatch({
      tracker: this.tracker,
      targets: opts.targets,
      showStartedAt: () => opts.feed.currentShow?.startedAt ?? null,
    });
    this.feedHealth = new FeedHealth(this.tracker, opts.now());
    this.keyword = new KeywordEngine([], this.tracker);
    this.rebuild();
    this.sync();
    if (opts.timer !== false) {
      this.timer = setInterval(() => this.tick(), FEED_CHECK_MS);
      this.timer.unref();
    }
  }

  /** The enabled, unmuted rules go to their engines; the keyword automaton is rebuilt. */
  private rebuild(): void {
    const active = this.rules.rules.filter((r) => r.enabled && !this.rules.isMuted(r.id));
    this.keyword = new KeywordEngine(active.filter(isKeyword), this.tracker);
    this.metric.setRules(active.filter(isMetric));
    this.feedHealth.setRules(active.filter(isFeed));
    this.cached = null;
  }

  /** Follows the pipeline's show: a new show starts with empty windows and its own stored alerts. */
  sync(): void {
    const showId = this.opts.feed.currentShow?.id ?? null;
    if (showId === this.tracker.currentShowId) return;
    this.tracker.setShow(showId);
    this.metric.reset();
    this.keyword = new KeywordEngine(this.keyword.rules, this.tracker);
    this.feedTs = null;
  }

  /** A flush's stored comments (oldest first). */
  onComments(rows: readonly CommentRow[], showId: string): void {
    this.sync();
    if (showId !== this.tracker.currentShowId || rows.length === 0) return;
    this.keyword.onComments(rows);
    this.feedTs = Math.max(this.feedTs ?? 0, (rows.at(-1) as CommentRow).ts);
  }

  onStats(stats: StatsCounters, showId: string): void {
    this.sync();
    if (showId !== this.tracker.currentShowId) return;
    this.feedTs = Math.max(this.feedTs ?? 0, stats.ts);
    this.metric.onStats(stats);
  }

  /** The feed checks (every FEED_CHECK_MS). */
  tick(): void {
    this.sync();
    const { feed } = this.opts;
    const show = feed.currentShow;
    this.feedHealth.tick(this.opts.now(), {
      showId: show?.id ?? null,
      showEnded: show?.endedAt != null,
      state: feed.state,
      lastEventAt: feed.counters.lastEventAt,
      gaps: feed.counters.gaps,
      invalid: feed.counters.invalid,
      lastInvalidReason: feed.counters.invalid > 0 ? (feed.invalidSamples()[0]?.reason ?? null) : null,
      paused: this.opts.paused(),
      feedTs: this.feedTs,
    });
  }

  /** Changes whenever the board's alerts state would. */
  get version(): string {
    return `${this.tracker.version}:${this.rules.revision}`;
  }

  state(): AlertsState {
    this.sync();
    const key = this.version;
    if (this.cached?.key !== key) {
      this.cached = {
        key,
        state: {
          showId: this.tracker.currentShowId,
          recent: this.tracker.recentViews(),
          open: this.tracker.openCounts(),
          rulesRevision: this.rules.revision,
        },
      };
    }
    return this.cached.state;
  }

  // ── rules ──────────────────────────────────────────────────────────────────────────

  listRules(): AlertRulesView {
    return this.rules.view();
  }

  saveRule(rule: unknown): AlertRule {
    return this.rules.save(rule);
  }

  deleteRule(id: string): boolean {
    return this.rules.delete(id);
  }

  muteRule(id: string, muted: boolean): AlertRulesView {
    return this.rules.mute(id, muted);
  }

  resetRules(): AlertRulesView {
    return this.rules.reset();
  }

  importRules(data: string, mode: 'merge' | 'replace'): AlertRulesImportResult {
    return this.rules.import(data, mode);
  }

  exportRules(): AlertRulesExportFile {
    return this.rules.export();
  }

  // ── alerts ─────────────────────────────────────────────────────────────────────────

  /** A show's alerts (default: the current one), newest first. */
  list(showId: string | undefined, limit: number): AlertView[] {
    this.sync();
    const id = showId ?? this.tracker.currentShowId;
    if (id === null) return [];
    this.tracker.flush();
    return this.opts.store.alerts.newest(id, limit).map(toView);
  }

  ack(id: number, by: string | undefined): AlertView | null {
    return this.tracker.ack(id, by);
  }

  snooze(id: number, minutes: number): AlertView | null {
    return this.tracker.snooze(id, minutes);
  }

  /** The incident opened from this alert (the alert shows its incidentId). */
  linkIncident(id: number, incidentId: number): AlertView | null {
    return this.tracker.linkIncident(id, incidentId);
  }

  summary(showId: string | undefined): AlertSummary {
    this.sync();
    const id = showId ?? this.tracker.currentShowId;
    if (id === null) return summariseAlerts(null, []);
    this.tracker.flush();
    return summariseAlerts(id, this.opts.store.alerts.all(id));
  }

  /** Writes what is pending (the trend reads alerts from SQLite). */
  flush(): void {
    this.tracker.flush();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.tracker.stop();
  }
}
