/**
 * What each metric is: how its "change vs 5 min ago" is read and how it is shown.
 * Labels and definitions are i18n keys (shared/i18n); the formula text is for tooltips.
 */
import type { MetricKey } from './formulas.js';

/**
 * gauge   — a level now (online): change = now vs the value 5 min ago;
 * counter — cumulative (gmv): change = increase in the last 5 min vs the 5 min before;
 * rate    — a ratio (conversion): change = the rate over the last 5 min vs the 5 min before;
 * share   — a distribution (traffic sources): no single change figure.
 */
export type MetricKind = 'gauge' | 'counter' | 'rate' | 'share';
export type MetricUnit = 'count' | 'fraction' | 'cents' | 'seconds' | 'shares';

export interface MetricDefinition {
  key: MetricKey;
  kind: MetricKind;
  unit: MetricUnit;
  /** Formula as the user reads it (Chinese names, as in DOMAIN.md). */
  formula: string;
}

export const METRIC_DEFINITIONS: readonly MetricDefinition[] = [
  { key: 'online', kind: 'gauge', unit: 'count', formula: '当前同时在线观众数（数据源推送）' },
  { key: 'peakOnline', kind: 'gauge', unit: 'count', formula: 'max(在线人数)，本场' },
  { key: 'gmv', kind: 'counter', unit: 'cents', formula: '本场累计成交金额' },
  { key: 'orders', kind: 'counter', unit: 'count', formula: '本场累计订单数' },
  { key: 'buyers', kind: 'counter', unit: 'count', formula: '本场累计成交人数' },
  { key: 'conversionRate', kind: 'rate', unit: 'fraction', formula: '成交人数 ÷ 观看人数' },
  { key: 'aov', kind: 'rate', unit: 'cents', formula: '成交金额 ÷ 成交人数' },
  { key: 'gpm', kind: 'rate', unit: 'cents', formula: '成交金额 × 1000 ÷ 场观' },
  { key: 'uvValue', kind: 'rate', unit: 'cents', formula: '成交金额 ÷ 观看人数' },
  { key: 'interactionRate', kind: 'rate', unit: 'fraction', formula: '互动人数（评论/点赞/分享）÷ 观看人数' },
  { key: 'retention1m', kind: 'rate', unit: 'fraction', formula: '停留≥60秒的进场人次 ÷ 场观' },
  { key: 'productCtr', kind: 'rate', unit: 'fraction', formula: '商品点击次数 ÷ 商品曝光次数' },
  { key: 'clickToPay', kind: 'rate', unit: 'fraction', formula: '成交人数 ÷ 点击商品人数' },
  { key: 'followRate', kind: 'rate', unit: 'fraction', formula: '新增粉丝 ÷ 观看人数' },
  { key: 'pv', kind: 'counter', unit: 'count', formula: '累计进场人次' },
  { key: 'uv', kind: 'counter', unit: 'count', formula: '累计去重观众数' },
  { key: 'avgWatchSec', kind: 'gauge', unit: 'seconds', formula: '总观看时长 ÷ 观看人数（数据源推送）' },
  { key: 'newFollowers', kind: 'counter', unit: 'count', formula: '本场新增关注' },
  { key: 'fanClubJoins', kind: 'counter', unit: 'count', formula: '本场新加入粉丝团' },
  { key: 'likes', kind: 'counter', unit: 'count', formula: '本场累计点赞' },
  { key: 'comments', kind: 'counter', unit: 'count', formula: '本场累计评论' },
  { key: 'shares', kind: 'counter', unit: 'count', formula: '本场累计分享' },
  { key: 'trafficShare', kind: 'share', unit: 'shares', formula: '某来源观看人数 ÷ 观看人数' },
  { key: 'returnRate', kind: 'rate', unit: 'fraction', formula: '退款金额 ÷ 成交金额（播后导入）' },
];

export const METRIC_KEYS: readonly MetricKey[] = METRIC_DEFINITIONS.map((d) => d.key);

/** Traffic sources (千川 / 罗盘 naming, DOMAIN.md). */
export const TRAFFIC_SOURCES = [
  'homepage_hot',
  'live_merge',
  'homepage_fresh',
  'homepage_follow',
  'video_to_live',
  'general_search',
  'others_homepage',
  'douyin_shopping_center',
  'paid',
  'other',
] as const;
export type TrafficSource = (typeof TRAFFIC_SOURCES)[number];
