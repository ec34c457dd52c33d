/** A wall-clock time as an <input type="datetime-local"> shows and gives it (the user's zone). */
const pad = (n: number) => String(n).padStart(2, '0');

export function toLocalInput(ts: number | null): string {
  if (ts === null) return '';
  const d = new Date(ts);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** "" → null (cleared); a malformed value → undefined (refused, with a message). */
export function fromLocalInput(value: string): number | null | undefined {
  if (value.trim() === '') return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value.trim());
  if (!match) return undefined;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const date = new Date(y, mo - 1, d, h, mi);
  // new Date() rolls 2026-02-31 over to March: refuse instead.
  if (date.getMonth() !== mo - 1 || date.getDate() !== d || date.getHours() !== h) return undefined;
  return date.getTime();
}

/** The default deadline: two hours before the start (seed 002: 直播前 2 小时完成设备全面检测). */
export const DEFAULT_LEAD_MS = 2 * 60 * 60_000;
