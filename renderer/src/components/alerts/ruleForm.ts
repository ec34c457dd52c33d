/**
 * The rule editor's form: what the user types (text, so a half-typed number is still shown),
 * turned into a rule and checked with the shared zod schema (shared/alerts/rules.ts) on every
 * keystroke. Each problem is named next to its field in the user's language; a rule with any
 * problem cannot be saved. What only the core checks (folded phrases) comes back on save.
 */
import type { z } from 'zod';
import type { AlertKind } from '../../../../shared/api/alerts.js';
import {
  AlertRuleSchema,
  FEED_CHECKS,
  METRIC_CHECKS,
  type AlertRule,
  type FeedCheck,
  type MetricCheck,
  type Severity,
} from '../../../../shared/alerts/rules.js';
import type { MessageKey } from '../../../../shared/i18n/messages.js';
import { messageOf } from '../common/errorMessage.js';

export interface RuleFormValues {
  kind: AlertKind;
  id: string;
  name: string;
  enabled: boolean;
  severity: Severity;
  hint: string;
  cooldownSec: string;
  /** Keyword rules: one phrase per line. */
  anyOf: string;
  allOf: string;
  noneOf: string;
  pattern: string;
  windowSec: string;
  minCount: string;
  minDistinctUsers: string;
  /** Metric and feed rules. */
  check: string;
  dropPct: string;
  minOnline: string;
}

export type RuleField = Exclude<keyof RuleFormValues, 'kind'>;

export interface FieldProblem {
  key: MessageKey;
  vars?: Record<string, string | number>;
}

export type RuleFormErrors = Partial<Record<RuleField, FieldProblem>>;

export type RuleFormResult = { ok: true; rule: AlertRule } | { ok: false; errors: RuleFormErrors };

const BLANK: Omit<RuleFormValues, 'kind' | 'id' | 'check'> = {
  name: '',
  enabled: true,
  severity: 'warn',
  hint: '',
  cooldownSec: '300',
  anyOf: '',
  allOf: '',
  noneOf: '',
  pattern: '',
  windowSec: '60',
  minCount: '10',
  minDistinctUsers: '8',
  dropPct: '30',
  minOnline: '200',
};

/** A fresh rule of a kind, with an id no other rule has. */
export function blankForm(kind: AlertKind, takenIds: ReadonlySet<string>): RuleFormValues {
  let n = 1;
  while (takenIds.has(`custom-${kind}-${n}`)) n += 1;
  const check = kind === 'metric' ? METRIC_CHECKS[0] : kind === 'feed' ? FEED_CHECKS[0] : '';
  return {
    ...BLANK,
    kind,
    id: `custom-${kind}-${n}`,
    check,
    minCount: kind === 'feed' ? '1' : BLANK.minCount,
  };
}

export function formFromRule(rule: AlertRule): RuleFormValues {
  const base = {
    ...BLANK,
    kind: rule.kind,
    id: rule.id,
    name: rule.name,
    enabled: rule.enabled,
    severity: rule.severity,
    hint: rule.hint,
    cooldownSec: String(rule.cooldownSec),
    windowSec: String(rule.windowSec),
    check: '',
  };
  switch (rule.kind) {
    case 'keyword':
      return {
        ...base,
        anyOf: rule.anyOf.join('\n'),
        allOf: rule.allOf.join('\n'),
        noneOf: rule.noneOf.join('\n'),
        pattern: rule.pattern ?? '',
        minCount: String(rule.minCount),
        minDistinctUsers: String(rule.minDistinctUsers),
      };
    case 'metric':
      return { ...base, check: rule.check, dropPct: String(rule.dropPct), minOnline: String(rule.minOnline) };
    case 'feed':
      return { ...base, check: rule.check, minCount: String(rule.minCount) };
  }
}

/** The lines as phrases: trimmed, blank lines dropped, repeats kept once. */
export function parsePhrases(text: string): string[] {
  const seen = new Set<string>();
  for (const line of text.split(/\r?\n/)) {
    const phrase = line.trim();
    if (phrase !== '') seen.add(phrase);
  }
  return [...seen];
}

type NumberField = 'cooldownSec' | 'windowSec' | 'minCount' | 'minDistinctUsers' | 'dropPct' | 'minOnline';

const NUMBER_FIELDS: Record<AlertKind, readonly NumberField[]> = {
  keyword: ['cooldownSec', 'windowSec', 'minCount', 'minDistinctUsers'],
  metric: ['cooldownSec', 'windowSec', 'dropPct', 'minOnline'],
  feed: ['cooldownSec', 'windowSec', 'minCount'],
};

/** The fields a kind's form shows, in order (for focusing the first problem). */
export const FIELDS_OF: Record<AlertKind, readonly RuleField[]> = {
  keyword: [
    'id',
    'name',
    'severity',
    'anyOf',
    'allOf',
    'noneOf',
    'pattern',
    'windowSec',
    'minCount',
    'minDistinctUsers',
    'cooldownSec',
    'hint',
  ],
  metric: ['id', 'name', 'severity', 'check', 'dropPct', 'windowSec', 'minOnline', 'cooldownSec', 'hint'],
  feed: ['id', 'name', 'severity', 'check', 'windowSec', 'minCount', 'cooldownSec', 'hint'],
};

function parseNumber(text: string): number | FieldProblem {
  const trimmed = text.trim();
  if (trimmed === '') return { key: 'alerts.form.required' };
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : { key: 'alerts.form.notNumber' };
}

/** The rule the form describes, or every problem with it (numbers first, then the schema's). */
export function ruleFromForm(values: RuleFormValues): RuleFormResult {
  const errors: RuleFormErrors = {};
  const numbers: Partial<Record<NumberField, number>> = {};
  for (const field of NUMBER_FIELDS[values.kind]) {
    const parsed = parseNumber(values[field]);
    if (typeof parsed === 'number') numbers[field] = parsed;
    else errors[field] = parsed;
  }
  const base = {
    id: values.id.trim(),
    name: values.name,
    enabled: values.enabled,
    severity: values.severity,
    hint: values.hint,
    cooldownSec: numbers.cooldownSec,
    windowSec: numbers.windowSec,
  };
  const candidate =
    values.kind === 'keyword'
      ? {
          ...base,
          kind: 'keyword',
          anyOf: parsePhrases(values.anyOf),
          allOf: parsePhrases(values.allOf),
          noneOf: parsePhrases(values.noneOf),
          ...(values.pattern.trim() !== '' ? { pattern: values.pattern } : {}),
          minCount: numbers.minCount,
          minDistinctUsers: numbers.minDistinctUsers,
        }
      : values.kind === 'metric'
        ? {
            ...base,
            kind: 'metric',
            check: values.check as MetricCheck,
            dropPct: numbers.dropPct,
            minOnline: numbers.minOnline,
          }
        : { ...base, kind: 'feed', check: values.check as FeedCheck, minCount: numbers.minCount };
  const parsed = AlertRuleSchema.safeParse(candidate);
  if (parsed.success && Object.keys(errors).length === 0) return { ok: true, rule: parsed.data };
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = fieldOfIssue(issue.path);
      // A number that did not parse already says so; the schema's "expected number" adds nothing.
      if (field && !errors[field]) errors[field] = problemOf(issue, field, values);
    }
  }
  if (values.kind === 'keyword') crossFieldProblems(values, numbers, errors);
  return { ok: false, errors };
}

/**
 * The schema checks the pattern and the viewers-vs-comments threshold only once every field is
 * well-formed (zod runs refinements on a parsed object). Checked here too, the same way, so a
 * broken pattern is named while the user is still typing elsewhere.
 */
function crossFieldProblems(
  values: RuleFormValues,
  numbers: Partial<Record<NumberField, number>>,
  errors: RuleFormErrors,
): void {
  if (!errors.pattern && values.pattern.trim() !== '') {
    try {
      new RegExp(values.pattern, 'u');
    } catch (error) {
      const detail = messageOf(error);
      errors.pattern = { key: 'alerts.form.badPattern', vars: { detail } };
    }
  }
  const { minCount, minDistinctUsers } = numbers;
  if (!errors.minDistinctUsers && minCount !== undefined && minDistinctUsers !== undefined) {
    if (minDistinctUsers > minCount) {
      errors.minDistinctUsers = {
        key: 'alerts.form.impossibleDistinct',
        vars: { users: minDistinctUsers, count: minCount },
      };
    }
  }
}

function fieldOfIssue(path: readonly PropertyKey[]): RuleField | null {
  const head = path[0];
  if (typeof head !== 'string' || head === 'kind') return null;
  return head as RuleField;
}

/** A zod issue in the user's words; the schema's own text when no better words exist. */
export function problemOf(issue: z.core.$ZodIssue, field: RuleField, values: RuleFormValues): FieldProblem {
  const message = issue.message;
  switch (issue.code) {
    case 'custom': {
      const broken = /^broken regular expression: (.*)$/s.exec(message);
      if (broken) return { key: 'alerts.form.badPattern', vars: { detail: broken[1]! } };
      if (field === 'minDistinctUsers') {
        return {
          key: 'alerts.form.impossibleDistinct',
          vars: { users: Number(values.minDistinctUsers), count: Number(values.minCount) },
        };
      }
      if (field === 'anyOf') return { key: 'alerts.form.needPhrase' };
      const both = /^"(.*)" is both required and excluded$/s.exec(message);
      if (both) return { key: 'alerts.form.bothRequiredExcluded', vars: { phrase: both[1]! } };
      return { key: 'alerts.form.raw', vars: { text: message } };
    }
    case 'too_small':
      if (field === 'dropPct') return { key: 'alerts.form.dropRange' };
      if (issue.origin === 'string') {
        const line = issue.path[1];
        return typeof line === 'number'
          ? { key: 'alerts.form.emptyPhrase' }
          : { key: 'alerts.form.required' };
      }
      return { key: 'alerts.form.min', vars: { min: String(issue.minimum) } };
    case 'too_big':
      if (field === 'dropPct') return { key: 'alerts.form.dropRange' };
      if (issue.origin === 'string') {
        const line = issue.path[1];
        return typeof line === 'number'
          ? { key: 'alerts.form.phraseTooLong', vars: { max: String(issue.maximum), line: line + 1 } }
          : { key: 'alerts.form.tooLong', vars: { max: String(issue.maximum) } };
      }
      if (issue.origin === 'array')
        return { key: 'alerts.form.tooMany', vars: { max: String(issue.maximum) } };
      return { key: 'alerts.form.max', vars: { max: String(issue.maximum) } };
    case 'invalid_type':
      return issue.expected === 'int' ? { key: 'alerts.form.integer' } : { key: 'alerts.form.notNumber' };
    case 'invalid_format':
      return field === 'id'
        ? { key: 'alerts.form.badId' }
        : { key: 'alerts.form.raw', vars: { text: message } };
    default:
      return { key: 'alerts.form.raw', vars: { text: message } };
  }
}

/** The part of a core message in the user's language ("中文 · English"). */
export function localisedMessage(message: string, locale: 'zh-CN' | 'en'): string {
  const at = message.indexOf(' · ');
  if (at < 0) return message;
  return locale === 'zh-CN' ? message.slice(0, at) : message.slice(at + 3);
}
