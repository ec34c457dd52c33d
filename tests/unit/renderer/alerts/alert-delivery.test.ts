import { describe, expect, it } from 'vitest';
import { AlertDelivery } from '../../../../renderer/src/components/alerts/alertDelivery.js';
import { alertsState, alertView } from './fixtures.js';

const NONE = new Set<string>();

describe('AlertDelivery', () => {
  it('takes the alerts present at load as the baseline and delivers none of them', () => {
    const delivery = new AlertDelivery();
    expect(delivery.take(alertsState([alertView(3, { severity: 'critical' }), alertView(2)]), NONE)).toEqual(
      [],
    );
    expect(delivery.take(alertsState([alertView(3, { severity: 'critical' })]), NONE)).toEqual([]);
  });

  it('waits for the first state: null is not a baseline', () => {
    const delivery = new AlertDelivery();
    expect(delivery.take(null, NONE)).toEqual([]);
    expect(delivery.take(alertsState([alertView(1)]), NONE)).toEqual([]);
    expect(delivery.take(alertsState([alertView(2), alertView(1)]), NONE).map((a) => a.id)).toEqual([2]);
  });

  it('delivers each new warn/critical alert once, however often it grows', () => {
    const delivery = new AlertDelivery();
    delivery.take(alertsState([]), NONE);
    const first = delivery.take(alertsState([alertView(1, { severity: 'critical' })]), NONE);
    expect(first.map((a) => a.id)).toEqual([1]);
    expect(delivery.take(alertsState([alertView(1, { severity: 'critical', count: 40 })]), NONE)).toEqual([]);
    const both = delivery.take(alertsState([alertView(3), alertView(2), alertView(1)]), NONE);
    expect(both.map((a) => a.id)).toEqual([3, 2]);
  });

  it('skips info alerts, muted rules and alerts already handled', () => {
    const delivery = new AlertDelivery();
    delivery.take(alertsState([]), NONE);
    const fresh = delivery.take(
      alertsState([
        alertView(4, { severity: 'info' }),
        alertView(3, { ruleId: 'muted-rule' }),
        alertView(2, { state: 'snoozed' }),
        alertView(1, { severity: 'critical' }),
      ]),
      new Set(['muted-rule']),
    );
    expect(fresh.map((a) => a.id)).toEqual([1]);
    // Skipped ones are not delivered later either (the id is behind the watermark).
    expect(delivery.take(alertsState([alertView(3, { ruleId: 'muted-rule' })]), NONE)).toEqual([]);
  });
});
