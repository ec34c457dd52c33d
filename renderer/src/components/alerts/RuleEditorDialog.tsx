import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { AlertKind } from '../../../../shared/api/alerts.js';
import type { AlertRule } from '../../../../shared/alerts/rules.js';
import { useFocusTrap } from '../../hooks/useFocusTrap.js';
import { useT } from '../../i18n/useI18n.js';
import { alertsUi, useAlertsUi } from '../../state/alertsUi.js';
import { useAlertRules } from './alertRulesStore.js';
import { RuleFileTools, type IoResult } from './RuleFileTools.js';
import { RuleForm } from './RuleForm.js';
import { RuleList } from './RuleList.js';

/** The rule editor (规则); always mounted, rendered only while open. */
export function RuleEditorDialog() {
  const open = useAlertsUi((s) => s.rulesOpen);
  return open ? <Dialog /> : null;
}

/** What the form edits: an existing rule (by id) or a new one of a kind. */
export type RuleEditing = { kind: 'rule'; id: string } | { kind: 'new'; ruleKind: AlertKind } | null;

/**
 * A modal over the board: the rules on the left (kind, name, severity, enabled, muted), the
 * selected rule's form on the right, file import/export and reset in the head. Esc closes.
 */
function Dialog() {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  const view = useAlertRules((s) => s.view);
  const loadError = useAlertRules((s) => s.error);
  const focusId = useAlertsUi((s) => s.rulesFocus);
  const [editing, setEditing] = useState<RuleEditing>(() =>
    focusId ? { kind: 'rule', id: focusId } : view?.rules[0] ? { kind: 'rule', id: view.rules[0].id } : null,
  );
  // Unsaved changes ask before another rule replaces them.
  const [dirty, setDirty] = useState(false);
  const [pending, setPending] = useState<RuleEditing | undefined>(undefined);
  const [ioResult, setIoResult] = useState<IoResult | null>(null);
  // Bumped when the rules are replaced underneath the form (a reset): the form starts over.
  const [generation, setGeneration] = useState(0);
  useFocusTrap(ref);

  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) alertsUi.closeRules();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  const rules = useMemo(() => view?.rules ?? [], [view]);
  const rule: AlertRule | null = useMemo(
    () => (editing?.kind === 'rule' ? (rules.find((r) => r.id === editing.id) ?? null) : null),
    [editing, rules],
  );

  const switchTo = (next: RuleEditing) => {
    if (dirty) setPending(next);
    else setEditing(next);
  };

  // Keys stay inside (the board behind must not act on A, S, M or F8); Tab and Esc go on.
  const keepKeysInside = (event: KeyboardEvent) => {
    if (event.key !== 'Tab' && event.key !== 'Escape') event.stopPropagation();
  };

  return (
    <div className="rules-layer">
      <div className="rules-backdrop" aria-hidden="true" onClick={() => alertsUi.closeRules()} />
      <div
        ref={ref}
        className="rules-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="rules-title"
        data-testid="alert-rules"
        tabIndex={-1}
        onKeyDown={keepKeysInside}
      >
        <header className="rules-dialog__head">
          <h2 id="rules-title" className="rules-dialog__title">
            {t('alerts.rules.title')}
          </h2>
          <span className="rules-dialog__meta" data-testid="alert-rules-source">
            {view
              ? t(view.isDefault ? 'alerts.rules.isDefault' : 'alerts.rules.isEdited', { n: rules.length })
              : ''}
          </span>
          <span className="rules-dialog__spacer" />
          <RuleFileTools
            setResult={setIoResult}
            onReset={(first) => {
              setDirty(false);
              setGeneration((g) => g + 1);
              setEditing(first ? { kind: 'rule', id: first } : null);
            }}
          />
          <button
            type="button"
            className="icon-button"
            data-testid="alert-rules-close"
            aria-label={t('alerts.rules.close')}
            title={t('alerts.rules.close')}
            onClick={() => alertsUi.closeRules()}
          >
            <span aria-hidden="true">✕</span>
          </button>
        </header>
        {loadError && (
          <p className="rules-banner is-bad" role="alert">
            {t('alerts.rules.loadFailed', { reason: loadError })}
          </p>
        )}
        {ioResult && (
          <p
            className={`rules-banner is-${ioResult.tone}`}
            role={ioResult.tone === 'bad' ? 'alert' : 'status'}
            data-testid="alert-rules-io-result"
          >
            <span className="rules-banner__text">{ioResult.text}</span>
            <button
              type="button"
              className="icon-button"
              aria-label={t('alerts.rules.dismiss')}
              onClick={() => setIoResult(null)}
            >
              <span aria-hidden="true">✕</span>
            </button>
          </p>
        )}
        {pending !== undefined && (
          <div className="rules-banner is-warn" role="alert" data-testid="alert-rules-discard">
            <span>{t('alerts.rules.unsaved')}</span>
            <button
              type="button"
              className="alert-button"
              data-testid="alert-rules-discard-yes"
              onClick={() => {
                setEditing(pending);
                setPending(undefined);
                setDirty(false);
              }}
            >
              {t('alerts.rules.discard')}
            </button>
            <button type="button" className="alert-button" onClick={() => setPending(undefined)}>
              {t('alerts.rules.keepEditing')}
            </button>
          </div>
        )}
        <div className="rules-dialog__body">
          <RuleList rules={rules} muted={view?.muted ?? []} editing={editing} onEdit={switchTo} />
          <RuleForm
            key={`${generation}:${editing ? (editing.kind === 'rule' ? `rule:${editing.id}` : `new:${editing.ruleKind}`) : 'none'}`}
            editing={editing}
            rule={rule}
            takenIds={rules.map((r) => r.id)}
            onDirty={setDirty}
            onSaved={(saved) => {
              setDirty(false);
              setEditing({ kind: 'rule', id: saved.id });
            }}
            onDeleted={() => {
              setDirty(false);
              setEditing(null);
            }}
          />
        </div>
      </div>
    </div>
  );
}
