import { describe, expect, it } from 'vitest';
import type { ChecklistExpectation } from '../../../../shared/api/operations.js';
import {
  checkMeasured,
  exampleValue,
  formatBound,
  parseMeasured,
  statusAfterMeasured,
} from '../../../../renderer/src/components/operations/checklistRange.js';

const mic: ChecklistExpectation = { kind: 'range', min: -46, max: -34, unit: 'dB' };
const uplink: ChecklistExpectation = { kind: 'range', min: 20, max: null, unit: 'Mbps' };

describe('measured values', () => {
  it('reads numbers as people type them', () => {
    expect(parseMeasured('-40', 'dB')).toBe(-40);
    expect(parseMeasured('−40dB', 'dB')).toBe(-40);
    expect(parseMeasured(' －40 dB ', 'dB')).toBe(-40);
    expect(parseMeasured('４０Ｍbps', 'Mbps')).toBe(40);
    expect(parseMeasured('4,000', '')).toBe(4000);
    expect(parseMeasured('35.5 fps', 'fps')).toBe(35.5);
    expect(parseMeasured('.5', '')).toBe(0.5);
    // A Chinese word after the number is a comment, not another unit.
    expect(parseMeasured('30 左右', 'Mbps')).toBe(30);
  });

  it('refuses what is not a number, or a number in another latin unit', () => {
    expect(parseMeasured('good', 'dB')).toBeNull();
    expect(parseMeasured('', 'dB')).toBeNull();
    expect(parseMeasured('40 kbps', 'Mbps')).toBeNull();
    expect(parseMeasured('1e3', '')).toBeNull();
  });

  it('judges a value against its range, a text against its value', () => {
    expect(checkMeasured(mic, '-40')).toEqual({ kind: 'in' });
    expect(checkMeasured(mic, '-46')).toEqual({ kind: 'in' });
    expect(checkMeasured(mic, '-30')).toEqual({ kind: 'out' });
    expect(checkMeasured(mic, '-50 dB')).toEqual({ kind: 'out' });
    expect(checkMeasured(mic, 'loud')).toEqual({ kind: 'notNumber' });
    expect(checkMeasured(mic, '  ')).toEqual({ kind: 'empty' });
    expect(checkMeasured(uplink, '19.9')).toEqual({ kind: 'out' });
    expect(checkMeasured(uplink, '500')).toEqual({ kind: 'in' });
    expect(checkMeasured({ kind: 'text', value: '1080P' }, '1080 p')).toEqual({ kind: 'match' });
    expect(checkMeasured({ kind: 'text', value: '1080P' }, '720P')).toEqual({ kind: 'mismatch' });
    expect(checkMeasured({ kind: 'check' }, 'x')).toEqual({ kind: 'none' });
  });

  it('gives the status the core gives: out fails, in passes, n.a. stays, a cleared failure reopens', () => {
    const item = (status: 'open' | 'pass' | 'fail' | 'na', autoFailed = false) => ({
      expected: mic,
      status,
      autoFailed,
    });
    expect(statusAfterMeasured(item('open'), { kind: 'out' })).toBe('fail');
    expect(statusAfterMeasured(item('pass'), { kind: 'out' })).toBe('fail');
    expect(statusAfterMeasured(item('fail', true), { kind: 'in' })).toBe('pass');
    expect(statusAfterMeasured(item('na'), { kind: 'out' })).toBe('na');
    expect(statusAfterMeasured(item('fail', true), { kind: 'empty' })).toBe('open');
    expect(statusAfterMeasured(item('fail'), { kind: 'empty' })).toBe('fail');
    expect(statusAfterMeasured(item('open'), { kind: 'mismatch' })).toBe('open');
  });

  it('writes bounds with a real minus sign and suggests a value in the middle', () => {
    expect(formatBound(-46)).toBe('−46');
    expect(formatBound(0.5)).toBe('0.5');
    expect(exampleValue({ kind: 'range', min: -46, max: -34, unit: 'dB' })).toBe('−40');
    expect(exampleValue({ kind: 'range', min: 20, max: null, unit: 'Mbps' })).toBe('20');
  });
});
