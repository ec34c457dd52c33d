/**
 * Typed values as Excel cells: numbers stay numbers with a number format (money in yuan with
 * ¥ and 2 decimals, fractions with %, durations as [h]:mm:ss), moments as Excel date serials in
 * local time (Excel dates have no time zone: the wall clock the team read is what is stored);
 * text neutralised against formula injection. Unknown is "—", as in the other formats.
 */
import { NO_DATA } from '../../../../shared/format.js';
import { neutraliseCell } from './cells.js';
import type { Value } from './values.js';

export const NUM_FMT = {
  money: '"¥"#,##0.00',
  percent: '0.00%',
  change: '+0.0%;-0.0%;0.0%',
  count: '#,##0',
  duration: '[h]:mm:ss',
  time: 'hh:mm',
  minute: 'yyyy-mm-dd hh:mm',
  second: 'yyyy-mm-dd hh:mm:ss',
} as const;

export interface ExcelCell {
  value: string | number;
  numFmt?: string;
}

const DAY_MS = 86_400_000;
/** 1970-01-01 as an Excel (1900 system) serial. */
const EPOCH_SERIAL = 25_569;

/** ms since epoch → the Excel serial of the same local wall-clock moment. */
export function excelSerial(ms: number): number {
  const offset = new Date(ms).getTimezoneOffset() * 60_000;
  return (ms - offset) / DAY_MS + EPOCH_SERIAL;
}

/** The inverse (for reading files back): an Excel serial of local wall-clock time → ms since epoch. */
export function msFromExcelSerial(serial: number): number {
  const wall = (serial - EPOCH_SERIAL) * DAY_MS;
  return wall + new Date(wall).getTimezoneOffset() * 60_000;
}

export const durationDays = (ms: number) => ms / DAY_MS;

/**
 * excelSerial for rows in time order, fast: the local offset is looked up once per minute (a
 * zone's offset only changes on a minute boundary), not per row.
 */
export function serialFormatter(): (ms: number) => number {
  let minuteStart = NaN;
  let offset = 0;
  return (ms) => {
    const minute = Math.floor(ms / 60_000) * 60_000;
    if (minute !== minuteStart) {
      minuteStart = minute;
      offset = new Date(minute).getTimezoneOffset() * 60_000;
    }
    return (ms - offset) / DAY_MS + EPOCH_SERIAL;
  };
}

/**
 * Text for a cell: neutralised, line breaks as LF — what Excel uses inside a cell; XML would
 * fold a raw CR into LF on reading anyway.
 */
export function excelText(text: string): ExcelCell {
  return { value: excelString(text) };
}

/** excelText's string, without the wrapper (the million-row sheets). */
export function excelString(text: string): string {
  const safe = neutraliseCell(text);
  return safe.includes('\r') ? safe.replace(/\r\n?/gu, '\n') : safe;
}

export function toExcel(v: Value): ExcelCell {
  if (v.kind === 'text') return excelText(v.value);
  if (v.value === null) return { value: NO_DATA };
  switch (v.kind) {
    case 'money':
      return { value: Math.round(v.value) / 100, numFmt: NUM_FMT.money };
    case 'percent':
      return { value: v.value, numFmt: NUM_FMT.percent };
    case 'change':
      return { value: v.value, numFmt: NUM_FMT.change };
    case 'count':
      return { value: v.value, numFmt: NUM_FMT.count };
    case 'number':
      return { value: v.value, numFmt: v.digits > 0 ? `0.${'0'.repeat(v.digits)}` : '0' };
    case 'duration':
      return { value: durationDays(v.value), numFmt: NUM_FMT.duration };
    case 'time':
      return { value: excelSerial(v.value), numFmt: NUM_FMT.time };
    case 'datetime':
      return { value: excelSerial(v.value), numFmt: NUM_FMT.minute };
  }
}
