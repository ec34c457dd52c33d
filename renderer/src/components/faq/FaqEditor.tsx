import { useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { FaqEntryView } from '../../../../shared/api/contract.js';
import { FAQ_CATEGORIES } from '../../../../shared/faq/entry.js';
import { useLocale, useT } from '../../i18n/useI18n.js';
import { useBoardSync } from '../../state/BoardSyncContext.js';
import { useFaqStore } from '../../state/faqStore.js';
import type { FaqEditing } from '../../state/faqUi.js';
import { CloseButton } from '../common/IconButton.js';
import { previewAnswer } from './answerPreview.js';
import { AnswerPreviewView } from './AnswerPreviewView.js';
import { saveEntry } from './entryActions.js';
import {
  MAX_ANSWER_CHARS,
  fieldOfServerError,
  formFromEntry,
  messageInLocale,
  validateEntryForm,
  type EntryField,
  type EntryFormValues,
} from './entryForm.js';
import { HotkeyField } from './HotkeyField.js';
import { TriggerInput } from './TriggerInput.js';
import { useFillVars, useKnownVariableNames } from './useLibraryData.js';
import { VariableInserter } from './VariableInserter.js';
import type { FaqCategory } from '../../../../shared/faq/entry.js';
import { messageOf } from '../common/errorMessage.js';

type FieldErrors = Partial<Record<EntryField, string>>;

/**
 * The entry editor beside the list. Checks what it can before sending (named next to the
 * field), then shows what the core refuses the same way. Ctrl+Enter saves, Esc closes.
 * 广告法 words do not block saving — the team decides — but are flagged in words and colour.
 */
export function FaqEditor({
  editing,
  defaultCategory,
  onSaved,
  onClose,
}: {
  editing: NonNullable<FaqEditing>;
  defaultCategory: FaqCategory;
  onSaved: (saved: FaqEntryView, isNew: boolean) => void;
  onClose: () => void;
}) {
  const t = useT();
  const locale = useLocale();
  const { client } = useBoardSync();
  const entries = useFaqStore((s) => s.entries);
  const entry = useFaqStore((s) => (editing.kind === 'edit' ? s.byId.get(editing.id) : undefined));
  const compliance = useFaqStore((s) => s.compliance);
  const vars = useFillVars();
  const names = useKnownVariableNames();
  // The form is the user's from the first keystroke: a library refresh does not overwrite it.
  const [values, setValues] = useState<EntryFormValues>(() => formFromEntry(entry, defaultCategory));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const answerRef = useRef<HTMLTextAreaElement>(null);
  const rootRef = useRef<HTMLFormElement>(null);
  const preview = useMemo(
    () => previewAnswer(values.answer, vars, compliance),
    [values.answer, vars, compliance],
  );
  const selfId = editing.kind === 'edit' ? editing.id : null;
  const order = entry ? entries.indexOf(entry) + 1 : entries.length + 1;
  const missingEntry = editing.kind === 'edit' && !entry;

  useEffect(() => {
    rootRef.current?.querySelector<HTMLElement>('#faq-edit-triggers')?.focus();
  }, []);

  const change = <K extends keyof EntryFormValues>(field: K, value: EntryFormValues[K]) => {
    setValues((v) => ({ ...v, [field]: value }));
    if (field !== 'enabled') setErrors((e) => ({ ...e, [field]: undefined }));
    setFailure(null);
  };

  const insertVariable = (name: string) => {
    const area = answerRef.current;
    const token = `{${name}}`;
    const start = area?.selectionStart ?? values.answer.length;
    const end = area?.selectionEnd ?? start;
    change('answer', values.answer.slice(0, start) + token + values.answer.slice(end));
    requestAnimationFrame(() => {
      area?.focus();
      area?.setSelectionRange(start + token.length, start + token.length);
    });
  };

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (saving) return;
    const parsed = validateEntryForm(values, selfId, entries);
    if (!parsed.ok) {
      const translated: FieldErrors = {};
      for (const [field, error] of Object.entries(parsed.errors)) {
        translated[field as EntryField] = t(error.key, error.vars);
      }
      setErrors(translated);
      focusField(Object.keys(parsed.errors)[0]);
      return;
    }
    setSaving(true);
    setFailure(null);
    try {
      const saved = await saveEntry(client, parsed.entry);
      onSaved(saved, selfId === null);
    } catch (error) {
      const raw = messageOf(error);
      const field = fieldOfServerError(raw);
      const message = messageInLocale(raw, locale);
      if (field) {
        setErrors({ [field]: message });
        focusField(field);
      } else setFailure(message);
      setSaving(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void submit();
    } else if (event.key === 'Escape' && !event.isDefaultPrevented()) {
      event.preventDefault();
      onClose();
    }
  };

  return (
    <form
      ref={rootRef}
      className="faq-editor"
      aria-labelledby="faq-editor-title"
      data-testid="faq-editor"
      data-mode={editing.kind}
      noValidate
      onSubmit={(event) => void submit(event)}
      onKeyDown={onKeyDown}
    >
      <header className="faq-editor__head">
        <h3 id="faq-editor-title" className="faq-editor__title">
          {editing.kind === 'new' ? t('faq.edit.newTitle') : t('faq.edit.editTitle', { n: order })}
        </h3>
        <CloseButton label={t('faq.edit.close')} onClick={onClose} />
      </header>
      <div className="faq-editor__body">
        {missingEntry && <p className="banner banner--bad">{t('faq.edit.gone')}</p>}
        <div className={`field${errors.category ? ' has-error' : ''}`}>
          <label className="field__label" htmlFor="faq-edit-category">
            {t('faq.col.category')}
          </label>
          <select
            id="faq-edit-category"
            className="input"
            data-testid="faq-edit-category"
            value={values.category}
            onChange={(event) => change('category', event.target.value as FaqCategory)}
          >
            {FAQ_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`faq.cat.${c}`)}
              </option>
            ))}
          </select>
          {errors.category && <span className="field__error">{errors.category}</span>}
        </div>
        <TriggerInput
          value={values.triggers}
          error={errors.triggers}
          onChange={(v) => change('triggers', v)}
        />
        <div className={`field${errors.answer ? ' has-error' : ''}`}>
          <label className="field__label" htmlFor="faq-edit-answer">
            {t('faq.col.answer')}
            <span
              className={`field__aside${values.answer.length > MAX_ANSWER_CHARS ? ' is-over' : ''}`}
              data-testid="faq-edit-answer-count"
            >
              {values.answer.length}/{MAX_ANSWER_CHARS}
            </span>
          </label>
          <textarea
            ref={answerRef}
            id="faq-edit-answer"
            className="input"
            data-testid="faq-edit-answer"
            rows={4}
            value={values.answer}
            aria-invalid={errors.answer ? true : undefined}
            aria-describedby={errors.answer ? 'faq-edit-answer-error' : undefined}
            onChange={(event) => change('answer', event.target.value)}
          />
          {errors.answer && (
            <span id="faq-edit-answer-error" className="field__error" data-testid="faq-edit-answer-error">
              {errors.answer}
            </span>
          )}
          <VariableInserter names={names} onInsert={insertVariable} />
        </div>
        <AnswerPreviewView preview={preview} />
        <HotkeyField
          value={values.hotkey}
          error={errors.hotkey}
          entries={entries}
          selfId={selfId}
          onChange={(hotkey) => change('hotkey', hotkey)}
        />
        <label className="check">
          <input
            type="checkbox"
            data-testid="faq-edit-enabled"
            checked={values.enabled}
            onChange={(event) => change('enabled', event.target.checked)}
          />
          {t('faq.edit.enabled')}
        </label>
      </div>
      <footer className="faq-editor__foot">
        {failure && (
          <p className="banner banner--bad faq-editor__failure" role="alert" data-testid="faq-edit-failure">
            {t('faq.edit.saveFailed', { reason: failure })}
          </p>
        )}
        <span className="faq-editor__keys">{t('faq.edit.keys')}</span>
        <button type="button" className="btn" onClick={onClose}>
          {t('faq.cancel')}
        </button>
        <button
          type="submit"
          className="btn btn--primary"
          data-testid="faq-edit-save"
          disabled={saving || missingEntry}
        >
          {saving ? t('faq.edit.saving') : t('faq.edit.save')}
        </button>
      </footer>
    </form>
  );

  function focusField(field: string | undefined) {
    if (field) rootRef.current?.querySelector<HTMLElement>(`#faq-edit-${field}`)?.focus();
  }
}
