/**
 * The text a summary starts with, computed from its figures: 一、工作概述 as one paragraph like
 * the seeds' (with every "XX" measured), 六/七 as "- " lines from the observations, the notes
 * under 二–五 empty for the user. Always within ReportTextSchema's limits, so it can be saved back.
 */
import type {
  Observation,
  PeriodReport,
  ReportPeople,
  ReportText,
  ShowReport,
} from '../../../shared/api/report.js';
import { formatCount, formatMoney, formatPercent, formatSeconds } from '../../../shared/format.js';
import { dateZh, durationZh, hhmm, isoDay } from './local-time.js';

const OVERVIEW_MAX = 4000;
const LIST_MAX = 8000;

const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/** "- a\n- b", whole lines only, within `max`. */
function lines(items: readonly string[], empty: string, max: number): string {
  if (items.length === 0) return `- ${empty}`;
  let out = '';
  for (const item of items) {
    const line = `- ${item.replace(/\n/g, ' ')}`;
    const next = out === '' ? line : `${out}\n${line}`;
    if (next.length > max) break;
    out = next;
  }
  return out || clip(`- ${items[0] ?? ''}`, max);
}

function peopleText(people: ReportPeople): string {
  const parts = [
    people.host && `主播：${people.host}`,
    people.assistant && `助播：${people.assistant}`,
    people.fieldControl && `场控：${people.fieldControl}`,
  ].filter(Boolean);
  return parts.length > 0 ? `${parts.join('，')}。` : '';
}

function textOf(overview: string, observations: readonly Observation[]): ReportText {
  return {
    overview: clip(overview, OVERVIEW_MAX),
    metricsNote: '',
    prepNote: '',
    executionNote: '',
    incidentsNote: '',
    problems: lines(
      observations.map((o) => o.problem),
      '未发现明显问题（各项数据均未触发问题规则）',
      LIST_MAX,
    ),
    improvements: lines(
      observations.map((o) => o.improvement),
      '保持当前做法，继续按清单与话术库执行',
      LIST_MAX,
    ),
  };
}

type ShowTextInput = Pick<
  ShowReport,
  'show' | 'startAt' | 'endAt' | 'durationMs' | 'people' | 'final' | 'comments' | 'replies' | 'observations'
>;

export function showPrefill(r: ShowTextInput): ReportText {
  const when =
    isoDay(r.startAt) === isoDay(r.endAt)
      ? `${dateZh(r.startAt)} ${hhmm(r.startAt)}–${hhmm(r.endAt)}`
      : `${dateZh(r.startAt)} ${hhmm(r.startAt)} 至 ${dateZh(r.endAt)} ${hhmm(r.endAt)}`;
  const f = r.final;
  const figures = f
    ? `本场成交金额 ${formatMoney(f.gmv)}，订单 ${formatCount(f.orders)} 单，成交人数 ${formatCount(f.buyers)}，` +
      `观看人数 ${formatCount(f.uv)}（场观 ${formatCount(f.pv)} 人次），峰值在线 ${formatCount(f.peakOnline)} 人，` +
      `转化率 ${formatPercent(f.conversionRate)}，客单价 ${formatMoney(f.aov)}。`
    : '本场没有收到统计数据。';
  const replies =
    r.replies.questions > 0
      ? `，其中观众问题 ${formatCount(r.replies.questions)} 个（解决率 ${formatPercent(r.replies.resolutionRate, 1)}，30 秒内回复率 ${formatPercent(r.replies.within30sRate, 1)}）`
      : '';
  const overview =
    `「${r.show.title}」（${r.show.roomTitle}）于 ${when} 直播，时长 ${durationZh(r.durationMs)}。` +
    peopleText(r.people) +
    figures +
    `直播中共处理实时评论 ${formatCount(r.comments.total)} 条${replies}。`;
  return textOf(overview, r.observations);
}

type PeriodTextInput = Pick<
  PeriodReport,
  | 'from'
  | 'to'
  | 'roomId'
  | 'people'
  | 'shows'
  | 'totals'
  | 'replies'
  | 'best'
  | 'incidentKpis'
  | 'observations'
>;

export function periodPrefill(r: PeriodTextInput): ReportText {
  const t = r.totals;
  const room = r.roomId === null ? '' : `，直播间「${r.shows[0]?.roomTitle ?? r.roomId}」`;
  const hours = Number(t.hoursLive.toFixed(1));
  const replies =
    r.replies.questions > 0
      ? `，收到观众问题 ${formatCount(r.replies.questions)} 个（解决率 ${formatPercent(r.replies.resolutionRate, 1)}，回复用时中位数 ${formatSeconds(r.replies.medianResponseMs === null ? null : r.replies.medianResponseMs / 1000)}）`
      : '';
  const incidents =
    t.incidents > 0
      ? `处理直播事故 ${t.incidents} 起（5 分钟内响应率 ${formatPercent(r.incidentKpis.respondedWithin5MinRate, 1)}）。`
      : '';
  const best =
    r.best && r.shows.length > 1
      ? `成交最高的一场为「${r.best.title}」（${dateZh(r.best.startedAt)}，${formatMoney(r.best.gmv)}）。`
      : '';
  const overview =
    `本期（${r.from} 至 ${r.to}${room}）累计参与直播 ${t.shows} 场，直播时长 ${hours} 小时，` +
    `累计成交 ${formatMoney(t.gmv)}，订单 ${formatCount(t.orders)} 单，观看人数 ${formatCount(t.uv)}，` +
    `处理实时消息 ${formatCount(t.comments)} 条${replies}。` +
    incidents +
    best +
    peopleText(r.people);
  return textOf(overview, r.observations);
}
