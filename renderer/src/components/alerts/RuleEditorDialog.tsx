import { useMemo, useState } from 'react';
import type { AlertKind } from '../../../../shared/api/alerts.js';
import type { AlertRule } from '../../../../shared/alerts/rules.js';
import { useT } from '../../i18n/useI18n.js';
import { alertsUi, useAlertsUi } from '../../state/alertsUi.js';
import { CloseButton } from '../common/IconButton.js';
import { DialogHead } from '../common/DialogHead.js';
import { ModalDialog } from '../common/ModalDialog.js';
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

  const rules = useMemo(() => view?.rules ?? [], [view]);
  const rule: AlertRule | null = useMemo(
    () => (editing?.kind === 'rule' ? (rules.find((r) => r.id === editing.id) ?? null) : null),
    [editing, rules],
  );

  const switchTo = (next: RuleEditing) => {
    if (dirty) setPending(next);
    else setEditing(next);
  };

  return (
    // Keys stay inside: the board behind must not act on A, S, M or F8.
    <ModalDialog
      labelledBy="rules-title"
      testId="alert-rules"
      className="rules-dialog"
      onClose={() => alertsUi.closeRules()}
    >
      <DialogHead
        titleId="rules-title"
        title={t('alerts.rules.title')}
        close={{
          label: t('alerts.rules.close'),
          testId: 'alert-rules-close',
          onClick: () => alertsUi.closeRules(),
        }}
      >
        <span className="dialog__meta" data-testid="alert-rules-source">
          {view
            ? t(view.isDefault ? 'alerts.rules.isDefault' : 'alerts.rules.isEdited', { n: rules.length })
            : ''}
        </span>
        <span className="spacer" />
        <RuleFileTools
          setResult={setIoResult}
          onReset={(first) => {
            setDirty(false);
            setGeneration((g) => g + 1);
            setEditing(first ? { kind: 'rule', id: first } : null);
          }}
        />
      </DialogHead>
      {loadError && (
        <p className="banner banner--strip banner--bad" role="alert">
          {t('alerts.rules.loadFailed', { reason: loadError })}
        </p>
      )}
      {ioResult && (
        <p
          className={`banner banner--strip banner--${ioResult.tone}`}
          role={ioResult.tone === 'bad' ? 'alert' : 'status'}
          data-testid="alert-rules-io-result"
        >
          <span className="banner__text">{ioResult.text}</span>
          <CloseButton label={t('alerts.rules.dismiss')} onClick={() => setIoResult(null)} />
        </p>
      )}
      {pending !== undefined && (
        <div className="banner banner--strip banner--warn" role="alert" data-testid="alert-rules-discard">
          <span>{t('alerts.rules.unsaved')}</span>
          <button
            type="button"
            className="btn"
            data-testid="alert-rules-discard-yes"
            onClick={() => {
              setEditing(pending);
              setPending(undefined);
              setDirty(false);
            }}
          >
            {t('alerts.rules.discard')}
          </button>
          <button type="button" className="btn" onClick={() => setPending(undefined)}>
            {t('alerts.rules.keepEditing')}
          </button>
        </div>
      )}
      <div className="dialog__body rules-dialog__body">
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
    </ModalDialog>
  );
}
