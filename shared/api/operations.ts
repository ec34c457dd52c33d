/**
 * The field controller's tools before and during a show (seed 002: 设备清单 + 应急预案, 设备调试记录表;
 * seed 000: a network outage handled within a minute): the pre-show equipment checklist, the
 * incident log with playbooks (应急预案), and their KPIs. Argument schemas validate at each host.
 */
import { z } from 'zod';

// ── Checklist (设备调试清单) ─────────────────────────────────────────────────────────────

export const CHECKLIST_SECTIONS = ['hardware', 'software', 'network', 'backup', 'prep'] as const;
export type ChecklistSection = (typeof CHECKLIST_SECTIONS)[number];

const itemId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9_-]+$/, 'ids are lower-case ascii, digits, _ or -');

/** What an item expects: a numeric range (measured value typed in), a text value, or a tick. */
export const ChecklistExpectationSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('range'),
      min: z.number().finite().nullable(),
      max: z.number().finite().nullable(),
      unit: z.string().max(16),
    })
    .refine((r) => r.min !== null || r.max !== null, { message: 'a range needs a min or a max' })
    .refine((r) => r.min === null || r.max === null || r.min <= r.max, {
      message: 'min must not exceed max',
    }),
  z.object({ kind: z.literal('text'), value: z.string().max(100) }),
  z.object({ kind: z.literal('check') }),
]);
export type ChecklistExpectation = z.infer<typeof ChecklistExpectationSchema>;

export const ChecklistTemplateItemSchema = z.object({
  id: itemId,
  section: z.enum(CHECKLIST_SECTIONS),
  label: z.string().trim().min(1).max(80),
  expected: ChecklistExpectationSchema,
  /** How to check it, in a line. */
  hint: z.string().max(200),
  /** The incident type whose playbook is this item's contingency (e.g. a camera → 设备故障). */
  contingency: z.string().max(32).nullable(),
});
export type ChecklistTemplateItem = z.infer<typeof ChecklistTemplateItemSchema>;

export const ChecklistTemplateSchema = z.object({
  version: z.literal(1),
  items: z
    .array(ChecklistTemplateItemSchema)
    .min(1)
    .max(500)
    .refine((items) => new Set(items.map((i) => i.id)).size === items.length, {
      message: 'item ids must be unique',
    }),
});
export type ChecklistTemplate = z.infer<typeof ChecklistTemplateSchema>;

export type ChecklistItemStatus = 'open' | 'pass' | 'fail' | 'na';

export interface ChecklistItemState extends ChecklistTemplateItem {
  status: ChecklistItemStatus;
  /** As typed ("1080P", "-40", "35.5"). */
  measured: string | null;
  /** True when the status was set because the measured value is outside the range. */
  autoFailed: boolean;
  note: string;
  who: string | null;
  /** Wall clock of the last change. */
  updatedAt: number | null;
}

export interface ChecklistRun {
  id: number;
  /** The show this run was for; null: prepared for the next show (no show running yet). */
  showId: string | null;
  /** When the show is planned to start (wall clock), if set. */
  scheduledStart: number | null;
  /** Default: 2 hours before the scheduled start. */
  deadline: number | null;
  createdAt: number;
  items: ChecklistItemState[];
  progress: { total: number; done: number; pass: number; fail: number; na: number; open: number };
  /** Set when the show started with items open or failed: what was outstanding then. */
  startWarning: { at: number; open: number; failed: number } | null;
}

export const UpdateChecklistItemArgs = z.object({
  runId: z.number().int().positive(),
  itemId,
  /** Omitted fields keep their value. A measured value outside the range fails the item. */
  status: z.enum(['open', 'pass', 'fail', 'na']).optional(),
  measured: z.string().max(100).nullable().optional(),
  note: z.string().max(500).optional(),
  who: z.string().trim().max(40).optional(),
});
export const ScheduleChecklistArgs = z.object({
  runId: z.number().int().positive(),
  scheduledStart: z.number().int().positive().nullable(),
  /** Default: scheduledStart − 2 h. */
  deadline: z.number().int().positive().nullable().optional(),
});
export const ChecklistExportArgs = z.object({
  runId: z.number().int().positive().optional(),
  format: z.enum(['xlsx', 'md']),
});
export const SaveChecklistTemplateArgs = z.object({ template: ChecklistTemplateSchema.nullable() });

// ── Incidents (事故记录) and playbooks (应急预案) ────────────────────────────────────────

export const INCIDENT_TYPES = [
  'stream_stutter', // 推流卡顿
  'audio_delay', // 声音延迟
  'black_screen', // 黑屏
  'network_down', // 网络中断
  'device_failure', // 设备故障
  'negative_sentiment', // 负面舆情
  'out_of_stock', // 商品缺货
  'price_link_error', // 价格/链接错误
  'cs_backlog', // 客服积压
  'other', // 其他
] as const;
export type IncidentType = (typeof INCIDENT_TYPES)[number];
export const INCIDENT_SEVERITIES = ['low', 'medium', 'high'] as const;
export type IncidentSeverity = (typeof INCIDENT_SEVERITIES)[number];

/** The seed's response target: every incident responded to within 5 minutes. */
export const INCIDENT_RESPONSE_TARGET_MS = 5 * 60_000;

export const PlaybookSchema = z.object({
  type: z.enum(INCIDENT_TYPES),
  title: z.string().trim().min(1).max(60),
  steps: z.array(z.string().trim().min(1).max(200)).min(1).max(30),
});
export type Playbook = z.infer<typeof PlaybookSchema>;
export const PlaybookSetSchema = z.object({
  version: z.literal(1),
  playbooks: z.array(PlaybookSchema).max(INCIDENT_TYPES.length),
});
export type PlaybookSet = z.infer<typeof PlaybookSetSchema>;

export interface IncidentNote {
  at: number;
  text: string;
}

export interface IncidentStep {
  text: string;
  /** When it was ticked (wall clock), null: not done. */
  doneAt: number | null;
}

/** Measured from the stored per-minute rollups around the incident. */
export interface IncidentImpact {
  onlineBefore: number | null;
  onlineLowest: number | null;
  onlineAfter: number | null;
  commentsPerMinBefore: number | null;
  commentsPerMinDuring: number | null;
  /** Cents per minute. */
  gmvPerMinBefore: number | null;
  gmvPerMinDuring: number | null;
}

export interface IncidentView {
  id: number;
  showId: string | null;
  type: IncidentType;
  severity: IncidentSeverity;
  title: string;
  /** Wall clock of detection / first action / resolution. */
  detectedAt: number;
  respondedAt: number | null;
  resolvedAt: number | null;
  /** Where the incident sits on the show's (feed) clock, for the trend chart. */
  feedTs: number | null;
  /** Durations from a monotonic clock while the app kept running, else from wall clock. */
  responseMs: number | null;
  resolveMs: number | null;
  alertId: number | null;
  notes: IncidentNote[];
  /** The playbook's steps as they were when the incident was opened, with ticks. */
  steps: IncidentStep[];
  impact: IncidentImpact | null;
}

export const OpenIncidentArgs = z.object({
  type: z.enum(INCIDENT_TYPES),
  severity: z.enum(INCIDENT_SEVERITIES).default('medium'),
  title: z.string().trim().max(100).optional(),
  /** Open it from an alert: the alert's id (its message becomes the first note). */
  alertId: z.number().int().positive().optional(),
});
export type OpenIncidentArgs = z.input<typeof OpenIncidentArgs>;

export const UpdateIncidentArgs = z.object({
  id: z.number().int().positive(),
  type: z.enum(INCIDENT_TYPES).optional(),
  severity: z.enum(INCIDENT_SEVERITIES).optional(),
  title: z.string().trim().max(100).optional(),
  /** Appends a timestamped note (counts as the first action when none was recorded). */
  note: z.string().trim().min(1).max(1000).optional(),
  /** Ticks (true) or unticks (false) step `index` (counts as the first action). */
  step: z.object({ index: z.number().int().min(0).max(29), done: z.boolean() }).optional(),
  /** Marks responded / resolved now (true) or clears it (false). */
  responded: z.boolean().optional(),
  resolved: z.boolean().optional(),
});
export type UpdateIncidentArgs = z.input<typeof UpdateIncidentArgs>;

export const ListIncidentsArgs = z.object({
  showId: z.string().min(1).max(200).optional(),
  limit: z.number().int().min(1).max(1000).default(100),
});
export type ListIncidentsArgs = z.input<typeof ListIncidentsArgs>;

export const IncidentKpisArgs = z.object({
  showId: z.string().min(1).max(200).optional(),
  /** A period instead of a show (wall clock, inclusive from, exclusive to). */
  from: z.number().int().nonnegative().optional(),
  to: z.number().int().positive().optional(),
});

export interface IncidentKpis {
  showId: string | null;
  from: number | null;
  to: number | null;
  total: number;
  byType: Partial<Record<IncidentType, number>>;
  medianResponseMs: number | null;
  maxResponseMs: number | null;
  /** Responded within INCIDENT_RESPONSE_TARGET_MS ÷ total. */
  respondedWithin5MinRate: number | null;
  /** Resolved ÷ total. */
  resolvedRate: number | null;
  medianResolveMs: number | null;
}

export const SavePlaybooksArgs = z.object({ playbooks: PlaybookSetSchema.nullable() });

export interface PlaybooksView {
  playbooks: Playbook[];
  isDefault: boolean;
}

/** What the board shows: the current run's progress and the open incidents. */
export interface OperationsState {
  checklist: {
    runId: number;
    progress: ChecklistRun['progress'];
    deadline: number | null;
    startWarning: ChecklistRun['startWarning'];
  } | null;
  /** Not yet resolved, oldest first. */
  openIncidents: IncidentView[];
  revision: number;
}
