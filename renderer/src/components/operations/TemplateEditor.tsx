import { useEffect, useState } from 'react';
import type { LiveDeskClient } from '../../../../shared/api/contract.js';
import {
  CHECKLIST_SECTIONS,
  INCIDENT_TYPES,
  type ChecklistTemplate,
} from '../../../../shared/api/operations.js';
import { useT } from '../../i18n/useI18n.js';
import { operationsUi } from '../../state/operationsUi.js';
import { SECTION_KEY } from './ChecklistItems.js';
import { INCIDENT_TYPE_KEY } from './incidentTypes.js';
import {
  newRow,
  rowsFromTemplate,
  templateFromRows,
  type ExpectationKind,
  type TemplateCheck,
  type TemplateRow,
} from './templateForm.js';
import { CloseButton } from '../common/IconButton.js';
import { ResetWithConfirm } from './ResetWithConfirm.js';
import { messageOf } from '../common/errorMessage.js';

const KIND_KEY = {
  range: 'ops.template.kind.range',
  text: 'ops.template.kind.text',
  check: 'ops.template.kind.check',
} as const;

type Refusal = Extract<TemplateCheck, { ok: false }>;

/**
 * The checklist template, kept modest: one line per item (section, name, expectation, how to
 * check, contingency playbook), add / remove, save, or back to the shipped default. Checked
 * against the contract before it is sent; runs already started keep their items.
 */
export function TemplateEditor({ client }: { client: LiveDeskClient }) {
  const t = useT();
  const [rows, setRows] = useState<TemplateRow[] | null>(null);
  const [isDefault, setIsDefault] = useState(true);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [saving, setSaving] = useState(false);
  const [confirmReset, setConfirmReset] = useState(false);

  const apply = (answer: { template: ChecklistTemplate; isDefault: boolean }) => {
    setRows(rowsFromTemplate(answer.template));
    setIsDefault(answer.isDefault);
    setRefusal(null);
  };

  useEffect(() => {
    let cancelled = false;
    client
      .getChecklistTemplate()
      .then((answer) => !cancelled && apply(answer))
      .catch((error: unknown) => !cancelled && setLoadError(messageOf(error)));
    return () => {
      cancelled = true;
    };
  }, [client]);

  if (!rows) {
    return (
      <p className={`banner${loadError ? ' banner--bad' : ''}`}>
        {loadError ? t('ops.template.loadFailed', { reason: loadError }) : t('ops.template.loading')}
      </p>
    );
  }

  const change = (key: string, patch: Partial<TemplateRow>) => {
    setRows((all) => all && all.map((row) => (row.key === key ? { ...row, ...patch } : row)));
    setRefusal(null);
  };

  const save = async (template: ChecklistTemplate | null) => {
    setSaving(true);
    try {
      apply(await client.saveChecklistTemplate({ template }));
      operationsUi.report('ok', template ? 'ops.template.saved' : 'ops.template.resetDone');
    } catch (error) {
      operationsUi.report('error', 'ops.item.saveFailed', { reason: messageOf(error) });
    } finally {
      setSaving(false);
      setConfirmReset(false);
    }
  };

  const submit = () => {
    const checked = templateFromRows(rows);
    if (!checked.ok) {
      setRefusal(checked);
      return;
    }
    void save(checked.template);
  };

  const refusalText = refusal && describeRefusal(t, refusal, rows);
  return (
    <div className="template-editor" data-testid="template-editor">
      <p className="template-editor__scope">
        {t(isDefault ? 'ops.template.default' : 'ops.template.custom')} · {t('ops.template.scope')}
      </p>
      <div className="template-editor__table" role="table">
        <div className="template-row template-row--head" role="row">
          <span role="columnheader">{t('ops.template.section')}</span>
          <span role="columnheader">{t('ops.template.label')}</span>
          <span role="columnheader">{t('ops.template.kind')}</span>
          <span role="columnheader">{t('ops.item.col.expected')}</span>
          <span role="columnheader">{t('ops.template.hint')}</span>
          <span role="columnheader">{t('ops.template.contingency')}</span>
          <span role="columnheader" />
        </div>
        {rows.map((row, i) => (
          <TemplateRowView
            key={row.key}
            row={row}
            bad={refusal?.row === i ? refusal.field : null}
            onChange={(patch) => change(row.key, patch)}
            onRemove={() => setRows(rows.filter((r) => r.key !== row.key))}
          />
        ))}
      </div>
      {refusalText && (
        <p className="banner banner--bad" role="alert" data-testid="template-error">
          {refusalText}
        </p>
      )}
      <footer className="dialog__foot template-editor__foot">
        <button
          type="button"
          className="btn"
          data-testid="template-add"
          onClick={() => setRows([...rows, newRow(rows)])}
        >
          + {t('ops.template.add')}
        </button>
        <span className="spacer" />
        <ResetWithConfirm
          confirming={confirmReset}
          busy={saving}
          text={{
            reset: t('ops.template.reset'),
            question: t('ops.template.resetConfirm'),
            cancel: t('ops.template.cancel'),
          }}
          testId="template-reset"
          onAsk={() => setConfirmReset(true)}
          onCancel={() => setConfirmReset(false)}
          onConfirm={() => void save(null)}
        />
        <button
          type="button"
          className="btn btn--primary"
          data-testid="template-save"
          disabled={saving}
          onClick={submit}
        >
          {saving ? t('ops.template.saving') : t('ops.template.save')}
        </button>
      </footer>
    </div>
  );
}

function describeRefusal(t: ReturnType<typeof useT>, refusal: Refusal, rows: readonly TemplateRow[]): string {
  const reason = refusal.key ? t(refusal.key) : refusal.detail;
  if (refusal.row === null) return t('ops.template.invalidList', { reason });
  return t('ops.template.invalid', {
    row: refusal.row + 1,
    label: rows[refusal.row]?.label.trim() || '—',
    field: t(`ops.template.field.${refusal.field}`),
    reason,
  });
}

function TemplateRowView({
  row,
  bad,
  onChange,
  onRemove,
}: {
  row: TemplateRow;
  bad: string | null;
  onChange: (patch: Partial<TemplateRow>) => void;
  onRemove: () => void;
}) {
  const t = useT();
  const cls = (field: string) => `input input--sm${bad === field ? ' is-invalid' : ''}`;
  return (
    <div className={`template-row${bad ? ' is-bad' : ''}`} role="row" data-testid="template-row">
      <select
        className="input input--sm"
        aria-label={t('ops.template.section')}
        value={row.section}
        onChange={(event) => onChange({ section: event.target.value as TemplateRow['section'] })}
      >
        {CHECKLIST_SECTIONS.map((section) => (
          <option key={section} value={section}>
            {t(SECTION_KEY[section])}
          </option>
        ))}
      </select>
      <input
        className={cls('label')}
        data-testid="template-label"
        aria-label={t('ops.template.label')}
        maxLength={80}
        value={row.label}
        onChange={(event) => onChange({ label: event.target.value })}
      />
      <select
        className="input input--sm"
        aria-label={t('ops.template.kind')}
        value={row.kind}
        onChange={(event) => onChange({ kind: event.target.value as ExpectationKind })}
      >
        {(['range', 'text', 'check'] as const).map((kind) => (
          <option key={kind} value={kind}>
            {t(KIND_KEY[kind])}
          </option>
        ))}
      </select>
      <span className="template-row__expect">
        {row.kind === 'range' ? (
          <>
            <input
              className={cls('min')}
              aria-label={t('ops.template.min')}
              placeholder={t('ops.template.min')}
              value={row.min}
              onChange={(event) => onChange({ min: event.target.value })}
            />
            <span aria-hidden="true">…</span>
            <input
              className={cls('max')}
              aria-label={t('ops.template.max')}
              placeholder={t('ops.template.max')}
              value={row.max}
              onChange={(event) => onChange({ max: event.target.value })}
            />
            <input
              className={`${cls('unit')} template-row__unit`}
              aria-label={t('ops.template.unit')}
              placeholder={t('ops.template.unit')}
              maxLength={16}
              value={row.unit}
              onChange={(event) => onChange({ unit: event.target.value })}
            />
          </>
        ) : row.kind === 'text' ? (
          <input
            className={cls('value')}
            aria-label={t('ops.template.value')}
            placeholder={t('ops.template.value')}
            maxLength={100}
            value={row.value}
            onChange={(event) => onChange({ value: event.target.value })}
          />
        ) : (
          <span className="template-row__tick">{t('ops.item.tick')}</span>
        )}
      </span>
      <input
        className={cls('hint')}
        aria-label={t('ops.template.hint')}
        maxLength={200}
        value={row.hint}
        onChange={(event) => onChange({ hint: event.target.value })}
      />
      <select
        className="input input--sm"
        aria-label={t('ops.template.contingency')}
        value={row.contingency}
        onChange={(event) => onChange({ contingency: event.target.value as TemplateRow['contingency'] })}
      >
        <option value="">{t('ops.template.none')}</option>
        {INCIDENT_TYPES.map((type) => (
          <option key={type} value={type}>
            {t(INCIDENT_TYPE_KEY[type])}
          </option>
        ))}
      </select>
      <CloseButton small label={t('ops.template.remove')} onClick={onRemove} />
    </div>
  );
}
