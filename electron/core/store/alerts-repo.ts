/**
 * Alerts of the field controller (场控) per show (schema v5). Ids are assigned by the caller
 * (nextId), so an alert keeps its id in memory while its write waits for a paused disk; a raise
 * and its later growth are the same upsert.
 */
import type Database from 'better-sqlite3';
import type { AlertEvidence, AlertKind, AlertState, AlertView } from '../../../shared/api/alerts.js';
import type { Severity } from '../../../shared/alerts/rules.js';

/** What is stored of an alert: the view plus the feed time of its latest match (cooldowns). */
export interface StoredAlert extends AlertView {
  lastFeedTs: number | null;
}

interface AlertRow {
  id: number;
  show_id: string;
  rule_id: string;
  rule_name: string;
  kind: string;
  severity: string;
  hint: string;
  message: string;
  first_at: number;
  last_at: number;
  feed_ts: number | null;
  last_feed_ts: number | null;
  count: number;
  distinct_users: number;
  samples: string;
  state: string;
  acked_at: number | null;
  acked_by: string | null;
  snoozed_until: number | null;
  incident_id: number | null;
}

interface AlertMarkerRow {
  ts: number;
  rule_name: string;
  severity: string;
  message: string;
}

const KINDS: readonly AlertKind[] = ['keyword', 'metric', 'feed'];
const SEVERITIES: readonly Severity[] = ['info', 'warn', 'critical'];
const STATES: readonly AlertState[] = ['open', 'acked', 'snoozed'];
const oneOf = <T extends string>(list: readonly T[], value: string, fallback: T): T =>
  (list as readonly string[]).includes(value) ? (value as T) : fallback;

/** Stored samples read back defensively: a damaged JSON value gives no samples, never a crash. */
function parseSamples(json: string): AlertEvidence[] {
  try {
    const parsed: unknown = JSON.parse(json);
    if (!Array.isArray(parsed)) return [];
    return parsed.flatMap((s: unknown) => {
      const e = (s ?? {}) as Record<string, unknown>;
      return typeof e.commentId === 'string' &&
        typeof e.userId === 'string' &&
        typeof e.nickname === 'string' &&
        typeof e.text === 'string' &&
        typeof e.ts === 'number'
        ? [{ commentId: e.commentId, userId: e.userId, nickname: e.nickname, text: e.text, ts: e.ts }]
        : [];
    });
  } catch {
    return [];
  }
}

const toAlert = (r: AlertRow): StoredAlert => ({
  id: r.id,
  showId: r.show_id,
  ruleId: r.rule_id,
  ruleName: r.rule_name,
  kind: oneOf(KINDS, r.kind, 'keyword'),
  severity: oneOf(SEVERITIES, r.severity, 'warn'),
  hint: r.hint,
  message: r.message,
  firstAt: r.first_at,
  lastAt: r.last_at,
  feedTs: r.feed_ts,
  lastFeedTs: r.last_feed_ts,
  count: r.count,
  distinctUsers: r.distinct_users,
  samples: parseSamples(r.samples),
  state: oneOf(STATES, r.state, 'open'),
  ackedAt: r.acked_at,
  ackedBy: r.acked_by,
  snoozedUntil: r.snoozed_until,
  incidentId: r.incident_id,
});

const toParams = (a: StoredAlert) => ({
  id: a.id,
  showId: a.showId,
  ruleId: a.ruleId,
  ruleName: a.ruleName,
  kind: a.kind,
  severity: a.severity,
  hint: a.hint,
  message: a.message,
  firstAt: a.firstAt,
  lastAt: a.lastAt,
  feedTs: a.feedTs,
  lastFeedTs: a.lastFeedTs,
  count: a.count,
  distinctUsers: a.distinctUsers,
  samples: JSON.stringify(a.samples),
  state: a.state,
  ackedAt: a.ackedAt,
  ackedBy: a.ackedBy,
  snoozedUntil: a.snoozedUntil,
  incidentId: a.incidentId,
});

export class AlertsRepo {
  private readonly stmt;

  constructor(private readonly db: Database.Database) {
    this.stmt = {
      upsert: db.prepare(`
        INSERT INTO alerts (id, show_id, rule_id, rule_name, kind, severity, hint, message, first_at, last_at,
          feed_ts, last_feed_ts, count, distinct_users, samples, state, acked_at, acked_by, snoozed_until, incident_id)
        VALUES (@id, @showId, @ruleId, @ruleName, @kind, @severity, @hint, @message, @firstAt, @lastAt,
          @feedTs, @lastFeedTs, @count, @distinctUsers, @samples, @state, @ackedAt, @ackedBy, @snoozedUntil, @incidentId)
        ON CONFLICT(id) DO UPDATE SET message = excluded.message, last_at = excluded.last_at,
          last_feed_ts = excluded.last_feed_ts, count = excluded.count, distinct_users = excluded.distinct_users,
          samples = excluded.samples, state = excluded.state, acked_at = excluded.acked_at,
          acked_by = excluded.acked_by, snoozed_until = excluded.snoozed_until, incident_id = excluded.incident_id`),
      get: db.prepare<[number], AlertRow>('SELECT * FROM alerts WHERE id = ?'),
      newest: db.prepare<[string, number], AlertRow>(
        'SELECT * FROM alerts WHERE show_id = ? ORDER BY id DESC LIMIT ?',
      ),
      all: db.prepare<[string], AlertRow>('SELECT * FROM alerts WHERE show_id = ? ORDER BY id'),
      maxId: db.prepare<[], { id: number | null }>('SELECT max(id) AS id FROM alerts'),
      latestPerRule: db.prepare<[string], AlertRow>(
        `SELECT a.* FROM alerts a
         JOIN (SELECT rule_id, max(id) AS id FROM alerts WHERE show_id = ? GROUP BY rule_id) m ON m.id = a.id`,
      ),
      markers: db.prepare<[string], AlertMarkerRow>(
        'SELECT coalesce(feed_ts, first_at) AS ts, rule_name, severity, message FROM alerts WHERE show_id = ? ORDER BY id',
      ),
      openCounts: db.prepare<[string], { severity: string; n: number }>(
        "SELECT severity, count(*) AS n FROM alerts WHERE show_id = ? AND state = 'open' GROUP BY severity",
      ),
    };
  }

  /** The id the next new alert gets. */
  nextId(): number {
    return (this.stmt.maxId.get()?.id ?? 0) + 1;
  }

  /** Writes new and grown alerts in one transaction. */
  save(alerts: readonly StoredAlert[]): void {
    if (alerts.length === 0) return;
    this.db.transaction(() => {
      for (const alert of alerts) this.stmt.upsert.run(toParams(alert));
    })();
  }

  get(id: number): StoredAlert | null {
    const row = this.stmt.get.get(id);
    return row ? toAlert(row) : null;
  }

  /** A show's alerts, newest first. */
  newest(showId: string, limit: number): StoredAlert[] {
    return this.stmt.newest.all(showId, limit).map(toAlert);
  }

  /** Every alert of a show, oldest first (the post-show summary). */
  all(showId: string): StoredAlert[] {
    return this.stmt.all.all(showId).map(toAlert);
  }

  /** The latest alert of each rule of a show. */
  latestPerRule(showId: string): StoredAlert[] {
    return this.stmt.latestPerRule.all(showId).map(toAlert);
  }

  /** Where a show's alerts sit on its (feed) clock, for the trend chart. */
  markers(showId: string): { ts: number; ruleName: string; severity: Severity; message: string }[] {
    return this.stmt.markers.all(showId).map((r) => ({
      ts: r.ts,
      ruleName: r.rule_name,
      severity: oneOf(SEVERITIES, r.severity, 'warn'),
      message: r.message,
    }));
  }

  /** Open alerts of a show per severity. */
  openCounts(showId: string): Record<Severity, number> {
    const counts: Record<Severity, number> = { info: 0, warn: 0, critical: 0 };
    for (const row of this.stmt.openCounts.all(showId)) {
      const severity = oneOf(SEVERITIES, row.severity, 'warn');
      counts[severity] += row.n;
    }
    return counts;
  }
}
