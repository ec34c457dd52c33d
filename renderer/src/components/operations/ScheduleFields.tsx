import { useState, type KeyboardEvent } from 'react';
import type { LiveDeskClient } from '../../../../shared/api/contract.js';
import type { ChecklistRun } from '../../../../shared/api/operations.js';
import { useT } from '../../i18n/useI18n.js';
import { operationsUi } from '../../state/operationsUi.js';
import { DEFAULT_LEAD_MS, fromLocalInput, toLocalInput } from './localTime.js';
import { scheduleRun } from './operationsActions.js';

type Field = 'start' | 'deadline';

/**
 * The scheduled start and the deadline, saved on Enter or when the field is left. Moving the
 * start moves a default deadline (start − 2 h) with it; a deadline the user set stays.
 */
export function ScheduleFields({ client, run }: { client: LiveDeskClient; run: ChecklistRun }) {
  const t = useT();
  // A field shows what the core stored (or another window set) unless it is being edited.
  const [drafts, setDrafts] = useState<Partial<Record<Field, string>>>({});
  const [bad, setBad] = useState<Field | null>(null);
  const stored: Record<Field, string> = {
    start: toLocalInput(run.scheduledStart),
    deadline: toLocalInput(run.deadline),
  };
  const valueOf = (field: Field) => drafts[field] ?? stored[field];
  const clearDraft = (field: Field) =>
    setDrafts((d) => {
      const next = { ...d };
      delete next[field];
      return next;
    });

  /** badInput: a half-typed date reads as "" — that is not a cleared field. */
  const commit = (field: Field, badInput: boolean) => {
    if (drafts[field] === undefined) return;
    const value = badInput ? undefined : fromLocalInput(valueOf(field));
    if (value === undefined) {
      setBad(field);
      operationsUi.report('error', 'ops.checklist.scheduleFailed', { reason: t('ops.checklist.badTime') });
      return;
    }
    setBad(null);
    clearDraft(field);
    if (field === 'start') {
      if (value === run.scheduledStart) return;
      const defaultDeadline =
        run.deadline === null ||
        (run.scheduledStart !== null && run.deadline === run.scheduledStart - DEFAULT_LEAD_MS);
      void scheduleRun(client, run.id, value, defaultDeadline ? undefined : run.deadline);
    } else {
      if (value === run.deadline) return;
      void scheduleRun(client, run.id, run.scheduledStart, value);
    }
  };

  const onKeyDown = (field: Field) => (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      commit(field, event.currentTarget.validity.badInput);
    }
  };

  return (
    <div className="checklist-schedule">
      <label className="checklist-schedule__field">
        <span>{t('ops.checklist.start')}</span>
        <input
          type="datetime-local"
          className={`input input--sm${bad === 'start' ? ' is-invalid' : ''}`}
          data-testid="checklist-start"
          value={valueOf('start')}
          onChange={(event) => setDrafts((d) => ({ ...d, start: event.target.value }))}
          onBlur={(event) => commit('start', event.currentTarget.validity.badInput)}
          onKeyDown={onKeyDown('start')}
        />
      </label>
      <label className="checklist-schedule__field" title={t('ops.checklist.deadlineHint')}>
        <span>{t('ops.checklist.deadline')}</span>
        <input
          type="datetime-local"
          className={`input input--sm${bad === 'deadline' ? ' is-invalid' : ''}`}
          data-testid="checklist-deadline-input"
          value={valueOf('deadline')}
          onChange={(event) => setDrafts((d) => ({ ...d, deadline: event.target.value }))}
          onBlur={(event) => commit('deadline', event.currentTarget.validity.badInput)}
          onKeyDown={onKeyDown('deadline')}
        />
      </label>
    </div>
  );
}
