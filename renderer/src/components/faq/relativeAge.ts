/** How long ago something happened, in the coarsest unit that is still useful ("5 分钟前"). */
export type RelativeAge =
  { unit: 'never' } | { unit: 'now' } | { unit: 'minutes' | 'hours' | 'days'; n: number };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export function relativeAge(now: number, ts: number | null): RelativeAge {
  if (ts === null) return { unit: 'never' };
  const age = Math.max(0, now - ts);
  if (age < MINUTE) return { unit: 'now' };
  if (age < HOUR) return { unit: 'minutes', n: Math.floor(age / MINUTE) };
  if (age < DAY) return { unit: 'hours', n: Math.floor(age / HOUR) };
  return { unit: 'days', n: Math.floor(age / DAY) };
}
