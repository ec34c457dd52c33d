/**
 * A measured value as people type it ("-40", "−40dB", "35.5 fps", "4,000", "２０Ｍbps") read as a
 * number for a range item, and the text comparison of a text item ("1080p" = "1080P").
 */
import type { ChecklistExpectation } from '../../../shared/api/operations.js';
import { OperationsError } from './errors.js';

type Range = Extract<ChecklistExpectation, { kind: 'range' }>;

const NUMBER_START = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(.*)$/su;
const LATIN = /[a-z]/iu;

/** The number in `text`, or an OperationsError naming what could not be read. */
export function parseMeasured(text: string, range: Range, label: string): number {
  const cleaned = text
    .normalize('NFKC') // full-width digits and letters
    .replace(/[\u2212\u2012\u2013\u2014\uFE63\uFF0D]/gu, '-') // − – — ﹣ －
    .replace(/(\d)[,，](?=\d{3}(?:\D|$))/gu, '$1') // thousands separators
    .trim();
  const match = NUMBER_START.exec(cleaned);
  const value = match ? Number(match[1]) : Number.NaN;
  const unitWanted = range.unit.trim().toLowerCase();
  const rest = (match?.[2] ?? '').trim().toLowerCase();
  if (!match || !Number.isFinite(value)) {
    throw new OperationsError(
      `「${label}」的实测值「${text}」不是数字（单位 ${range.unit}）`,
      `"${label}": cannot read a number from "${text}" (expected ${range.unit || 'a number'})`,
    );
  }
  // "40 kbps" for a Mbps item is a different measure, not a lenient spelling: refuse it.
  if (rest !== '' && rest !== unitWanted && LATIN.test(rest)) {
    throw new OperationsError(
      `「${label}」的单位「${match[2]!.trim()}」与 ${range.unit} 不符`,
      `"${label}": unit "${match[2]!.trim()}" does not match ${range.unit}`,
    );
  }
  return value;
}

export function inRange(value: number, range: Range): boolean {
  return (range.min === null || value >= range.min) && (range.max === null || value <= range.max);
}

/** Case- and space-insensitive: "1080 p" matches "1080P". */
export function textMatches(measured: string, expected: string): boolean {
  const key = (s: string) => s.normalize('NFKC').replace(/\s+/gu, '').toLowerCase();
  return key(measured) === key(expected);
}
