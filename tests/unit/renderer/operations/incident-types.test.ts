import { describe, expect, it } from 'vitest';
import { INCIDENT_TYPES } from '../../../../shared/api/operations.js';
import { messagesFor } from '../../../../shared/i18n/messages.js';
import {
  INCIDENT_TYPE_KEY,
  incidentTypeForAlert,
  severityForAlert,
  typeDigit,
  typeOfDigit,
} from '../../../../renderer/src/components/operations/incidentTypes.js';

describe('incident types', () => {
  it('guesses the type from the alert rule (the shipped ones and look-alikes)', () => {
    const typeOf = (ruleId: string) => incidentTypeForAlert({ ruleId });
    expect(typeOf('stream-fault')).toBe('stream_stutter');
    expect(typeOf('complaint-fraud')).toBe('negative_sentiment');
    expect(typeOf('stock-colour-size')).toBe('out_of_stock');
    expect(typeOf('stock-general')).toBe('out_of_stock');
    expect(typeOf('price-coupon')).toBe('price_link_error');
    expect(typeOf('link-questions')).toBe('price_link_error');
    expect(typeOf('feed-silence')).toBe('network_down');
    expect(typeOf('feed-gap')).toBe('network_down');
    expect(typeOf('online-drop')).toBe('other');
    expect(typeOf('invalid-burst')).toBe('other');
    // Words inside other words do not count ("restock" is not "stock").
    expect(typeOf('restock-news')).toBe('other');
  });

  it('maps alert severity to incident severity', () => {
    expect(severityForAlert({ severity: 'critical' })).toBe('high');
    expect(severityForAlert({ severity: 'warn' })).toBe('medium');
    expect(severityForAlert({ severity: 'info' })).toBe('low');
  });

  it('gives each of the ten types a digit, 1–9 then 0, both ways', () => {
    expect(INCIDENT_TYPES.map(typeDigit).join('')).toBe('1234567890');
    for (const type of INCIDENT_TYPES) expect(typeOfDigit(typeDigit(type))).toBe(type);
    expect(typeOfDigit('x')).toBeNull();
  });

  it('names every type in Chinese (the issue’s names) and in English', () => {
    const zh = messagesFor('zh-CN');
    expect(INCIDENT_TYPES.map((type) => zh[INCIDENT_TYPE_KEY[type]])).toEqual([
      '推流卡顿',
      '声音延迟',
      '黑屏',
      '网络中断',
      '设备故障',
      '负面舆情',
      '商品缺货',
      '价格/链接错误',
      '客服积压',
      '其他',
    ]);
    for (const type of INCIDENT_TYPES) expect(messagesFor('en')[INCIDENT_TYPE_KEY[type]]).toMatch(/\w/);
  });
});
