import { describe, expect, it } from 'vitest';
import {
  niceTicks,
  periodChartSvg,
  renderPng,
  timeTicks,
  trendChartSvg,
} from '../../../electron/core/report/formats/trend-chart.js';
import { PERIOD_SHOWS } from '../../fixtures/report/period-report.js';
import { fixtureShowReport, SHOW_START } from '../../fixtures/report/show-report.js';
import { pngSize } from './read-back.js';

describe('trend chart', () => {
  const trend = fixtureShowReport().trend;

  it('draws the series, two y axes, a Chinese legend, local HH:mm ticks and the markers', () => {
    const svg = trendChartSvg(trend)!;
    for (const label of ['在线人数', '成交额/分钟', '评论/分钟', '商品切换', '告警', '事故', '数据缺口'])
      expect(svg).toContain(label);
    for (const tick of ['20:00', '20:30', '21:00', '22:00', '23:00'])
      expect(svg).toContain(`>${tick}</text>`);
    expect(svg).toContain('>¥2万</text>'); // right axis, GMV per minute
    expect(svg).toContain('>2万</text>'); // left axis, online
    expect(svg).toContain("font-family=\"'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', sans-serif\"");
    // The 3-minute gap breaks the online line into two polylines (plus the comments line).
    expect(svg.match(/<polyline /gu)).toHaveLength(3);
    expect(svg).toContain('网络中断：主线路断开');
    expect(svg).not.toMatch(/NaN|Infinity|undefined/u);
  });

  it('is deterministic: same data, same SVG and the same PNG', () => {
    const a = renderPng(trendChartSvg(trend)!);
    const b = renderPng(trendChartSvg(fixtureShowReport().trend)!);
    expect(a.svg).toBe(b.svg);
    expect(a.png.equals(b.png)).toBe(true);
    expect(pngSize(a.png)).toEqual({ width: 2400, height: 1280 });
  });

  it('escapes marker labels and survives odd data', () => {
    const svg = trendChartSvg({
      showId: 'x',
      minutes: [
        {
          minute: SHOW_START,
          online: null,
          onlineMax: null,
          comments: 0,
          orders: 0,
          gmv: 0,
          conversion5m: null,
          values: null,
        },
      ],
      markers: [{ ts: SHOW_START, kind: 'incident', label: '<script>&"' }],
    })!;
    expect(svg).toContain('&lt;script&gt;&amp;&quot;');
    expect(svg).not.toMatch(/NaN|Infinity/u);
    expect(pngSize(renderPng(svg).png)).not.toBeNull();
    expect(trendChartSvg({ showId: 'x', minutes: [], markers: [] })).toBeNull();
  });

  it('a period: GMV per show as bars labelled by date', () => {
    const svg = periodChartSvg(PERIOD_SHOWS.map((s) => ({ at: s.startedAt, gmv: s.gmv })))!;
    expect(svg.match(/<rect [^>]*opacity="0.8"/gu)).toHaveLength(4);
    for (const day of ['11-04', '11-11', '11-18', '11-25']) expect(svg).toContain(`>${day}</text>`);
    expect(periodChartSvg([])).toBeNull();
  });

  it('ticks: round steps, whole local minutes', () => {
    expect(niceTicks(18_906)).toEqual([0, 5_000, 10_000, 15_000, 20_000]);
    expect(niceTicks(0)).toEqual([0, 1]);
    const ticks = timeTicks(SHOW_START + 7 * 60_000, SHOW_START + 180 * 60_000);
    expect(ticks.length).toBeLessThanOrEqual(10);
    for (const t of ticks) expect(new Date(t).getMinutes() % 30).toBe(0);
  });
});
