/**
 * Times in the report's text are the machine's local time (the team reads 20:10, not UTC), and a
 * period's days are local days: [from 00:00, the day after `to` 00:00).
 */
const pad = (n: number) => String(n).padStart(2, '0');

/** 20:10 */
export function hhmm(ts: number): string {
  const d = new Date(ts);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** 2026年11月23日 */
export function dateZh(ts: number): string {
  const d = new Date(ts);
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`;
}

/** 2026-11-23 */
export function isoDay(ts: number): string {
  const d = new Date(ts);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Local midnight starting `from` and the local midnight after `to` (exclusive); DST-safe. */
export function dayRange(from: string, to: string): { start: number; end: number } {
  const start = new Date(`${from}T00:00:00`).getTime();
  const end = new Date(`${to}T00:00:00`);
  end.setDate(end.getDate() + 1);
  return { start, end: end.getTime() };
}

/** 2小时5分钟 / 45分钟 / 30秒 (to the nearest minute: 59:59.9 of stats is an hour's show). */
export function durationZh(ms: number): string {
  const totalMin = Math.round(Math.max(0, ms) / 60_000);
  if (totalMin === 0) return `${Math.round(Math.max(0, ms) / 1000)}秒`;
  const h = Math.floor(totalMin / 60);
  const m = totalMin % 60;
  if (h === 0) return `${m}分钟`;
  return m === 0 ? `${h}小时` : `${h}小时${m}分钟`;
}

/** "20:10–20:25", with the date of the end when it falls on another day. */
export function spanText(start: number, end: number): string {
  return isoDay(start) === isoDay(end)
    ? `${hhmm(start)}–${hhmm(end)}`
    : `${hhmm(start)}–${dateZh(end)} ${hhmm(end)}`;
}
