import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import {
  FAQ_FILE_FORMATS,
  type FaqFileFormat,
  type FaqImportResult,
} from '../../../../shared/api/contract.js';
import { useLocale, useT } from '../../i18n/useI18n.js';
import { useBoardSync } from '../../state/BoardSyncContext.js';
import { faqActions, useFaqStore } from '../../state/faqStore.js';
import type { ConfirmRequest } from './ConfirmBar.js';
import { messageInLocale } from './entryForm.js';
import { readImportFile, saveExportFile } from './fileTransfer.js';
import type { FaqStatus } from './useEntryCommands.js';
import { messageOf } from '../common/errorMessage.js';

const FORMAT_LABEL: Record<FaqFileFormat, string> = { csv: 'CSV', xlsx: 'Excel', json: 'JSON' };

interface Props {
  setStatus: (status: FaqStatus | null) => void;
  confirm: (request: ConfirmRequest) => void;
}

/** The 话术 tab's file buttons: import (a panel: file, mode, result) and export in 3 formats. */
export function ImportExport({ setStatus, confirm }: Props) {
  const t = useT();
  const { client } = useBoardSync();
  const [panelOpen, setPanelOpen] = useState(false);
  const [exporting, setExporting] = useState<FaqFileFormat | null>(null);
  const importButton = useRef<HTMLButtonElement>(null);

  const exportAs = async (format: FaqFileFormat) => {
    if (exporting) return;
    setExporting(format);
    try {
      const file = await client.exportFaq({ format });
      saveExportFile(file);
      setStatus({ tone: 'good', text: t('faq.export.done', { file: file.fileName }) });
    } catch (error) {
      setStatus({ tone: 'bad', text: t('faq.export.failed', { reason: messageOf(error) }) });
    } finally {
      setExporting(null);
    }
  };

  return (
    <div className="faq-io">
      <button
        ref={importButton}
        type="button"
        className="btn"
        data-testid="faq-import-open"
        aria-expanded={panelOpen}
        aria-controls="faq-import-panel"
        onClick={() => setPanelOpen((open) => !open)}
      >
        {t('faq.import.open')}
      </button>
      <div className="faq-io__export" role="group" aria-label={t('faq.export.label')}>
        <span className="faq-io__label" aria-hidden="true">
          {t('faq.export.label')}
        </span>
        {FAQ_FILE_FORMATS.map((format) => (
          <button
            key={format}
            type="button"
            className="btn btn--sm"
            data-testid={`faq-export-${format}`}
            aria-busy={exporting === format}
            aria-label={t('faq.export.as', { format: FORMAT_LABEL[format] })}
            onClick={() => void exportAs(format)}
          >
            {FORMAT_LABEL[format]}
          </button>
        ))}
      </div>
      {panelOpen && (
        <ImportPanel
          setStatus={setStatus}
          confirm={confirm}
          onClose={() => {
            setPanelOpen(false);
            importButton.current?.focus();
          }}
        />
      )}
    </div>
  );
}

type Mode = 'merge' | 'replace';
type Outcome = FaqImportResult | { ok: false; local: string };

function ImportPanel({ setStatus, confirm, onClose }: Props & { onClose: () => void }) {
  const t = useT();
  const { client } = useBoardSync();
  const count = useFaqStore((s) => s.entries.length);
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<Mode>('merge');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => fileInput.current?.focus(), []);

  const run = async (chosen: File) => {
    setBusy(true);
    setOutcome(null);
    try {
      const read = await readImportFile(chosen);
      if (!read.ok) {
        setOutcome({ ok: false, local: t(`faq.import.read.${read.reason}`, { detail: read.detail ?? '' }) });
        return;
      }
      const result = await client.importFaq({ ...read.payload, fileName: chosen.name, mode });
      setOutcome(result);
      if (result.ok) {
        setStatus({ tone: 'good', text: t('faq.import.done', countsOf(result)) });
        await Promise.all([faqActions.reloadLibrary(client), faqActions.reloadVars(client)]);
      } else {
        setStatus({ tone: 'bad', text: t('faq.import.nothing') });
      }
    } catch (error) {
      setOutcome({ ok: false, local: messageOf(error) });
    } finally {
      setBusy(false);
    }
  };

  const start = () => {
    if (!file) return;
    if (mode === 'merge') {
      void run(file);
      return;
    }
    confirm({
      title: t('faq.import.replaceTitle'),
      lines: [t('faq.import.replaceCounts', { n: count, file: file.name }), t('faq.import.replaceBackup')],
      okLabel: t('faq.import.replaceOk'),
      danger: true,
      testId: 'replace',
      onOk: () => void run(file),
    });
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || event.isDefaultPrevented()) return;
    event.preventDefault();
    onClose();
  };

  return (
    <section
      id="faq-import-panel"
      className="faq-import"
      aria-labelledby="faq-import-title"
      data-testid="faq-import-panel"
      onKeyDown={onKeyDown}
    >
      <h3 id="faq-import-title" className="faq-import__title">
        {t('faq.import.title')}
      </h3>
      <label className="field">
        <span className="field__label">{t('faq.import.file')}</span>
        <input
          ref={fileInput}
          type="file"
          accept=".csv,.xlsx,.json"
          className="faq-import__file"
          data-testid="faq-import-file"
          onChange={(event) => {
            setFile(event.target.files?.[0] ?? null);
            setOutcome(null);
          }}
        />
      </label>
      <fieldset className="faq-import__modes">
        <legend className="field__label">{t('faq.import.mode')}</legend>
        {(['merge', 'replace'] as const).map((m) => (
          <label key={m} className="faq-radio">
            <input
              type="radio"
              name="faq-import-mode"
              value={m}
              data-testid={`faq-import-mode-${m}`}
              checked={mode === m}
              onChange={() => setMode(m)}
            />
            <span>
              <strong>{t(`faq.import.${m}`)}</strong>
              <span className="faq-radio__hint">{t(`faq.import.${m}Hint`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <p className="field__hint">{t('faq.import.formatsHint')}</p>
      <div className="faq-import__buttons">
        <button type="button" className="btn" onClick={onClose}>
          {t('faq.close')}
        </button>
        <button
          type="button"
          className="btn btn--primary"
          data-testid="faq-import-run"
          disabled={!file || busy}
          onClick={start}
        >
          {busy ? t('faq.import.running') : t('faq.import.run')}
        </button>
      </div>
      {outcome && <ImportOutcome outcome={outcome} />}
    </section>
  );
}

function countsOf(result: Extract<FaqImportResult, { ok: true }>) {
  return { added: result.added, updated: result.updated, removed: result.removed, total: result.total };
}

/** A rejected file says so prominently, names where (row, column) and that nothing changed. */
function ImportOutcome({ outcome }: { outcome: Outcome }) {
  const t = useT();
  const locale = useLocale();
  const ref = useRef<HTMLDivElement>(null);
  // The run button was disabled while importing, which drops focus to <body> (where Esc would
  // close the whole library): the outcome takes it, and a screen reader reads it out.
  useEffect(() => ref.current?.focus(), [outcome]);
  if (outcome.ok) {
    return (
      <div
        ref={ref}
        tabIndex={-1}
        className="faq-import__result faq-import__result--good"
        role="status"
        data-testid="faq-import-result"
      >
        ✓ {t('faq.import.done', countsOf(outcome))}
      </div>
    );
  }
  if ('local' in outcome) {
    return (
      <div
        ref={ref}
        tabIndex={-1}
        className="faq-import__result faq-import__result--bad"
        role="alert"
        data-testid="faq-import-error"
      >
        <strong>{t('faq.import.failed')}</strong> {outcome.local}
      </div>
    );
  }
  const where = [
    outcome.row !== null ? t('faq.import.row', { row: outcome.row }) : null,
    outcome.column !== null ? t('faq.import.column', { column: outcome.column }) : null,
  ]
    .filter((part): part is string => part !== null)
    .join(' · ');
  return (
    <div
      ref={ref}
      tabIndex={-1}
      className="faq-import__result faq-import__result--bad"
      role="alert"
      data-testid="faq-import-error"
      data-row={outcome.row ?? ''}
      data-column={outcome.column ?? ''}
    >
      <strong>{t('faq.import.failed')}</strong>
      {where && <span className="faq-import__where">{where}</span>}
      <span className="faq-import__reason">{messageInLocale(outcome.error, locale)}</span>
      <span className="faq-import__nothing">{t('faq.import.nothing')}</span>
    </div>
  );
}
