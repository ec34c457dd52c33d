import { describe, expect, it } from 'vitest';
import type { IncidentView } from '../../../../shared/api/operations.js';
import type { MetricComparison } from '../../../../shared/api/report.js';
import {
  changeTone,
  clockTime,
  exactFigure,
  formatHours,
  formatRate,
  formatSpan,
  impactParts,
  incidentTimes,
  metricRows,
  peakRows,
  periodShowRows,
  productRows,
  stepsDone,
  targetRows,
  trafficRows,
  withinTarget,
} from '../../../../renderer/src/components/report/reportRows.js';
import type { MetricValues } from '../../../../shared/metrics/formulas.js';

const at = (h: number, m: number) => new Date(2026, 10, 23, h, m, 0).getTime();

describe('metric rows', () => {
  const comparisons: MetricComparison[] = [
    { key: 'returnRate', value: 0.05, previous: 0.04, change: 0.25 },
    { key: 'gmv', value: 123_456_780, previous: 100_000_000, change: 0.2345678 },
    { key: 'uv', value: 48_000, previous: null, change: null },
    { key: 'conversionRate', value: 0.0288, previous: 0.03, change: -0.04 },
  ];

  it('follows the board’s order and formats each figure by its unit', () => {
    const rows = metricRows(comparisons, 'zh-CN');
    expect(rows.map((r) => r.key)).toEqual(['gmv', 'conversionRate', 'uv', 'returnRate']);
    expect(rows[0]).toMatchObject({
      label: 'metric.gmv',
      value: '¥123.46万',
      exact: '¥1,234,567.80',
      previous: '¥100.00万',
      change: '+23.5%',
      tone: 'good',
    });
    expect(rows[1]).toMatchObject({
      value: '2.88%',
      previous: '3.00%',
      change: '−4.0%',
      tone: 'bad',
      exact: null,
    });
    expect(rows[2]).toMatchObject({
      value: '4.8万',
      previous: '—',
      change: '—',
      tone: 'neutral',
      exact: '48,000',
    });
  });

  it('reads a rising refund rate as bad news', () => {
    expect(metricRows(comparisons, 'en').at(-1)).toMatchObject({ change: '+25.0%', tone: 'bad' });
    expect(changeTone('returnRate', -0.1)).toBe('good');
    expect(changeTone('gmv', 0)).toBe('neutral');
    expect(changeTone('gmv', Number.NaN)).toBe('neutral');
  });

  it('uses K/M in English', () => {
    expect(metricRows(comparisons, 'en')[2]!.value).toBe('48K');
  });
});

describe('targets, peaks, traffic, products', () => {
  const final = { gmv: 150_000_00, peakOnline: 900, newFollowers: 40 } as MetricValues;

  it('lists only the targets that were set, with how much was achieved', () => {
    const rows = targetRows(
      { gmv: 100_000_00, peakOnline: 1000, newFollowers: null, plannedMinutes: 120 },
      final,
      'zh-CN',
    );
    expect(rows).toEqual([
      {
        key: 'gmv',
        label: 'report.target.gmv',
        target: '¥10.00万',
        actual: '¥15.00万',
        achieved: '150.0%',
        met: true,
      },
      {
        key: 'peakOnline',
        label: 'report.target.peakOnline',
        target: '1,000',
        actual: '900',
        achieved: '90.0%',
        met: false,
      },
    ]);
    expect(
      targetRows({ gmv: 1, peakOnline: null, newFollowers: null, plannedMinutes: null }, null, 'zh-CN')[0],
    ).toMatchObject({
      actual: '—',
      achieved: '—',
      met: false,
    });
  });

  it('shows each peak with the minute it happened', () => {
    const rows = peakRows(
      {
        online: { value: 12_345, at: at(20, 15) },
        commentsPerMin: null,
        gmvPerMin: { value: 250_000, at: at(20, 31) },
        ordersPerMin: { value: 42, at: at(21, 2) },
      },
      'zh-CN',
    );
    expect(rows.map((r) => [r.key, r.value, r.at])).toEqual([
      ['online', '1.23万', '20:15'],
      ['commentsPerMin', '—', '—'],
      ['gmvPerMin', '¥2,500.00', '20:31'],
      ['ordersPerMin', '42', '21:02'],
    ]);
  });

  it('puts the largest traffic source first, with a bar no longer than the whole', () => {
    const rows = trafficRows(
      [
        { source: 'paid', uv: 100, share: 0.1 },
        { source: 'homepage_hot', uv: 700, share: 0.7 },
        { source: 'odd', uv: 5, share: 1.5 },
      ],
      'zh-CN',
    );
    expect(rows.map((r) => [r.source, r.uv, r.share, r.fraction])).toEqual([
      ['homepage_hot', '700', '70.0%', 0.7],
      ['paid', '100', '10.0%', 0.1],
      ['odd', '5', '150.0%', 1],
    ]);
  });

  it('names a product by its id until the feed named it', () => {
    const [row] = productRows(
      [
        {
          id: 'p1',
          name: null,
          exposures: 20_000,
          clicks: 1500,
          clickUsers: 900,
          orders: 120,
          buyers: 100,
          gmv: 1_199_00,
          ctr: 0.075,
          clickToPay: 0.1111,
        },
      ],
      'zh-CN',
    );
    expect(row).toEqual({
      id: 'p1',
      name: 'p1',
      exposures: '2万',
      clicks: '1,500',
      ctr: '7.50%',
      clickUsers: '900',
      buyers: '100',
      clickToPay: '11.11%',
      orders: '120',
      gmv: '¥1,199.00',
    });
  });
});

describe('times and incidents', () => {
  it('says a length of time the way a reader does', () => {
    expect(formatSpan(3 * 3_600_000 + 5 * 60_000, 'zh-CN')).toBe('3小时05分');
    expect(formatSpan(4 * 60_000 + 20_000, 'en')).toBe('4m 20s');
    expect(formatSpan(9_400, 'zh-CN')).toBe('9秒');
    expect(formatSpan(null, 'zh-CN')).toBe('—');
    expect(formatSpan(-1, 'en')).toBe('—');
    expect(formatHours(12.345)).toBe('12.3');
    expect(formatRate(0.2069, 'zh-CN')).toBe('0.2');
    expect(formatRate(123_456.4, 'zh-CN')).toBe('12.35万');
    expect(formatRate(null, 'en')).toBe('—');
    expect(clockTime(at(9, 5))).toBe('09:05');
  });

  it('checks reply times against the target', () => {
    expect(withinTarget(30_000, 30_000)).toBe(true);
    expect(withinTarget(30_001, 30_000)).toBe(false);
    expect(withinTarget(null, 30_000)).toBeNull();
  });

  const incident: IncidentView = {
    id: 3,
    showId: 's',
    type: 'stream_stutter',
    severity: 'high',
    title: '推流卡顿',
    detectedAt: at(20, 0),
    respondedAt: at(20, 2),
    resolvedAt: null,
    feedTs: null,
    responseMs: 95_000,
    resolveMs: null,
    alertId: null,
    notes: [],
    steps: [
      { text: '切备用推流', doneAt: at(20, 2) },
      { text: '通知主播', doneAt: null },
    ],
    impact: {
      onlineBefore: 1000,
      onlineLowest: 612.4,
      onlineAfter: null,
      commentsPerMinBefore: null,
      commentsPerMinDuring: null,
      gmvPerMinBefore: 120_000,
      gmvPerMinDuring: 30_000,
    },
  };

  it('prefers the core’s monotonic durations, else the timestamps', () => {
    expect(incidentTimes(incident)).toEqual({ responseMs: 95_000, resolveMs: null });
    expect(incidentTimes({ ...incident, responseMs: null, resolvedAt: at(20, 10) })).toEqual({
      responseMs: 120_000,
      resolveMs: 600_000,
    });
    expect(stepsDone(incident)).toBe('1/2');
  });

  it('keeps only the measured parts of the impact', () => {
    expect(impactParts(incident.impact, 'zh-CN')).toEqual({
      online: { before: '1,000', lowest: '612', after: '—' },
      comments: null,
      gmv: { before: '¥1,200.00', during: '¥300.00' },
    });
    expect(impactParts(null, 'zh-CN')).toEqual({ online: null, comments: null, gmv: null });
  });

  it('formats the shows of a period', () => {
    const [row] = periodShowRows(
      [
        {
          id: 's1',
          title: '双十一专场',
          roomId: 'r1',
          roomTitle: '',
          startedAt: at(19, 30),
          durationMs: 2 * 3_600_000,
          gmv: 5_000_000_00,
          orders: 1200,
          buyers: 1000,
          uv: 80_000,
          peakOnline: 3000,
          comments: 20_000,
          conversion: 0.0125,
          questions: 300,
          answered: 280,
          faqUses: 200,
          alerts: 4,
          incidents: 1,
        },
      ],
      'zh-CN',
    );
    expect(row).toMatchObject({
      date: '2026-11-23 19:30',
      room: 'r1',
      duration: '2小时00分',
      gmv: '¥500.00万',
      uv: '8万',
      conversion: '1.25%',
      answered: '280/300',
    });
  });

  it('gives the exact figure for counts and money only', () => {
    expect(exactFigure('count', 1_234_567)).toBe('1,234,567');
    expect(exactFigure('cents', 5)).toBe('¥0.05');
    expect(exactFigure('fraction', 0.5)).toBeNull();
    expect(exactFigure('count', null)).toBeNull();
  });
});
