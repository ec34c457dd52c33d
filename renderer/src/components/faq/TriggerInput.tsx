import { useT } from '../../i18n/useI18n.js';
import { MAX_TRIGGER_CHARS, parseTriggers } from './entryForm.js';

/**
 * Trigger phrases, one per line: easy to paste a column from a spreadsheet, easy to batch-edit.
 * A line over the limit is named as soon as it is typed.
 */
export function TriggerInput({
  value,
  error,
  onChange,
}: {
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
}) {
  const t = useT();
  const count = parseTriggers(value).length;
  const longLine = value.split(/\r?\n/).findIndex((line) => line.trim().length > MAX_TRIGGER_CHARS);
  const problem =
    error ??
    (longLine >= 0
      ? t('faq.error.triggerTooLong', { line: longLine + 1, max: MAX_TRIGGER_CHARS })
      : undefined);
  return (
    <div className={`field${problem ? ' has-error' : ''}`}>
      <label className="field__label" htmlFor="faq-edit-triggers">
        {t('faq.edit.triggers')}
        <span className="field__aside">{t('faq.edit.triggerCount', { n: count })}</span>
      </label>
      <textarea
        id="faq-edit-triggers"
        className="input faq-textarea--triggers"
        data-testid="faq-edit-triggers"
        rows={4}
        spellCheck={false}
        value={value}
        aria-invalid={problem ? true : undefined}
        aria-describedby="faq-edit-triggers-note"
        onChange={(event) => onChange(event.target.value)}
      />
      <span
        id="faq-edit-triggers-note"
        className={problem ? 'field__error' : 'field__hint'}
        data-testid={problem ? 'faq-edit-triggers-error' : undefined}
      >
        {problem ?? t('faq.edit.triggersHint', { max: MAX_TRIGGER_CHARS })}
      </span>
    </div>
  );
}
