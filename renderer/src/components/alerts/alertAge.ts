import type { MessageKey } from '../../../../shared/i18n/messages.js';

export interface AgeText {
  key: MessageKey;
  vars: Record<string, number>;
}

/** "12 秒前" / "3 分钟前" / "1 小时 5 分前": coarse on purpose, it ticks once a second. */
export function alertAge(ms: number): AgeText {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return { key: 'alerts.age.seconds', vars: { n: s } };
  const m = Math.floor(s / 60);
  if (m < 60) return { key: 'alerts.age.minutes', vars: { n: m } };
  return { key: 'alerts.age.hours', vars: { h: Math.floor(m / 60), m: m % 60 } };
}
