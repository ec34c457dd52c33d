import { describe, expect, it } from 'vitest';
import {
  change,
  count,
  datetime,
  decimal,
  duration,
  formatDuration,
  formatValue,
  money,
  percent,
  text,
  time,
} from '../../../electron/core/report/formats/values.js';
import {
  excelSerial,
  msFromExcelSerial,
  toExcel,
} from '../../../electron/core/report/formats/xlsx-values.js';

describe('report values', () => {
  it('say durations the way a work summary does', () => {
    expect(formatDuration(3 * 3600_000 + 12 * 60_000)).toBe('3小时12分');
    expect(formatDuration(3 * 3600_000)).toBe('3小时');
    expect(formatDuration(12 * 60_000 + 5_000)).toBe('12分5秒');
    expect(formatDuration(25_000)).toBe('25秒');
    expect(formatDuration(4_200)).toBe('4.2秒');
    expect(formatDuration(0)).toBe('0秒');
  });

  it('format each kind, and unknown / NaN / Infinity as "—"', () => {
    const at = new Date(2026, 10, 11, 20, 5).getTime();
    expect(formatValue(money(186_342_050))).toBe('¥186.34万');
    expect(formatValue(percent(0.0632))).toBe('6.32%');
    expect(formatValue(change(-0.082))).toBe('−8.2%');
    expect(formatValue(count(128_460))).toBe('12.85万');
    expect(formatValue(decimal(478.96))).toBe('479.0');
    expect(formatValue(decimal(1512.46))).toBe('1,512.5');
    expect(formatValue(time(at))).toBe('20:05');
    expect(formatValue(datetime(at))).toBe('2026-11-11 20:05');
    expect(formatValue(text(null))).toBe('');
    for (const bad of [null, undefined, NaN, Infinity, -Infinity]) {
      for (const make of [money, percent, change, count, decimal, duration, time, datetime]) {
        expect(formatValue(make(bad))).toBe('—');
        expect(toExcel(make(bad)).value).toBe('—');
      }
    }
  });

  it('write numbers to Excel as numbers with a format, moments as local serials', () => {
    expect(toExcel(money(186_342_050))).toEqual({ value: 1_863_420.5, numFmt: '"¥"#,##0.00' });
    expect(toExcel(percent(0.0632))).toEqual({ value: 0.0632, numFmt: '0.00%' });
    expect(toExcel(duration(86_400_000 / 2)).value).toBe(0.5);
    const at = new Date(2026, 10, 11, 20, 5).getTime();
    // 2026-11-11 20:05 local, whatever the time zone: the serial is that wall-clock time.
    expect(excelSerial(at)).toBeCloseTo(46_337 + (20 * 60 + 5) / 1440, 9);
    expect(msFromExcelSerial(excelSerial(at))).toBe(at);
    expect(toExcel(text('=1+1')).value).toBe("'=1+1");
  });
});
