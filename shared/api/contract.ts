/**
 * The LiveDesk API — declared once. The core service implements it, the Electron IPC host
 * and the web host expose it, and the renderer's two transports (IPC bridge, web socket)
 * call it. Argument schemas validate every call at each host boundary.
 */
import { z } from 'zod';
import type { FeedEventType } from '../protocol/feed.js';
import type { MetricValues, ProductMetrics, ScalarMetricKey } from '../metrics/formulas.js';
import type { ShowTargets } from '../metrics/targets.js';
import type { ApiMethod } from './channels.js';
import {
  ExportJobArgs,
  GetReportArgs,
  SaveReportTextArgs,
  StartExportArgs,
  type ExportJobView,
  type Report,
} from './report.js';
import {
  ReplayControlSchema,
  SourceConfigSchema,
  type ReplayStatus,
  type SourceKind,
  type SourceSettings,
  type SourceTestResult,
} from './sources.js';
import {
  AnswerQuestionsArgs,
  DismissQuestionsArgs,
  ExportFaqArgs,
  FaqIdArgs,
  ImportFaqArgs,
  ListQuestionsArgs,
  RecordFaqUseArgs,
  ReorderFaqArgs,
  SaveFaqEntryArgs,
  SetComplianceWordsArgs,
  SetFaqVarsArgs,
  type AnswerResult,
  type ComplianceWords,
  type FaqEntryView,
  type FaqExportFile,
  type FaqImportResult,
  type FaqLibraryView,
  type FaqVariables,
  type QuestionView,
  type RepliesState,
  type ReplyKpis,
} from './replies.js';
import {
  AckAlertArgs,
  AlertRuleIdArgs,
  ImportAlertRulesArgs,
  ListAlertsArgs,
  MuteAlertRuleArgs,
  SaveAlertRuleArgs,
  SnoozeAlertArgs,
  type AlertRulesExportFile,
  type AlertRulesImportResult,
  type AlertRulesView,
  type AlertsState,
  type AlertSummary,
  type AlertView,
} from './alerts.js';
import type { AlertRule } from '../alerts/rules.js';
import {
  ChecklistExportArgs,
  IncidentKpisArgs,
  ListIncidentsArgs,
  OpenIncidentArgs,
  SaveChecklistTemplateArgs,
  SavePlaybooksArgs,
  ScheduleChecklistArgs,
  UpdateChecklistItemArgs,
  UpdateIncidentArgs,
  type ChecklistRun,
  type ChecklistTemplate,
  type IncidentKpis,
  type IncidentView,
  type OperationsState,
  type PlaybooksView,
} from './operations.js';
import { RevokeShareTokenArgs, StartSharingArgs, type ShareStatus } from './share.js';

export * from './channels.js';
export * from './replies.js';
export * from './alerts.js';
export * from './operations.js';
export * from './share.js';

export interface ShowInfo {
  id: string;
  title: string;
  roomId: string;
  roomTitle: string;
  platform: string;
  startedAt: number;
  endedAt: number | null;
}

export type { SourceKind };
export type FeedState = 'connecting' | 'live' | 'reconnecting' | 'ended' | 'stopped' | 'error';

export interface FeedGap {
  /** Last seq seen before the gap, and the first seq seen after it. */
  afterSeq: number;
  resumedSeq: number;
  missing: number;
  /** Wall-clock time the gap was noticed. */
  detectedAt: number;
  /** Where the gap sits on the feed's clock (ts of the event after it), for the trend chart. */
  feedTs?: number | null;
}

export interface FeedStatus {
  source: SourceKind;
  state: FeedState;
  connected: boolean;
  /** Human-readable reason for the last error or disconnect, or null. */
  lastError: string | null;
  lastSeq: number;
  lastEventAt: number | null;
  eventsByType: Record<FeedEventType, number>;
  commentsStored: number;
  duplicatesDropped: number;
  invalid: number;
  truncated: number;
  gaps: FeedGap[];
  reconnects: number;
  /** Comments per second over the last few seconds. */
  messagesPerSec: number;
  /** Stats events whose counters went backwards (a feed reset or a bug); kept, and counted. */
  counterRegressions: number;
  storage: StorageStatus;
  recording: RecordingStatus;
  /** Playback state when the source is a replay. */
  replay: ReplayStatus | null;
}

export interface StorageStatus {
  /** paused: writes fail (disk full …); events wait in a bounded queue and storage retries by itself. */
  state: 'ok' | 'paused';
  /** Why storage is paused, in words. */
  reason: string | null;
  /** Rows waiting in memory while paused. */
  queued: number;
  /** Rows dropped because the in-memory queue was full (also recorded as a gap). */
  dropped: number;
  /** Something the user must be told once, e.g. a damaged database moved aside (where to). */
  notice: string | null;
}

export interface RecordingStatus {
  /** The compressed JSONL file the raw events of this show are appended to. */
  file: string | null;
  events: number;
  errors: number;
  lastError: string | null;
}

export interface CommentRow {
  /** Storage order; used for paging older rows. */
  rowId: number;
  id: string;
  seq: number;
  ts: number;
  userId: string;
  nickname: string;
  text: string;
  fanClub: boolean;
  /** The feed's text was longer than we keep and was cut. */
  truncated: boolean;
}

export interface CurrentProduct {
  id: string;
  name: string;
  price: number;
  stock: number | null;
  since: number;
}

export interface MetricsReport {
  showId: string;
  /** ts of the stats snapshot these values come from. */
  at: number;
  values: MetricValues;
  /** Change vs 5 min ago per metric kind (metrics/definitions.ts); null when unknown. */
  changes: Partial<Record<ScalarMetricKey, number | null>>;
  /** Windowed metrics: last 5 min and the 5 min before (null until enough history). */
  window: { minutes: number; current: MetricValues | null; previous: MetricValues | null };
  products: ProductMetrics[];
}

export interface InvalidSample {
  at: number;
  type: string;
  reason: string;
  /** The offending payload, serialised and cut to a few hundred characters. */
  sample: string;
}

/** One finished or running show, for the history list. */
export interface ShowSummary extends ShowInfo {
  gmv: number;
  orders: number;
  buyers: number;
  uv: number;
  pv: number;
  peakOnline: number;
  comments: number;
  /** ts of the last stats snapshot (the show's "now" or its end). */
  lastAt: number | null;
}

/** One minute of a show, from the per-minute rollups. */
export interface TrendMinute {
  /** Start of the minute, ms since epoch (feed clock). */
  minute: number;
  online: number | null;
  onlineMax: number | null;
  comments: number;
  orders: number;
  /** GMV in this minute, cents. */
  gmv: number;
  /** Conversion over the trailing 5 minutes (Δbuyers ÷ Δuv), null when unknown. */
  conversion5m: number | null;
  /** Cumulative metrics as they stood at the end of this minute (for sparklines), null if no stats. */
  values: MetricValues | null;
}

export type TrendMarkerKind = 'product' | 'gap' | 'alert' | 'incident';

export interface TrendMarker {
  ts: number;
  kind: TrendMarkerKind;
  label: string;
}

export interface TrendData {
  showId: string;
  minutes: TrendMinute[];
  markers: TrendMarker[];
}

/** A show's board as it stands (a past show: as it ended). */
export interface ShowBoard {
  show: ShowInfo;
  metrics: MetricsReport | null;
  targets: ShowTargets;
}

export interface BoardSnapshot {
  show: ShowInfo | null;
  /** The current show's targets (or the ones set for the next show). */
  targets: ShowTargets;
  metrics: MetricsReport | null;
  feed: FeedStatus;
  product: CurrentProduct | null;
  /** The newest comments, oldest first. */
  comments: CommentRow[];
  /** Pending questions and reply KPIs of the current show. */
  replies: RepliesState;
  /** The FAQ library's revision (listFaq gives the entries). */
  faqRevision: number;
  /** The current show's alerts. */
  alerts: AlertsState;
  /** The checklist run's progress and the open incidents. */
  operations: OperationsState;
}

/** Pushed to subscribers at most 10 times a second; only what changed since the last one. */
export interface BoardUpdate {
  show?: ShowInfo | null;
  targets?: ShowTargets;
  metrics?: MetricsReport;
  product?: CurrentProduct | null;
  feed: FeedStatus;
  /** New comments since the previous update, oldest first (capped; see droppedComments). */
  comments: CommentRow[];
  /** Comments stored in this interval but not sent (over the per-update cap); page them in. */
  droppedComments: number;
  /** Pending questions and KPIs, when they changed (at most 4 times a second). */
  replies?: RepliesState;
  /** The FAQ library changed (edit, import, another window): refetch with listFaq. */
  faqRevision?: number;
  /** Alerts, when they changed (raised, grown, acknowledged; rules edited). */
  alerts?: AlertsState;
  /** Checklist progress / open incidents, when they changed. */
  operations?: OperationsState;
  /** Desktop app only: open the incident log on this incident (the global incident shortcut). */
  focusIncidentId?: number;
}

const showIdArg = z.string().min(1).max(200);
export const ShowRefArgs = z.object({ showId: showIdArg.optional() });
export const TrendArgs = z.object({
  showId: showIdArg.optional(),
  /** Only minutes at or after this one (incremental refresh). */
  sinceMinute: z.number().int().nonnegative().optional(),
});
const targetCount = z.number().int().positive().max(Number.MAX_SAFE_INTEGER).nullable();
export const ShowTargetsSchema = z.object({
  gmv: targetCount,
  peakOnline: targetCount,
  newFollowers: targetCount,
  plannedMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .nullable(),
});
export const SetTargetsArgs = z.object({ showId: showIdArg.optional(), targets: ShowTargetsSchema });

export const GetCommentsArgs = z.object({
  beforeRowId: z.number().int().positive().optional(),
  limit: z.number().int().min(1).max(500).default(100),
});
export type GetCommentsArgs = z.input<typeof GetCommentsArgs>;

/** Argument schemas of each request method (a tuple of the call's arguments). */
export const apiRequests = {
  getSnapshot: z.tuple([]),
  getMetrics: z.tuple([]),
  getComments: z.tuple([GetCommentsArgs]),
  getFeedStatus: z.tuple([]),
  getInvalidSamples: z.tuple([]),
  getSourceSettings: z.tuple([]),
  testSource: z.tuple([SourceConfigSchema]),
  applySource: z.tuple([SourceConfigSchema]),
  controlReplay: z.tuple([ReplayControlSchema]),
  listShows: z.tuple([]),
  getShowBoard: z.tuple([z.object({ showId: showIdArg })]),
  getTrend: z.tuple([TrendArgs]),
  getTargets: z.tuple([ShowRefArgs]),
  setTargets: z.tuple([SetTargetsArgs]),
  listFaq: z.tuple([]),
  saveFaqEntry: z.tuple([SaveFaqEntryArgs]),
  deleteFaqEntry: z.tuple([FaqIdArgs]),
  reorderFaq: z.tuple([ReorderFaqArgs]),
  importFaq: z.tuple([ImportFaqArgs]),
  exportFaq: z.tuple([ExportFaqArgs]),
  getFaqVars: z.tuple([ShowRefArgs]),
  setFaqVars: z.tuple([SetFaqVarsArgs]),
  getComplianceWords: z.tuple([]),
  setComplianceWords: z.tuple([SetComplianceWordsArgs]),
  getReplies: z.tuple([]),
  answerQuestions: z.tuple([AnswerQuestionsArgs]),
  dismissQuestions: z.tuple([DismissQuestionsArgs]),
  recordFaqUse: z.tuple([RecordFaqUseArgs]),
  listQuestions: z.tuple([ListQuestionsArgs]),
  getReplyKpis: z.tuple([ShowRefArgs]),
  listAlertRules: z.tuple([]),
  saveAlertRule: z.tuple([SaveAlertRuleArgs]),
  deleteAlertRule: z.tuple([AlertRuleIdArgs]),
  muteAlertRule: z.tuple([MuteAlertRuleArgs]),
  resetAlertRules: z.tuple([]),
  importAlertRules: z.tuple([ImportAlertRulesArgs]),
  exportAlertRules: z.tuple([]),
  listAlerts: z.tuple([ListAlertsArgs]),
  ackAlert: z.tuple([AckAlertArgs]),
  snoozeAlert: z.tuple([SnoozeAlertArgs]),
  getAlertSummary: z.tuple([ShowRefArgs]),
  getChecklist: z.tuple([z.object({ runId: z.number().int().positive().optional() })]),
  updateChecklistItem: z.tuple([UpdateChecklistItemArgs]),
  scheduleChecklist: z.tuple([ScheduleChecklistArgs]),
  exportChecklist: z.tuple([ChecklistExportArgs]),
  getChecklistTemplate: z.tuple([]),
  saveChecklistTemplate: z.tuple([SaveChecklistTemplateArgs]),
  listIncidents: z.tuple([ListIncidentsArgs]),
  openIncident: z.tuple([OpenIncidentArgs]),
  updateIncident: z.tuple([UpdateIncidentArgs]),
  getIncidentKpis: z.tuple([IncidentKpisArgs]),
  getPlaybooks: z.tuple([]),
  savePlaybooks: z.tuple([SavePlaybooksArgs]),
  getReport: z.tuple([GetReportArgs]),
  saveReportText: z.tuple([SaveReportTextArgs]),
  startExport: z.tuple([StartExportArgs]),
  getExportJob: z.tuple([ExportJobArgs]),
  cancelExport: z.tuple([ExportJobArgs]),
  revealExport: z.tuple([ExportJobArgs]),
  getShareStatus: z.tuple([]),
  startSharing: z.tuple([StartSharingArgs]),
  stopSharing: z.tuple([]),
  revokeShareToken: z.tuple([RevokeShareTokenArgs]),
} as const satisfies Record<ApiMethod, z.ZodTuple>;

export interface ApiResponses {
  getSnapshot: BoardSnapshot;
  getMetrics: MetricsReport | null;
  getComments: CommentRow[];
  getFeedStatus: FeedStatus;
  getInvalidSamples: InvalidSample[];
  getSourceSettings: SourceSettings;
  /** Tries a source without switching to it. */
  testSource: SourceTestResult;
  /** Tests the source, and only if it works saves it and switches to it. */
  applySource: SourceTestResult;
  /** null when the current source is not a replay. */
  controlReplay: ReplayStatus | null;
  /** Every show in the database, newest first. */
  listShows: ShowSummary[];
  getShowBoard: ShowBoard | null;
  /** Per-minute trend of a show (default: the current one) with event markers; null if no show. */
  getTrend: TrendData | null;
  /** Targets of a show; without showId: the current show's, or those set for the next show. */
  getTargets: ShowTargets;
  setTargets: ShowTargets;
  listFaq: FaqLibraryView;
  /** Creates (no id, or an unknown one) or replaces an entry; a new entry goes last. */
  saveFaqEntry: FaqEntryView;
  /** false when there was no such entry. */
  deleteFaqEntry: boolean;
  reorderFaq: FaqLibraryView;
  /** All or nothing: a bad row rejects the whole file. */
  importFaq: FaqImportResult;
  exportFaq: FaqExportFile;
  /** Values of the answers' {变量} for a show (default: the current one, or the next). */
  getFaqVars: FaqVariables;
  setFaqVars: FaqVariables;
  getComplianceWords: ComplianceWords;
  setComplianceWords: ComplianceWords;
  getReplies: RepliesState;
  /** Marks every pending question of the group answered (its answer was copied). */
  answerQuestions: AnswerResult;
  /** Not a question after all / nothing to answer: leaves the KPIs' denominator. */
  dismissQuestions: AnswerResult;
  /** An answer copied from the library without a question: counts as used. */
  recordFaqUse: FaqUsageRecorded;
  /** Newest first, with the top suggestions filled with the show's variables. */
  listQuestions: QuestionView[];
  getReplyKpis: ReplyKpis;
  listAlertRules: AlertRulesView;
  /** Creates or replaces a rule (validated: a broken pattern or impossible threshold is refused). */
  saveAlertRule: AlertRule;
  deleteAlertRule: boolean;
  muteAlertRule: AlertRulesView;
  /** Back to the shipped rule set. */
  resetAlertRules: AlertRulesView;
  /** All or nothing. */
  importAlertRules: AlertRulesImportResult;
  exportAlertRules: AlertRulesExportFile;
  /** A show's alerts (default: the current one), newest first. */
  listAlerts: AlertView[];
  ackAlert: AlertView | null;
  snoozeAlert: AlertView | null;
  getAlertSummary: AlertSummary;
  /** A run by id; without: the current show's run, or the one prepared for the next show (created on first use). */
  getChecklist: ChecklistRun;
  updateChecklistItem: ChecklistRun;
  scheduleChecklist: ChecklistRun;
  /** The 设备调试记录表 of a run (default: the current one). */
  exportChecklist: FaqExportFile;
  getChecklistTemplate: { template: ChecklistTemplate; isDefault: boolean };
  /** null: back to the shipped template. Runs already started keep their items. */
  saveChecklistTemplate: { template: ChecklistTemplate; isDefault: boolean };
  /** A show's incidents (default: the current show), newest first. */
  listIncidents: IncidentView[];
  /** Written to SQLite at once (survives a crash); the type's playbook steps are copied in. */
  openIncident: IncidentView;
  /** Every edit is written at once. */
  updateIncident: IncidentView;
  getIncidentKpis: IncidentKpis;
  getPlaybooks: PlaybooksView;
  savePlaybooks: PlaybooksView;
  /** The summary of a show or a period: measured figures + the text (prefilled or as edited). */
  getReport: Report;
  /** Saves the people and the edited text of a scope (null text: back to the prefilled one). */
  saveReportText: Report;
  /** Starts an export off the UI's thread; poll getExportJob for progress. */
  startExport: ExportJobView;
  /** null: no such job (jobs are kept until the app stops). */
  getExportJob: ExportJobView | null;
  /** The job as it stands after the request (a finished job is left as it is). */
  cancelExport: ExportJobView | null;
  /** Desktop app: shows the exported file in the file manager; false where that is impossible (web host). */
  revealExport: boolean;
  /** The LAN board: off, or on with its address, links and QR codes (docs/lan-board.md). */
  getShareStatus: ShareStatus;
  /** Starts the LAN listener with fresh tokens for both roles (running: issues a token for a role that has none). */
  startSharing: ShareStatus;
  /** Stops the LAN listener: every token is void and every LAN device disconnected. */
  stopSharing: ShareStatus;
  /** Voids one token and disconnects its devices at once; unknown id → error. */
  revokeShareToken: ShareStatus;
}

export interface FaqUsageRecorded {
  faqId: string;
  used: number;
}

/** Arguments as a caller passes them (defaults may be left out). */
export type ApiArgs<M extends ApiMethod> = z.input<(typeof apiRequests)[M]>;
/** Arguments as the service receives them: checked by a host with parseApiArgs, defaults filled. */
export type ApiParsedArgs<M extends ApiMethod> = z.output<(typeof apiRequests)[M]>;

/** Methods that talk to the outside world, and so answer asynchronously. */
export type AsyncApiMethod =
  | 'testSource'
  | 'applySource'
  | 'importFaq'
  | 'exportFaq'
  | 'exportChecklist'
  | 'startSharing'
  | 'stopSharing';

/** What the core service implements (reads are synchronous; source changes are async). */
export type LiveDeskService = {
  [M in ApiMethod]: (
    ...args: ApiParsedArgs<M>
  ) => M extends AsyncApiMethod ? Promise<ApiResponses[M]> : ApiResponses[M];
} & {
  onUpdate(listener: (update: BoardUpdate) => void): () => void;
};

/** What the renderer calls, over either transport. */
export type LiveDeskClient = {
  [M in ApiMethod]: (...args: ApiArgs<M>) => Promise<ApiResponses[M]>;
} & {
  onUpdate(listener: (update: BoardUpdate) => void): () => void;
};

/** Checks and parses a call's arguments; throws a ZodError naming the problem. */
export function parseApiArgs<M extends ApiMethod>(
  method: M,
  args: unknown,
): z.output<(typeof apiRequests)[M]> {
  return apiRequests[method].parse(args) as z.output<(typeof apiRequests)[M]>;
}
