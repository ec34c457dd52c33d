/**
 * Alerts for the field controller (场控) in the API: rules (shared/alerts/rules.ts), the alerts they
 * raise with their evidence, and what the controller does with them (acknowledge, snooze, mute).
 */
import { z } from 'zod';
import { AlertRuleSchema, type AlertRule, type Severity } from '../alerts/rules.js';

/** Alerts sent with each board update (newest first); older ones via listAlerts. */
export const MAX_RECENT_ALERTS = 100;
/** Evidence comments kept per alert. */
export const MAX_ALERT_SAMPLES = 20;

const ruleId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9_-]+$/, 'ids are lower-case ascii, digits, _ or -');
const alertId = z.number().int().positive();

export type AlertKind = AlertRule['kind'];
export type AlertState = 'open' | 'acked' | 'snoozed';

export interface AlertRulesView {
  rules: AlertRule[];
  /** true: the shipped set (resources/alerts/default-rules.json), never edited. */
  isDefault: boolean;
  /** Rules muted by the controller: they raise nothing until unmuted. */
  muted: string[];
  /** Bumped on every change (BoardUpdate.alerts carries it). */
  revision: number;
}

export interface AlertEvidence {
  commentId: string;
  userId: string;
  nickname: string;
  text: string;
  /** Feed time of the comment. */
  ts: number;
}

export interface AlertView {
  id: number;
  showId: string;
  ruleId: string;
  ruleName: string;
  kind: AlertKind;
  severity: Severity;
  /** What to do (from the rule). */
  hint: string;
  /** What happened, with the numbers ("在线人数 60 秒内下降 32%（1,200 → 816）"). */
  message: string;
  /** Wall clock: first and latest match; feedTs: where it sits on the show's (feed) clock. */
  firstAt: number;
  lastAt: number;
  feedTs: number | null;
  /** Matching comments (keyword rules) or evaluations (metric/feed rules) in this alert. */
  count: number;
  distinctUsers: number;
  /** Newest first, at most MAX_ALERT_SAMPLES. */
  samples: AlertEvidence[];
  state: AlertState;
  ackedAt: number | null;
  ackedBy: string | null;
  snoozedUntil: number | null;
  /** The incident opened from this alert, if any (issue 7). */
  incidentId: number | null;
}

export interface AlertsState {
  showId: string | null;
  /** Newest first, at most MAX_RECENT_ALERTS. */
  recent: AlertView[];
  /** Open (not acknowledged, not snoozed) alerts per severity. */
  open: Record<Severity, number>;
  rulesRevision: number;
}

export const SaveAlertRuleArgs = z.object({ rule: AlertRuleSchema });
export const AlertRuleIdArgs = z.object({ id: ruleId });
export const MuteAlertRuleArgs = z.object({ id: ruleId, muted: z.boolean() });
export const ImportAlertRulesArgs = z.object({
  /** The JSON file's text ({ version: 1, rules: [...] }). */
  data: z.string().max(5_000_000),
  mode: z.enum(['merge', 'replace']),
});

/** A rejected file names the rule (1-based) and field; nothing is imported. */
export type AlertRulesImportResult =
  | { ok: true; added: number; updated: number; removed: number; total: number }
  | { ok: false; error: string; rule: number | null; field: string | null };

export interface AlertRulesExportFile {
  fileName: string;
  mime: string;
  encoding: 'utf8';
  data: string;
}

export const ListAlertsArgs = z.object({
  showId: z.string().min(1).max(200).optional(),
  limit: z.number().int().min(1).max(1000).default(100),
});
export type ListAlertsArgs = z.input<typeof ListAlertsArgs>;

export const AckAlertArgs = z.object({
  id: alertId,
  /** Who acknowledged (the operator name set in the app); default 场控. */
  by: z.string().trim().min(1).max(40).optional(),
});
export const SnoozeAlertArgs = z.object({ id: alertId, minutes: z.number().int().min(1).max(240) });

export interface AlertRuleSummary {
  ruleId: string;
  ruleName: string;
  severity: Severity;
  alerts: number;
  /** Matching comments / evaluations over all its alerts. */
  evidence: number;
  acked: number;
  medianAckMs: number | null;
  maxAckMs: number | null;
}

/** Per show, for the post-show summary. */
export interface AlertSummary {
  showId: string | null;
  total: number;
  acked: number;
  bySeverity: Record<Severity, number>;
  byRule: AlertRuleSummary[];
  /** First match → acknowledged. */
  medianAckMs: number | null;
}
