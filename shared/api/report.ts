/**
 * The post-show and period summary (直播工作总结): the figures the console measured, laid out as
 * the seed summaries are (一 … 七), the text the user edits before export, and export jobs.
 */
import { z } from 'zod';
import type { MetricValues, ProductMetrics, ScalarMetricKey } from '../metrics/formulas.js';
import type { ShowTargets } from '../metrics/targets.js';
import type { AlertSummary } from './alerts.js';
import type { ShowInfo, TrendData } from './contract.js';
import type { ChecklistRun, IncidentKpis, IncidentView } from './operations.js';
import type { ReplyKpis } from './replies.js';

export const REPORT_FORMATS = ['docx', 'xlsx', 'md', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** YYYY-MM-DD, a real calendar day (local time of the machine running the app). */
const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  // An impossible day (2026-02-30) rolls over in Date and no longer reads the same.
  .refine((s) => localDay(new Date(`${s}T00:00:00`)) === s, 'not a calendar day');

function localDay(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

export const ReportScopeSchema = z.discriminatedUnion('kind', [
  /** One show; the CLI resolves `latest` to the newest show's id before it gets here. */
  z.object({ kind: z.literal('show'), showId: z.string().min(1).max(200) }),
  /** Shows that started on the days from … to (inclusive), optionally in one room. */
  z
    .object({
      kind: z.literal('period'),
      from: isoDay,
      to: isoDay,
      roomId: z.string().min(1).max(200).nullable().default(null),
    })
    .refine((p) => p.from <= p.to, { message: 'from is after to', path: ['to'] }),
]);
export type ReportScope = z.infer<typeof ReportScopeSchema>;

/** Stable key for a scope (saved texts are keyed by it). */
export function reportScopeKey(scope: ReportScope): string {
  return scope.kind === 'show'
    ? `show:${scope.showId}`
    : `period:${scope.from}:${scope.to}:${scope.roomId ?? '*'}`;
}

/** Names set per show (or per period report) by the user. */
export const ReportPeopleSchema = z.object({
  host: z.string().trim().max(60).default(''),
  assistant: z.string().trim().max(60).default(''),
  fieldControl: z.string().trim().max(60).default(''),
});
export type ReportPeople = z.infer<typeof ReportPeopleSchema>;

const text = (max: number) => z.string().max(max);

/**
 * What the user writes or edits. Sections 一 (overview), 六 (problems) and 七 (improvements) are
 * prefilled from the data; the notes under 二–五 start empty. Lines are separated by "\n"; a
 * line starting with "- " is a list item in every format.
 */
export const ReportTextSchema = z.object({
  overview: text(4000),
  metricsNote: text(4000).default(''),
  prepNote: text(4000).default(''),
  executionNote: text(4000).default(''),
  incidentsNote: text(4000).default(''),
  problems: text(8000),
  improvements: text(8000),
});
export type ReportText = z.infer<typeof ReportTextSchema>;

export const GetReportArgs = z.object({ scope: ReportScopeSchema });
export const SaveReportTextArgs = z.object({
  scope: ReportScopeSchema,
  people: ReportPeopleSchema,
  /** null: forget the edits and go back to the prefilled text. */
  text: ReportTextSchema.nullable(),
});

/** A value and when (feed clock, ms) it happened. */
export interface Peak {
  value: number;
  at: number;
}

export interface MetricComparison {
  key: ScalarMetricKey;
  value: number | null;
  /** The previous show's value (same room), null when there is none or it is unknown. */
  previous: number | null;
  /** (value − previous) ÷ previous; null when either is unknown or previous is 0. */
  change: number | null;
}

/** One traffic source over the whole show: viewers (uv) from it and its share of all viewers. */
export interface TrafficRow {
  source: string;
  uv: number;
  share: number;
}

export interface FaqUseRow {
  faqId: string;
  question: string;
  category: string;
  uses: number;
}

/** A sentence the data supports, for 六 (problem) and 七 (what to do about it). */
export interface Observation {
  /** Machine-readable kind, e.g. 'alert-cluster', 'slow-replies', 'incident-slow-response'. */
  kind: string;
  problem: string;
  improvement: string;
}

export interface ShowReport {
  kind: 'show';
  generatedAt: number;
  show: ShowInfo;
  /** Feed clock: first and last stats of the show; duration = end − start. */
  startAt: number;
  endAt: number;
  durationMs: number;
  people: ReportPeople;
  previousShow: { id: string; title: string; startedAt: number } | null;
  /** 二、核心数据指标 */
  final: MetricValues | null;
  comparisons: MetricComparison[];
  peaks: {
    online: Peak | null;
    commentsPerMin: Peak | null;
    gmvPerMin: Peak | null;
    ordersPerMin: Peak | null;
  };
  targets: ShowTargets;
  traffic: TrafficRow[];
  /** Funnel table, every product (sorted by GMV, highest first). */
  products: ProductMetrics[];
  /** Per-minute timeline and markers (the chart in the Word file and the Excel timeline). */
  trend: TrendData;
  /** 三、直播前筹备 */
  checklist: ChecklistRun | null;
  /** 四、直播中执行 */
  comments: { total: number; perMinuteAvg: number | null; peakPerMin: Peak | null };
  replies: ReplyKpis;
  faqUsage: FaqUseRow[];
  alerts: AlertSummary;
  /** 五、事故与应急 */
  incidents: IncidentView[];
  incidentKpis: IncidentKpis;
  /** 六/七: what the data supports (also the source of the prefilled text). */
  observations: Observation[];
  /** The text as the user left it (or prefilled). */
  text: ReportText;
  /** true when `text` holds the user's saved edits. */
  textEdited: boolean;
}

/** One show in a period report. */
export interface PeriodShowRow {
  id: string;
  title: string;
  roomId: string;
  roomTitle: string;
  startedAt: number;
  durationMs: number;
  gmv: number;
  orders: number;
  buyers: number;
  uv: number;
  peakOnline: number;
  comments: number;
  conversion: number | null;
  questions: number;
  answered: number;
  faqUses: number;
  alerts: number;
  incidents: number;
}

export interface PeriodReport {
  kind: 'period';
  generatedAt: number;
  from: string;
  to: string;
  roomId: string | null;
  people: ReportPeople;
  shows: PeriodShowRow[];
  totals: {
    shows: number;
    hoursLive: number;
    gmv: number;
    orders: number;
    buyers: number;
    uv: number;
    comments: number;
    questions: number;
    answered: number;
    faqUses: number;
    alerts: number;
    incidents: number;
  };
  averages: {
    durationMs: number | null;
    gmv: number | null;
    peakOnline: number | null;
    uv: number | null;
    conversion: number | null;
    aov: number | null;
  };
  /** By GMV; null without shows. */
  best: PeriodShowRow | null;
  worst: PeriodShowRow | null;
  replies: {
    questions: number;
    resolutionRate: number | null;
    medianResponseMs: number | null;
    within30sRate: number | null;
  };
  incidentKpis: IncidentKpis;
  faqUsage: FaqUseRow[];
  observations: Observation[];
  text: ReportText;
  textEdited: boolean;
}

export type Report = ShowReport | PeriodReport;

// Export jobs: run off the thread that serves the UI, report progress, can be cancelled; the file
// is written to a temp name and renamed, so a failed or cancelled export leaves no half file.

export const StartExportArgs = z.object({
  scope: ReportScopeSchema,
  format: z.enum(REPORT_FORMATS),
});
export const ExportJobArgs = z.object({ jobId: z.string().regex(/^[a-z0-9-]{1,64}$/) });

export type ExportState = 'running' | 'done' | 'failed' | 'cancelled';

export interface ExportJobView {
  jobId: string;
  scope: ReportScope;
  format: ReportFormat;
  state: ExportState;
  /** 0…1 */
  progress: number;
  /** What it is doing now, e.g. 'comments' (a stable key the UI translates). */
  phase: string;
  startedAt: number;
  finishedAt: number | null;
  /** When done: the file in the data folder's exports/ directory. */
  file: { name: string; path: string; bytes: number } | null;
  error: string | null;
}
