/**
 * What an alert says, with its numbers, in Chinese (the controller's language; the hint and the
 * rule name are the user's own words). Plain functions so tests can read the exact text.
 */
import { hottest } from './alert-tracker.js';

/** 1234567 → "1,234,567". */
export function count(n: number): string {
  const sign = n < 0 ? '-' : '';
  return sign + String(Math.round(Math.abs(n))).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function pct(fraction: number, digits = 0): string {
  return `${(fraction * 100).toFixed(digits)}%`;
}

/** Cents → "¥1,234" (or "¥12.50" under ¥100). */
export function money(cents: number): string {
  const yuan = cents / 100;
  return Math.abs(yuan) < 100 ? `¥${yuan.toFixed(2)}` : `¥${count(yuan)}`;
}

/** 60 → "60 秒" (as the controller says it), 600 → "10 分钟", 5400 → "1.5 小时". */
export function span(seconds: number): string {
  if (seconds < 120 || seconds % 60 !== 0) return `${count(seconds)} 秒`;
  const minutes = seconds / 60;
  if (minutes < 60 || minutes % 30 !== 0) return `${count(minutes)} 分钟`;
  return `${minutes / 60} 小时`;
}

function hotText(hot: ReadonlyMap<string, number>): string {
  const top = hottest(hot);
  return top === null ? '' : `，热词「${top}」×${count(hot.get(top) ?? 0)}`;
}

export function keywordRaiseMessage(
  windowSec: number,
  comments: number,
  viewers: number,
  hot: ReadonlyMap<string, number>,
): string {
  return `${span(windowSec)}内 ${count(comments)} 条相关评论，来自 ${count(viewers)} 位观众${hotText(hot)}`;
}

export function keywordGrowMessage(
  comments: number,
  viewers: number,
  hot: ReadonlyMap<string, number>,
): string {
  return `累计 ${count(comments)} 条相关评论，来自 ${count(viewers)} 位观众${hotText(hot)}`;
}
