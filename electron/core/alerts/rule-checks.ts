/**
 * Checks on alert rules entering the rule set (saveAlertRule, importAlertRules, the shipped file
 * and the saved setting): the zod schema (shared/alerts/rules.ts: broken regexes, impossible
 * thresholds), plus what it cannot see because it does not fold text — a phrase that folds to
 * nothing (an emoji: it could never match) and a phrase both required and excluded once folded
 * (紅色 and 红色). Messages are Chinese first and English after " · ".
 */
import type { z } from 'zod';
import { AlertRuleSchema, type AlertRule } from '../../../shared/alerts/rules.js';
import { foldText } from '../../../shared/text/fold.js';

/** A refused rule or rule file; `rule` is 1-based within a file, `field` the rule's field. */
export class AlertRuleError extends Error {
  constructor(
    message: string,
    readonly rule: number | null = null,
    readonly field: string | null = null,
  ) {
    super(message);
    this.name = 'AlertRuleError';
  }
}

export const MAX_RULES = 2000;

const PHRASE_FIELDS = ['anyOf', 'allOf', 'noneOf'] as const;

function where(index: number | null, id: string | null): { zh: string; en: string } {
  if (index === null) return { zh: id ? `规则 ${id}` : '规则', en: id ? `rule ${id}` : 'rule' };
  const named = id ? ` (${id})` : '';
  return { zh: `第 ${index} 条规则${named}`, en: `rule ${index}${named}` };
}

function fieldOf(path: readonly PropertyKey[]): string {
  return path.map((part) => String(part)).join('.') || 'rule';
}

/** The first zod issue as an AlertRuleError naming the rule and the field. */
export function issueError(error: z.ZodError, index: number | null, raw: unknown): AlertRuleError {
  const issue = error.issues[0];
  const field = fieldOf(issue?.path ?? []);
  const id = typeof (raw as { id?: unknown } | null)?.id === 'string' ? (raw as { id: string }).id : null;
  const place = where(index, id);
  const message = issue?.message ?? 'invalid';
  return new AlertRuleError(
    `${place.zh}，字段 ${field}：${message} · ${place.en}, field ${field}: ${message}`,
    index,
    field,
  );
}

/**
 * A valid rule, or an AlertRuleError that names the field. `index` (1-based) is the rule's place
 * in a file, null for a single rule.
 */
export function checkRule(raw: unknown, index: number | null = null): AlertRule {
  const parsed = AlertRuleSchema.safeParse(raw);
  if (!parsed.success) throw issueError(parsed.error, index, raw);
  const rule = parsed.data;
  if (rule.kind !== 'keyword') return rule;
  const place = where(index, rule.id);
  for (const field of PHRASE_FIELDS) {
    rule[field].forEach((phrase, at) => {
      if (foldText(phrase).length === 0) {
        throw new AlertRuleError(
          `${place.zh}，字段 ${field}.${at}：“${phrase}”只有表情或空白，永远匹配不到 · ${place.en}, field ${field}.${at}: "${phrase}" has nothing matchable (emoji or blanks only)`,
          index,
          `${field}.${at}`,
        );
      }
    });
  }
  const excluded = new Set(rule.noneOf.map(foldText));
  for (const phrase of [...rule.anyOf, ...rule.allOf]) {
    if (excluded.has(foldText(phrase))) {
      throw new AlertRuleError(
        `${place.zh}，字段 noneOf：“${phrase}”既是必需词又是排除词 · ${place.en}, field noneOf: "${phrase}" is both required and excluded`,
        index,
        'noneOf',
      );
    }
  }
  return rule;
}

/**
 * A rule file's text ({ version: 1, rules: [...] }) → its rules, all valid with unique ids, or an
 * AlertRuleError naming the first bad rule (1-based) and field. Nothing is half-read.
 */
export function parseRuleFile(text: string): AlertRule[] {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new AlertRuleError(`文件不是有效的 JSON：${reason} · the file is not valid JSON: ${reason}`);
  }
  const file = (raw ?? {}) as { version?: unknown; rules?: unknown };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new AlertRuleError(
      '文件应为 { "version": 1, "rules": [...] } · the file must be { "version": 1, "rules": [...] }',
    );
  }
  if (file.version !== 1) {
    throw new AlertRuleError(
      `不支持的版本 ${JSON.stringify(file.version)}（应为 1） · unsupported version ${JSON.stringify(file.version)} (expected 1)`,
      null,
      'version',
    );
  }
  if (!Array.isArray(file.rules)) {
    throw new AlertRuleError('缺少 rules 数组 · "rules" must be an array', null, 'rules');
  }
  if (file.rules.length > MAX_RULES) {
    throw new AlertRuleError(
      `规则太多（${file.rules.length}，最多 ${MAX_RULES}） · too many rules (${file.rules.length}, at most ${MAX_RULES})`,
      null,
      'rules',
    );
  }
  const rules = file.rules.map((rule: unknown, i) => checkRule(rule, i + 1));
  checkUniqueIds(rules, true);
  return rules;
}

/** Throws when two rules share an id (naming both places when they came from a file). */
export function checkUniqueIds(rules: readonly AlertRule[], fromFile: boolean): void {
  const seen = new Map<string, number>();
  rules.forEach((rule, i) => {
    const first = seen.get(rule.id);
    if (first !== undefined) {
      const at = fromFile ? i + 1 : null;
      const other = fromFile ? `第 ${first + 1} 条` : '另一条规则';
      const otherEn = fromFile ? `rule ${first + 1}` : 'another rule';
      throw new AlertRuleError(
        `${fromFile ? `第 ${i + 1} 条规则` : '规则'}，字段 id：“${rule.id}”与${other}重复 · ${fromFile ? `rule ${i + 1}` : 'rule'}, field id: "${rule.id}" is also used by ${otherEn}`,
        at,
        'id',
      );
    }
    seen.set(rule.id, i);
  });
}
