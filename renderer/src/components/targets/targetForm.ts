/**
 * The targets form: what the user types (yuan, whole numbers, minutes) ⇄ ShowTargets (cents,
 * counts). An empty field means "no target".
 */
import type { MessageKey } from '../../../../shared/i18n/messages.js';
import type { ShowTargets } from '../../../../shared/metrics/targets.js';

export interface TargetFormValues {
  gmv: string;
  peakOnline: string;
  newFollowers: string;
  plannedMinutes: string;
}

export type TargetField = keyof TargetFormValues;
export type TargetFormErrors = Partial<Record<TargetField, MessageKey>>;

const MAX_MINUTES = 24 * 60;

/** Cents → yuan as typed: 1000000 → "10000", 12345 → "123.45". */
export function centsToYuanText(cents: number | null): string {
  if (cents === null) return '';
  const yuan = (cents / 100).toFixed(2);
  return yuan.replace(/\.00$/, '').replace(/(\.\d)0$/, '$1');
}

export function formFromTargets(targets: ShowTargets): TargetFormValues {
  const count = (value: number | null) => (value === null ? '' : String(value));
  return {
    gmv: centsToYuanText(targets.gmv),
    peakOnline: count(targets.peakOnline),
    newFollowers: count(targets.newFollowers),
    plannedMinutes: count(targets.plannedMinutes),
  };
}

/** Thousands separators and full-width digits are common in pasted figures; accept them. */
function clean(text: string): string {
  return text
    .trim()
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[,，\s]/g, '')
    .replace(/^[¥￥]/, '');
}

/** Yuan with at most two decimals → cents; null for empty; undefined when invalid. */
export function parseYuan(text: string): number | null | undefined {
  const value = clean(text);
  if (value === '') return null;
  if (!/^\d+(\.\d{1,2})?$/.test(value)) return undefined;
  const cents = Math.round(Number(value) * 100);
  return cents > 0 && Number.isSafeInteger(cents) ? cents : undefined;
}

function parseWhole(text: string, max = Number.MAX_SAFE_INTEGER): number | null | undefined {
  const value = clean(text);
  if (value === '') return null;
  if (!/^\d+$/.test(value)) return undefined;
  const n = Number(value);
  return n >= 1 && n <= max ? n : undefined;
}

export function parseTargetForm(
  values: TargetFormValues,
): { ok: true; targets: ShowTargets } | { ok: false; errors: TargetFormErrors } {
  const gmv = parseYuan(values.gmv);
  const peakOnline = parseWhole(values.peakOnline);
  const newFollowers = parseWhole(values.newFollowers);
  const plannedMinutes = parseWhole(values.plannedMinutes, MAX_MINUTES);
  const errors: TargetFormErrors = {};
  if (gmv === undefined) errors.gmv = 'targets.error.money';
  if (peakOnline === undefined) errors.peakOnline = 'targets.error.count';
  if (newFollowers === undefined) errors.newFollowers = 'targets.error.count';
  if (plannedMinutes === undefined) errors.plannedMinutes = 'targets.error.minutes';
  if (
    gmv === undefined ||
    peakOnline === undefined ||
    newFollowers === undefined ||
    plannedMinutes === undefined
  ) {
    return { ok: false, errors };
  }
  return { ok: true, targets: { gmv, peakOnline, newFollowers, plannedMinutes } };
}
