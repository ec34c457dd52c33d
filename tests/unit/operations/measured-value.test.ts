import { describe, expect, it } from 'vitest';
import { inRange, parseMeasured, textMatches } from '../../../electron/core/operations/measured-value.js';

const mic = { kind: 'range' as const, min: -46, max: -34, unit: 'dB' };
const bitrate = { kind: 'range' as const, min: 4000, max: 8000, unit: 'kbps' };
const fps = { kind: 'range' as const, min: 25, max: 60, unit: 'fps' };
const uplink = { kind: 'range' as const, min: 20, max: null, unit: 'Mbps' };

describe('parseMeasured: a value as people type it', () => {
  it.each([
    ['-40', mic, -40],
    ['−40dB', mic, -40], // U+2212 minus, unit glued on
    ['－40 db', mic, -40], // full-width minus, unit in lower case
    ['–30 dB', mic, -30], // en dash
    ['35.5 fps', fps, 35.5],
    ['  25fps ', fps, 25],
    ['4,000', bitrate, 4000],
    ['12,345,678 kbps', bitrate, 12345678],
    ['６０００', bitrate, 6000], // full-width digits
    ['.5', uplink, 0.5],
    ['+50 Mbps', uplink, 50],
    ['30 帧', fps, 30], // a unit in Chinese is a spelling, not another measure
  ])('%s → %d', (text, range, value) => {
    expect(parseMeasured(text, range, '项目')).toBe(value);
  });

  it.each([
    ['abc', mic, /「麦克风灵敏度」的实测值「abc」不是数字.*cannot read a number from "abc" \(expected dB\)/],
    ['', mic, /cannot read a number/],
    ['dB -40', mic, /cannot read a number/],
    ['40 kbps', uplink, /单位「kbps」与 Mbps 不符.*unit "kbps" does not match Mbps/],
    ['-40 Hz', mic, /unit "Hz" does not match dB/],
  ])('refuses %j with a message naming the problem', (text, range, message) => {
    expect(() => parseMeasured(text, range, '麦克风灵敏度')).toThrow(message);
  });

  it('judges a range inclusively, with open ends', () => {
    expect([-46, -40, -34].every((v) => inRange(v, mic))).toBe(true);
    expect(inRange(-30, mic)).toBe(false);
    expect(inRange(-46.1, mic)).toBe(false);
    expect(inRange(1000, uplink)).toBe(true);
    expect(inRange(19.9, uplink)).toBe(false);
  });

  it('compares text case- and space-insensitively', () => {
    expect(textMatches('1080p', '1080P')).toBe(true);
    expect(textMatches(' 1080 P ', '1080P')).toBe(true);
    expect(textMatches('１０８０Ｐ', '1080P')).toBe(true);
    expect(textMatches('720P', '1080P')).toBe(false);
  });
});
