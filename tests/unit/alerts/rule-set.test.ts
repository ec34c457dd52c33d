/**
 * The rule set on a real SQLite file: the shipped defaults until edited, save / delete / mute /
 * reset, import (all or nothing, errors naming the rule and field) and export — and a broken
 * regex or an impossible threshold refused with a message, nothing saved.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AlertRuleError } from '../../../electron/core/alerts/rule-checks.js';
import { AlertRuleSet, RULES_SETTING } from '../../../electron/core/alerts/rule-set.js';
import { openStore } from '../../../electron/core/store/open-store.js';
import type { Store } from '../../../electron/core/store/store.js';
import { AlertRuleSetSchema, type AlertRule } from '../../../shared/alerts/rules.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

const SHIPPED = AlertRuleSetSchema.parse(
  JSON.parse(fs.readFileSync(path.resolve('resources/alerts/default-rules.json'), 'utf8')),
).rules;

let tmp: ReturnType<typeof makeTempDir>;
let store: Store;
let changes: number;
let rules: AlertRuleSet;

const open = () => new AlertRuleSet({ store, onChange: () => changes++ });

beforeEach(() => {
  tmp = makeTempDir();
  store = openStore(tmp.dir).store;
  changes = 0;
  rules = open();
});
afterEach(() => {
  store.close();
  tmp.cleanup();
});

const keyword = (over: Record<string, unknown> = {}) => ({
  id: 'red-stock',
  name: '红色库存',
  kind: 'keyword',
  enabled: true,
  severity: 'warn',
  hint: '查库存：{热词}',
  cooldownSec: 120,
  anyOf: ['红色'],
  allOf: [],
  noneOf: [],
  windowSec: 60,
  minCount: 10,
  minDistinctUsers: 8,
  ...over,
});

function refused(fn: () => unknown): AlertRuleError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AlertRuleError) return err;
    throw err;
  }
  throw new Error('expected the rule to be refused');
}

describe('AlertRuleSet', () => {
  it('starts with the shipped set, every rule valid, ids unique', () => {
    const view = rules.view();
    expect(view.isDefault).toBe(true);
    expect(view.rules).toEqual(SHIPPED);
    expect(view.rules.length).toBeGreaterThanOrEqual(15);
    expect(new Set(view.rules.map((r) => r.kind))).toEqual(new Set(['keyword', 'metric', 'feed']));
    expect(view.muted).toEqual([]);
  });

  it('saves a new rule at the end, replaces one with the same id, and survives a reopen', () => {
    const before = rules.revision;
    rules.save(keyword());
    rules.save(keyword({ name: '红色库存（改）' }));
    expect(rules.revision).toBe(before + 2);
    expect(changes).toBe(2);
    const reopened = open().view();
    expect(reopened.isDefault).toBe(false);
    expect(reopened.rules).toHaveLength(SHIPPED.length + 1);
    expect(reopened.rules.at(-1)).toMatchObject({ id: 'red-stock', name: '红色库存（改）' });
  });

  it('refuses a broken regular expression and an impossible threshold, naming them; nothing is saved', () => {
    const regex = refused(() => rules.save(keyword({ pattern: '红色(还有' })));
    expect(regex.field).toBe('pattern');
    expect(regex.message).toMatch(/pattern.*broken regular expression/);
    const impossible = refused(() => rules.save(keyword({ minCount: 5, minDistinctUsers: 8 })));
    expect(impossible.field).toBe('minDistinctUsers');
    expect(impossible.message).toMatch(/8 distinct viewers cannot come from 5 comments/);
    const drop = refused(() =>
      rules.save({ ...SHIPPED.find((r) => r.kind === 'metric'), id: 'x', dropPct: 120 }),
    );
    expect(drop.message).toMatch(/dropPct.*100/);
    expect(rules.revision).toBe(1);
    expect(store.getSetting(RULES_SETTING)).toBeNull();
    expect(open().view().isDefault).toBe(true);
  });

  it('refuses what folding makes useless: an emoji-only phrase, a phrase both required and excluded', () => {
    expect(refused(() => rules.save(keyword({ anyOf: ['🙂🙂'] }))).field).toBe('anyOf.0');
    const conflict = refused(() => rules.save(keyword({ anyOf: ['紅色'], noneOf: ['红色'] })));
    expect(conflict.field).toBe('noneOf');
    expect(conflict.message).toMatch(/both required and excluded/);
  });

  it('deletes, mutes (persisted, unknown ids refused) and resets to the shipped set', () => {
    rules.save(keyword());
    expect(rules.mute('red-stock', true).muted).toEqual(['red-stock']);
    expect(rules.mute('stream-fault', true).muted).toEqual(['stream-fault', 'red-stock']);
    expect(open().isMuted('stream-fault')).toBe(true);
    expect(refused(() => rules.mute('nope', true)).message).toMatch(/no alert rule "nope"/);
    expect(rules.delete('red-stock')).toBe(true);
    expect(rules.delete('red-stock')).toBe(false);
    expect(rules.view().muted).toEqual(['stream-fault']);
    const reset = rules.reset();
    expect(reset).toMatchObject({ isDefault: true, muted: [] });
    expect(reset.rules).toEqual(SHIPPED);
    expect(open().view()).toMatchObject({ isDefault: true, muted: [] });
  });

  it('imports all or nothing; the error names the rule (1-based) and the field', () => {
    const good = keyword();
    const bad = keyword({ id: 'bad', pattern: '[' });
    const result = rules.import(JSON.stringify({ version: 1, rules: [good, bad] }), 'merge');
    expect(result).toMatchObject({ ok: false, rule: 2, field: 'pattern' });
    expect(result.ok ? '' : result.error).toMatch(/第 2 条规则 \(bad\).*pattern/);
    const impossible = rules.import(
      JSON.stringify({ version: 1, rules: [keyword({ minCount: 3, minDistinctUsers: 4 })] }),
      'replace',
    );
    expect(impossible).toMatchObject({ ok: false, rule: 1, field: 'minDistinctUsers' });
    const twice = rules.import(JSON.stringify({ version: 1, rules: [good, good] }), 'merge');
    expect(twice).toMatchObject({ ok: false, rule: 2, field: 'id' });
    expect(rules.import('{"version":1,"rules":', 'merge')).toMatchObject({ ok: false, rule: null });
    expect(rules.import(JSON.stringify({ version: 2, rules: [] }), 'merge')).toMatchObject({
      ok: false,
      field: 'version',
    });
    expect(rules.view().isDefault).toBe(true);
    expect(rules.revision).toBe(1);
  });

  it('merges (update by id, append new) or replaces, and counts what changed', () => {
    const stream = SHIPPED.find((r) => r.id === 'stream-fault') as AlertRule;
    const file = JSON.stringify({ version: 1, rules: [{ ...stream, cooldownSec: 60 }, keyword()] });
    expect(rules.import(file, 'merge')).toEqual({
      ok: true,
      added: 1,
      updated: 1,
      removed: 0,
      total: SHIPPED.length + 1,
    });
    expect(rules.rule('stream-fault')).toMatchObject({ cooldownSec: 60 });
    expect(rules.import(file, 'replace')).toEqual({
      ok: true,
      added: 0,
      updated: 2,
      removed: SHIPPED.length - 1,
      total: 2,
    });
    expect(
      open()
        .view()
        .rules.map((r) => r.id),
    ).toEqual(['stream-fault', 'red-stock']);
  });

  it('exports pretty JSON that imports back unchanged', () => {
    rules.save(keyword());
    const file = rules.export();
    expect(file).toMatchObject({ fileName: 'livedesk-alert-rules.json', mime: 'application/json' });
    expect(file.data).toContain('\n  "rules": [\n');
    rules.reset();
    expect(rules.import(file.data, 'replace')).toMatchObject({ ok: true, total: SHIPPED.length + 1 });
    expect(rules.view().rules).toEqual(JSON.parse(file.data).rules);
  });

  it('falls back to the shipped set when the saved one is damaged, and to none when the file is missing', () => {
    store.setSetting(RULES_SETTING, '{"version":1,"rules":[{"id":"x"}]}');
    expect(open().view()).toMatchObject({ isDefault: true, rules: SHIPPED });
    const empty = new AlertRuleSet({ store, resourcesDir: path.join(tmp.dir, 'nowhere') });
    store.setSetting(RULES_SETTING, 'null');
    expect(empty.view().rules).toEqual([]);
  });
});
