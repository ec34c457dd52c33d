import { afterAll, describe, expect, it } from 'vitest';
import { markdownCell } from '../../../electron/core/report/formats/markdown.js';
import { fixturePeriodReport } from '../../fixtures/report/period-report.js';
import { FINAL, fixtureShowReport, PRODUCTS } from '../../fixtures/report/show-report.js';
import { cleanupExports, exportFixture } from './export-fixture.js';
import { parseMarkdown } from './read-back.js';

afterAll(cleanupExports);

const SHOW_SECTIONS = [
  '一、工作概述',
  '二、核心数据指标分析',
  '三、直播前筹备',
  '四、直播中执行',
  '五、事故与应急',
  '六、存在问题',
  '七、改进计划',
];

describe('Markdown report', () => {
  it('has the seed structure and the figures of the report, tables parseable', async () => {
    const { data } = await exportFixture('md');
    const md = data.toString('utf8');
    const { headings, tables, lines } = parseMarkdown(md);
    expect(headings[0]).toBe('# 直播工作总结：双11美妆狂欢专场');
    expect(headings.filter((h) => h.startsWith('## ')).map((h) => h.slice(3))).toEqual(SHOW_SECTIONS);

    const metrics = tables.find((t) => t.heading.includes('核心指标'))!;
    expect(metrics.header).toEqual(['指标', '本场', '上一场', '较上场']);
    const row = (label: string) => metrics.rows.find((r) => r[0] === label);
    expect(row('成交金额')).toEqual(['成交金额', '¥186.34万', '¥150.00万', '+24.2%']);
    expect(row('订单数')?.[1]).toBe(FINAL.orders.toLocaleString('en-US'));
    expect(row('转化率')?.[1]).toBe(`${(FINAL.conversionRate! * 100).toFixed(2)}%`);
    expect(row('退款率')).toEqual(['退款率', '—', '—', '—']);
    // Every metric of DOMAIN.md but the traffic shares (their own table) is a row.
    expect(metrics.rows).toHaveLength(23);

    const funnel = tables.find((t) => t.heading.includes('商品漏斗'))!;
    expect(funnel.rows).toHaveLength(PRODUCTS.length);
    // "|" inside a product name is escaped and comes back whole.
    expect(funnel.rows[2]![0]).toBe('防晒喷雾 SPF50+ | 清爽型');
    expect(funnel.rows[4]![0]).toBe('p-105');

    const top = tables.find((t) => t.heading.includes('高频问题'))!;
    expect(top.rows[1]![1]).toBe('口红有红色吗|#520还有吗');
    expect(top.rows[2]![1]).toBe('优惠券怎么领<br>能叠加吗');

    // The user's "- " lines are list items; the chart's place says where it is.
    expect(lines).toContain('- 3 次库存提问告警集中在 21:10–21:25');
    expect(md).toContain('趋势图见 Word 版');
    expect(md).not.toMatch(/NaN|Infinity|undefined/u);
  });

  it('writes a period report: shows table and totals', async () => {
    const { data } = await exportFixture('md', { report: fixturePeriodReport() });
    const { headings, tables } = parseMarkdown(data.toString('utf8'));
    expect(headings.filter((h) => h.startsWith('## ')).map((h) => h.slice(3))).toEqual([
      '一、概述',
      '二、场次与核心数据',
      '三、互动与回复',
      '四、告警与事故',
      '五、话术使用',
      '六、存在问题',
      '七、改进计划',
    ]);
    const shows = tables.find((t) => t.heading.includes('场次明细'))!;
    expect(shows.rows.map((r) => r[1])).toEqual([
      '周二护肤专场',
      '双11美妆狂欢专场',
      '彩妆新品首发, "限定"礼盒',
      '=周末福利场',
    ]);
    expect(shows.header).toEqual([
      '开播时间',
      '场次',
      '时长',
      '成交金额',
      '订单',
      '观看人数',
      '峰值在线',
      '转化率',
      '评论',
      '事故',
    ]);
    expect(shows.rows[3]![7]).toBe('—');
  });

  it('escapes cells: pipes, backslashes and line breaks', () => {
    expect(markdownCell('a|b\\c\nd\r\ne')).toBe('a\\|b\\\\c<br>d<br>e');
  });

  it('a show without stats, checklist or incidents still reads, with "—" and no NaN', async () => {
    const report = fixtureShowReport({
      final: null,
      comparisons: [],
      checklist: null,
      incidents: [],
      products: [],
      traffic: [],
      peaks: { online: null, commentsPerMin: null, gmvPerMin: null, ordersPerMin: null },
      trend: { showId: 'x', minutes: [], markers: [] },
      text: {
        overview: '',
        metricsNote: '',
        prepNote: '',
        executionNote: '',
        incidentsNote: '',
        problems: '',
        improvements: '',
      },
    });
    const md = (await exportFixture('md', { report })).data.toString('utf8');
    expect(md).toContain('本场没有统计数据。');
    expect(md).toContain('本场没有关联的设备调试清单。');
    expect(md).toContain('本场未记录事故。');
    expect(md).toMatch(/## 六、存在问题\n\n（无）/u);
    expect(md).not.toMatch(/NaN|Infinity|undefined|null/u);
  });
});
