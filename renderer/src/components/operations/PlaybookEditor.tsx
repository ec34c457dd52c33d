import { useEffect, useState, type ReactNode } from 'react';
import { INCIDENT_TYPES, type IncidentType, type PlaybooksView } from '../../../../shared/api/operations.js';
import { useT } from '../../i18n/useI18n.js';
import { useBoardSync } from '../../state/BoardSyncContext.js';
import { operationsUi, useOperationsUi } from '../../state/operationsUi.js';
import { DialogHead } from '../common/DialogHead.js';
import { ModalDialog } from '../common/ModalDialog.js';
import { INCIDENT_TYPE_KEY } from './incidentTypes.js';
import { loadPlaybooks } from './operationsActions.js';
import { operationsData, useOperationsData } from './operationsData.js';
import { OpsStatusLine } from './OpsStatusLine.js';
import {
  draftsFromPlaybooks,
  MAX_STEP_CHARS,
  MAX_STEPS,
  moveStep,
  playbookSetFromDrafts,
  type PlaybookCheck,
  type PlaybookDraft,
  type PlaybookDrafts,
} from './playbookForm.js';
import { CloseButton, IconButton } from '../common/IconButton.js';
import { ResetWithConfirm } from './ResetWithConfirm.js';
import { messageOf } from '../common/errorMessage.js';

/** The 应急预案 editor; rendered only while open. */
export function PlaybookEditor() {
  const open = useOperationsUi((s) => s.playbooksOpen);
  const view = useOperationsData((s) => s.playbooks);
  return open ? view ? <Editor view={view} /> : <Loading /> : null;
}

function Loading() {
  const t = useT();
  const { client } = useBoardSync();
  const error = useOperationsData((s) => s.playbooksError);
  useEffect(() => void loadPlaybooks(client), [client]);
  return (
    <Frame>
      <p className={`banner${error ? ' banner--bad' : ''}`}>
        {error ? t('ops.playbooks.loadFailed', { reason: error }) : t('ops.playbooks.loading')}
      </p>
    </Frame>
  );
}

/** Modal over the log (and the checklist): keys do not reach the board or the log behind. */
function Frame({ children }: { children: ReactNode }) {
  const t = useT();
  return (
    <ModalDialog
      labelledBy="playbooks-title"
      testId="playbook-editor"
      className="playbook-editor"
      level="top"
      onClose={() => operationsUi.closePlaybooks()}
      marks={{ 'data-ops-modal': '' }}
    >
      <DialogHead
        titleId="playbooks-title"
        title={t('ops.playbooks.title')}
        close={{ label: t('ops.playbooks.close'), onClick: () => operationsUi.closePlaybooks() }}
      />
      {children}
    </ModalDialog>
  );
}

type Refusal = Extract<PlaybookCheck, { ok: false }>;

/**
 * Per incident type: a name and ordered steps (add, edit, move, remove). Saved as one set;
 * incidents already open keep the steps they were opened with. Reset brings back the shipped set.
 */
function Editor({ view }: { view: PlaybooksView }) {
  const t = useT();
  const { client } = useBoardSync();
  const [drafts, setDrafts] = useState<PlaybookDrafts>(() => draftsFromPlaybooks(view.playbooks));
  const [type, setType] = useState<IncidentType>(view.playbooks[0]?.type ?? 'stream_stutter');
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [saving, setSaving] = useState(false);
  const [confirmReset, setConfirmReset] = useState(false);
  const draft = drafts[type];

  const setDraft = (next: PlaybookDraft | undefined) => {
    setDrafts((all) => {
      const copy = { ...all };
      if (next) copy[type] = next;
      else delete copy[type];
      return copy;
    });
    setRefusal(null);
  };

  const send = async (set: Parameters<typeof client.savePlaybooks>[0]['playbooks']) => {
    setSaving(true);
    try {
      const saved = await client.savePlaybooks({ playbooks: set });
      operationsData.setPlaybooks(saved);
      setDrafts(draftsFromPlaybooks(saved.playbooks));
      operationsUi.report('ok', set ? 'ops.playbooks.saved' : 'ops.playbooks.resetDone');
    } catch (error) {
      operationsUi.report('error', 'ops.item.saveFailed', { reason: messageOf(error) });
    } finally {
      setSaving(false);
      setConfirmReset(false);
    }
  };

  const save = () => {
    const checked = playbookSetFromDrafts(drafts);
    if (!checked.ok) {
      setRefusal(checked);
      if (checked.type) setType(checked.type);
      return;
    }
    void send(checked.set);
  };

  const refusalText =
    refusal &&
    t('ops.playbooks.invalid', {
      type: refusal.type ? t(INCIDENT_TYPE_KEY[refusal.type]) : '—',
      reason: refusal.key ? t(refusal.key, refusal.vars) : refusal.detail,
    });

  return (
    <Frame>
      <OpsStatusLine />
      <div className="dialog__body playbook-editor__body">
        <nav className="playbook-editor__types" aria-label={t('ops.playbooks.types')}>
          {INCIDENT_TYPES.map((value) => (
            <button
              key={value}
              type="button"
              className={`playbook-type${value === type ? ' is-current' : ''}`}
              aria-current={value === type ? 'true' : undefined}
              data-testid="playbook-type"
              data-type={value}
              onClick={() => setType(value)}
            >
              <span>{t(INCIDENT_TYPE_KEY[value])}</span>
              <span className="playbook-type__count">
                {drafts[value]
                  ? t('ops.playbooks.stepCount', { n: drafts[value].steps.length })
                  : t('ops.playbooks.none')}
              </span>
            </button>
          ))}
        </nav>
        <div className="playbook-editor__form">
          {draft ? (
            <DraftForm draft={draft} onChange={setDraft} />
          ) : (
            <button
              type="button"
              className="btn"
              data-testid="playbook-create"
              onClick={() => setDraft({ title: t(INCIDENT_TYPE_KEY[type]), steps: [''] })}
            >
              + {t('ops.playbooks.create')}
            </button>
          )}
        </div>
      </div>
      {refusalText && (
        <p className="banner banner--bad" role="alert" data-testid="playbook-error">
          {refusalText}
        </p>
      )}
      <footer className="dialog__foot playbook-editor__foot">
        <span className="template-editor__scope">
          {t(view.isDefault ? 'ops.playbooks.isDefault' : 'ops.playbooks.isCustom')}
        </span>
        <span className="spacer" />
        <ResetWithConfirm
          confirming={confirmReset}
          busy={saving}
          text={{
            reset: t('ops.playbooks.reset'),
            question: t('ops.playbooks.resetConfirm'),
            cancel: t('ops.playbooks.cancel'),
          }}
          testId="playbooks-reset"
          onAsk={() => setConfirmReset(true)}
          onCancel={() => setConfirmReset(false)}
          onConfirm={() => void send(null)}
        />
        <button
          type="button"
          className="btn btn--primary"
          data-testid="playbooks-save"
          disabled={saving}
          onClick={save}
        >
          {saving ? t('ops.playbooks.saving') : t('ops.playbooks.save')}
        </button>
      </footer>
    </Frame>
  );
}

function DraftForm({
  draft,
  onChange,
}: {
  draft: PlaybookDraft;
  onChange: (next: PlaybookDraft | undefined) => void;
}) {
  const t = useT();
  const setSteps = (steps: string[]) => onChange({ ...draft, steps });
  return (
    <>
      <label className="playbook-editor__name">
        <span>{t('ops.playbooks.name')}</span>
        <input
          className="input"
          data-testid="playbook-title"
          maxLength={60}
          value={draft.title}
          onChange={(event) => onChange({ ...draft, title: event.target.value })}
        />
      </label>
      <ol className="playbook-steps-edit">
        {draft.steps.map((step, i) => (
          <li key={i} className="playbook-step-edit">
            <span className="incident-step__n" aria-hidden="true">
              {i + 1}
            </span>
            <input
              className="input"
              data-testid="playbook-step"
              aria-label={t('ops.playbooks.step', { n: i + 1 })}
              maxLength={MAX_STEP_CHARS}
              value={step}
              onChange={(event) => setSteps(draft.steps.map((s, j) => (j === i ? event.target.value : s)))}
            />
            <IconButton
              small
              icon="↑"
              label={t('ops.playbooks.up')}
              disabled={i === 0}
              onClick={() => setSteps(moveStep(draft.steps, i, -1))}
            />
            <IconButton
              small
              icon="↓"
              label={t('ops.playbooks.down')}
              disabled={i === draft.steps.length - 1}
              onClick={() => setSteps(moveStep(draft.steps, i, 1))}
            />
            <CloseButton
              small
              label={t('ops.playbooks.removeStep')}
              onClick={() => setSteps(draft.steps.filter((_, j) => j !== i))}
            />
          </li>
        ))}
      </ol>
      <div className="playbook-editor__tools">
        <button
          type="button"
          className="btn"
          data-testid="playbook-add-step"
          disabled={draft.steps.length >= MAX_STEPS}
          onClick={() => setSteps([...draft.steps, ''])}
        >
          + {t('ops.playbooks.addStep')}
        </button>
        <button type="button" className="btn btn--ghost" onClick={() => onChange(undefined)}>
          {t('ops.playbooks.removePlaybook')}
        </button>
      </div>
    </>
  );
}
