/**
 * Checklist runs and incidents (schema v6). Plain data in, plain data out; every write is one
 * statement or one transaction, committed before the call returns (an incident edited a moment
 * before a crash is on disk).
 */
import type Database from 'better-sqlite3';
import {
  CHECKLIST_SECTIONS,
  ChecklistExpectationSchema,
  INCIDENT_SEVERITIES,
  INCIDENT_TYPES,
  type ChecklistExpectation,
  type ChecklistItemState,
  type ChecklistItemStatus,
  type ChecklistRun,
  type IncidentNote,
  type IncidentSeverity,
  type IncidentStep,
  type IncidentType,
} from '../../../shared/api/operations.js';
import type { ClockStamp } from '../operations/monotonic.js';
import type { MinuteWindow, WindowTotals } from '../operations/incident-impact.js';

export interface StoredRun {
  id: number;
  showId: string | null;
  scheduledStart: number | null;
  deadline: number | null;
  createdAt: number;
  startWarning: ChecklistRun['startWarning'];
}

export interface StoredIncident {
  id: number;
  showId: string | null;
  type: IncidentType;
  severity: IncidentSeverity;
  title: string;
  detected: ClockStamp;
  responded: ClockStamp | null;
  resolved: ClockStamp | null;
  feedTs: number | null;
  alertId: number | null;
  notes: IncidentNote[];
  steps: IncidentStep[];
  updatedAt: number;
}

export type NewIncident = Omit<StoredIncident, 'id'>;

/** Which incidents the KPIs count: a show's, detected in [from, to), or both. */
export interface IncidentFilter {
  showId?: string;
  from?: number;
  to?: number;
}

interface RunRow {
  id: number;
  show_id: string | null;
  scheduled_start: number | null;
  deadline: number | null;
  created_at: number;
  start_warning: string | null;
}

interface ItemRow {
  item_id: string;
  section: string;
  label: string;
  expected: string;
  hint: string;
  contingency: string | null;
  status: string;
  measured: string | null;
  auto_failed: number;
  note: string;
  who: string | null;
  updated_at: number | null;
}

interface TotalsRow {
  minutes: number;
  comments: number;
  gmv: number;
  low: number | null;
  mean: number | null;
}

interface IncidentRow {
  id: number;
  show_id: string | null;
  type: string;
  severity: string;
  title: string;
  detected_at: number;
  detected_mono: number;
  detected_boot: string;
  responded_at: number | null;
  responded_mono: number | null;
  responded_boot: string | null;
  resolved_at: number | null;
  resolved_mono: number | null;
  resolved_boot: string | null;
  feed_ts: number | null;
  alert_id: number | null;
  notes: string;
  steps: string;
  updated_at: number;
}

const STATUSES: readonly ChecklistItemStatus[] = ['open', 'pass', 'fail', 'na'];
const oneOf = <T extends string>(list: readonly T[], value: string, fallback: T): T =>
  (list as readonly string[]).includes(value) ? (value as T) : fallback;

/** JSON read back defensively: a damaged value gives the fallback, never a crash. */
function parseJson(json: string | null): unknown {
  if (json === null) return null;
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return null;
  }
}

function parseWarning(json: string | null): ChecklistRun['startWarning'] {
  const w = parseJson(json) as Record<string, unknown> | null;
  return w && typeof w.at === 'number' && typeof w.open === 'number' && typeof w.failed === 'number'
    ? { at: w.at, open: w.open, failed: w.failed }
    : null;
}

function parseExpected(json: string): ChecklistExpectation {
  const parsed = ChecklistExpectationSchema.safeParse(parseJson(json));
  return parsed.success ? parsed.data : { kind: 'check' };
}

function parseNotes(json: string): IncidentNote[] {
  const list = parseJson(json);
  if (!Array.isArray(list)) return [];
  return list.flatMap((n: unknown) => {
    const note = (n ?? {}) as Record<string, unknown>;
    return typeof note.at === 'number' && typeof note.text === 'string'
      ? [{ at: note.at, text: note.text }]
      : [];
  });
}

function parseSteps(json: string): IncidentStep[] {
  const list = parseJson(json);
  if (!Array.isArray(list)) return [];
  return list.flatMap((s: unknown) => {
    const step = (s ?? {}) as Record<string, unknown>;
    return typeof step.text === 'string'
      ? [{ text: step.text, doneAt: typeof step.doneAt === 'number' ? step.doneAt : null }]
      : [];
  });
}

const toRun = (r: RunRow): StoredRun => ({
  id: r.id,
  showId: r.show_id,
  scheduledStart: r.scheduled_start,
  deadline: r.deadline,
  createdAt: r.created_at,
  startWarning: parseWarning(r.start_warning),
});

const toItem = (r: ItemRow): ChecklistItemState => ({
  id: r.item_id,
  section: oneOf(CHECKLIST_SECTIONS, r.section, 'prep'),
  label: r.label,
  expected: parseExpected(r.expected),
  hint: r.hint,
  contingency: r.contingency,
  status: oneOf(STATUSES, r.status, 'open'),
  measured: r.measured,
  autoFailed: r.auto_failed === 1,
  note: r.note,
  who: r.who,
  updatedAt: r.updated_at,
});

function stampOf(wall: number | null, mono: number | null, boot: string | null): ClockStamp | null {
  return wall === null ? null : { wall, mono: mono ?? 0, boot: boot ?? '' };
}

const toIncident = (r: IncidentRow): StoredIncident => ({
  id: r.id,
  showId: r.show_id,
  type: oneOf(INCIDENT_TYPES, r.type, 'other'),
  severity: oneOf(INCIDENT_SEVERITIES, r.severity, 'medium'),
  title: r.title,
  detected: { wall: r.detected_at, mono: r.detected_mono, boot: r.detected_boot },
  responded: stampOf(r.responded_at, r.responded_mono, r.responded_boot),
  resolved: stampOf(r.resolved_at, r.resolved_mono, r.resolved_boot),
  feedTs: r.feed_ts,
  alertId: r.alert_id,
  notes: parseNotes(r.notes),
  steps: parseSteps(r.steps),
  updatedAt: r.updated_at,
});

const incidentParams = (i: NewIncident) => ({
  showId: i.showId,
  type: i.type,
  severity: i.severity,
  title: i.title,
  detectedAt: i.detected.wall,
  detectedMono: i.detected.mono,
  detectedBoot: i.detected.boot,
  respondedAt: i.responded?.wall ?? null,
  respondedMono: i.responded?.mono ?? null,
  respondedBoot: i.responded?.boot ?? null,
  resolvedAt: i.resolved?.wall ?? null,
  resolvedMono: i.resolved?.mono ?? null,
  resolvedBoot: i.resolved?.boot ?? null,
  feedTs: i.feedTs,
  alertId: i.alertId,
  notes: JSON.stringify(i.notes),
  steps: JSON.stringify(i.steps),
  updatedAt: i.updatedAt,
});

export class OperationsRepo {
  private readonly stmt;

  constructor(private readonly db: Database.Database) {
    this.stmt = {
      insertRun: db.prepare(
        'INSERT INTO checklist_runs (show_id, scheduled_start, deadline, created_at) VALUES (?, ?, ?, ?)',
      ),
      insertItem: db.prepare(`
        INSERT INTO checklist_items (run_id, position, item_id, section, label, expected, hint, contingency,
          status, measured, auto_failed, note, who, updated_at)
        VALUES (@runId, @position, @id, @section, @label, @expected, @hint, @contingency,
          @status, @measured, @autoFailed, @note, @who, @updatedAt)`),
      getRun: db.prepare<[number], RunRow>('SELECT * FROM checklist_runs WHERE id = ?'),
      runOfShow: db.prepare<[string], RunRow>('SELECT * FROM checklist_runs WHERE show_id = ?'),
      nextShowRun: db.prepare<[], RunRow>(
        'SELECT * FROM checklist_runs WHERE show_id IS NULL ORDER BY id DESC LIMIT 1',
      ),
      items: db.prepare<[number], ItemRow>(
        'SELECT * FROM checklist_items WHERE run_id = ? ORDER BY position',
      ),
      updateItem: db.prepare(`
        UPDATE checklist_items SET status = @status, measured = @measured, auto_failed = @autoFailed,
          note = @note, who = @who, updated_at = @updatedAt
        WHERE run_id = @runId AND item_id = @id`),
      attachRun: db.prepare('UPDATE checklist_runs SET show_id = ?, start_warning = ? WHERE id = ?'),
      scheduleRun: db.prepare('UPDATE checklist_runs SET scheduled_start = ?, deadline = ? WHERE id = ?'),
      insertIncident: db.prepare(`
        INSERT INTO incidents (show_id, type, severity, title, detected_at, detected_mono, detected_boot,
          responded_at, responded_mono, responded_boot, resolved_at, resolved_mono, resolved_boot,
          feed_ts, alert_id, notes, steps, updated_at)
        VALUES (@showId, @type, @severity, @title, @detectedAt, @detectedMono, @detectedBoot,
          @respondedAt, @respondedMono, @respondedBoot, @resolvedAt, @resolvedMono, @resolvedBoot,
          @feedTs, @alertId, @notes, @steps, @updatedAt)`),
      updateIncident: db.prepare(`
        UPDATE incidents SET type = @type, severity = @severity, title = @title,
          responded_at = @respondedAt, responded_mono = @respondedMono, responded_boot = @respondedBoot,
          resolved_at = @resolvedAt, resolved_mono = @resolvedMono, resolved_boot = @resolvedBoot,
          notes = @notes, steps = @steps, updated_at = @updatedAt
        WHERE id = @id`),
      getIncident: db.prepare<[number], IncidentRow>('SELECT * FROM incidents WHERE id = ?'),
      incidentOfAlert: db.prepare<[number], IncidentRow>(
        'SELECT * FROM incidents WHERE alert_id = ? ORDER BY id LIMIT 1',
      ),
      newestOfShow: db.prepare<[string, number], IncidentRow>(
        'SELECT * FROM incidents WHERE show_id = ? ORDER BY id DESC LIMIT ?',
      ),
      newestWithoutShow: db.prepare<[number], IncidentRow>(
        'SELECT * FROM incidents WHERE show_id IS NULL ORDER BY id DESC LIMIT ?',
      ),
      unresolved: db.prepare<[string | null, number], IncidentRow>(
        `SELECT * FROM incidents WHERE resolved_at IS NULL AND (show_id IS NULL OR show_id = ?)
         ORDER BY id LIMIT ?`,
      ),
      filtered: db.prepare<[{ showId: string | null; from: number | null; to: number | null }], IncidentRow>(
        `SELECT * FROM incidents WHERE (@showId IS NULL OR show_id = @showId)
           AND (@from IS NULL OR detected_at >= @from) AND (@to IS NULL OR detected_at < @to) ORDER BY id`,
      ),
      rollupTotals: db.prepare<[string, number, number], TotalsRow>(
        `SELECT count(*) AS minutes, coalesce(sum(comments), 0) AS comments, coalesce(sum(gmv), 0) AS gmv,
           min(online_min) AS low, avg(online_last) AS mean
         FROM minute_rollups WHERE show_id = ? AND minute BETWEEN ? AND ?`,
      ),
      markers: db.prepare<[string], { feed_ts: number; type: string; title: string }>(
        'SELECT feed_ts, type, title FROM incidents WHERE show_id = ? AND feed_ts IS NOT NULL ORDER BY id',
      ),
    };
  }

  /** A new run with its items (the template's, all open), in one transaction. */
  createRun(
    run: Omit<StoredRun, 'id' | 'startWarning'>,
    items: readonly Omit<
      ChecklistItemState,
      'status' | 'measured' | 'autoFailed' | 'note' | 'who' | 'updatedAt'
    >[],
  ): StoredRun {
    const id = this.db.transaction(() => {
      const info = this.stmt.insertRun.run(run.showId, run.scheduledStart, run.deadline, run.createdAt);
      const runId = Number(info.lastInsertRowid);
      items.forEach((item, position) =>
        this.stmt.insertItem.run({
          runId,
          position,
          id: item.id,
          section: item.section,
          label: item.label,
          expected: JSON.stringify(item.expected),
          hint: item.hint,
          contingency: item.contingency,
          status: 'open',
          measured: null,
          autoFailed: 0,
          note: '',
          who: null,
          updatedAt: null,
        }),
      );
      return runId;
    })();
    return { ...run, id, startWarning: null };
  }

  getRun(id: number): StoredRun | null {
    const row = this.stmt.getRun.get(id);
    return row ? toRun(row) : null;
  }

  runOfShow(showId: string): StoredRun | null {
    const row = this.stmt.runOfShow.get(showId);
    return row ? toRun(row) : null;
  }

  /** The run prepared while no show was running (the newest, should there be several). */
  nextShowRun(): StoredRun | null {
    const row = this.stmt.nextShowRun.get();
    return row ? toRun(row) : null;
  }

  items(runId: number): ChecklistItemState[] {
    return this.stmt.items.all(runId).map(toItem);
  }

  updateItem(runId: number, item: ChecklistItemState): void {
    this.stmt.updateItem.run({
      runId,
      id: item.id,
      status: item.status,
      measured: item.measured,
      autoFailed: item.autoFailed ? 1 : 0,
      note: item.note,
      who: item.who,
      updatedAt: item.updatedAt,
    });
  }

  attachRun(id: number, showId: string, warning: ChecklistRun['startWarning']): void {
    this.stmt.attachRun.run(showId, warning ? JSON.stringify(warning) : null, id);
  }

  scheduleRun(id: number, scheduledStart: number | null, deadline: number | null): void {
    this.stmt.scheduleRun.run(scheduledStart, deadline, id);
  }

  insertIncident(incident: NewIncident): StoredIncident {
    const info = this.stmt.insertIncident.run(incidentParams(incident));
    return { ...incident, id: Number(info.lastInsertRowid) };
  }

  /** Writes everything an edit can change (type, severity, title, times, notes, steps). */
  updateIncident(incident: StoredIncident): void {
    this.stmt.updateIncident.run({ ...incidentParams(incident), id: incident.id });
  }

  getIncident(id: number): StoredIncident | null {
    const row = this.stmt.getIncident.get(id);
    return row ? toIncident(row) : null;
  }

  incidentOfAlert(alertId: number): StoredIncident | null {
    const row = this.stmt.incidentOfAlert.get(alertId);
    return row ? toIncident(row) : null;
  }

  /** A show's incidents (null: those opened while no show ran), newest first. */
  newest(showId: string | null, limit: number): StoredIncident[] {
    const rows =
      showId === null ? this.stmt.newestWithoutShow.all(limit) : this.stmt.newestOfShow.all(showId, limit);
    return rows.map(toIncident);
  }

  /** Not yet resolved, of the show or of no show, oldest first. */
  unresolved(showId: string | null, limit: number): StoredIncident[] {
    return this.stmt.unresolved.all(showId, limit).map(toIncident);
  }

  /** Incidents of a show and/or detected in [from, to), oldest first. */
  filtered(filter: IncidentFilter): StoredIncident[] {
    return this.stmt.filtered
      .all({ showId: filter.showId ?? null, from: filter.from ?? null, to: filter.to ?? null })
      .map(toIncident);
  }

  /** Totals of a show's minutes in [first, last] (an incident's impact windows). */
  rollupTotals(showId: string, [first, last]: MinuteWindow): WindowTotals {
    const r = this.stmt.rollupTotals.get(showId, first, last);
    return {
      minutes: r?.minutes ?? 0,
      comments: r?.comments ?? 0,
      gmv: r?.gmv ?? 0,
      onlineLowest: r?.low ?? null,
      onlineMean: r?.mean ?? null,
    };
  }

  /** Where a show's incidents sit on its (feed) clock. */
  markers(showId: string): { ts: number; type: IncidentType; title: string }[] {
    return this.stmt.markers.all(showId).map((r) => ({
      ts: r.feed_ts,
      type: oneOf(INCIDENT_TYPES, r.type, 'other'),
      title: r.title,
    }));
  }
}
