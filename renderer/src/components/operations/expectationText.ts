/** An item's expectation and failure reason in words ("−46…−34 dB", "超出范围 −46…−34 dB"). */
import type { ChecklistExpectation, ChecklistItemStatus } from '../../../../shared/api/operations.js';
import type { Translate } from '../../i18n/useI18n.js';
import { checkMeasured, formatBound, type RangeExpectation } from './checklistRange.js';

export function rangeText(t: Translate, range: RangeExpectation): string {
  const vars = {
    min: range.min === null ? '' : formatBound(range.min),
    max: range.max === null ? '' : formatBound(range.max),
    unit: range.unit,
  };
  const key =
    range.min !== null && range.max !== null
      ? 'ops.range.between'
      : range.min !== null
        ? 'ops.range.atLeast'
        : 'ops.range.atMost';
  return t(key, vars).trim();
}

export function expectationText(t: Translate, expected: ChecklistExpectation): string {
  if (expected.kind === 'range') return rangeText(t, expected);
  if (expected.kind === 'text') return expected.value;
  return t('ops.item.tick');
}

/** Why a failed item failed, when its value says so; null for a failure the user marked. */
export function failureReason(
  t: Translate,
  expected: ChecklistExpectation,
  status: ChecklistItemStatus,
  measured: string | null,
): string | null {
  if (status !== 'fail') return null;
  const check = checkMeasured(expected, measured);
  if (check.kind === 'out' && expected.kind === 'range')
    return t('ops.item.outOfRange', { range: rangeText(t, expected) });
  if (check.kind === 'mismatch' && expected.kind === 'text')
    return t('ops.item.mismatch', { value: expected.value });
  return null;
}
