import { useRef, useState, type ChangeEvent } from 'react';
import { useLocale, useT } from '../../i18n/useI18n.js';
import { alertsUi } from '../../state/alertsUi.js';
import { useBoardSync } from '../../state/BoardSyncContext.js';
import { saveExportFile } from '../faq/fileTransfer.js';
import { alertRulesActions } from './alertRulesStore.js';
import { localisedMessage } from './ruleForm.js';
import { messageOf } from '../common/errorMessage.js';

/** importAlertRules takes at most 5,000,000 characters. */
const MAX_FILE_BYTES = 5_000_000;

type Mode = 'merge' | 'replace';

export interface IoResult {
  tone: 'ok' | 'bad';
  text: string;
}

interface RuleFileToolsProps {
  /** The first rule of the reset set, to show in the form. */
  onReset: (firstRuleId: string | null) => void;
  /** Shown as a banner under the dialog's head (a refused file's message can be long). */
  setResult: (result: IoResult | null) => void;
}

/**
 * Import (a JSON file, merged into the rules or replacing them; all or nothing, a bad file is
 * named down to the rule and field), export (a download) and reset to the shipped rules (asks
 * once more first).
 */
export function RuleFileTools({ onReset, setResult }: RuleFileToolsProps) {
  const t = useT();
  const locale = useLocale();
  const { client } = useBoardSync();
  const input = useRef<HTMLInputElement>(null);
  const [mode, setMode] = useState<Mode>('merge');
  const [confirmReset, setConfirmReset] = useState(false);

  const importFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = ''; // the same file again must fire change again
    if (!file) return;
    if (!/\.json$/i.test(file.name)) {
      setResult({ tone: 'bad', text: t('alerts.io.notJson', { file: file.name }) });
      return;
    }
    if (file.size > MAX_FILE_BYTES) {
      setResult({ tone: 'bad', text: t('alerts.io.tooBig', { file: file.name }) });
      return;
    }
    try {
      const answer = await client.importAlertRules({ data: await file.text(), mode });
      if (answer.ok) {
        const { added, updated, removed, total } = answer;
        setResult({
          tone: 'ok',
          text: t('alerts.io.imported', { added, updated, removed, total, file: file.name }),
        });
        void alertRulesActions.reload(client);
      } else {
        const where =
          answer.rule !== null ? t('alerts.io.where', { rule: answer.rule, field: answer.field ?? '—' }) : '';
        setResult({
          tone: 'bad',
          text: t('alerts.io.refused', {
            file: file.name,
            where,
            reason: localisedMessage(answer.error, locale),
          }),
        });
      }
    } catch (error) {
      setResult({
        tone: 'bad',
        text: t('alerts.io.failed', { reason: localisedMessage(messageOf(error), locale) }),
      });
    }
  };

  const exportRules = async () => {
    try {
      const file = await client.exportAlertRules();
      saveExportFile(file);
      setResult({ tone: 'ok', text: t('alerts.io.exported', { file: file.fileName }) });
    } catch (error) {
      setResult({ tone: 'bad', text: t('alerts.io.failed', { reason: messageOf(error) }) });
    }
  };

  const reset = async () => {
    if (!confirmReset) {
      setConfirmReset(true);
      return;
    }
    setConfirmReset(false);
    try {
      const view = await client.resetAlertRules();
      alertRulesActions.setView(view);
      alertsUi.report('ok', 'alerts.rules.resetDone');
      setResult({ tone: 'ok', text: t('alerts.rules.resetDone') });
      onReset(view.rules[0]?.id ?? null);
    } catch (error) {
      setResult({ tone: 'bad', text: t('alerts.io.failed', { reason: messageOf(error) }) });
    }
  };

  return (
    <div className="rule-io">
      <select
        className="input rule-io__mode"
        data-testid="alert-rules-import-mode"
        aria-label={t('alerts.io.mode')}
        value={mode}
        onChange={(event) => setMode(event.target.value as Mode)}
      >
        <option value="merge">{t('alerts.io.merge')}</option>
        <option value="replace">{t('alerts.io.replace')}</option>
      </select>
      <button
        type="button"
        className="btn"
        data-testid="alert-rules-import"
        onClick={() => input.current?.click()}
      >
        {t('alerts.io.import')}
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid="alert-rules-file"
        onChange={(event) => void importFile(event)}
      />
      <button
        type="button"
        className="btn"
        data-testid="alert-rules-export"
        onClick={() => void exportRules()}
      >
        {t('alerts.io.export')}
      </button>
      <button
        type="button"
        className={`btn${confirmReset ? ' btn--danger' : ''}`}
        data-testid="alert-rules-reset"
        onClick={() => void reset()}
        onBlur={() => setConfirmReset(false)}
      >
        {t(confirmReset ? 'alerts.rules.resetConfirm' : 'alerts.rules.reset')}
      </button>
    </div>
  );
}
