import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { FEED_CHECKS, METRIC_CHECKS, SEVERITIES, type AlertRule } from '../../../../shared/alerts/rules.js';
import { useLocale, useT } from '../../i18n/useI18n.js';
import { alertsUi } from '../../state/alertsUi.js';
import { useBoardSync } from '../../state/BoardSyncContext.js';
import { alertRulesActions } from './alertRulesStore.js';
import type { RuleEditing } from './RuleEditorDialog.js';
import {
  blankForm,
  FIELDS_OF,
  formFromRule,
  localisedMessage,
  ruleFromForm,
  type FieldProblem,
  type RuleField,
  type RuleFormValues,
} from './ruleForm.js';
import { severityKey } from './severity.js';
import { messageOf } from '../common/errorMessage.js';

interface RuleFormProps {
  editing: RuleEditing;
  rule: AlertRule | null;
  takenIds: readonly string[];
  onDirty: (dirty: boolean) => void;
  onSaved: (rule: AlertRule) => void;
  onDeleted: () => void;
}

const fieldId = (field: RuleField) => `rule-field-${field}`;

/**
 * One rule's form, checked with the shared schema on every keystroke: each problem shows next to
 * its field and Save stays disabled until there is none. The core checks again on save (folded
 * phrases); what it refuses is shown above the buttons. Ctrl+Enter saves.
 */
export function RuleForm({ editing, rule, takenIds, onDirty, onSaved, onDeleted }: RuleFormProps) {
  const t = useT();
  const locale = useLocale();
  const { client } = useBoardSync();
  const isNew = editing?.kind === 'new';
  // A new rule starts blank; an existing one shows the rule as the core has it (kept fresh when
  // it changes elsewhere) until the user types: then their draft wins until saved.
  const [blank] = useState(() =>
    editing?.kind === 'new' ? blankForm(editing.ruleKind, new Set(takenIds)) : null,
  );
  const [draft, setDraft] = useState<RuleFormValues | null>(null);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const base = useMemo(() => blank ?? (rule ? formFromRule(rule) : null), [blank, rule]);
  const values = draft ?? base;
  const result = useMemo(() => (values ? ruleFromForm(values) : null), [values]);

  if (!values || !editing) {
    return (
      <div className="rule-form rule-form--empty" data-testid="alert-rule-form-empty">
        {editing?.kind === 'rule' ? t('alerts.rules.gone') : t('alerts.rules.pick')}
      </div>
    );
  }

  const errors = result && !result.ok ? result.errors : {};
  const change = <K extends keyof RuleFormValues>(field: K, value: RuleFormValues[K]) => {
    onDirty(true);
    setFailure(null);
    setDraft((v) => ({ ...(v ?? values), [field]: value }));
  };

  const save = async (event?: FormEvent) => {
    event?.preventDefault();
    if (!result || saving) return;
    if (!result.ok) {
      const first = FIELDS_OF[values.kind].find((f) => errors[f]);
      if (first) document.getElementById(fieldId(first))?.focus();
      return;
    }
    setSaving(true);
    try {
      const saved = await client.saveAlertRule({ rule: result.rule });
      setDraft(null);
      alertsUi.report('ok', 'alerts.rules.saved', { rule: saved.name });
      alertRulesActions.putRule(saved);
      void alertRulesActions.reload(client);
      onSaved(saved);
    } catch (error) {
      setFailure(localisedMessage(messageOf(error), locale));
    } finally {
      setSaving(false);
    }
  };

  const remove = async () => {
    if (!confirmDelete) {
      setConfirmDelete(true);
      return;
    }
    try {
      await client.deleteAlertRule({ id: values.id });
      alertsUi.report('ok', 'alerts.rules.deleted', { rule: values.name });
      void alertRulesActions.reload(client);
      onDeleted();
    } catch (error) {
      setFailure(localisedMessage(messageOf(error), locale));
    }
  };

  const field = (name: RuleField, label: string, control: ReactNode, hint?: string) => (
    <Field name={name} label={label} problem={errors[name]} hint={hint}>
      {control}
    </Field>
  );
  const text = (name: RuleField, extra: { inputMode?: 'numeric' | 'decimal'; readOnly?: boolean } = {}) => (
    <input
      id={fieldId(name)}
      className="input"
      data-testid={`rule-${name}`}
      value={values[name] as string}
      aria-invalid={errors[name] ? true : undefined}
      aria-describedby={errors[name] ? `${fieldId(name)}-problem` : undefined}
      inputMode={extra.inputMode}
      readOnly={extra.readOnly}
      onChange={(event) => change(name, event.target.value)}
    />
  );
  const lines = (name: 'anyOf' | 'allOf' | 'noneOf') => (
    <textarea
      id={fieldId(name)}
      className="input"
      data-testid={`rule-${name}`}
      rows={name === 'anyOf' ? 5 : 2}
      value={values[name]}
      aria-invalid={errors[name] ? true : undefined}
      aria-describedby={errors[name] ? `${fieldId(name)}-problem` : undefined}
      onChange={(event) => change(name, event.target.value)}
    />
  );
  const checks = values.kind === 'metric' ? METRIC_CHECKS : FEED_CHECKS;

  return (
    <form
      className="rule-form"
      data-testid="alert-rule-form"
      data-kind={values.kind}
      noValidate
      onSubmit={(event) => void save(event)}
      onKeyDown={(event) => {
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void save(event);
      }}
    >
      <p className="rule-form__kind">
        {t(isNew ? 'alerts.rules.newOf' : 'alerts.rules.editOf', { kind: t(`alerts.kind.${values.kind}`) })}
      </p>
      <div className="rule-form__grid">
        {field('name', t('alerts.field.name'), text('name'))}
        {field(
          'id',
          t('alerts.field.id'),
          text('id', { readOnly: !isNew }),
          isNew ? t('alerts.field.idHint') : undefined,
        )}
        {field(
          'severity',
          t('alerts.field.severity'),
          <select
            id={fieldId('severity')}
            className="input"
            data-testid="rule-severity"
            value={values.severity}
            onChange={(event) => change('severity', event.target.value as RuleFormValues['severity'])}
          >
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {t(severityKey(s))}
              </option>
            ))}
          </select>,
        )}
        <label className="check rule-enabled">
          <input
            type="checkbox"
            data-testid="rule-enabled"
            checked={values.enabled}
            onChange={(event) => change('enabled', event.target.checked)}
          />
          {t('alerts.field.enabled')}
        </label>
      </div>
      {values.kind === 'keyword' ? (
        <>
          {field('anyOf', t('alerts.field.anyOf'), lines('anyOf'), t('alerts.field.linesHint'))}
          <div className="rule-form__grid">
            {field('allOf', t('alerts.field.allOf'), lines('allOf'))}
            {field('noneOf', t('alerts.field.noneOf'), lines('noneOf'))}
          </div>
          {field('pattern', t('alerts.field.pattern'), text('pattern'), t('alerts.field.patternHint'))}
          <div className="rule-form__grid rule-form__grid--4">
            {field('windowSec', t('alerts.field.windowSec'), text('windowSec', { inputMode: 'numeric' }))}
            {field('minCount', t('alerts.field.minCount'), text('minCount', { inputMode: 'numeric' }))}
            {field(
              'minDistinctUsers',
              t('alerts.field.minDistinctUsers'),
              text('minDistinctUsers', { inputMode: 'numeric' }),
            )}
            {field(
              'cooldownSec',
              t('alerts.field.cooldownSec'),
              text('cooldownSec', { inputMode: 'numeric' }),
            )}
          </div>
        </>
      ) : (
        <>
          {field(
            'check',
            t('alerts.field.check'),
            <select
              id={fieldId('check')}
              className="input"
              data-testid="rule-check"
              value={values.check}
              onChange={(event) => change('check', event.target.value)}
            >
              {checks.map((c) => (
                <option key={c} value={c}>
                  {t(`alerts.check.${c}`)}
                </option>
              ))}
            </select>,
          )}
          <div className="rule-form__grid rule-form__grid--4">
            {values.kind === 'metric' &&
              field('dropPct', t('alerts.field.dropPct'), text('dropPct', { inputMode: 'decimal' }))}
            {field('windowSec', t('alerts.field.windowSec'), text('windowSec', { inputMode: 'numeric' }))}
            {values.kind === 'metric'
              ? field('minOnline', t('alerts.field.minOnline'), text('minOnline', { inputMode: 'numeric' }))
              : field('minCount', t('alerts.field.minEvents'), text('minCount', { inputMode: 'numeric' }))}
            {field(
              'cooldownSec',
              t('alerts.field.cooldownSec'),
              text('cooldownSec', { inputMode: 'numeric' }),
            )}
          </div>
        </>
      )}
      {field('hint', t('alerts.field.hint'), text('hint'), t('alerts.field.hintHint'))}
      {failure && (
        <p className="banner banner--bad rule-form__failure" role="alert" data-testid="rule-save-error">
          {t('alerts.rules.saveFailed', { reason: failure })}
        </p>
      )}
      <div className="rule-form__foot">
        {!isNew && (
          <button
            type="button"
            className={`btn${confirmDelete ? ' btn--danger' : ''}`}
            data-testid="rule-delete"
            onClick={() => void remove()}
            onBlur={() => setConfirmDelete(false)}
          >
            {t(confirmDelete ? 'alerts.rules.deleteConfirm' : 'alerts.rules.delete')}
          </button>
        )}
        <span className="spacer" />
        <span className="rule-form__state" data-testid="rule-form-state">
          {result?.ok ? '' : t('alerts.rules.fixFirst')}
        </span>
        <button
          type="submit"
          className="btn btn--primary"
          data-testid="rule-save"
          disabled={!result?.ok || saving}
          title={t('alerts.rules.saveTitle')}
        >
          {t('alerts.rules.save')}
        </button>
      </div>
    </form>
  );
}

interface FieldProps {
  name: RuleField;
  label: string;
  problem: FieldProblem | undefined;
  hint: string | undefined;
  children: ReactNode;
}

function Field({ name, label, problem, hint, children }: FieldProps) {
  const t = useT();
  return (
    <div className={`field${problem ? ' has-error' : ''}`}>
      <label className="field__label" htmlFor={fieldId(name)}>
        {label}
      </label>
      {children}
      {problem ? (
        <p className="field__error" id={`${fieldId(name)}-problem`} data-testid={`rule-${name}-problem`}>
          {t(problem.key, problem.vars)}
        </p>
      ) : (
        hint && <p className="field__hint">{hint}</p>
      )}
    </div>
  );
}
