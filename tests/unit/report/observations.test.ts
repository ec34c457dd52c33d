/**
 * Observations say only what the data supports: a scripted cluster of alerts gives the cluster
 * sentence with its count and local times; a clean show gives none (and the prefilled text says
 * so); an audience fall and slow replies are named with their figures.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../../electron/core/report/build-report.js';
import type { Store } from '../../../electron/core/store/store.js';
import { emptyBatch } from '../../../electron/core/store/types.js';
import type { ShowReport } from '../../../shared/api/report.js';
import { eachTempStore } from '../../helpers/temp-store.js';
import { MINUTE, alertRow, writeHandShow } from './hand-show.js';

// 12:00 UTC is 20:00 in Shanghai: the report writes local times.
const ORIGINAL_TZ = process.env.TZ;
beforeAll(() => (process.env.TZ = 'Asia/Shanghai'));
afterAll(() => (process.env.TZ = ORIGINAL_TZ));

const T = Date.UTC(2026, 10, 23, 12, 0);
let store: Store;
eachTempStore((s) => (store = s));

const FINAL = { pv: 20000, uv: 8000, gmv: 5_000_000, orders: 400, buyers: 300, comments: 6000 };

function showReport(id: string): ShowReport {
  const report = buildReport(store, { kind: 'show', showId: id }, { now: T + 3 * 3600_000 });
  if (report.kind !== 'show') throw new Error('expected a show report');
  return report;
}

describe('observations', () => {
  it('a clean show has none, and its text says no problem was found', () => {
    writeHandShow(store, {
      id: 'clean',
      roomId: 'r1',
      startedAt: T,
      minutes: 90,
      final: FINAL,
      commentsPerMinute: 3,
    });
    const report = showReport('clean');
    expect(report.observations).toEqual([]);
    expect(report.text.problems).toBe('- 未发现明显问题（各项数据均未触发问题规则）');
    expect(report.text.improvements.startsWith('- ')).toBe(true);
    expect(report.textEdited).toBe(false);
    expect(report.text.overview).toContain('2026年11月23日 20:00–21:30');
    expect(report.text.overview).toContain('本场成交金额 ¥50,000.00，订单 400 单');
  });

  it('names a cluster of one rule’s alerts with its count, times and the product on screen', () => {
    writeHandShow(store, { id: 's', roomId: 'r1', startedAt: T, minutes: 90, final: FINAL });
    const switchBatch = emptyBatch('s', 1000);
    switchBatch.products.push({ seq: 1001, ts: T + 8 * MINUTE, id: 'p1', name: '红色连衣裙', price: 19900 });
    switchBatch.lastSeq = 1001;
    store.writeBatch(switchBatch);
    store.alerts.save([
      alertRow(1, 's', T + 10 * MINUTE),
      alertRow(2, 's', T + 17 * MINUTE),
      alertRow(3, 's', T + 25 * MINUTE),
      alertRow(4, 's', T + 50 * MINUTE), // 25 min after the third: not in the cluster
      alertRow(5, 's', T + 12 * MINUTE, { ruleId: 'price-coupon', ruleName: '价格/优惠券疑问' }),
      alertRow(6, 's', T + 14 * MINUTE, { ruleId: 'price-coupon', ruleName: '价格/优惠券疑问' }),
    ]);
    const report = showReport('s');
    expect(report.observations).toHaveLength(1);
    const [cluster] = report.observations;
    expect(cluster?.kind).toBe('alert-cluster');
    expect(cluster?.problem).toBe(
      '3 次「颜色/尺码缺货追问」告警集中在 20:10–20:25（当时讲解：「红色连衣裙」）',
    );
    expect(cluster?.improvement).toContain('「红色连衣裙」');
    expect(cluster?.improvement).toContain('查库存：红色，请主播补充讲解');
    expect(report.text.problems).toBe(`- ${cluster?.problem}`);
    expect(report.text.improvements).toBe(`- ${cluster?.improvement}`);
  });

  it('names the largest audience fall within 30 minutes, but not the closing minutes', () => {
    // 1000 until minute 40, 700 from minute 45 (−30 %); at the very end it falls again (goodbye).
    const online = (m: number) => (m < 40 ? 1000 : m >= 85 ? 300 : 700);
    writeHandShow(store, { id: 'drop', roomId: 'r1', startedAt: T, minutes: 90, final: FINAL, online });
    const report = showReport('drop');
    expect(report.observations.map((o) => o.kind)).toEqual(['online-drop']);
    expect(report.observations[0]?.problem).toBe('20:39–20:40 在线人数从 1,000 降至 700（−30.0%）');
  });

  it('names reply figures below target, the slowest group and the questions left unanswered', () => {
    writeHandShow(store, { id: 'q', roomId: 'r1', startedAt: T, minutes: 30, final: FINAL });
    const question = (n: number, groupKey: string, text: string, seenAt: number) => ({
      showId: 'q',
      commentId: `c${n}`,
      ts: seenAt,
      seenAt,
      userId: `u${n}`,
      nickname: `观众${n}`,
      text,
      groupKey,
      suggestions: [],
    });
    store.questions.insert(
      [
        question(1, 'ship', '什么时候发货', T),
        question(2, 'ship', '几天发货', T + 1000),
        question(3, 'size', '160穿什么码', T + 2000),
        question(4, 'red', '有红色吗', T + 3000),
        question(5, 'red', '红色还有吗', T + 4000),
      ],
      new Map(),
    );
    store.questions.settleGroup('q', 'ship', 'answered', T + 10_000, null); // 10 s and 9 s
    store.questions.settleGroup('q', 'size', 'answered', T + 62_000, null); // 60 s
    const report = showReport('q');
    expect(report.replies).toMatchObject({ questions: 5, answered: 3, pending: 2 });
    const replies = report.observations.find((o) => o.kind === 'slow-replies');
    expect(replies?.problem).toBe(
      '问题回复未达标：共 5 个问题，30 秒内回复率 40.0%（目标 90%），解决率 60.0%（目标 92%），回复用时中位数 10秒；回复最慢的是「160穿什么码」（1 个，平均 1分0秒）',
    );
    expect(replies?.improvement).toBe(
      '为未回复最多的问题补充 FAQ 话术并设置快捷键：「有红色吗」（2 个未回复）',
    );
  });
});
