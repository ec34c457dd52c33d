/**
 * The one facade both hosts expose (shared/api/contract.ts). Reads come from the pipeline's
 * live state and the store; updates are pushed at most every UPDATE_MS, batched, never
 * one message per comment.
 */
import path from 'node:path';
import type {
  AlertRulesExportFile,
  AlertRulesImportResult,
  AlertRulesView,
  AlertSummary,
  AlertView,
  AnswerResult,
  ApiArgs,
  BoardSnapshot,
  BoardUpdate,
  ChecklistRun,
  ChecklistTemplate,
  CommentRow,
  ComplianceWords,
  CurrentProduct,
  FaqEntryInput,
  FaqEntryView,
  FaqExportFile,
  FaqFileFormat,
  FaqImportResult,
  FaqLibraryView,
  FaqUsageRecorded,
  FaqVariables,
  FeedStatus,
  GetCommentsArgs,
  ImportFaqArgs,
  IncidentKpis,
  IncidentView,
  ListQuestionsArgs,
  LiveDeskService,
  MetricsReport,
  PlaybooksView,
  QuestionView,
  RepliesState,
  ReplyKpis,
} from '../../shared/api/contract.js';
import {
  AckAlertArgs as AckAlertSchema,
  GetCommentsArgs as GetCommentsSchema,
  ListAlertsArgs as ListAlertsSchema,
  ListQuestionsArgs as ListQuestionsSchema,
  SnoozeAlertArgs as SnoozeAlertSchema,
  type ListAlertsArgs,
} from '../../shared/api/contract.js';
import type { AlertRule } from '../../shared/alerts/rules.js';
import type {
  ReplayControl,
  ReplayStatus,
  SourceConfig,
  SourceSettings,
  SourceTestResult,
} from '../../shared/api/sources.js';
import { NO_TARGETS, type ShowTargets } from '../../shared/metrics/targets.js';
import type {
  ExportJobView,
  Report,
  ReportFormat,
  ReportPeople,
  ReportScope,
  ReportText,
} from '../../shared/api/report.js';
import { buildReport, saveReport } from './report/build-report.js';
import { ExportJobs } from './report/export-jobs.js';
import { AlertService } from './alerts/alert-service.js';
import type { MetricsEngine } from './engines/metrics-engine.js';
import { buildTrend } from './engines/trend.js';
import { listShowSummaries, showBoard } from './history.js';
import type { IngestPipeline } from './ingest/pipeline.js';
import type { Recorder } from './recording/recorder.js';
import { SOURCE_SETTING, savedSource, NEXT_TARGETS_SETTING, nextShowTargets } from './settings.js';
import type { SourceController } from './source-controller.js';
import { testSource } from './sources/test-source.js';
import type { Store } from './store/store.js';
import { ComplianceWordsService } from './faq/compliance-words.js';
import { FaqLibraryService } from './faq/library.js';
import { QuestionTracker } from './faq/question-tracker.js';
import type { StoreWriter } from './store/writer.js';
import { questionView } from './faq/question-view.js';
import { FaqVariablesService } from './faq/variables.js';
import type { MonoClock } from './operations/monotonic.js';
import { OperationsService } from './operations/operations-service.js';
import type { ShareStatus } from '../../shared/api/share.js';
import { ShareController } from './share/share-controller.js';

export const UPDATE_MS = 100;
/** Comments per pushed update; a burst beyond it is paged in by the renderer. */
export const MAX_COMMENTS_PER_UPDATE = 500;
const SNAPSHOT_COMMENTS = 200;
/** Push feed status at least this often even when nothing else changed (msg/s, timers). */
const HEARTBEAT_MS = 1000;
/** Pending questions and reply KPIs are pushed at most this often (≤ 4 times a second). */
export const REPLIES_PUSH_MS = 250;
/** Alerts that only grew are pushed at most this often; a new one goes out at once. */
export const ALERTS_PUSH_MS = 250;

export interface ServiceDeps {
  store: Store;
  /** Where the hot writes go (the store's writer thread in the app); default: the store, at once. */
  writer?: StoreWriter;
  pipeline: IngestPipeline;
  metrics: MetricsEngine;
  controller: SourceController;
  recorder: Recorder;
  /** The app's resources folder (the shipped FAQ library and 广告法 word list); default: the repo's. */
  resourcesDir?: string;
  now?: () => number;
  /** The monotonic clock incident durations use (tests inject one); default: performance.now. */
  monoClock?: MonoClock;
  /** How often questions that could not be written are retried. */
  questionRetryMs?: number;
  /** Tries a source; injectable so tests can count calls. */
  test?: (config: SourceConfig) => Promise<SourceTestResult>;
  /** The data directory (exports go to its exports/); default: the database's folder. */
  dataDir?: string;
  /** The better-sqlite3 binary the export workers' read-only connections load (Electron's ABI). */
  nativeBinding?: string;
  /** The LAN board; default: one that cannot start (a host without a LAN listener). */
  share?: ShareController;
}

export class CoreService implements LiveDeskService {
  private readonly listeners = new Set<(u: BoardUpdate) => void>();
  private pendingComments: CommentRow[] = [];
  /** The show the pending comments belong to: a switch of show discards the old show's. */
  private pendingShowId: string | null = null;
  private droppedComments = 0;
  private sentMetricsVersion = -1;
  private sentShowKey = '';
  private sentProductKey = '';
  private sentTargetsKey = '';
  /** The current show's targets, read once per show (and after setTargets), not every push. */
  private targetsCache: { showId: string | null; targets: ShowTargets } | null = null;
  private lastPushAt = 0;
  private sentRepliesVersion = -1;
  private lastRepliesAt = -Infinity;
  private sentFaqRevision = -1;
  private sentAlertsVersion = '';
  private lastAlertsAt = -Infinity;
  /** An alert was raised: the next push goes out now and carries it, whatever the throttle. */
  private alertsUrgent = false;
  private sentOperationsRevision = -1;
  private immediate: NodeJS.Immediate | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly now: () => number;
  readonly library: FaqLibraryService;
  readonly tracker: QuestionTracker;
  private readonly vars: FaqVariablesService;
  private readonly compliance: ComplianceWordsService;
  readonly alerts: AlertService;
  readonly operations: OperationsService;

  constructor(private readonly deps: ServiceDeps) {
    this.now = deps.now ?? Date.now;
    const { store, pipeline, resourcesDir } = deps;
    this.library = new FaqLibraryService({
      store,
      resourcesDir,
      now: this.now,
      settleWrites: () => void this.tracker.writeWaiting(),
    });
    this.vars = new FaqVariablesService({ store, library: this.library, now: this.now });
    this.compliance = new ComplianceWordsService(store, resourcesDir);
    this.tracker = new QuestionTracker({
      store,
      writer: deps.writer,
      library: this.library,
      currentShowId: () => pipeline.currentShow?.id ?? null,
      now: this.now,
      retryMs: deps.questionRetryMs,
    });
    this.alerts = new AlertService({
      store,
      writer: deps.writer,
      feed: pipeline,
      now: this.now,
      resourcesDir,
      targets: () => this.getTargets({}),
      paused: () => deps.controller.replayStatus()?.paused ?? false,
      onUrgent: () => this.pushSoon(),
    });
    this.operations = new OperationsService({
      store,
      resourcesDir,
      now: this.now,
      mono: deps.monoClock,
      show: () => pipeline.currentShow,
      feedTs: () => pipeline.feedTime,
      alerts: {
        find: (id) => {
          this.alerts.flush(); // an alert raised a moment ago may still wait for its write
          return store.alerts.get(id);
        },
        link: (alertId, incidentId) => void this.alerts.linkIncident(alertId, incidentId),
      },
    });
    pipeline.statsListener = (stats, showId) => {
      try {
        this.alerts.onStats(stats, showId);
      } catch (err) {
        // Alerts must never stop ingest.
        console.error(`alerts: ${err instanceof Error ? err.message : String(err)}`);
      }
    };
  }

  /** Called by the pipeline after each flush. */
  readonly onStored = (stored: CommentRow[], showId: string): void => {
    try {
      this.tracker.onStored(stored, showId);
    } catch (err) {
      // The reply workflow must never stop ingest (a read failing on a show switch, a bug).
      console.error(`questions: ${err instanceof Error ? err.message : String(err)}`);
    }
    try {
      this.alerts.onComments(stored, showId);
    } catch (err) {
      console.error(`alerts: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (this.listeners.size === 0) return;
    if (showId !== this.pendingShowId) {
      this.pendingComments = [];
      this.droppedComments = 0;
      this.pendingShowId = showId;
    }
    this.pendingComments.push(...stored);
    const excess = this.pendingComments.length - MAX_COMMENTS_PER_UPDATE;
    if (excess > 0) {
      this.pendingComments.splice(0, excess);
      this.droppedComments += excess;
    }
  };

  getSnapshot(): BoardSnapshot {
    const { pipeline, store } = this.deps;
    const show = pipeline.currentShow;
    return {
      show,
      targets: this.getTargets({}),
      metrics: this.getMetrics(),
      feed: this.getFeedStatus(),
      product: pipeline.currentProduct,
      comments: show ? store.recentComments(show.id, SNAPSHOT_COMMENTS) : [],
      replies: this.getReplies(),
      faqRevision: this.library.revision,
      alerts: this.alerts.state(),
      operations: this.operations.state(),
    };
  }

  getMetrics(): MetricsReport | null {
    return this.deps.metrics.report();
  }

  getComments(args: GetCommentsArgs): CommentRow[] {
    const { beforeRowId, limit } = GetCommentsSchema.parse(args);
    const show = this.deps.pipeline.currentShow;
    if (!show) return [];
    return beforeRowId === undefined
      ? this.deps.store.recentComments(show.id, limit)
      : this.deps.store.commentsBefore(show.id, beforeRowId, limit);
  }

  getFeedStatus(): FeedStatus {
    const p = this.deps.pipeline;
    const c = p.counters;
    return {
      source: this.deps.controller.kind,
      state: p.state,
      connected: p.state === 'live',
      lastError: p.stateDetail,
      lastSeq: p.seq,
      lastEventAt: c.lastEventAt,
      eventsByType: { ...c.eventsByType },
      commentsStored: c.commentsStored,
      duplicatesDropped: c.duplicatesDropped,
      invalid: c.invalid,
      truncated: c.truncated,
      gaps: [...c.gaps],
      reconnects: p.reconnects,
      messagesPerSec: c.messagesPerSec(this.now()),
      counterRegressions: p.counterRegressions,
      storage: { ...p.storage },
      recording: this.deps.recorder.status(),
      replay: this.deps.controller.replayStatus(),
    };
  }

  getSourceSettings(): SourceSettings {
    return { current: this.deps.controller.current, saved: savedSource(this.deps.store) };
  }

  testSource(config: SourceConfig): Promise<SourceTestResult> {
    return (this.deps.test ?? testSource)(config);
  }

  /** Tests first; only a source that works is saved and switched to. */
  async applySource(config: SourceConfig): Promise<SourceTestResult> {
    const result = await this.testSource(config);
    if (!result.ok) return result;
    this.deps.store.setSetting(SOURCE_SETTING, JSON.stringify(config));
    await this.deps.controller.switchTo(config);
    return result;
  }

  controlReplay(control: ReplayControl): ReplayStatus | null {
    return this.deps.controller.controlReplay(control);
  }

  listShows() {
    return listShowSummaries(this.deps.store);
  }

  getShowBoard({ showId }: { showId: string }) {
    const current = this.deps.pipeline.currentShow;
    // The running show's live engine is more complete than a rebuild from stored snapshots.
    if (current?.id === showId)
      return { show: current, metrics: this.getMetrics(), targets: this.getTargets({}) };
    return showBoard(this.deps.store, showId);
  }

  getTrend({ showId, sinceMinute }: { showId?: string; sinceMinute?: number }) {
    const id = showId ?? this.deps.pipeline.currentShow?.id;
    if (!id || !this.deps.store.getShow(id)) return null;
    this.deps.pipeline.flush(); // the newest minute should include what is pending
    this.alerts.flush(); // and its alert markers
    return buildTrend(this.deps.store, id, sinceMinute);
  }

  /**
   * A show's targets; without showId the current show's. Targets set while no show runs are for
   * the next show: the first show that starts without its own targets takes them over.
   */
  getTargets({ showId }: { showId?: string }): ShowTargets {
    if (showId === undefined) {
      const current = this.deps.pipeline.currentShow?.id ?? null;
      if (this.targetsCache?.showId !== current) {
        this.targetsCache = { showId: current, targets: this.readTargets(undefined) };
      }
      return this.targetsCache.targets;
    }
    return this.readTargets(showId);
  }

  private readTargets(showId: string | undefined): ShowTargets {
    const store = this.deps.store;
    const id = showId ?? this.deps.pipeline.currentShow?.id;
    if (!id) return nextShowTargets(store) ?? NO_TARGETS;
    const own = store.getTargets(id);
    if (own || showId !== undefined) return own ?? NO_TARGETS;
    const next = nextShowTargets(store);
    if (!next) return NO_TARGETS;
    store.setTargets(id, next);
    store.setSetting(NEXT_TARGETS_SETTING, 'null');
    return next;
  }

  setTargets({ showId, targets }: { showId?: string; targets: ShowTargets }): ShowTargets {
    const id = showId ?? this.deps.pipeline.currentShow?.id;
    if (id) this.deps.store.setTargets(id, targets);
    else this.deps.store.setSetting(NEXT_TARGETS_SETTING, JSON.stringify(targets));
    this.targetsCache = null;
    return targets;
  }

  getInvalidSamples() {
    return this.deps.pipeline.invalidSamples();
  }

  // ── FAQ library (话术库) ──────────────────────────────────────────────────────────────

  listFaq(): FaqLibraryView {
    return this.library.view();
  }

  saveFaqEntry({ entry }: { entry: FaqEntryInput }): FaqEntryView {
    return this.library.save(entry);
  }

  deleteFaqEntry({ id }: { id: string }): boolean {
    return this.library.delete(id);
  }

  reorderFaq({ ids }: { ids: string[] }): FaqLibraryView {
    return this.library.reorder(ids);
  }

  /** A file's {变量} values are merged over the current (or next) show's, in the same transaction. */
  importFaq(args: ImportFaqArgs): Promise<FaqImportResult> {
    const showId = this.currentShowId();
    return this.library.import(args, (values) =>
      this.vars.set(showId, { ...this.vars.values(showId), ...values }),
    );
  }

  /** The library with the current (or next) show's {变量} values. */
  exportFaq({ format }: { format: FaqFileFormat }): Promise<FaqExportFile> {
    const showId = this.currentShowId();
    return this.library.export(format, this.vars.values(showId, showId !== null));
  }

  getFaqVars({ showId }: { showId?: string }): FaqVariables {
    const current = this.currentShowId();
    const id = showId ?? current;
    return this.vars.view(id, this.productOf(id), id !== null && id === current);
  }

  setFaqVars({ showId, values }: { showId?: string; values: Record<string, string> }): FaqVariables {
    const id = showId ?? this.currentShowId();
    this.vars.set(id, values);
    return this.vars.view(id, this.productOf(id));
  }

  getComplianceWords(): ComplianceWords {
    return this.compliance.get();
  }

  setComplianceWords(list: { words: string[]; exceptions: string[] } | null): ComplianceWords {
    return this.compliance.set(list);
  }

  // ── Reply workflow ──────────────────────────────────────────────────────────────────

  getReplies(): RepliesState {
    return this.tracker.state();
  }

  answerQuestions({ groupKey, faqId }: { groupKey: string; faqId: string | null }): AnswerResult {
    const settled = this.tracker.answer(groupKey, faqId);
    return { settled, replies: this.tracker.state() };
  }

  dismissQuestions({ groupKey }: { groupKey: string }): AnswerResult {
    const settled = this.tracker.dismiss(groupKey);
    return { settled, replies: this.tracker.state() };
  }

  recordFaqUse({ faqId }: { faqId: string }): FaqUsageRecorded {
    return this.library.recordUse(faqId);
  }

  /** Newest first; suggestions filled with the show's {变量} (user values over the feed's). */
  listQuestions(args: ListQuestionsArgs): QuestionView[] {
    const { showId, state, limit } = ListQuestionsSchema.parse(args);
    const id = showId ?? this.currentShowId();
    if (id === null) return [];
    this.tracker.writeWaiting(); // questions still queued for storage belong in the list
    const vars = this.vars.view(id, this.productOf(id), id === this.currentShowId());
    return this.deps.store.questions
      .list(id, state, limit)
      .map((q) => questionView(q, (faqId) => this.library.entry(faqId), vars));
  }

  getReplyKpis({ showId }: { showId?: string }): ReplyKpis {
    return this.tracker.kpisOf(showId);
  }

  // ── Alerts (场控) ───────────────────────────────────────────────────────────────────

  listAlertRules(): AlertRulesView {
    return this.alerts.listRules();
  }

  /** Checked again here (the host's zod check is not the only caller). */
  saveAlertRule({ rule }: { rule: AlertRule }): AlertRule {
    return this.alerts.saveRule(rule);
  }

  deleteAlertRule({ id }: { id: string }): boolean {
    return this.alerts.deleteRule(id);
  }

  muteAlertRule({ id, muted }: { id: string; muted: boolean }): AlertRulesView {
    return this.alerts.muteRule(id, muted);
  }

  resetAlertRules(): AlertRulesView {
    return this.alerts.resetRules();
  }

  importAlertRules({ data, mode }: { data: string; mode: 'merge' | 'replace' }): AlertRulesImportResult {
    return this.alerts.importRules(data, mode);
  }

  exportAlertRules(): AlertRulesExportFile {
    return this.alerts.exportRules();
  }

  listAlerts(args: ListAlertsArgs): AlertView[] {
    const { showId, limit } = ListAlertsSchema.parse(args);
    return this.alerts.list(showId, limit);
  }

  ackAlert(args: { id: number; by?: string }): AlertView | null {
    const { id, by } = AckAlertSchema.parse(args);
    return this.alerts.ack(id, by);
  }

  snoozeAlert(args: { id: number; minutes: number }): AlertView | null {
    const { id, minutes } = SnoozeAlertSchema.parse(args);
    return this.alerts.snooze(id, minutes);
  }

  getAlertSummary({ showId }: { showId?: string }): AlertSummary {
    return this.alerts.summary(showId);
  }

  // ── Checklist, incidents and playbooks (场控) ─────────────────────────────────────────

  getChecklist(args: ApiArgs<'getChecklist'>[0]): ChecklistRun {
    return this.operations.getChecklist(args);
  }

  updateChecklistItem(args: ApiArgs<'updateChecklistItem'>[0]): ChecklistRun {
    return this.operations.updateChecklistItem(args);
  }

  scheduleChecklist(args: ApiArgs<'scheduleChecklist'>[0]): ChecklistRun {
    return this.operations.scheduleChecklist(args);
  }

  exportChecklist(args: ApiArgs<'exportChecklist'>[0]): Promise<FaqExportFile> {
    return this.operations.exportChecklist(args);
  }

  getChecklistTemplate(): { template: ChecklistTemplate; isDefault: boolean } {
    return this.operations.getChecklistTemplate();
  }

  saveChecklistTemplate(args: ApiArgs<'saveChecklistTemplate'>[0]): {
    template: ChecklistTemplate;
    isDefault: boolean;
  } {
    return this.operations.saveChecklistTemplate(args);
  }

  /** A show's incidents (default: the current one), newest first, with durations and impact. */
  listIncidents(args: ApiArgs<'listIncidents'>[0]): IncidentView[] {
    this.deps.pipeline.flush(); // the impact reads the newest minute's rollup
    return this.operations.listIncidents(args);
  }

  openIncident(args: ApiArgs<'openIncident'>[0]): IncidentView {
    this.deps.pipeline.flush();
    return this.operations.openIncident(args);
  }

  updateIncident(args: ApiArgs<'updateIncident'>[0]): IncidentView {
    this.deps.pipeline.flush();
    return this.operations.updateIncident(args);
  }

  getIncidentKpis(args: ApiArgs<'getIncidentKpis'>[0]): IncidentKpis {
    return this.operations.getIncidentKpis(args);
  }

  getPlaybooks(): PlaybooksView {
    return this.operations.getPlaybooks();
  }

  savePlaybooks(args: ApiArgs<'savePlaybooks'>[0]): PlaybooksView {
    return this.operations.savePlaybooks(args);
  }

  // ── Report export (直播工作总结) ──────────────────────────────────────────────────────

  /** The summary of a show or a period, from what is stored now (pending writes go first). */
  getReport({ scope }: { scope: ReportScope }): Report {
    this.deps.pipeline.flush();
    this.alerts.flush();
    this.tracker.writeWaiting();
    return buildReport(this.deps.store, scope, { now: this.now() });
  }

  /** Saves the names and edited text (null: back to the prefilled text), then the report as it now reads. */
  saveReportText(args: { scope: ReportScope; people: ReportPeople; text: ReportText | null }): Report {
    saveReport(this.deps.store, args.scope, args.people, args.text, this.now());
    return this.getReport({ scope: args.scope });
  }

  private exportJobs: ExportJobs | null = null;

  /** Created on first use: most sessions never export. */
  private get exports(): ExportJobs {
    return (this.exportJobs ??= new ExportJobs({
      store: this.deps.store,
      dataDir: this.deps.dataDir ?? path.dirname(this.deps.store.db.name),
      nativeBinding: this.deps.nativeBinding,
      now: this.now,
    }));
  }

  /** The report is checked (built) here, at once; the file is written in a worker thread. */
  startExport({ scope, format }: { scope: ReportScope; format: ReportFormat }): ExportJobView {
    // The worker reads its own connection: what is still pending here belongs in the export.
    this.deps.pipeline.flush();
    this.alerts.flush();
    this.tracker.writeWaiting();
    return this.exports.start(scope, format);
  }

  getExportJob({ jobId }: { jobId: string }): ExportJobView | null {
    return this.exportJobs?.get(jobId) ?? null;
  }

  cancelExport({ jobId }: { jobId: string }): ExportJobView | null {
    return this.exportJobs?.cancel(jobId) ?? null;
  }

  /** Only the desktop app can show a file in the file manager: its host overrides this. */
  revealExport(_args: { jobId: string }): boolean {
    return false;
  }

  /** Cancels running exports and waits for their workers (before the database closes). */
  async stopExports(): Promise<void> {
    await this.exportJobs?.stop();
  }

  // ── LAN board (共享看板到局域网, docs/lan-board.md) ───────────────────────────────────

  private shareController: ShareController | null = null;

  /** Without one from the host (the tests' harness): a controller that says it cannot start. */
  private get share(): ShareController {
    return (this.shareController ??= this.deps.share ?? new ShareController());
  }

  getShareStatus(): ShareStatus {
    return this.share.status();
  }

  startSharing(args: { interface?: string }): Promise<ShareStatus> {
    return this.share.start(args);
  }

  stopSharing(): Promise<ShareStatus> {
    return this.share.stop();
  }

  revokeShareToken({ id }: { id: string }): ShareStatus {
    return this.share.revoke(id);
  }

  private currentShowId(): string | null {
    return this.deps.pipeline.currentShow?.id ?? null;
  }

  /** The product being presented (the current show), or the last one a stored show presented. */
  private productOf(showId: string | null): CurrentProduct | null {
    if (showId === null) return null;
    if (showId === this.currentShowId()) return this.deps.pipeline.currentProduct;
    return this.deps.store.currentProduct(showId);
  }

  onUpdate(listener: (u: BoardUpdate) => void): () => void {
    this.listeners.add(listener);
    if (!this.timer) {
      this.timer = setInterval(() => this.push(), UPDATE_MS);
      this.timer.unref();
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stopTimer();
    };
  }

  /** A new alert: push at once (coalesced), not on the next tick — the latency bar is 250 ms. */
  private pushSoon(): void {
    this.alertsUrgent = true;
    if (this.immediate || this.listeners.size === 0) return;
    this.immediate = setImmediate(() => {
      this.immediate = null;
      this.push();
    });
  }

  /** Builds and sends one update if anything changed (or the heartbeat is due). */
  private push(): void {
    const { pipeline, metrics } = this.deps;
    const now = this.now();
    const show = pipeline.currentShow;
    const product = pipeline.currentProduct;
    const showKey = show ? `${show.id}:${show.endedAt ?? ''}:${show.title}` : '';
    if (this.pendingShowId !== (show?.id ?? null)) {
      this.pendingComments = [];
      this.droppedComments = 0;
    }
    const productKey = product ? `${product.id}:${product.stock ?? ''}:${product.since}` : '';
    const targets = this.getTargets({});
    const targetsKey = `${show?.id ?? ''}:${JSON.stringify(targets)}`;
    const metricsChanged = metrics.version !== this.sentMetricsVersion;
    this.tracker.sync();
    const repliesDue =
      this.tracker.version !== this.sentRepliesVersion && now - this.lastRepliesAt >= REPLIES_PUSH_MS;
    const faqChanged = this.library.revision !== this.sentFaqRevision;
    this.operations.sync(); // a show that started takes the checklist prepared for it
    const operationsChanged = this.operations.revision !== this.sentOperationsRevision;
    const alertsVersion = this.alerts.version;
    const alertsDue =
      alertsVersion !== this.sentAlertsVersion &&
      (this.alertsUrgent || now - this.lastAlertsAt >= ALERTS_PUSH_MS);
    const changed =
      this.pendingComments.length > 0 ||
      metricsChanged ||
      repliesDue ||
      faqChanged ||
      alertsDue ||
      operationsChanged ||
      showKey !== this.sentShowKey ||
      productKey !== this.sentProductKey ||
      targetsKey !== this.sentTargetsKey;
    if (!changed && now - this.lastPushAt < HEARTBEAT_MS) return;

    const update: BoardUpdate = {
      feed: this.getFeedStatus(),
      comments: this.pendingComments,
      droppedComments: this.droppedComments,
    };
    if (metricsChanged) {
      const report = metrics.report();
      if (report) update.metrics = report;
    }
    if (showKey !== this.sentShowKey) update.show = show;
    if (productKey !== this.sentProductKey) update.product = product;
    if (targetsKey !== this.sentTargetsKey) update.targets = targets;
    if (repliesDue) {
      update.replies = this.tracker.state();
      this.sentRepliesVersion = this.tracker.version;
      this.lastRepliesAt = now;
    }
    if (faqChanged) {
      update.faqRevision = this.library.revision;
      this.sentFaqRevision = this.library.revision;
    }
    if (alertsDue) {
      update.alerts = this.alerts.state();
      this.sentAlertsVersion = alertsVersion;
      this.lastAlertsAt = now;
      this.alertsUrgent = false;
    }
    if (operationsChanged) {
      update.operations = this.operations.state();
      this.sentOperationsRevision = update.operations.revision;
    }
    this.pendingComments = [];
    this.droppedComments = 0;
    this.sentMetricsVersion = metrics.version;
    this.sentShowKey = showKey;
    this.sentProductKey = productKey;
    this.sentTargetsKey = targetsKey;
    this.lastPushAt = now;
    for (const listener of this.listeners) {
      try {
        listener(update);
      } catch {
        // One broken subscriber (a closed window) must not stop the others.
      }
    }
  }

  private stopTimer(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (this.immediate) clearImmediate(this.immediate);
    this.immediate = null;
  }

  stop(): void {
    void this.exportJobs?.stop();
    this.stopTimer();
    this.listeners.clear();
    this.tracker.stop();
    this.alerts.stop();
    this.deps.pipeline.statsListener = null;
  }
}
