/**
 * A period's report (a week, month or year of shows) as the document model: 一、概述 … 七、改进计划,
 * the "本年度累计参与直播场次286场" paragraph of seed 002 with the measured figures.
 */
import type { PeriodReport, PeriodShowRow } from '../../../../shared/api/report.js';
import {
  columns,
  subHeadings,
  tableOrNone,
  userText,
  type Block,
  type Column,
  type KeyValue,
  type ReportDocument,
} from './document-model.js';
import { INCIDENT_TYPE_LABELS } from './labels.js';
import {
  count,
  datetime,
  decimal,
  duration,
  localDateTime,
  money,
  percent,
  text,
  type Value,
} from './values.js';

export function periodDocument(r: PeriodReport): ReportDocument {
  const range = r.from === r.to ? r.from : `${r.from} 至 ${r.to}`;
  return {
    title: `直播工作总结（${range}）`,
    subtitle: `${r.roomId === null ? '全部直播间' : `直播间 ${r.roomId}`} · 生成于 ${localDateTime(r.generatedAt)}`,
    blocks: [
      ...overview(r, range),
      ...showsAndMetrics(r),
      ...interaction(r),
      ...alertsAndIncidents(r),
      ...faqUse(r),
      { kind: 'heading', level: 1, text: '六、存在问题' },
      ...userText(r.text.problems, '（无）'),
      { kind: 'heading', level: 1, text: '七、改进计划' },
      ...userText(r.text.improvements, '（无）'),
    ],
  };
}

const named = (name: string) => text(name.trim() === '' ? '未填写' : name);

function overview(r: PeriodReport, range: string): Block[] {
  return [
    { kind: 'heading', level: 1, text: '一、概述' },
    {
      kind: 'keyValues',
      rows: [
        { label: '统计区间', value: text(range) },
        { label: '直播间', value: text(r.roomId ?? '全部') },
        { label: '直播场次', value: count(r.totals.shows), unit: '场' },
        { label: '直播总时长', value: decimal(r.totals.hoursLive, 1), unit: '小时' },
        { label: '主播', value: named(r.people.host) },
        { label: '助理', value: named(r.people.assistant) },
        { label: '场控', value: named(r.people.fieldControl) },
      ],
    },
    ...userText(r.text.overview, null),
  ];
}

/** The shows table: the Word/Markdown table, the Excel sheet 场次 and the period CSV. */
export const SHOW_COLUMNS: Column[] = columns(
  ['开播时间', 17],
  ['场次', 24],
  ['直播间', 16],
  ['时长', 10],
  ['成交金额', 14],
  ['订单', 10],
  ['成交人数', 10],
  ['观看人数', 12],
  ['峰值在线', 10],
  ['转化率', 10],
  ['评论', 12],
  ['提问', 8],
  ['已回复', 8],
  ['话术使用', 8],
  ['告警', 6],
  ['事故', 6],
);

/** The columns of SHOW_COLUMNS a page has room for (Word and Markdown; Excel and CSV have all). */
const SUMMARY_COLUMNS = [0, 1, 3, 4, 5, 7, 8, 9, 10, 15];
/** Relative widths on the page: the date and the duration on one line where they can. */
const SUMMARY_WIDTHS = [21, 20, 13, 13, 9, 10, 10, 9, 10, 6];
export const SHOW_SUMMARY_COLUMNS: Column[] = SUMMARY_COLUMNS.map((i, n) => ({
  header: SHOW_COLUMNS[i]!.header,
  width: SUMMARY_WIDTHS[n]!,
}));
export const showSummaryRow = (s: PeriodShowRow): Value[] => {
  const row = showRow(s);
  return SUMMARY_COLUMNS.map((i) => row[i]!);
};

export function showRow(s: PeriodShowRow): Value[] {
  return [
    datetime(s.startedAt),
    text(s.title),
    text(s.roomTitle),
    duration(s.durationMs),
    money(s.gmv),
    count(s.orders),
    count(s.buyers),
    count(s.uv),
    count(s.peakOnline),
    percent(s.conversion),
    count(s.comments),
    count(s.questions),
    count(s.answered),
    count(s.faqUses),
    count(s.alerts),
    count(s.incidents),
  ];
}

function showLine(s: PeriodShowRow | null): Value {
  return text(s ? `${s.title}（${localDateTime(s.startedAt)}）` : '—');
}

function showsAndMetrics(r: PeriodReport): Block[] {
  const sub = subHeadings();
  const t = r.totals;
  const a = r.averages;
  const totals: KeyValue[] = [
    { label: '成交金额', value: money(t.gmv) },
    { label: '订单数', value: count(t.orders) },
    { label: '成交人数', value: count(t.buyers) },
    { label: '观看人数', value: count(t.uv) },
    { label: '评论', value: count(t.comments) },
  ];
  const averages: KeyValue[] = [
    { label: '场均时长', value: duration(a.durationMs) },
    { label: '场均成交金额', value: money(a.gmv) },
    { label: '场均峰值在线', value: count(a.peakOnline) },
    { label: '场均观看人数', value: count(a.uv) },
    { label: '平均转化率', value: percent(a.conversion) },
    { label: '平均客单价', value: money(a.aov) },
  ];
  const bestWorst: KeyValue[] = [
    { label: '成交最高', value: showLine(r.best) },
    { label: '最高场成交金额', value: money(r.best?.gmv) },
    { label: '成交最低', value: showLine(r.worst) },
    { label: '最低场成交金额', value: money(r.worst?.gmv) },
  ];
  return [
    { kind: 'heading', level: 1, text: '二、场次与核心数据' },
    sub('合计'),
    { kind: 'keyValues', rows: totals },
    sub('场均'),
    { kind: 'keyValues', rows: averages },
    sub('最佳与最差场次（按成交金额）'),
    { kind: 'keyValues', rows: bestWorst },
    sub('场次明细'),
    tableOrNone(SHOW_SUMMARY_COLUMNS, r.shows.map(showSummaryRow), '所选区间没有直播场次。'),
    ...(r.shows.length > 0
      ? [
          sub('每场成交金额'),
          {
            kind: 'chart' as const,
            caption: '每场成交金额',
            alt: '每场成交金额见上表及 Excel 的「场次」表。',
          },
        ]
      : []),
  ];
}

function interaction(r: PeriodReport): Block[] {
  const k = r.replies;
  return [
    { kind: 'heading', level: 1, text: '三、互动与回复' },
    {
      kind: 'keyValues',
      rows: [
        { label: '处理评论', value: count(r.totals.comments) },
        { label: '提问数', value: count(k.questions) },
        { label: '已回复', value: count(r.totals.answered) },
        { label: '问题解决率', value: percent(k.resolutionRate) },
        { label: '回复用时中位数', value: duration(k.medianResponseMs), note: '目标 ≤30秒' },
        { label: '30秒内回复率', value: percent(k.within30sRate) },
      ],
    },
  ];
}

function alertsAndIncidents(r: PeriodReport): Block[] {
  const k = r.incidentKpis;
  const rows = Object.entries(k.byType)
    .filter(([, n]) => (n ?? 0) > 0)
    .map(([type, n]) => [
      text(INCIDENT_TYPE_LABELS[type as keyof typeof INCIDENT_TYPE_LABELS] ?? type),
      count(n ?? 0),
    ]);
  return [
    { kind: 'heading', level: 1, text: '四、告警与事故' },
    {
      kind: 'keyValues',
      rows: [
        { label: '告警', value: count(r.totals.alerts) },
        { label: '事故', value: count(k.total) },
        { label: '5分钟内响应率', value: percent(k.respondedWithin5MinRate) },
        { label: '响应用时中位数', value: duration(k.medianResponseMs), note: '目标 ≤5分钟' },
        { label: '最长响应用时', value: duration(k.maxResponseMs) },
        { label: '解决率', value: percent(k.resolvedRate) },
        { label: '解决用时中位数', value: duration(k.medianResolveMs) },
      ],
    },
    tableOrNone(columns(['事故类型', 16], ['次数', 8]), rows, '所选区间没有事故。'),
  ];
}

function faqUse(r: PeriodReport): Block[] {
  return [
    { kind: 'heading', level: 1, text: '五、话术使用' },
    { kind: 'keyValues', rows: [{ label: '话术使用次数', value: count(r.totals.faqUses) }] },
    tableOrNone(
      columns(['话术', 30], ['分类', 12], ['使用次数', 10]),
      r.faqUsage.map((f) => [text(f.question), text(f.category), count(f.uses)]),
      '所选区间没有使用话术库。',
    ),
  ];
}
