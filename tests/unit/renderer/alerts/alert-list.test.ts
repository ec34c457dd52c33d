import { describe, expect, it } from 'vitest';
import {
  headlineAlert,
  resolveSelected,
  visibleAlerts,
  withAlertView,
} from '../../../../renderer/src/components/alerts/alertList.js';
import { alertsState, alertView } from './fixtures.js';

describe('alert list helpers', () => {
  const recent = [
    alertView(5, { severity: 'warn' }),
    alertView(4, { severity: 'critical', state: 'acked' }),
    alertView(3, { severity: 'critical' }),
    alertView(2, { severity: 'info' }),
    alertView(1, { severity: 'critical', ruleId: 'muted' }),
  ];

  it('headlines the newest open critical alert before a newer warning; never a muted rule', () => {
    expect(headlineAlert(recent, new Set())?.id).toBe(3);
    expect(
      headlineAlert(
        recent.filter((a) => a.id !== 3),
        new Set(['muted']),
      )?.id,
    ).toBe(5);
    expect(headlineAlert([alertView(2, { severity: 'info' })], new Set())).toBeNull();
  });

  it('filters by state and severity', () => {
    expect(visibleAlerts(recent, 'open', 'any').map((a) => a.id)).toEqual([5, 3, 2, 1]);
    expect(visibleAlerts(recent, 'all', 'critical').map((a) => a.id)).toEqual([4, 3, 1]);
    expect(visibleAlerts(recent, 'open', 'critical').map((a) => a.id)).toEqual([3, 1]);
  });

  it('merges an acknowledged alert and moves only its open count', () => {
    const state = { ...alertsState(recent), open: { info: 1, warn: 3, critical: 7 } };
    const next = withAlertView(
      state,
      alertView(3, { severity: 'critical', state: 'acked', ackedBy: '小王' }),
    );
    expect(next.open).toEqual({ info: 1, warn: 3, critical: 6 });
    expect(next.recent.find((a) => a.id === 3)?.ackedBy).toBe('小王');
    expect(withAlertView(state, alertView(99))).toBe(state);
  });

  it('keeps the selection while listed, else the first', () => {
    expect(resolveSelected(recent, 3)?.id).toBe(3);
    expect(resolveSelected(recent, 42)?.id).toBe(5);
    expect(resolveSelected([], 3)).toBeNull();
  });
});
