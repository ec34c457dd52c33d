import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ShowTargets } from '../../../../shared/metrics/targets.js';
import { useT } from '../../i18n/useI18n.js';
import { boardActions, useBoardStore } from '../../state/boardStore.js';
import { useBoardSync } from '../../state/BoardSyncContext.js';
import { targetsUi, useTargetsUi } from '../../state/targetsUi.js';
import { DialogHead } from '../common/DialogHead.js';
import { ModalDialog } from '../common/ModalDialog.js';
import {
  formFromTargets,
  parseTargetForm,
  type TargetField,
  type TargetFormErrors,
  type TargetFormValues,
} from './targetForm.js';
import './targets.css';
import { messageOf } from '../common/errorMessage.js';

export function TargetsDialog() {
  const open = useTargetsUi((s) => s.open);
  return open ? <Dialog /> : null;
}

/**
 * The show's targets: GMV (typed in yuan, stored in cents), peak online, new followers and the
 * planned length that pace projections need. They apply to the running show, or to the next
 * one when none is running. Modal: focus stays inside, Esc closes.
 */
function Dialog() {
  const t = useT();
  const { client } = useBoardSync();
  const current = useBoardStore((s) => s.targets);
  const showTitle = useBoardStore((s) => (s.show && s.show.endedAt === null ? s.show.title : null));
  const [values, setValues] = useState<TargetFormValues>(() => formFromTargets(current));
  // Once the user types, a late answer from the service must not overwrite their input.
  const touched = useRef(false);
  const [errors, setErrors] = useState<TargetFormErrors>({});
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  // The service may know newer targets than the last update carried (another window saved them).
  useEffect(() => {
    let cancelled = false;
    client
      .getTargets({})
      .then((fresh: ShowTargets) => {
        if (cancelled) return;
        boardActions.setTargets(fresh);
        if (!touched.current) setValues(formFromTargets(fresh));
      })
      .catch(() => {
        // Keep what the board had; saving still works or says why not.
      });
    return () => {
      cancelled = true;
    };
  }, [client]);

  const change = (field: TargetField, value: string) => {
    touched.current = true;
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseTargetForm(values);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      const first = Object.keys(parsed.errors)[0];
      if (first) document.getElementById(`target-field-${first}`)?.focus();
      return;
    }
    setSaving(true);
    setFailure(null);
    try {
      const saved = await client.setTargets({ targets: parsed.targets });
      boardActions.setTargets(saved);
      targetsUi.close();
    } catch (error) {
      setFailure(messageOf(error));
      setSaving(false);
    }
  };

  return (
    <ModalDialog
      labelledBy="targets-title"
      describedBy="targets-scope"
      testId="targets-dialog"
      className="targets-dialog"
      onClose={() => targetsUi.close()}
      onSubmit={(event) => void submit(event)}
    >
      <DialogHead
        titleId="targets-title"
        title={t('targets.title')}
        close={{ label: t('targets.close'), onClick: () => targetsUi.close() }}
      />
      <p id="targets-scope" className={`targets-dialog__scope${showTitle ? '' : ' is-next'}`}>
        {showTitle ? t('targets.forShow', { title: showTitle }) : t('targets.forNext')}
      </p>
      <div className="targets-dialog__fields">
        <TargetInput
          field="gmv"
          testId="target-gmv"
          label={t('targets.gmv')}
          unit={t('targets.gmvUnit')}
          inputMode="decimal"
          value={values.gmv}
          error={errors.gmv}
          onChange={change}
          autoFocus
        />
        <TargetInput
          field="peakOnline"
          testId="target-peak"
          label={t('targets.peak')}
          unit={t('targets.peopleUnit')}
          value={values.peakOnline}
          error={errors.peakOnline}
          onChange={change}
        />
        <TargetInput
          field="newFollowers"
          testId="target-followers"
          label={t('targets.followers')}
          unit={t('targets.peopleUnit')}
          value={values.newFollowers}
          error={errors.newFollowers}
          onChange={change}
        />
        <TargetInput
          field="plannedMinutes"
          testId="target-minutes"
          label={t('targets.minutes')}
          unit={t('targets.minutesUnit')}
          hint={t('targets.minutesHint')}
          value={values.plannedMinutes}
          error={errors.plannedMinutes}
          onChange={change}
        />
      </div>
      <p className="targets-dialog__hint">{t('targets.emptyHint')}</p>
      {failure && (
        <p className="banner banner--bad" role="alert">
          {t('targets.saveFailed', { reason: failure })}
        </p>
      )}
      <footer className="dialog__foot">
        <button type="button" className="btn btn--lg" onClick={() => targetsUi.close()}>
          {t('targets.cancel')}
        </button>
        <button
          type="submit"
          className="btn btn--lg btn--primary"
          data-testid="targets-save"
          disabled={saving}
        >
          {saving ? t('targets.saving') : t('targets.save')}
        </button>
      </footer>
    </ModalDialog>
  );
}

function TargetInput({
  field,
  testId,
  label,
  unit,
  hint,
  value,
  error,
  inputMode = 'numeric',
  autoFocus = false,
  onChange,
}: {
  field: TargetField;
  testId: string;
  label: string;
  unit: string;
  hint?: string;
  value: string;
  error: TargetFormErrors[TargetField];
  inputMode?: 'numeric' | 'decimal';
  autoFocus?: boolean;
  onChange: (field: TargetField, value: string) => void;
}) {
  const t = useT();
  const id = `target-field-${field}`;
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ');
  return (
    <div className={`field target-field${error ? ' has-error' : ''}`}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <div className="target-field__control">
        <input
          id={id}
          className="target-field__input"
          data-testid={testId}
          type="text"
          inputMode={inputMode}
          autoComplete="off"
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy || undefined}
          data-autofocus={autoFocus ? '' : undefined}
          onChange={(event) => onChange(field, event.target.value)}
        />
        <span className="target-field__unit">{unit}</span>
      </div>
      {error ? (
        <span id={`${id}-error`} className="field__error target-field__error">
          {t(error)}
        </span>
      ) : (
        hint && (
          <span id={`${id}-hint`} className="field__hint">
            {hint}
          </span>
        )
      )}
    </div>
  );
}
