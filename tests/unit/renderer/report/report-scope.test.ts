import { describe, expect, it } from 'vitest';
import {
  defaultPeriod,
  localDay,
  resolveScope,
  roomsOf,
  scopeLabel,
} from '../../../../renderer/src/components/report/reportScope.js';

const shows = [
  { id: 'new', title: '周五专场', roomId: 'r1', roomTitle: '旗舰店' },
  { id: 'mid', title: '周三专场', roomId: 'r2', roomTitle: '' },
  { id: 'old', title: '周一专场', roomId: 'r1', roomTitle: '旗舰店' },
];

describe('which report', () => {
  it('"this show" is the running show, else the newest one', () => {
    expect(resolveScope({ kind: 'current' }, 'mid', shows)).toEqual({
      ok: true,
      scope: { kind: 'show', showId: 'mid' },
    });
    expect(resolveScope({ kind: 'current' }, null, shows)).toEqual({
      ok: true,
      scope: { kind: 'show', showId: 'new' },
    });
    expect(resolveScope({ kind: 'current' }, null, [])).toEqual({
      ok: false,
      problem: 'report.scope.noShow',
    });
  });

  it('a past show must still be listed', () => {
    expect(resolveScope({ kind: 'show', showId: 'old' }, null, shows)).toMatchObject({ ok: true });
    expect(resolveScope({ kind: 'show', showId: 'gone' }, null, shows)).toEqual({
      ok: false,
      problem: 'report.scope.showGone',
    });
  });

  it('a period needs two real days in order', () => {
    const period = { kind: 'period' as const, from: '2026-11-01', to: '2026-11-30', roomId: 'r1' };
    expect(resolveScope(period, null, shows)).toEqual({ ok: true, scope: period });
    expect(resolveScope({ ...period, to: '' }, null, shows)).toEqual({
      ok: false,
      problem: 'report.scope.badDay',
    });
    expect(resolveScope({ ...period, to: '2026-02-30' }, null, shows)).toEqual({
      ok: false,
      problem: 'report.scope.badDay',
    });
    expect(resolveScope({ ...period, from: '2026-12-01' }, null, shows)).toEqual({
      ok: false,
      problem: 'report.scope.fromAfterTo',
    });
    // One day is a period too.
    expect(resolveScope({ ...period, from: '2026-11-30' }, null, shows)).toMatchObject({ ok: true });
  });

  it('the default period is the last seven days, today included', () => {
    const now = new Date(2026, 10, 23, 20, 30).getTime();
    expect(defaultPeriod(now)).toEqual({ from: '2026-11-17', to: '2026-11-23' });
    expect(localDay(new Date(2026, 0, 5).getTime())).toBe('2026-01-05');
    // Across a month end.
    expect(defaultPeriod(new Date(2026, 2, 3).getTime())).toEqual({ from: '2026-02-25', to: '2026-03-03' });
  });

  it('lists each room once, named by its title (or id)', () => {
    expect(roomsOf(shows)).toEqual([
      { id: 'r1', title: '旗舰店' },
      { id: 'r2', title: 'r2' },
    ]);
  });

  it('labels an export by its show or days', () => {
    expect(scopeLabel({ kind: 'show', showId: 'old' }, shows)).toBe('周一专场');
    expect(scopeLabel({ kind: 'show', showId: 'unknown' }, shows)).toBe('unknown');
    expect(scopeLabel({ kind: 'period', from: '2026-11-01', to: '2026-11-07', roomId: null }, shows)).toBe(
      '2026-11-01 – 2026-11-07',
    );
  });
});
