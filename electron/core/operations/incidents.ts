/**
 * The incident log (事故记录). An incident is written to SQLite when it is opened and again on
 * every edit, so a crash loses nothing already typed or ticked. It copies its type's playbook
 * steps; ticking a step or adding a note is the first action (respondedAt) unless one was
 * recorded. Each moment is a wall time (display) plus a monotonic reading (durations: see
 * monotonic.ts); feedTs is the show's feed clock at detection (trend marker, impact).
 */
import {
  IncidentKpisArgs,
  OpenIncidentArgs,
  UpdateIncidentArgs,
  type IncidentKpis,
  type IncidentView,
} from '../../../shared/api/operations.js';
import type { StoredIncident } from '../store/operations-repo.js';
import type { Store } from '../store/store.js';
import { OperationsError, parseArgs } from './errors.js';
import { incidentKpisOf, incidentView } from './incident-view.js';
import { INCIDENT_TYPE_LABELS } from './labels.js';
import { stampOf, type ClockStamp, type MonoClock } from './monotonic.js';
import type { Playbooks } from './playbooks.js';

/** Notes kept per incident: a row stays small however long the incident runs. */
export const MAX_INCIDENT_NOTES = 500;

/** What the log needs of an alert (issue 6's alerts): read one, and link it to its incident. */
export interface AlertLink {
  find(id: number): { showId: string; ruleName: string; message: string; feedTs: number | null } | null;
  link(alertId: number, incidentId: number): void;
}

export interface IncidentLogOptions {
  store: Store;
  playbooks: Playbooks;
  now: () => number;
  mono: MonoClock;
  /** The running show (null: none, or it ended) and the feed clock now (latest event ts). */
  feed: () => { showId: string | null; feedTs: number | null };
  alerts: AlertLink;
}

export class IncidentLog {
  constructor(private readonly opts: IncidentLogOptions) {}

  private stamp(): ClockStamp {
    return stampOf(this.opts.now(), this.opts.mono);
  }

  private get repo() {
    return this.opts.store.operations;
  }

  /** The stored record as the API shows it: durations, and the impact from the rollups. */
  view(incident: StoredIncident, now: ClockStamp = this.stamp()): IncidentView {
    return incidentView(this.repo, incident, now);
  }

  private find(id: number): StoredIncident {
    const incident = this.repo.getIncident(id);
    if (!incident) throw new OperationsError(`没有编号为 ${id} 的事故`, `no incident ${id}`);
    return incident;
  }

  get(id: number): IncidentView {
    return this.view(this.find(id));
  }

  /** Written at once; from an alert: its message is the first note and the alert is linked. */
  open(raw: unknown): IncidentView {
    const args = parseArgs(OpenIncidentArgs, raw);
    const detected = this.stamp();
    const feed = this.opts.feed();
    let alert: ReturnType<AlertLink['find']> = null;
    if (args.alertId !== undefined) {
      const existing = this.repo.incidentOfAlert(args.alertId);
      if (existing) return this.view(existing, detected); // a second press opens the same incident
      alert = this.opts.alerts.find(args.alertId);
      if (!alert) throw new OperationsError(`没有编号为 ${args.alertId} 的提醒`, `no alert ${args.alertId}`);
    }
    const showId = alert?.showId ?? feed.showId;
    const onRunningShow = showId !== null && showId === feed.showId;
    const incident = this.repo.insertIncident({
      showId,
      type: args.type,
      severity: args.severity,
      title: args.title || alert?.ruleName || INCIDENT_TYPE_LABELS[args.type],
      detected,
      responded: null,
      resolved: null,
      feedTs: onRunningShow ? feed.feedTs : (alert?.feedTs ?? null),
      alertId: args.alertId ?? null,
      notes: alert ? [{ at: detected.wall, text: alert.message }] : [],
      steps: (this.opts.playbooks.of(args.type)?.steps ?? []).map((text) => ({ text, doneAt: null })),
      updatedAt: detected.wall,
    });
    if (args.alertId !== undefined) this.opts.alerts.link(args.alertId, incident.id);
    return this.view(incident, detected);
  }

  /** Every edit is written at once; a bad edit changes nothing. */
  update(raw: unknown): IncidentView {
    const args = parseArgs(UpdateIncidentArgs, raw);
    const old = this.find(args.id);
    const now = this.stamp();
    const next: StoredIncident = {
      ...old,
      notes: [...old.notes],
      steps: old.steps.map((s) => ({ ...s })),
      updatedAt: now.wall,
    };
    if (args.type !== undefined && args.type !== old.type) {
      // Nothing ticked yet: the new type's playbook applies; a default title follows the type.
      if (old.steps.every((s) => s.doneAt === null)) {
        next.steps = (this.opts.playbooks.of(args.type)?.steps ?? []).map((text) => ({ text, doneAt: null }));
      }
      if (old.title === INCIDENT_TYPE_LABELS[old.type]) next.title = INCIDENT_TYPE_LABELS[args.type];
      next.type = args.type;
    }
    if (args.severity !== undefined) next.severity = args.severity;
    if (args.title !== undefined) next.title = args.title || INCIDENT_TYPE_LABELS[next.type];
    let acted = false;
    if (args.note !== undefined) {
      if (next.notes.length >= MAX_INCIDENT_NOTES) {
        throw new OperationsError(
          `一个事故最多记录 ${MAX_INCIDENT_NOTES} 条备注`,
          `an incident keeps at most ${MAX_INCIDENT_NOTES} notes`,
        );
      }
      next.notes.push({ at: now.wall, text: args.note });
      acted = true;
    }
    if (args.step !== undefined) {
      const step = next.steps[args.step.index];
      if (!step) {
        throw new OperationsError(
          `没有第 ${args.step.index + 1} 步（预案共 ${next.steps.length} 步）`,
          `no step ${args.step.index} (the playbook has ${next.steps.length} steps)`,
        );
      }
      step.doneAt = args.step.done ? (step.doneAt ?? now.wall) : null;
      acted ||= args.step.done;
    }
    if (acted || args.responded === true || args.resolved === true) next.responded ??= now;
    if (args.responded === false) next.responded = null;
    if (args.resolved === true) next.resolved ??= now;
    if (args.resolved === false) next.resolved = null;
    this.repo.updateIncident(next);
    return this.view(next, now);
  }

  /** A show's incidents (null: those opened with no show running), newest first. */
  list(showId: string | null, limit: number): IncidentView[] {
    const now = this.stamp();
    return this.repo.newest(showId, limit).map((i) => this.view(i, now));
  }

  /** Not yet resolved (of the show, or of no show), oldest first. */
  unresolved(showId: string | null, limit: number): IncidentView[] {
    const now = this.stamp();
    return this.repo.unresolved(showId, limit).map((i) => this.view(i, now));
  }

  /**
   * KPIs of a show and/or a period (detectedAt in [from, to)); with neither, of `defaultShowId`
   * (the current show), or of every incident when there is none.
   */
  kpis(raw: unknown, defaultShowId: string | null): IncidentKpis {
    const args = parseArgs(IncidentKpisArgs, raw);
    if (args.from !== undefined && args.to !== undefined && args.from >= args.to) {
      throw new OperationsError('统计区间的开始必须早于结束', 'the period must start before it ends');
    }
    const period = args.from !== undefined || args.to !== undefined;
    const showId = args.showId ?? (period ? undefined : (defaultShowId ?? undefined));
    const incidents = this.repo.filtered({ showId, from: args.from, to: args.to });
    return incidentKpisOf(incidents, {
      showId: showId ?? null,
      from: args.from ?? null,
      to: args.to ?? null,
    });
  }
}
