/**
 * What a typed measured value means against an item's expectation, decided in the page so a
 * failed row turns red the moment Enter is pressed. The core reads and judges it the same way
 * (electron/core/operations/measured-value.ts) and its answer replaces this guess.
 */
import type { ChecklistExpectation, ChecklistItemStatus } from '../../../../shared/api/operations.js';

export type RangeExpectation = Extract<ChecklistExpectation, { kind: 'range' }>;

export type MeasuredCheck =
  | { kind: 'empty' }
  | { kind: 'in' }
  | { kind: 'out' }
  | { kind: 'notNumber' }
  | { kind: 'match' }
  | { kind: 'mismatch' }
  /** A tick item has no value to check. */
  | { kind: 'none' };

const NUMBER_START = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(.*)$/su;
const LATIN = /[a-z]/iu;

/**
 * "−40", "-40 dB", "35.5fps", "4,000", "２０Ｍbps" → the number; null when there is none, or when
 * it is followed by a different latin unit ("40 kbps" for a Mbps item is another measure).
 */
export function parseMeasured(raw: string, unit: string): number | null {
  const cleaned = raw
    .normalize('NFKC')
    .replace(/[\u2212\u2012\u2013\u2014\uFE63\uFF0D]/gu, '-')
    .replace(/(\d)[,，](?=\d{3}(?:\D|$))/gu, '$1')
    .trim();
  const match = NUMBER_START.exec(cleaned);
  if (!match) return null;
  const value = Number(match[1]);
  const rest = (match[2] ?? '').trim().toLowerCase();
  if (!Number.isFinite(value)) return null;
  if (rest !== '' && rest !== unit.trim().toLowerCase() && LATIN.test(rest)) return null;
  return value;
}

function sameText(a: string, b: string): boolean {
  const fold = (s: string) => s.normalize('NFKC').replace(/\s+/gu, '').toLowerCase();
  return fold(a) === fold(b);
}

export function checkMeasured(expected: ChecklistExpectation, raw: string | null): MeasuredCheck {
  if (expected.kind === 'check') return { kind: 'none' };
  if (raw === null || raw.trim() === '') return { kind: 'empty' };
  if (expected.kind === 'text')
    return sameText(raw, expected.value) ? { kind: 'match' } : { kind: 'mismatch' };
  const value = parseMeasured(raw, expected.unit);
  if (value === null) return { kind: 'notNumber' };
  const below = expected.min !== null && value < expected.min;
  const above = expected.max !== null && value > expected.max;
  return below || above ? { kind: 'out' } : { kind: 'in' };
}

/**
 * The status a new measured value gives the item (as the core judges it): out of range fails,
 * in range or the expected text passes, clearing a value that failed it reopens it; an item
 * marked n.a. stays n.a.
 */
export function statusAfterMeasured(
  item: { expected: ChecklistExpectation; status: ChecklistItemStatus; autoFailed: boolean },
  check: MeasuredCheck,
): ChecklistItemStatus {
  if (item.status === 'na') return 'na';
  if (check.kind === 'out') return 'fail';
  if (check.kind === 'in' || check.kind === 'match') return 'pass';
  if (check.kind === 'empty' && item.autoFailed) return 'open';
  return item.status;
}

/** −46 with a real minus sign (easier to read than a hyphen next to "…"). */
export function formatBound(value: number): string {
  const text = String(Math.abs(value));
  return value < 0 ? `−${text}` : text;
}

/** A value for the placeholder / the "e.g." of an error: the middle of the range. */
export function exampleValue(range: RangeExpectation): string {
  if (range.min !== null && range.max !== null) return formatBound((range.min + range.max) / 2);
  return formatBound(range.min ?? range.max ?? 0);
}
