import { useState, type FormEvent } from 'react';
import type { ComplianceWords } from '../../../../shared/api/contract.js';
import { useT } from '../../i18n/useI18n.js';
import { useBoardSync } from '../../state/BoardSyncContext.js';
import { faqActions, useFaqStore } from '../../state/faqStore.js';
import { ConfirmBar, type ConfirmRequest } from './ConfirmBar.js';
import { parseWordList } from './wordList.js';
import { messageOf } from '../common/errorMessage.js';
import { SaveResult } from './SaveResult.js';

/**
 * The 违禁词 tab: the 广告法 word list answers are checked against, and the exceptions that
 * make a word harmless (最 is flagged, 最近 is not). Saved for every show; resettable to the
 * list LiveDesk ships.
 */
export function CompliancePanel() {
  const t = useT();
  const compliance = useFaqStore((s) => s.compliance);
  if (!compliance) return <p className="banner">{t('faq.loading')}</p>;
  return <ComplianceForm compliance={compliance} />;
}

type Field = 'words' | 'exceptions';

function ComplianceForm({ compliance }: { compliance: ComplianceWords }) {
  const t = useT();
  const { client } = useBoardSync();
  const [text, setText] = useState<Record<Field, string>>(() => ({
    words: compliance.words.join('\n'),
    exceptions: compliance.exceptions.join('\n'),
  }));
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmRequest, setConfirmRequest] = useState<ConfirmRequest | null>(null);

  const send = async (words: ComplianceWords | null) => {
    if (busy) return;
    setBusy(true);
    setResult(null);
    try {
      const saved = await client.setComplianceWords(
        words && { words: words.words, exceptions: words.exceptions },
      );
      faqActions.setCompliance(saved);
      // Show the list as the core keeps it (trimmed, de-duplicated, or the shipped one).
      setText({ words: saved.words.join('\n'), exceptions: saved.exceptions.join('\n') });
      setResult({ ok: true, text: t(words ? 'faq.words.saved' : 'faq.words.resetDone') });
    } catch (error) {
      setResult({ ok: false, text: t('faq.words.saveFailed', { reason: messageOf(error) }) });
    } finally {
      setBusy(false);
    }
  };

  const save = (event: FormEvent) => {
    event.preventDefault();
    const words = parseWordList(text.words);
    const exceptions = parseWordList(text.exceptions);
    const next: Partial<Record<Field, string>> = {};
    if (!words.ok) next.words = t(words.error.key, words.error.vars);
    if (!exceptions.ok) next.exceptions = t(exceptions.error.key, exceptions.error.vars);
    setErrors(next);
    if (!words.ok || !exceptions.ok) return;
    void send({ words: words.words, exceptions: exceptions.words, isDefault: false });
  };

  const reset = () =>
    setConfirmRequest({
      title: t('faq.words.resetTitle'),
      lines: [t('faq.words.resetDetail')],
      okLabel: t('faq.words.reset'),
      danger: true,
      testId: 'reset-words',
      onOk: () => void send(null),
    });

  const area = (field: Field) => (
    <div className={`field faq-words__field${errors[field] ? ' has-error' : ''}`}>
      <label className="field__label" htmlFor={`faq-words-${field}`}>
        {t(`faq.words.${field}`)}
        <span className="field__aside">{t('faq.words.count', { n: parseCount(text[field]) })}</span>
      </label>
      <span className="field__hint">{t(`faq.words.${field}Hint`)}</span>
      <textarea
        id={`faq-words-${field}`}
        className="input faq-words__area"
        data-testid={`faq-words-${field}`}
        spellCheck={false}
        value={text[field]}
        aria-invalid={errors[field] ? true : undefined}
        onChange={(event) => {
          setText((x) => ({ ...x, [field]: event.target.value }));
          setErrors((e) => ({ ...e, [field]: undefined }));
          setResult(null);
        }}
      />
      {errors[field] && (
        <span className="field__error" data-testid={`faq-words-${field}-error`}>
          {errors[field]}
        </span>
      )}
    </div>
  );

  return (
    <form className="faq-words" data-testid="faq-words" onSubmit={save} noValidate>
      <header className="faq-panel-head">
        <p className="faq-panel-head__scope">{t('faq.words.scope')}</p>
        <span
          className={`badge ${compliance.isDefault ? 'badge--soft-info' : 'badge--soft-good'}`}
          data-testid="faq-words-default"
          data-default={compliance.isDefault}
        >
          {compliance.isDefault ? t('faq.words.isDefault') : t('faq.words.isCustom')}
        </span>
      </header>
      <div className="faq-words__grid">
        {area('words')}
        {area('exceptions')}
      </div>
      <footer className="dialog__foot faq-panel-foot">
        <SaveResult result={result} testId="faq-words-result" />
        <button
          type="button"
          className="btn"
          data-testid="faq-words-reset"
          disabled={busy || compliance.isDefault}
          onClick={reset}
        >
          {t('faq.words.reset')}
        </button>
        <button type="submit" className="btn btn--primary" data-testid="faq-words-save">
          {busy ? t('faq.edit.saving') : t('faq.words.save')}
        </button>
      </footer>
      {confirmRequest && (
        <ConfirmBar
          request={confirmRequest}
          onClose={() => {
            setConfirmRequest(null);
            // The confirm button goes away: keep focus in the tab (not <body>, where Esc closes all).
            requestAnimationFrame(() => document.getElementById('faq-words-words')?.focus());
          }}
        />
      )}
    </form>
  );
}

function parseCount(text: string): number {
  const parsed = parseWordList(text);
  return parsed.ok ? parsed.words.length : text.split(/\r?\n/).filter((l) => l.trim() !== '').length;
}
