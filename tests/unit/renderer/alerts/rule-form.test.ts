import { describe, expect, it } from 'vitest';
import {
  blankForm,
  formFromRule,
  localisedMessage,
  parsePhrases,
  ruleFromForm,
} from '../../../../renderer/src/components/alerts/ruleForm.js';
import { AlertRuleSetSchema } from '../../../../shared/alerts/rules.js';
import defaults from '../../../../resources/alerts/default-rules.json' with { type: 'json' };

const rules = AlertRuleSetSchema.parse(defaults).rules;
const streamFault = rules.find((r) => r.id === 'stream-fault')!;

describe('the rule form', () => {
  it('round-trips every default rule unchanged', () => {
    for (const rule of rules) {
      const result = ruleFromForm(formFromRule(rule));
      expect(result).toEqual({ ok: true, rule });
    }
  });

  it('reads phrases one per line: trimmed, blanks dropped, repeats once', () => {
    expect(parsePhrases(' 卡了 \n\n没声音\r\n卡了\n')).toEqual(['卡了', '没声音']);
  });

  it('names a broken regular expression at the pattern field, even with other fields unfinished', () => {
    const form = { ...formFromRule(streamFault), pattern: '(卡了', windowSec: '' };
    const result = ruleFromForm(form);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.pattern?.key).toBe('alerts.form.badPattern');
    expect(result.errors.windowSec?.key).toBe('alerts.form.required');
  });

  it('refuses more distinct viewers than comments, and a drop outside (0, 100]', () => {
    const keyword = ruleFromForm({ ...formFromRule(streamFault), minDistinctUsers: '20' });
    expect(keyword.ok ? null : keyword.errors.minDistinctUsers).toEqual({
      key: 'alerts.form.impossibleDistinct',
      vars: { users: 20, count: 10 },
    });
    const metric = blankForm('metric', new Set());
    for (const dropPct of ['0', '101']) {
      const result = ruleFromForm({ ...metric, name: '测试', dropPct });
      expect(result.ok ? null : result.errors.dropPct?.key).toBe('alerts.form.dropRange');
    }
  });

  it('names non-numbers, fractions, bad ids and a rule with nothing to match', () => {
    const result = ruleFromForm({
      ...blankForm('keyword', new Set()),
      id: 'Bad Id',
      name: '新规则',
      cooldownSec: 'abc',
      windowSec: '1.5',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.cooldownSec?.key).toBe('alerts.form.notNumber');
    expect(result.errors.windowSec?.key).toBe('alerts.form.integer');
    expect(result.errors.id?.key).toBe('alerts.form.badId');
    const empty = ruleFromForm({ ...blankForm('keyword', new Set()), name: '新规则' });
    expect(empty.ok ? null : empty.errors.anyOf?.key).toBe('alerts.form.needPhrase');
  });

  it('gives a new rule an id no rule has', () => {
    expect(blankForm('feed', new Set(['custom-feed-1'])).id).toBe('custom-feed-2');
  });

  it('shows the core’s message in the user’s language', () => {
    const message = '第 2 条规则 (bad)，字段 pattern：坏 · rule 2 (bad), field pattern: bad';
    expect(localisedMessage(message, 'zh-CN')).toBe('第 2 条规则 (bad)，字段 pattern：坏');
    expect(localisedMessage(message, 'en')).toBe('rule 2 (bad), field pattern: bad');
  });
});
