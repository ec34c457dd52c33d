/**
 * The report's data against the database: a fixed-seed simulated show stored through the real
 * core (with answered questions, alerts, incidents and a checklist run), a previous show in the
 * same room and one in another room; every figure of the ShowReport is checked with SQL written
 * here, not with the report's own helpers. Then the rows streamed for the export.
 */
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../electron/core/report/build-report.js';
import { reportRows } from '../../electron/core/report/report-rows.js';
import { computeReplyKpis, storedRecords } from '../../electron/core/faq/reply-kpis.js';
import { DB_FILE_NAME, Store } from '../../electron/core/store/store.js';
import type { ShowReport } from '../../shared/api/report.js';
import type { StatsCounters } from '../../shared/metrics/formulas.js';
import type { ProductStats } from '../../shared/protocol/feed.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { storeReportShow } from '../unit/report/sim-report-show.js';

const DAY = 86_400_000;
const START = Date.UTC(2026, 10, 23, 12);
const MAIN = 'main-show';
const PREV = 'prev-show';
const NOW = START + DAY;

let tmp: ReturnType<typeof makeTempDir>;
let store: Store;
let db: Database.Database;
let report: ShowReport;

const one = <T>(sql: string, ...params: unknown[]) => db.prepare(sql).get(...params) as T;
const all = <T>(sql: string, ...params: unknown[]) => db.prepare(sql).all(...params) as T[];
const lastStats = (showId: string) => {
  const row = one<{ counters: string; products: string }>(
    'SELECT counters, products FROM stats WHERE show_id = ? ORDER BY seq DESC LIMIT 1',
    showId,
  );
  return {
    c: JSON.parse(row.counters) as StatsCounters,
    products: JSON.parse(row.products) as ProductStats[],
  };
};

beforeAll(async () => {
  tmp = makeTempDir();
  const base = { rate: 40, team: false, roomId: 'room-r' };
  await storeReportShow(tmp.dir, {
    ...base,
    seed: 3,
    minutes: 12,
    startedAt: START - DAY,
    showId: PREV,
    title: '上一场',
  });
  await storeReportShow(tmp.dir, {
    ...base,
    seed: 5,
    minutes: 5,
    startedAt: START - 3 * 3600_000,
    showId: 'other-room',
    roomId: 'room-x',
    title: '别的直播间',
  });
  await storeReportShow(tmp.dir, {
    ...base,
    seed: 11,
    minutes: 20,
    startedAt: START,
    showId: MAIN,
    title: '本场',
    team: true,
  });
  store = new Store(path.join(tmp.dir, DB_FILE_NAME), { readonly: true });
  db = new Database(path.join(tmp.dir, DB_FILE_NAME), { readonly: true });
  const built = buildReport(store, { kind: 'show', showId: MAIN }, { now: NOW });
  if (built.kind !== 'show') throw new Error('expected a show report');
  report = built;
}, 180_000);

afterAll(() => {
  db?.close();
  store?.close();
  tmp?.cleanup();
});

describe('show report figures equal the database', () => {
  it('the scene was set: comments, questions answered, alerts, incidents, a checklist run', () => {
    expect(
      one<{ n: number }>('SELECT count(*) AS n FROM comments WHERE show_id = ?', MAIN).n,
    ).toBeGreaterThan(10_000);
    expect(
      one<{ n: number }>("SELECT count(*) AS n FROM questions WHERE show_id = ? AND state = 'answered'", MAIN)
        .n,
    ).toBeGreaterThan(50);
    expect(one<{ n: number }>('SELECT count(*) AS n FROM incidents WHERE show_id = ?', MAIN).n).toBe(2);
    expect(one<{ n: number }>('SELECT count(*) AS n FROM checklist_runs WHERE show_id = ?', MAIN).n).toBe(1);
  });

  it('show, span and final metrics are the last stats counters', () => {
    const { c } = lastStats(MAIN);
    const span = one<{ a: number; b: number }>(
      'SELECT min(ts) AS a, max(ts) AS b FROM stats WHERE show_id = ?',
      MAIN,
    );
    expect(report.show).toMatchObject({ id: MAIN, title: '本场', roomId: 'room-r' });
    expect(report.startAt).toBe(span.a);
    expect(report.endAt).toBe(span.b);
    expect(report.durationMs).toBe(span.b - span.a);
    const peak = one<{ p: number }>(
      'SELECT max(online_max) AS p FROM minute_rollups WHERE show_id = ?',
      MAIN,
    ).p;
    expect(report.final).toMatchObject({
      gmv: c.gmv,
      orders: c.orders,
      buyers: c.buyers,
      uv: c.uv,
      pv: c.pv,
      online: c.online,
      comments: c.comments,
      likes: c.likes,
      peakOnline: Math.max(peak, c.online),
    });
    expect(report.final?.conversionRate).toBeCloseTo(c.buyers / c.uv, 12);
    expect(report.final?.aov).toBeCloseTo(c.gmv / c.buyers, 9);
    expect(report.final?.gpm).toBeCloseTo((c.gmv * 1000) / c.pv, 9);
  });

  it('peaks are the rollups’ maxima, at their (earliest) minute', () => {
    const peakOf = (column: string) =>
      one<{ minute: number; v: number }>(
        `SELECT minute, ${column} AS v FROM minute_rollups WHERE show_id = ? ORDER BY ${column} DESC, minute LIMIT 1`,
        MAIN,
      );
    const online = peakOf('online_max');
    expect(report.peaks.online).toEqual({ value: online.v, at: online.minute });
    const comments = peakOf('comments');
    expect(report.peaks.commentsPerMin).toEqual({ value: comments.v, at: comments.minute });
    const gmv = peakOf('gmv');
    expect(report.peaks.gmvPerMin).toEqual({ value: gmv.v, at: gmv.minute });
    const orders = peakOf('orders');
    expect(report.peaks.ordersPerMin).toEqual({ value: orders.v, at: orders.minute });
  });

  it('comparisons are against the newest earlier show of the same room', () => {
    expect(report.previousShow).toEqual({ id: PREV, title: '上一场', startedAt: START - DAY });
    const now = lastStats(MAIN).c;
    const before = lastStats(PREV).c;
    const byKey = new Map(report.comparisons.map((c) => [c.key, c]));
    expect(byKey.get('gmv')).toEqual({
      key: 'gmv',
      value: now.gmv,
      previous: before.gmv,
      change: (now.gmv - before.gmv) / before.gmv,
    });
    expect(byKey.get('orders')?.change).toBeCloseTo((now.orders - before.orders) / before.orders, 12);
    const conv = byKey.get('conversionRate');
    expect(conv?.previous).toBeCloseTo(before.buyers / before.uv, 12);
    expect(conv?.change).toBeCloseTo(
      (now.buyers / now.uv - before.buyers / before.uv) / (before.buyers / before.uv),
      9,
    );
    expect(report.comparisons.some((c) => (c.key as string) === 'trafficShare')).toBe(false);
    expect(report.comparisons).toHaveLength(23);
  });

  it('traffic rows are the final counters’ sources and shares; products are the funnel by GMV', () => {
    const { c, products } = lastStats(MAIN);
    const traffic = c.traffic ?? {};
    expect(report.traffic.map((t) => t.uv).reduce((a, b) => a + b, 0)).toBe(
      Object.values(traffic).reduce((a, b) => a + b, 0),
    );
    for (const row of report.traffic) {
      expect(row.uv).toBe(traffic[row.source]);
      expect(row.share).toBeCloseTo(row.uv / c.uv, 12);
    }
    expect(report.traffic.map((t) => t.uv)).toEqual(
      [...report.traffic.map((t) => t.uv)].sort((a, b) => b - a),
    );
    expect(report.products.map((p) => p.gmv)).toEqual(products.map((p) => p.gmv).sort((a, b) => b - a));
    for (const p of report.products) {
      const stored = products.find((s) => s.id === p.id)!;
      expect(p).toMatchObject({
        clicks: stored.clicks,
        exposures: stored.exposures,
        orders: stored.orders,
        gmv: stored.gmv,
      });
    }
    const names = new Map(
      all<{ id: string; name: string }>('SELECT id, name FROM products WHERE show_id = ?', MAIN).map((r) => [
        r.id,
        r.name,
      ]),
    );
    for (const p of report.products) if (names.has(p.id)) expect(p.name).toBe(names.get(p.id));
  });

  it('comment totals: stored comments, per minute with stats, the busiest minute; the trend is every rollup', () => {
    const total = one<{ n: number }>('SELECT count(*) AS n FROM comments WHERE show_id = ?', MAIN).n;
    const minutesWithStats = one<{ n: number }>(
      'SELECT count(*) AS n FROM minute_rollups WHERE show_id = ? AND counters IS NOT NULL',
      MAIN,
    ).n;
    expect(report.comments.total).toBe(total);
    expect(report.comments.perMinuteAvg).toBeCloseTo(total / minutesWithStats, 9);
    expect(report.comments.peakPerMin).toEqual(report.peaks.commentsPerMin);
    expect(report.trend.minutes).toHaveLength(
      one<{ n: number }>('SELECT count(*) AS n FROM minute_rollups WHERE show_id = ?', MAIN).n,
    );
    const markers = report.trend.markers;
    expect(markers.filter((m) => m.kind === 'incident')).toHaveLength(2);
    expect(markers.filter((m) => m.kind === 'alert')).toHaveLength(
      one<{ n: number }>('SELECT count(*) AS n FROM alerts WHERE show_id = ?', MAIN).n,
    );
  });

  it('reply KPIs against the questions table', () => {
    const q = one<{ questions: number; answered: number; dismissed: number; pending: number }>(
      `SELECT sum(state != 'dismissed') AS questions, sum(state = 'answered') AS answered,
         sum(state = 'dismissed') AS dismissed, sum(state = 'pending') AS pending FROM questions WHERE show_id = ?`,
      MAIN,
    );
    const responses = all<{ ms: number }>(
      "SELECT max(0, answered_at - seen_at) AS ms FROM questions WHERE show_id = ? AND state = 'answered' ORDER BY ms",
      MAIN,
    ).map((r) => r.ms);
    const rank = (p: number) => responses[Math.max(1, Math.ceil(p * responses.length)) - 1];
    expect(report.replies).toMatchObject({ ...q, showId: MAIN });
    expect(report.replies.resolutionRate).toBeCloseTo(q.answered / q.questions, 12);
    expect(report.replies.within30sRate).toBeCloseTo(
      responses.filter((ms) => ms <= 30_000).length / q.questions,
      12,
    );
    expect(report.replies.medianResponseMs).toBe(rank(0.5));
    expect(report.replies.p90ResponseMs).toBe(rank(0.9));
    const top = all<{ group_key: string; n: number }>(
      `SELECT group_key, count(*) AS n FROM questions WHERE show_id = ? AND state != 'dismissed'
       GROUP BY group_key ORDER BY n DESC, min(id) LIMIT 10`,
      MAIN,
    );
    expect(report.replies.top.map((t) => [t.groupKey, t.count])).toEqual(top.map((t) => [t.group_key, t.n]));
    // And exactly what the service computes for a stored show.
    expect(report.replies).toEqual(computeReplyKpis(MAIN, storedRecords(store.questions, MAIN)));
  });

  it('FAQ usage: questions answered with each entry, top 10', () => {
    const uses = all<{ faq: string; n: number; triggers: string }>(
      `SELECT q.answered_faq AS faq, count(*) AS n, f.triggers FROM questions q JOIN faq_entries f ON f.id = q.answered_faq
       WHERE q.show_id = ? AND q.state = 'answered' GROUP BY q.answered_faq ORDER BY n DESC, faq LIMIT 10`,
      MAIN,
    );
    expect(uses.length).toBeGreaterThan(0);
    expect(report.faqUsage.map((u) => [u.faqId, u.uses, u.question])).toEqual(
      uses.map((u) => [u.faq, u.n, (JSON.parse(u.triggers) as string[])[0]]),
    );
  });

  it('alert summary: counts per rule and acknowledgements', () => {
    const total = one<{ n: number; acked: number }>(
      'SELECT count(*) AS n, count(acked_at) AS acked FROM alerts WHERE show_id = ?',
      MAIN,
    );
    expect(total.n).toBeGreaterThan(0);
    expect(total.acked).toBeGreaterThan(0);
    expect(report.alerts).toMatchObject({ showId: MAIN, total: total.n, acked: total.acked });
    const byRule = all<{ rule_id: string; n: number; evidence: number }>(
      'SELECT rule_id, count(*) AS n, sum(count) AS evidence FROM alerts WHERE show_id = ? GROUP BY rule_id',
      MAIN,
    );
    expect(report.alerts.byRule.map((r) => [r.ruleId, r.alerts, r.evidence]).sort()).toEqual(
      byRule.map((r) => [r.rule_id, r.n, r.evidence]).sort(),
    );
  });

  it('incidents, their KPIs and the observations about them', () => {
    const rows = all<{
      id: number;
      type: string;
      detected_at: number;
      responded_at: number | null;
      resolved_at: number | null;
    }>(
      'SELECT id, type, detected_at, responded_at, resolved_at FROM incidents WHERE show_id = ? ORDER BY id',
      MAIN,
    );
    expect(report.incidents.map((i) => i.id)).toEqual(rows.map((r) => r.id));
    const [late, open] = report.incidents;
    expect(late?.responseMs).toBe(rows[0]!.responded_at! - rows[0]!.detected_at);
    expect(late?.responseMs).toBe(6 * 60_000);
    expect(late?.resolveMs).toBe(rows[0]!.resolved_at! - rows[0]!.detected_at);
    expect(open?.resolvedAt).toBeNull();
    expect(late?.impact?.onlineBefore).not.toBeNull();
    expect(report.incidentKpis).toMatchObject({
      showId: MAIN,
      total: 2,
      byType: { network_down: 1, black_screen: 1 },
      maxResponseMs: 6 * 60_000,
      respondedWithin5MinRate: 0,
      resolvedRate: 0.5,
    });
    const kinds = report.observations.map((o) => o.kind);
    expect(kinds).toContain('incident-slow-response');
    expect(kinds).toContain('incident-unresolved');
    expect(report.observations.find((o) => o.kind === 'incident-slow-response')?.problem).toContain(
      '响应用时 6分0秒',
    );
  });

  it('the checklist run: items as stored, and the start with items outstanding', () => {
    const counts = all<{ status: string; n: number }>(
      `SELECT i.status, count(*) AS n FROM checklist_items i JOIN checklist_runs r ON r.id = i.run_id
       WHERE r.show_id = ? GROUP BY i.status`,
      MAIN,
    );
    const of = (s: string) => counts.find((c) => c.status === s)?.n ?? 0;
    expect(report.checklist?.progress).toMatchObject({
      pass: of('pass'),
      fail: of('fail'),
      open: of('open'),
    });
    expect(of('fail')).toBe(1);
    expect(report.checklist?.startWarning).toMatchObject({ open: of('open'), failed: 1 });
    const failed = report.observations.find((o) => o.kind === 'checklist-failed');
    expect(failed?.problem).toBe('设备调试不通过 1 项：「摄像头帧率」实测 20（要求 25~60 fps）');
    expect(failed?.improvement).toContain('「设备故障」应急预案');
    expect(report.text.problems.split('\n')).toEqual(report.observations.map((o) => `- ${o.problem}`));
  });
});

describe('rows streamed for the export', () => {
  it('comments: every stored comment of the show once, oldest first, in batches; the count is cheap and exact', () => {
    const rows = reportRows(store);
    const ids = all<{ row_id: number }>(
      'SELECT row_id FROM comments WHERE show_id = ? ORDER BY row_id',
      MAIN,
    ).map((r) => r.row_id);
    expect(rows.commentCount(MAIN)).toBe(ids.length);
    const streamed: number[] = [];
    let batches = 0;
    for (const batch of rows.comments(MAIN, 7000)) {
      batches++;
      expect(batch.length).toBeLessThanOrEqual(7000);
      for (const c of batch) streamed.push(c.rowId);
    }
    expect(streamed).toEqual(ids);
    expect(batches).toBe(Math.ceil(ids.length / 7000));
    expect(rows.commentCount('nope')).toBe(0);
    expect([...rows.comments('nope')]).toEqual([]);
    expect(() => rows.comments(MAIN, 0).next()).toThrow(RangeError);
  });

  it("questionCount (the groups' running totals) agrees with count(*) for every show", () => {
    const rows = reportRows(store);
    const shows = all<{ id: string }>('SELECT id FROM shows');
    expect(shows.length).toBeGreaterThan(0);
    for (const { id } of shows) {
      const counted = one<{ n: number }>('SELECT count(*) AS n FROM questions WHERE show_id = ?', id).n;
      expect(rows.questionCount(id)).toBe(counted);
    }
    expect(rows.questionCount('nope')).toBe(0);
  });

  it('questions with their FAQ question, and the alerts', () => {
    const rows = reportRows(store);
    const stored = all<{ id: number; state: string; answered_faq: string | null }>(
      'SELECT id, state, answered_faq FROM questions WHERE show_id = ? ORDER BY id',
      MAIN,
    );
    expect(rows.questionCount(MAIN)).toBe(stored.length);
    const streamed = [...rows.questions(MAIN, 333)].flat();
    expect(streamed.map((q) => q.id)).toEqual(stored.map((q) => q.id));
    const answered = streamed.find((q) => q.faqId !== null)!;
    const triggers = one<{ triggers: string }>(
      'SELECT triggers FROM faq_entries WHERE id = ?',
      answered.faqId,
    ).triggers;
    expect(answered.faqQuestion).toBe((JSON.parse(triggers) as string[])[0]);
    expect(answered.responseMs).toBeGreaterThanOrEqual(0);
    expect(streamed.filter((q) => q.state === 'pending').every((q) => q.responseMs === null)).toBe(true);
    expect(rows.alerts(MAIN).map((a) => a.id)).toEqual(
      all<{ id: number }>('SELECT id FROM alerts WHERE show_id = ? ORDER BY id', MAIN).map((r) => r.id),
    );
  });
});
