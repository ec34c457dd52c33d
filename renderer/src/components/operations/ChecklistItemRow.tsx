import { useRef, useState, type KeyboardEvent } from 'react';
import type { LiveDeskClient } from '../../../../shared/api/contract.js';
import type { ChecklistItemState, ChecklistItemStatus, Playbook } from '../../../../shared/api/operations.js';
import type { MessageKey } from '../../../../shared/i18n/messages.js';
import { formatTimeOfDay } from '../../format/time.js';
import { useT } from '../../i18n/useI18n.js';
import { checkMeasured, exampleValue, statusAfterMeasured } from './checklistRange.js';
import { ContingencyPlaybook } from './ContingencyPlaybook.js';
import { expectationText, failureReason } from './expectationText.js';
import { updateItem, type ItemPatch } from './operationsActions.js';

interface ChecklistItemRowProps {
  client: LiveDeskClient;
  runId: number;
  item: ChecklistItemState;
  /** The playbook of the item's contingency type, shown when it fails. */
  playbook: Playbook | null;
  autoFocus: boolean;
}

const STATUS_KEY = {
  open: 'ops.item.open',
  pass: 'ops.item.pass',
  fail: 'ops.item.fail',
  na: 'ops.item.na',
} as const satisfies Record<ChecklistItemStatus, MessageKey>;

const STATUS_OF_KEY: Record<string, ChecklistItemStatus> = { p: 'pass', f: 'fail', n: 'na', o: 'open' };
const BUTTONS = [
  ['pass', 'P'],
  ['fail', 'F'],
  ['na', 'N'],
] as const;

/** What the row shows until the core's answer arrives: a failed value turns red at once. */
interface Pending {
  status: ChecklistItemStatus;
  measured: string | null;
}

/** Which stored version of the item a pending view was made over. */
const versionOf = (item: ChecklistItemState) => `${item.updatedAt}|${item.status}|${item.measured}`;

/**
 * One checklist item: label and how to check it, the expectation, the measured value (Enter
 * saves; a value out of range fails the row at once, with the range), pass / fail / n.a. (P / F
 * / N on the focused row; the pressed one again reopens), a note, who and when. A failed item
 * shows its contingency playbook underneath.
 */
export function ChecklistItemRow({ client, runId, item, playbook, autoFocus }: ChecklistItemRowProps) {
  const t = useT();
  const rowRef = useRef<HTMLDivElement>(null);
  const [draft, setDraft] = useState<string | null>(null);
  const [noteDraft, setNoteDraft] = useState<string | null>(null);
  /** Why the last change was refused (by the page or by the core); cleared by the next one. */
  const [rowError, setRowError] = useState<string | null>(null);
  const [pending, setPendingView] = useState<(Pending & { over: string }) | null>(null);
  const setPending = (view: Pending | null) => setPendingView(view && { ...view, over: versionOf(item) });

  // The core's answer (or another window's edit) makes a new version: it replaces the guess.
  const shown = pending && pending.over === versionOf(item) ? pending : null;
  const status = shown?.status ?? item.status;
  const measured = shown ? shown.measured : item.measured;
  const reason = failureReason(t, item.expected, status, measured);

  /** Shows the change at once; the core's answer replaces it, or its refusal is shown here. */
  const save = async (patch: ItemPatch, optimistic: Pending): Promise<boolean> => {
    setPending(optimistic);
    setRowError(null);
    const refused = await updateItem(client, runId, item.id, patch);
    if (refused === null) return true;
    setPending(null);
    setRowError(refused);
    return false;
  };

  const setStatus = (next: ChecklistItemStatus) => {
    const value = status === next ? 'open' : next;
    void save({ status: value }, { status: value, measured });
  };

  /**
   * Saves the typed value (the core judges it: out of range fails, in range passes). false: not
   * a number — it stays in the field, with the reason, to be corrected.
   */
  const commitMeasured = (): boolean => {
    if (draft === null) return true;
    const raw = draft.trim();
    const value = raw === '' ? null : raw;
    if (value === item.measured) {
      setDraft(null);
      return true;
    }
    const check = checkMeasured(item.expected, value);
    if (check.kind === 'notNumber' && item.expected.kind === 'range') {
      // Refused here already; the value stays in the field to be corrected.
      setRowError(t('ops.item.notNumber', { example: exampleValue(item.expected) }));
      return false;
    }
    setDraft(null);
    void save({ measured: value }, { status: statusAfterMeasured(item, check), measured: value }).then(
      (saved) => !saved && setDraft(raw),
    );
    return true;
  };

  const commitNote = () => {
    if (noteDraft === null) return;
    const note = noteDraft.trim();
    setNoteDraft(null);
    if (note !== item.note) void save({ note }, { status, measured });
  };

  const onRowKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.ctrlKey || event.altKey || event.metaKey || event.nativeEvent.isComposing) return;
    const target = event.target as HTMLElement;
    if (target instanceof HTMLInputElement) return;
    const next = STATUS_OF_KEY[event.key.toLowerCase()];
    if (next) {
      event.preventDefault();
      if (next === 'open' ? status !== 'open' : status !== next) setStatus(next);
    } else if (event.key === 'Enter' && target === rowRef.current) {
      event.preventDefault();
      rowRef.current.querySelector<HTMLInputElement>('input')?.focus();
    }
  };

  const onMeasuredKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      if (commitMeasured()) rowRef.current?.focus();
    } else if (event.key === 'Escape' && (draft !== null || rowError)) {
      // Esc undoes the typing first; a second Esc closes the dialog.
      event.preventDefault();
      setDraft(null);
      setRowError(null);
      rowRef.current?.focus();
    }
  };

  const onNoteKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      commitNote();
      rowRef.current?.focus();
    } else if (event.key === 'Escape' && noteDraft !== null) {
      event.preventDefault();
      setNoteDraft(null);
      rowRef.current?.focus();
    }
  };

  const detail = rowError ?? reason;
  return (
    <div
      ref={rowRef}
      className={`checklist-row is-${status}`}
      role="row"
      tabIndex={0}
      aria-label={`${item.label} · ${t(STATUS_KEY[status])}`}
      data-checklist-row=""
      data-testid="checklist-row"
      data-item-id={item.id}
      data-status={status}
      data-autofocus={autoFocus ? '' : undefined}
      onKeyDown={onRowKeyDown}
    >
      <span role="gridcell" className="checklist-row__item">
        <span className="checklist-row__mark" aria-hidden="true" />
        <span className="checklist-row__text">
          <span className="checklist-row__label">{item.label}</span>
          {item.hint && (
            <span className="checklist-row__hint" title={item.hint}>
              {item.hint}
            </span>
          )}
        </span>
      </span>
      <span role="gridcell" className="checklist-row__expected" data-testid="checklist-expected">
        {expectationText(t, item.expected)}
      </span>
      <span role="gridcell" className="checklist-row__measured">
        {item.expected.kind !== 'check' && (
          <input
            className={`input input--sm${rowError && draft !== null ? ' is-invalid' : ''}`}
            data-testid="checklist-measured"
            type="text"
            inputMode={item.expected.kind === 'range' ? 'decimal' : 'text'}
            autoComplete="off"
            maxLength={100}
            placeholder={item.expected.kind === 'range' ? exampleValue(item.expected) : item.expected.value}
            aria-label={t('ops.item.measuredLabel', { label: item.label })}
            aria-invalid={rowError && draft !== null ? true : undefined}
            value={draft ?? measured ?? ''}
            onChange={(event) => {
              setDraft(event.target.value);
              setRowError(null);
            }}
            onKeyDown={onMeasuredKeyDown}
            onBlur={() => commitMeasured()}
          />
        )}
      </span>
      <span role="gridcell" className="checklist-row__result">
        {BUTTONS.map(([value, key]) => (
          <button
            key={value}
            type="button"
            tabIndex={-1}
            className={`checklist-status is-${value}`}
            data-testid={`checklist-${value}`}
            aria-pressed={status === value}
            title={`${t(STATUS_KEY[value])} (${key})`}
            onClick={() => setStatus(value)}
          >
            {t(STATUS_KEY[value])}
          </button>
        ))}
      </span>
      <span role="gridcell" className="checklist-row__note">
        <input
          className="input input--sm"
          data-testid="checklist-note"
          type="text"
          autoComplete="off"
          maxLength={500}
          placeholder={t('ops.item.notePlaceholder')}
          aria-label={t('ops.item.noteLabel', { label: item.label })}
          value={noteDraft ?? item.note}
          onChange={(event) => setNoteDraft(event.target.value)}
          onKeyDown={onNoteKeyDown}
          onBlur={commitNote}
        />
      </span>
      <span role="gridcell" className="checklist-row__who" data-testid="checklist-who">
        {item.updatedAt !== null && (
          <>
            <bdi>{item.who ?? ''}</bdi> {formatTimeOfDay(item.updatedAt).slice(0, 5)}
          </>
        )}
      </span>
      {(detail !== null || status === 'fail') && (
        <div role="gridcell" className="checklist-row__detail">
          {detail !== null && (
            <p
              className={`checklist-row__reason${rowError ? ' is-refused' : ''}`}
              data-testid="checklist-reason"
            >
              {detail}
            </p>
          )}
          {status === 'fail' && item.contingency !== null && (
            <ContingencyPlaybook client={client} playbook={playbook} itemLabel={item.label} />
          )}
        </div>
      )}
    </div>
  );
}
