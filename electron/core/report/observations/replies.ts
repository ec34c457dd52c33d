/**
 * Replies below the seed's targets (seed 002: answer within 30 s, resolve 92 %; 90 % within 30 s
 * is the bar for "most"): the figures, the slowest question group, and the questions most left
 * unanswered, for which FAQ entries should be written.
 */
import type { Observation, PeriodReport } from '../../../../shared/api/report.js';
import type { ReplyKpis } from '../../../../shared/api/replies.js';
import { formatCount, formatPercent, formatSeconds } from '../../../../shared/format.js';
import type { SlowGroup } from '../reply-figures.js';

export const WITHIN_30S_TARGET = 0.9;
export const RESOLUTION_TARGET = 0.92;
const TOP_UNANSWERED = 3;

const seconds = (ms: number | null) => formatSeconds(ms === null ? null : ms / 1000);
const below = (rate: number | null, target: number) => rate !== null && rate < target;

function figures(r: {
  questions: number;
  within30sRate: number | null;
  resolutionRate: number | null;
  medianResponseMs: number | null;
}): string {
  return (
    `共 ${formatCount(r.questions)} 个问题，30 秒内回复率 ${formatPercent(r.within30sRate, 1)}（目标 90%），` +
    `解决率 ${formatPercent(r.resolutionRate, 1)}（目标 92%），回复用时中位数 ${seconds(r.medianResponseMs)}`
  );
}

export function replyObservations(replies: ReplyKpis, slowest: SlowGroup | null): Observation[] {
  if (replies.questions === 0) return [];
  if (!below(replies.within30sRate, WITHIN_30S_TARGET) && !below(replies.resolutionRate, RESOLUTION_TARGET))
    return [];
  const slow = slowest
    ? `；回复最慢的是「${slowest.text}」（${formatCount(slowest.answered)} 个，平均 ${seconds(slowest.meanResponseMs)}）`
    : '';
  const unanswered = [...replies.unanswered].sort((a, b) => b.count - a.count).slice(0, TOP_UNANSWERED);
  const improvement =
    unanswered.length > 0
      ? `为未回复最多的问题补充 FAQ 话术并设置快捷键：${unanswered.map((u) => `「${u.text}」（${formatCount(u.count)} 个未回复）`).join('、')}`
      : slowest
        ? `为「${slowest.text}」补充或优化 FAQ 话术并设置快捷键，缩短回复用时`
        : '高峰时段增加助播回复人手，常见问题提前写入 FAQ 话术库';
  return [{ kind: 'slow-replies', problem: `问题回复未达标：${figures(replies)}${slow}`, improvement }];
}

/** The same bar over a period's questions (no group detail across shows). */
export function periodReplyObservations(replies: PeriodReport['replies']): Observation[] {
  if (replies.questions === 0) return [];
  if (!below(replies.within30sRate, WITHIN_30S_TARGET) && !below(replies.resolutionRate, RESOLUTION_TARGET))
    return [];
  return [
    {
      kind: 'slow-replies',
      problem: `本期问题回复未达标：${figures(replies)}`,
      improvement: '按场次复盘回复最慢、未解决最多的问题，补充 FAQ 话术并设置快捷键；高峰时段增加回复人手',
    },
  ];
}
