import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import {
  SOURCE_KINDS,
  type SourceConfig,
  type SourceKind,
  type SourceTestResult,
} from '../../../../shared/api/sources.js';
import type { MessageKey } from '../../../../shared/i18n/messages.js';
import { useT } from '../../i18n/useI18n.js';
import { useBoardSync } from '../../state/BoardSyncContext.js';
import { useBoardStore } from '../../state/boardStore.js';
import {
  FIELDS_BY_KIND,
  REPLAY_SPEEDS,
  checkForm,
  emptyForm,
  formFromSettings,
  type FieldErrors,
  type FormField,
  type SourceForm,
} from './sourceForm.js';
import { messageOf } from '../common/errorMessage.js';

type Outcome =
  | { action: 'test' | 'apply'; state: 'pending' }
  | { action: 'test' | 'apply'; state: 'done'; result: SourceTestResult }
  | { action: 'test' | 'apply'; state: 'failed'; reason: string };

interface FieldSpec {
  label: MessageKey;
  hint?: MessageKey;
  testId: string;
  type: 'text' | 'password' | 'number' | 'url' | 'replaySpeed';
  step?: string;
  placeholder?: string;
}

const FIELD_SPECS: Record<FormField, FieldSpec> = {
  url: { label: 'settings.field.url', hint: 'settings.field.urlHint', testId: 'source-url', type: 'url' },
  room: { label: 'settings.field.room', testId: 'source-room', type: 'text', placeholder: 'demo-room' },
  token: {
    label: 'settings.field.token',
    hint: 'settings.field.tokenHint',
    testId: 'source-token',
    type: 'password',
  },
  intervalSec: { label: 'settings.field.interval', testId: 'source-interval', type: 'number', step: '0.1' },
  file: {
    label: 'settings.field.file',
    hint: 'settings.field.fileHint',
    testId: 'source-file',
    type: 'text',
  },
  replaySpeed: { label: 'settings.field.replaySpeed', testId: 'source-speed', type: 'replaySpeed' },
  rate: { label: 'settings.field.rate', testId: 'source-rate', type: 'number', step: '10' },
  seed: { label: 'settings.field.seed', testId: 'source-seed', type: 'number', step: '1' },
  simSpeed: { label: 'settings.field.simSpeed', testId: 'source-speed', type: 'number', step: '0.5' },
};

const KIND_LABEL: Record<SourceKind, MessageKey> = {
  sim: 'settings.kind.sim',
  socketio: 'settings.kind.socketio',
  poll: 'settings.kind.poll',
  replay: 'settings.kind.replay',
};

const KIND_HINT: Record<SourceKind, MessageKey> = {
  sim: 'settings.kindHint.sim',
  socketio: 'settings.kindHint.socketio',
  poll: 'settings.kindHint.poll',
  replay: 'settings.kindHint.replay',
};

/** "Feed source": pick a kind, fill its fields, test it, then save and switch to it. */
export function SourceSettingsForm() {
  const t = useT();
  const { client, reloadSnapshot } = useBoardSync();
  const [form, setForm] = useState<SourceForm | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [running, setRunning] = useState<SourceConfig | null>(null);
  /** Fields whose error is shown: edited ones, or all after a test/apply attempt. */
  const [shown, setShown] = useState<ReadonlySet<FormField> | 'all'>(new Set());
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  useEffect(() => {
    let cancelled = false;
    client
      .getSourceSettings()
      .then((settings) => {
        if (cancelled) return;
        setForm(formFromSettings(settings));
        setRunning(settings.current);
      })
      .catch((error: unknown) => {
        if (cancelled) return;
        // Still usable: start from the defaults for the kind that is running.
        setLoadError(messageOf(error));
        const runningKind = useBoardStore.getState().feed?.source ?? 'sim';
        setForm((current) => current ?? { ...emptyForm, kind: runningKind });
      });
    return () => {
      cancelled = true;
    };
  }, [client]);

  const kindPicker = useRef<HTMLFieldSetElement>(null);
  const loaded = form !== null;
  // Once the form is there, put the keyboard on the chosen kind — unless the user has already
  // moved focus somewhere (e.g. to the diagnostics tab) while it loaded.
  useEffect(() => {
    if (!loaded) return;
    const active = document.activeElement;
    if (active && active !== document.body && active.getAttribute('role') !== 'dialog') return;
    kindPicker.current?.querySelector<HTMLInputElement>('input:checked')?.focus();
  }, [loaded]);

  if (!form) {
    return <p className="settings-note">{t('settings.loading')}</p>;
  }

  const check = checkForm(form);
  const errors: FieldErrors = check.ok ? {} : check.errors;
  const errorOf = (field: FormField) =>
    shown === 'all' || shown.has(field) ? (errors[field] ?? null) : null;
  const busy = outcome?.state === 'pending';

  const edit = (field: FormField, value: string) => {
    setForm({ ...form, [field]: value });
    setShown((current) => (current === 'all' ? current : new Set(current).add(field)));
    setOutcome(null);
  };

  const run = async (action: 'test' | 'apply') => {
    setShown('all');
    if (!check.ok || busy) return;
    setOutcome({ action, state: 'pending' });
    try {
      const result =
        action === 'test' ? await client.testSource(check.config) : await client.applySource(check.config);
      setOutcome({ action, state: 'done', result });
      if (action === 'apply' && result.ok) {
        setRunning(check.config);
        reloadSnapshot();
      }
    } catch (error) {
      setOutcome({ action, state: 'failed', reason: messageOf(error) });
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void run('apply');
  };

  return (
    <form className="source-form" onSubmit={onSubmit} noValidate>
      {loadError && (
        <p className="banner banner--bad" role="alert">
          {t('settings.loadFailed', { reason: loadError })}
        </p>
      )}
      {running && (
        <p className="settings-running" data-testid="source-running">
          <span className="settings-running__label">{t('settings.running')}</span>
          <span className="settings-running__kind">{t(KIND_LABEL[running.kind])}</span>
          <span className="settings-running__value">{describeRunning(running)}</span>
        </p>
      )}

      <fieldset className="kind-picker" ref={kindPicker}>
        <legend className="field__label">{t('settings.kind')}</legend>
        <div className="kind-picker__options">
          {SOURCE_KINDS.map((kind) => (
            <label key={kind} className={`kind-option${form.kind === kind ? ' is-checked' : ''}`}>
              <input
                type="radio"
                name="source-kind"
                value={kind}
                checked={form.kind === kind}
                data-testid={`source-kind-${kind}`}
                onChange={() => {
                  setForm({ ...form, kind });
                  setShown(new Set());
                  setOutcome(null);
                }}
              />
              <span className="kind-option__body">
                <span className="kind-option__label">{t(KIND_LABEL[kind])}</span>
                <span className="kind-option__desc">{t(KIND_HINT[kind])}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>

      <div className="source-form__fields">
        {FIELDS_BY_KIND[form.kind].map((field) => (
          <Field
            key={`${form.kind}-${field}`}
            field={field}
            value={form[field]}
            error={errorOf(field)}
            onChange={(value) => edit(field, value)}
          />
        ))}
      </div>

      <div className="source-form__actions">
        <button
          type="button"
          className="btn btn--lg"
          data-testid="source-test"
          aria-disabled={busy}
          onClick={() => void run('test')}
        >
          {outcome?.action === 'test' && busy ? t('settings.testing') : t('settings.test')}
        </button>
        <button
          type="submit"
          className="btn btn--lg btn--primary"
          data-testid="source-apply"
          aria-disabled={busy}
        >
          {outcome?.action === 'apply' && busy ? t('settings.applying') : t('settings.apply')}
        </button>
      </div>
      <p className="field__hint">{t('settings.applyHint')}</p>
      {!check.ok && shown === 'all' && Object.keys(errors).length === 0 && (
        <p className="banner banner--bad">{t('settings.error.form')}</p>
      )}
      <OutcomeView outcome={outcome} />
    </form>
  );
}

/** The running source in one line: "Socket.IO 推送 · http://… · demo-room". */
function describeRunning(config: SourceConfig): string {
  switch (config.kind) {
    case 'sim':
      return `seed ${config.seed} · ${config.rate}/s · ×${config.speed}`;
    case 'socketio':
      return `${config.url} · ${config.room}`;
    case 'poll':
      return `${config.url} · ${config.room} · ${config.intervalMs / 1000}s`;
    case 'replay':
      return `${config.file} · ×${config.speed}`;
  }
}

interface FieldProps {
  field: FormField;
  value: string;
  error: MessageKey | null;
  onChange(value: string): void;
}

function Field({ field, value, error, onChange }: FieldProps) {
  const t = useT();
  const id = useId();
  const spec = FIELD_SPECS[field];
  const hintId = `${id}-hint`;
  const describedBy = error ? `${id}-error` : spec.hint ? hintId : undefined;
  const common = {
    id,
    'data-testid': spec.testId,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
    className: `input input--lg${error ? ' is-invalid' : ''}`,
  };
  return (
    <div className={`field field--${field}`}>
      <label className="field__label" htmlFor={id}>
        {t(spec.label)}
      </label>
      {spec.type === 'replaySpeed' ? (
        <select {...common} value={value} onChange={(e) => onChange(e.target.value)}>
          {REPLAY_SPEEDS.map((speed) => (
            <option key={speed} value={String(speed)}>
              ×{speed}
            </option>
          ))}
        </select>
      ) : (
        <input
          {...common}
          type={spec.type === 'url' ? 'text' : spec.type}
          inputMode={spec.type === 'url' ? 'url' : spec.type === 'number' ? 'decimal' : undefined}
          step={spec.step}
          value={value}
          placeholder={spec.type === 'url' ? t('settings.field.urlHint') : spec.placeholder}
          autoComplete={spec.type === 'password' ? 'off' : undefined}
          spellCheck={false}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
      {error ? (
        <p className="field__error" id={`${id}-error`} role="alert">
          {t(error)}
        </p>
      ) : spec.hint && spec.type !== 'url' ? (
        <p className="field__hint" id={hintId}>
          {t(spec.hint)}
        </p>
      ) : null}
    </div>
  );
}

function OutcomeView({ outcome }: { outcome: Outcome | null }) {
  const t = useT();
  if (!outcome || outcome.state === 'pending') {
    return (
      <div className="source-result source-result--idle" aria-live="polite">
        {outcome && <span className="spinner" aria-hidden="true" />}
      </div>
    );
  }
  const testId = outcome.action === 'test' ? 'source-test-result' : 'source-apply-result';
  if (outcome.state === 'failed') {
    return (
      <div className="source-result source-result--bad" data-testid={testId} data-ok="false" role="status">
        <span className="source-result__mark" aria-hidden="true">
          ✗
        </span>
        <span className="source-result__text">
          {t('settings.result.callFailed', { reason: outcome.reason })}
        </span>
      </div>
    );
  }
  const { result } = outcome;
  const headline =
    outcome.action === 'test'
      ? t(result.ok ? 'settings.result.ok' : 'settings.result.failed')
      : t(result.ok ? 'settings.result.applied' : 'settings.result.notApplied');
  return (
    <div
      className={`source-result source-result--${result.ok ? 'good' : 'bad'}`}
      data-testid={testId}
      data-ok={String(result.ok)}
      role="status"
    >
      <span className="source-result__mark" aria-hidden="true">
        {result.ok ? '✓' : '✗'}
      </span>
      <span className="source-result__text">
        <strong>{headline}</strong>
        <span className="source-result__message">{result.message}</span>
      </span>
      {result.latencyMs !== null && (
        <span className="source-result__latency">
          {t('settings.result.latency', { ms: result.latencyMs })}
        </span>
      )}
    </div>
  );
}
