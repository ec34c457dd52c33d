/**
 * Period reports: three shows over two days in two rooms (plus one on each side of the period),
 * filtered by local day and by room; totals, averages, best and worst checked against numbers
 * computed by hand; replies across shows; an empty period and a reversed one are refused.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildReport, ReportError } from '../../../electron/core/report/build-report.js';
import { openStore } from '../../../electron/core/store/open-store.js';
import type { Store } from '../../../electron/core/store/store.js';
import { ReportScopeSchema, type PeriodReport, type ReportScope } from '../../../shared/api/report.js';
import { makeTempDir } from '../../helpers/temp-dir.js';
import { alertRow, writeHandShow } from './hand-show.js';

const ORIGINAL_TZ = process.env.TZ;
beforeAll(() => (process.env.TZ = 'Asia/Shanghai'));
afterAll(() => (process.env.TZ = ORIGINAL_TZ));

/** Shanghai local time (UTC+8, no DST) as ms since epoch. */
const local = (day: number, hour: number, minute = 0) => Date.UTC(2026, 10, day, hour - 8, minute);
const NOW = local(10, 12);

let tmp: ReturnType<typeof makeTempDir>;
let store: Store;

function seed(s: Store): void {
  // A: room r1, 2 Nov 20:00, 120 min. B: room r2, 2 Nov 23:30 (15:30 UTC: still the 2nd locally), 60 min.
  // C: room r1, 3 Nov 10:00, 90 min. Outside: 1 Nov 23:59 and 4 Nov 00:00.
  writeHandShow(s, {
    id: 'A',
    roomId: 'r1',
    roomTitle: '一号直播间',
    title: '双十一预热',
    startedAt: local(2, 20),
    minutes: 120,
    final: { uv: 4000, pv: 9000, gmv: 1_000_000, orders: 100, buyers: 80 },
    online: (m) => (m === 60 ? 1000 : 600),
    commentsPerMinute: 2,
  });
  writeHandShow(s, {
    id: 'B',
    roomId: 'r2',
    roomTitle: '二号直播间',
    startedAt: local(2, 23, 30),
    minutes: 60,
    final: { uv: 1000, pv: 2500, gmv: 300_000, orders: 40, buyers: 30 },
    online: () => 500,
    commentsPerMinute: 1,
  });
  writeHandShow(s, {
    id: 'C',
    roomId: 'r1',
    roomTitle: '一号直播间',
    startedAt: local(3, 10),
    minutes: 90,
    final: { uv: 2000, pv: 4000, gmv: 600_000, orders: 50, buyers: 50 },
    online: (m) => (m === 10 ? 800 : 400),
  });
  writeHandShow(s, {
    id: 'before',
    roomId: 'r1',
    startedAt: local(1, 23, 59),
    minutes: 30,
    final: { gmv: 9 },
  });
  writeHandShow(s, { id: 'after', roomId: 'r1', startedAt: local(4, 0), minutes: 30, final: { gmv: 9 } });

  s.faq.save(
    { id: 'ship', category: 'shipping', triggers: ['什么时候发货'], answer: '48小时内发货', enabled: true },
    NOW,
  );
  const q = (show: string, n: number, groupKey: string, seenAt: number) => ({
    showId: show,
    commentId: `c${n}`,
    ts: seenAt,
    seenAt,
    userId: `u${n}`,
    nickname: `观众${n}`,
    text: `问题 ${groupKey}`,
    groupKey,
    suggestions: [],
  });
  const tA = local(2, 20, 30);
  const tC = local(3, 10, 30);
  s.questions.insert(
    [q('A', 1, 'g1', tA), q('A', 2, 'g1', tA + 5000), q('A', 3, 'g2', tA), q('A', 4, 'g3', tA)],
    new Map(),
  );
  s.questions.insert([q('C', 5, 'g4', tC), q('C', 6, 'g4', tC)], new Map());
  s.questions.settleGroup('A', 'g1', 'answered', tA + 10_000, 'ship'); // 10 s, 5 s
  s.questions.settleGroup('A', 'g2', 'answered', tA + 40_000, null); // 40 s
  s.questions.settleGroup('A', 'g3', 'dismissed', tA + 1000, null);
  s.questions.settleGroup('C', 'g4', 'answered', tC + 20_000, 'ship'); // 20 s, 20 s
  s.alerts.save([alertRow(1, 'A', tA), alertRow(2, 'A', tA + 60_000), alertRow(3, 'C', tC)]);
  const stamp = (wall: number) => ({ wall, mono: wall, boot: 'test' });
  s.operations.insertIncident({
    showId: 'B',
    type: 'network_down',
    severity: 'high',
    title: '网络中断',
    detected: stamp(local(2, 23, 45)),
    responded: stamp(local(2, 23, 52)), // 7 min: late
    resolved: stamp(local(2, 23, 55)),
    feedTs: local(2, 23, 45),
    alertId: null,
    notes: [],
    steps: [{ text: '切换备用网络', doneAt: local(2, 23, 52) }],
    updatedAt: local(2, 23, 55),
  });
}

beforeEach(() => {
  tmp = makeTempDir();
  store = openStore(tmp.dir).store;
  seed(store);
});
afterEach(() => {
  store.close();
  tmp.cleanup();
});

function period(from: string, to: string, roomId: string | null = null): PeriodReport {
  const report = buildReport(store, { kind: 'period', from, to, roomId }, { now: NOW });
  if (report.kind !== 'period') throw new Error('expected a period report');
  return report;
}

describe('period report', () => {
  it('takes the shows that started on the days (local time), oldest first, one row each', () => {
    const report = period('2026-11-02', '2026-11-03');
    expect(report.shows.map((s) => s.id)).toEqual(['A', 'B', 'C']);
    const [a, b, c] = report.shows;
    expect(a).toMatchObject({
      title: '双十一预热',
      roomTitle: '一号直播间',
      durationMs: 120 * 60_000,
      gmv: 1_000_000,
      orders: 100,
      buyers: 80,
      uv: 4000,
      peakOnline: 1000,
      comments: 240,
      conversion: 80 / 4000,
      questions: 3,
      answered: 3,
      faqUses: 2,
      alerts: 2,
      incidents: 0,
    });
    expect(b).toMatchObject({
      durationMs: 60 * 60_000,
      peakOnline: 500,
      comments: 60,
      incidents: 1,
      questions: 0,
    });
    expect(c).toMatchObject({
      peakOnline: 800,
      comments: 0,
      questions: 2,
      answered: 2,
      faqUses: 2,
      alerts: 1,
    });
  });

  it('adds up totals and averages by hand', () => {
    const report = period('2026-11-02', '2026-11-03');
    expect(report.totals).toEqual({
      shows: 3,
      hoursLive: 4.5, // 120 + 60 + 90 minutes
      gmv: 1_900_000,
      orders: 190,
      buyers: 160,
      uv: 7000,
      comments: 300,
      questions: 5,
      answered: 5,
      faqUses: 4,
      alerts: 3,
      incidents: 1,
    });
    expect(report.averages.durationMs).toBe(90 * 60_000);
    expect(report.averages.gmv).toBeCloseTo(1_900_000 / 3, 6);
    expect(report.averages.peakOnline).toBeCloseTo(2300 / 3, 6);
    expect(report.averages.uv).toBeCloseTo(7000 / 3, 6);
    expect(report.averages.conversion).toBeCloseTo(160 / 7000, 12);
    expect(report.averages.aov).toBeCloseTo(1_900_000 / 160, 9); // DOMAIN.md: gmv ÷ buyers
    expect(report.best?.id).toBe('A');
    expect(report.worst?.id).toBe('B');
  });

  it('aggregates replies, incidents and FAQ use across the shows', () => {
    const report = period('2026-11-02', '2026-11-03');
    // Responses 5, 10, 40, 20, 20 s → median (3rd of 5) 20 s; 4 of 5 within 30 s.
    expect(report.replies).toEqual({
      questions: 5,
      resolutionRate: 1,
      medianResponseMs: 20_000,
      within30sRate: 0.8,
    });
    expect(report.incidentKpis).toMatchObject({
      total: 1,
      maxResponseMs: 7 * 60_000,
      respondedWithin5MinRate: 0,
    });
    expect(report.faqUsage).toEqual([
      { faqId: 'ship', question: '什么时候发货', category: 'shipping', uses: 4 },
    ]);
    expect(report.observations.map((o) => o.kind)).toEqual(['slow-replies', 'incident-slow-response']);
    expect(report.observations[1]?.problem).toBe(
      '事故「网络中断」（2026年11月2日 23:45）响应用时 7分0秒，超过 5 分钟目标',
    );
    expect(report.text.overview).toBe(
      '本期（2026-11-02 至 2026-11-03）累计参与直播 3 场，直播时长 4.5 小时，累计成交 ¥19,000.00，订单 190 单，' +
        '观看人数 7,000，处理实时消息 300 条，收到观众问题 5 个（解决率 100.0%，回复用时中位数 20秒）。' +
        '处理直播事故 1 起（5 分钟内响应率 0.0%）。成交最高的一场为「双十一预热」（2026年11月2日，¥10,000.00）。',
    );
  });

  it('filters by day and by room', () => {
    expect(period('2026-11-02', '2026-11-02').shows.map((s) => s.id)).toEqual(['A', 'B']);
    expect(period('2026-11-03', '2026-11-03').shows.map((s) => s.id)).toEqual(['C']);
    const r1 = period('2026-11-01', '2026-11-04', 'r1');
    expect(r1.shows.map((s) => s.id)).toEqual(['before', 'A', 'C', 'after']);
    const r2 = period('2026-11-02', '2026-11-03', 'r2');
    expect(r2.shows.map((s) => s.id)).toEqual(['B']);
    expect(r2.best?.id).toBe('B');
    expect(r2.worst?.id).toBe('B');
    expect(r2.totals.hoursLive).toBe(1);
    expect(r2.text.overview).toContain(
      '本期（2026-11-02 至 2026-11-03，直播间「二号直播间」）累计参与直播 1 场',
    );
  });

  it('refuses an empty period in words, and a period that ends before it starts', () => {
    expect(() => period('2026-11-05', '2026-11-09')).toThrow(ReportError);
    expect(() => period('2026-11-05', '2026-11-09')).toThrow('no shows between 2026-11-05 and 2026-11-09');
    expect(() => period('2026-11-03', '2026-11-03', 'r2')).toThrow(
      'no shows between 2026-11-03 and 2026-11-03 in room r2',
    );
    const reversed = { kind: 'period', from: '2026-11-03', to: '2026-11-02', roomId: null } as const;
    const parsed = ReportScopeSchema.safeParse(reversed);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe('from is after to');
    expect(() => buildReport(store, reversed as ReportScope)).toThrow(
      'invalid report scope: to: from is after to',
    );
    const notADay = { kind: 'period', from: '2026-02-30', to: '2026-03-01', roomId: null } as ReportScope;
    expect(() => buildReport(store, notADay)).toThrow('invalid report scope: from: not a calendar day');
    expect(() => buildReport(store, { kind: 'show', showId: 'nope' })).toThrow('no such show: nope');
  });
});
