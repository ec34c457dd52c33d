import { useMemo, useState, type FormEvent } from 'react';
import type { FaqVariables } from '../../../../shared/api/contract.js';
import { AUTO_VARIABLES, autoVariables } from '../../../../shared/faq/variables.js';
import { useT } from '../../i18n/useI18n.js';
import { useBoardStore } from '../../state/boardStore.js';
import { useBoardSync } from '../../state/BoardSyncContext.js';
import { faqActions, useFaqStore } from '../../state/faqStore.js';
import { variableRows, valuesToSave, MAX_VARIABLE_CHARS, type VariableSource } from './variableRows.js';
import { messageOf } from '../common/errorMessage.js';
import { SaveResult } from './SaveResult.js';

const SOURCE_TONE = {
  auto: 'badge--soft-info',
  set: 'badge--soft-good',
  unset: 'badge--soft-warn',
} as const satisfies Record<VariableSource, string>;

/**
 * The 变量 tab: every {变量} the library uses with its value for this show. Empty means unset:
 * answers keep {name} and copying warns. 商品 / 到手价 follow the product being presented.
 */
export function VariablesPanel() {
  const t = useT();
  const vars = useFaqStore((s) => s.vars);
  if (!vars) return <p className="banner">{t('faq.loading')}</p>;
  // Remount when the show changes: the form starts from that show's values.
  return <VariablesForm key={vars.showId ?? 'next'} vars={vars} />;
}

function VariablesForm({ vars }: { vars: FaqVariables }) {
  const t = useT();
  const { client } = useBoardSync();
  const entries = useFaqStore((s) => s.entries);
  const libraryNames = useFaqStore((s) => s.variables);
  const product = useBoardStore((s) => s.product);
  const showTitle = useBoardStore((s) => (s.show && s.show.endedAt === null ? s.show.title : null));
  const auto = useMemo(() => ({ ...vars.auto, ...autoVariables(product) }), [vars.auto, product]);
  const [draft, setDraft] = useState<Record<string, string>>(() => ({ ...vars.values }));
  const [saving, setSaving] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const rows = useMemo(
    () =>
      variableRows({
        used: [...vars.used, ...libraryNames],
        values: vars.values,
        auto,
        autoNames: AUTO_VARIABLES,
        entries,
      }),
    [vars.used, vars.values, libraryNames, auto, entries],
  );
  const tooLong = rows.find((row) => (draft[row.name] ?? '').length > MAX_VARIABLE_CHARS);
  const dirty = JSON.stringify(valuesToSave(draft)) !== JSON.stringify(valuesToSave(vars.values));
  const unset = rows.filter((row) => row.source === 'unset').length;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (tooLong || saving) return;
    setSaving(true);
    setResult(null);
    try {
      const saved = await client.setFaqVars({ values: valuesToSave(draft) });
      faqActions.setVars(saved);
      setDraft({ ...saved.values });
      setResult({ ok: true, text: t('faq.vars.saved') });
    } catch (error) {
      setResult({ ok: false, text: t('faq.vars.saveFailed', { reason: messageOf(error) }) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="faq-vars" data-testid="faq-vars" onSubmit={(event) => void save(event)} noValidate>
      <header className="faq-panel-head">
        <p className="faq-panel-head__scope">
          {showTitle ? t('faq.vars.forShow', { title: showTitle }) : t('faq.vars.forNext')}
        </p>
        <p className={`faq-panel-head__note${unset > 0 ? ' is-warn' : ''}`} data-testid="faq-vars-unset">
          {unset > 0 ? t('faq.vars.unsetCount', { n: unset }) : t('faq.vars.allSet')}
        </p>
      </header>
      <div className="faq-vars__table" role="table" aria-label={t('faq.tab.vars')}>
        <div className="faq-vars__row faq-vars__row--head" role="row">
          <span role="columnheader">{t('faq.vars.name')}</span>
          <span role="columnheader">{t('faq.vars.value')}</span>
          <span role="columnheader">{t('faq.vars.source')}</span>
          <span role="columnheader">{t('faq.vars.usedBy')}</span>
        </div>
        {rows.map((row) => {
          const value = draft[row.name] ?? '';
          const over = value.length > MAX_VARIABLE_CHARS;
          return (
            <div
              key={row.name}
              className={`faq-vars__row faq-vars__row--${row.source}`}
              role="row"
              data-testid="faq-var-row"
              data-name={row.name}
              data-source={row.source}
            >
              <span role="cell" className="faq-vars__name">
                <label htmlFor={`faq-var-${row.name}`}>{`{${row.name}}`}</label>
              </span>
              <span role="cell" className="faq-vars__value">
                {row.source === 'auto' ? (
                  <output id={`faq-var-${row.name}`} className="faq-vars__auto" data-testid="faq-var-auto">
                    {row.autoValue ?? t('faq.vars.autoPending')}
                  </output>
                ) : (
                  <input
                    id={`faq-var-${row.name}`}
                    className={`input${over ? ' is-invalid' : ''}`}
                    data-testid="faq-var-input"
                    data-name={row.name}
                    value={value}
                    placeholder={row.autoValue ?? t('faq.vars.unsetPlaceholder')}
                    aria-invalid={over ? true : undefined}
                    onChange={(event) => {
                      setDraft((d) => ({ ...d, [row.name]: event.target.value }));
                      setResult(null);
                    }}
                  />
                )}
                {over && (
                  <span className="field__error">{t('faq.vars.tooLong', { max: MAX_VARIABLE_CHARS })}</span>
                )}
              </span>
              <span role="cell" className={`badge ${SOURCE_TONE[row.source]}`}>
                {t(`faq.vars.source.${row.source}`)}
              </span>
              <span role="cell" className="faq-vars__used">
                {row.usedBy}
              </span>
            </div>
          );
        })}
        {rows.length === 0 && <p className="banner">{t('faq.vars.none')}</p>}
      </div>
      <footer className="dialog__foot faq-panel-foot">
        <SaveResult result={result} testId="faq-vars-result" />
        <span className="faq-panel-foot__hint">{t('faq.vars.hint')}</span>
        <button
          type="button"
          className="btn"
          disabled={!dirty || saving}
          onClick={() => {
            setDraft({ ...vars.values });
            setResult(null);
          }}
        >
          {t('faq.vars.revert')}
        </button>
        <button
          type="submit"
          className="btn btn--primary"
          data-testid="faq-vars-save"
          // Not disabled while saving: a disabled button drops focus to <body>, where Esc closes the library.
          disabled={Boolean(tooLong)}
        >
          {saving ? t('faq.edit.saving') : t('faq.vars.save')}
        </button>
      </footer>
    </form>
  );
}
