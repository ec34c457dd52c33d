const pad2 = (n: number) => String(n).padStart(2, '0');

/** ms since epoch → local "HH:MM:SS" ("--:--:--" for a time that cannot be shown). */
export function formatTimeOfDay(ts: number): string {
  const date = new Date(ts);
  if (Number.isNaN(date.getTime())) return '--:--:--';
  return `${pad2(date.getHours())}:${pad2(date.getMinutes())}:${pad2(date.getSeconds())}`;
}
