/**
 * A show's report as the document model, laid out as the seed summaries are: 一、工作概述 …
 * 七、改进计划, every figure from the Report (nothing computed here but shares and sums of it).
 */
import type { ShowReport } from '../../../../shared/api/report.js';
import { METRIC_DEFINITIONS, type MetricUnit } from '../../../../shared/metrics/definitions.js';
import { ratio, type ScalarMetricKey } from '../../../../shared/metrics/formulas.js';
import {
  columns,
  subHeadings,
  tableOrNone,
  userText,
  type Block,
  type KeyValue,
  type ReportDocument,
} from './document-model.js';
import { metricLabel, trafficLabel } from './labels.js';
import { execution, incidents, preparation } from './show-operations-sections.js';
import {
  change,
  count,
  datetime,
  duration,
  localDateTime,
  money,
  percent,
  text,
  time,
  type Value,
} from './values.js';

const TOP_PRODUCTS = 5;

export function showDocument(r: ShowReport): ReportDocument {
  return {
    title: `直播工作总结：${r.show.title}`,
    subtitle: `${r.show.roomTitle} · ${localDateTime(r.startAt)} · 生成于 ${localDateTime(r.generatedAt)}`,
    blocks: [
      ...overview(r),
      ...coreMetrics(r),
      ...preparation(r),
      ...execution(r),
      ...incidents(r),
      { kind: 'heading', level: 1, text: '六、存在问题' },
      ...userText(r.text.problems, '（无）'),
      { kind: 'heading', level: 1, text: '七、改进计划' },
      ...userText(r.text.improvements, '（无）'),
    ],
  };
}

const named = (name: string) => text(name.trim() === '' ? '未填写' : name);

function overview(r: ShowReport): Block[] {
  const prev = r.previousShow;
  const rows: KeyValue[] = [
    { label: '直播间', value: text(r.show.roomTitle) },
    { label: '场次', value: text(r.show.title) },
    { label: '平台', value: text(r.show.platform) },
    { label: '开播时间', value: datetime(r.startAt) },
    { label: '下播时间', value: datetime(r.endAt) },
    { label: '直播时长', value: duration(r.durationMs) },
    { label: '主播', value: named(r.people.host) },
    { label: '助理', value: named(r.people.assistant) },
    { label: '场控', value: named(r.people.fieldControl) },
    { label: '上一场', value: text(prev ? `${prev.title}（${localDateTime(prev.startedAt)}）` : '无') },
  ];
  return [
    { kind: 'heading', level: 1, text: '一、工作概述' },
    { kind: 'keyValues', rows },
    ...userText(r.text.overview, null),
  ];
}

/** A metric's value in its unit (avgWatchSec is seconds; durations are kept in ms). */
export function metricValue(unit: MetricUnit, value: number | null): Value {
  switch (unit) {
    case 'cents':
      return money(value);
    case 'fraction':
      return percent(value);
    case 'seconds':
      return duration(value === null ? null : value * 1000);
    default:
      return count(value);
  }
}

function coreMetrics(r: ShowReport): Block[] {
  const sub = subHeadings();
  const blocks: Block[] = [{ kind: 'heading', level: 1, text: '二、核心数据指标分析' }];
  blocks.push(sub('核心指标（与上一场对比）'));
  if (r.final === null) blocks.push({ kind: 'paragraph', text: '本场没有统计数据。' });
  else
    blocks.push({
      kind: 'table',
      columns: columns(['指标', 14], ['本场', 16], ['上一场', 16], ['较上场', 12]),
      rows: metricRows(r),
    });
  const targets = targetRows(r);
  if (targets.length > 0) {
    blocks.push(sub('目标达成'));
    blocks.push({
      kind: 'table',
      columns: columns(['目标', 12], ['目标值', 16], ['实际', 16], ['达成率', 12]),
      rows: targets,
    });
  }
  blocks.push(sub('峰值与时间'));
  blocks.push({
    kind: 'table',
    columns: columns(['项目', 16], ['峰值', 16], ['时间', 10]),
    rows: peakRows(r),
  });
  blocks.push(sub('流量来源'));
  blocks.push(
    tableOrNone(
      columns(['来源', 16], ['观看人数', 14], ['占比', 10]),
      [...r.traffic]
        .sort((a, b) => b.uv - a.uv)
        .map((t) => [text(trafficLabel(t.source)), count(t.uv), percent(t.share)]),
      '没有流量来源数据。',
    ),
  );
  blocks.push(sub('商品漏斗'));
  blocks.push(
    tableOrNone(
      columns(
        ['商品', 20],
        ['曝光', 10],
        ['点击', 9],
        ['点击率', 10],
        ['点击人数', 10],
        ['成交人数', 10],
        ['点击-成交率', 13],
        ['订单', 9],
        ['成交金额', 14],
      ),
      r.products.map((p) => [
        text(p.name ?? p.id),
        count(p.exposures),
        count(p.clicks),
        percent(p.ctr),
        count(p.clickUsers),
        count(p.buyers),
        percent(p.clickToPay),
        count(p.orders),
        money(p.gmv),
      ]),
      '没有商品数据。',
    ),
  );
  blocks.push(sub('热销商品'));
  const total = r.final?.gmv ?? r.products.reduce((s, p) => s + p.gmv, 0);
  const top = [...r.products]
    .filter((p) => p.gmv > 0)
    .sort((a, b) => b.gmv - a.gmv)
    .slice(0, TOP_PRODUCTS);
  blocks.push(
    tableOrNone(
      columns(['排名', 6], ['商品', 24], ['成交金额', 16], ['成交占比', 10], ['订单', 10]),
      top.map((p, i) => [
        count(i + 1),
        text(p.name ?? p.id),
        money(p.gmv),
        percent(ratio(p.gmv, total)),
        count(p.orders),
      ]),
      '本场没有成交。',
    ),
  );
  blocks.push(sub('趋势图'));
  blocks.push({
    kind: 'chart',
    caption: '在线人数、每分钟成交额与每分钟评论数（竖线：商品切换、告警、事故、数据缺口）',
    alt: '趋势图见 Word 版；逐分钟数据见 Excel 的「数据时间线」表。',
  });
  blocks.push(...userText(r.text.metricsNote, null));
  return blocks;
}

function metricRows(r: ShowReport): Value[][] {
  const byKey = new Map(r.comparisons.map((c) => [c.key, c]));
  const rows: Value[][] = [];
  for (const def of METRIC_DEFINITIONS) {
    if (def.unit === 'shares') continue;
    const key = def.key as ScalarMetricKey;
    const cmp = byKey.get(key);
    const value = cmp ? cmp.value : (r.final?.[key] ?? null);
    rows.push([
      text(metricLabel(key)),
      metricValue(def.unit, value),
      metricValue(def.unit, cmp?.previous ?? null),
      change(cmp?.change ?? null),
    ]);
  }
  return rows;
}

function targetRows(r: ShowReport): Value[][] {
  const rows: Value[][] = [];
  const t = r.targets;
  const f = r.final;
  if (t.gmv !== null)
    rows.push([text('成交金额'), money(t.gmv), money(f?.gmv), percent(ratio(f?.gmv ?? NaN, t.gmv))]);
  if (t.peakOnline !== null)
    rows.push([
      text('峰值在线'),
      count(t.peakOnline),
      count(f?.peakOnline),
      percent(ratio(f?.peakOnline ?? NaN, t.peakOnline)),
    ]);
  if (t.newFollowers !== null)
    rows.push([
      text('新增粉丝'),
      count(t.newFollowers),
      count(f?.newFollowers),
      percent(ratio(f?.newFollowers ?? NaN, t.newFollowers)),
    ]);
  if (t.plannedMinutes !== null) {
    const planned = t.plannedMinutes * 60_000;
    rows.push([
      text('直播时长'),
      duration(planned),
      duration(r.durationMs),
      percent(ratio(r.durationMs, planned)),
    ]);
  }
  return rows;
}

function peakRows(r: ShowReport): Value[][] {
  const p = r.peaks;
  return [
    [text('在线人数'), count(p.online?.value), time(p.online?.at)],
    [text('每分钟评论'), count(p.commentsPerMin?.value), time(p.commentsPerMin?.at)],
    [text('每分钟成交额'), money(p.gmvPerMin?.value), time(p.gmvPerMin?.at)],
    [text('每分钟订单'), count(p.ordersPerMin?.value), time(p.ordersPerMin?.at)],
  ];
}
