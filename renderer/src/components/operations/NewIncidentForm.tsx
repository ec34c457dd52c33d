import { useState, type FormEvent, type KeyboardEvent } from 'react';
import type { LiveDeskClient } from '../../../../shared/api/contract.js';
import {
  INCIDENT_SEVERITIES,
  INCIDENT_TYPES,
  type IncidentSeverity,
  type IncidentType,
} from '../../../../shared/api/operations.js';
import { useT } from '../../i18n/useI18n.js';
import { INCIDENT_TYPE_KEY, SEVERITY_KEY, typeDigit } from './incidentTypes.js';
import { openIncident } from './operationsActions.js';

const MAX_TITLE = 100;

/**
 * 新事故 in one line: type (each option starts with its digit, so F7 → 4 → Enter logs a network
 * outage), severity, an optional title. Detection time is the moment it is opened.
 */
export function NewIncidentForm({ client }: { client: LiveDeskClient }) {
  const t = useT();
  const [type, setType] = useState<IncidentType>('stream_stutter');
  const [severity, setSeverity] = useState<IncidentSeverity>('medium');
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (busy) return;
    setBusy(true);
    const trimmed = title.trim();
    const opened = await openIncident(client, { type, severity, ...(trimmed ? { title: trimmed } : {}) });
    if (opened) setTitle('');
    setBusy(false);
  };

  // A select does not submit its form on Enter; here it does (the type is the one choice needed).
  const submitOnEnter = (event: KeyboardEvent<HTMLSelectElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    void submit();
  };

  return (
    <form
      className="incident-new"
      aria-label={t('ops.new.legend')}
      data-testid="incident-new"
      onSubmit={(event) => void submit(event)}
    >
      <span className="incident-new__legend" aria-hidden="true">
        {t('ops.new.legend')}
      </span>
      <select
        className="input input--sm incident-new__type"
        data-testid="incident-new-type"
        aria-label={t('ops.new.type')}
        value={type}
        onChange={(event) => setType(event.target.value as IncidentType)}
        onKeyDown={submitOnEnter}
      >
        {INCIDENT_TYPES.map((value) => (
          <option key={value} value={value}>
            {typeDigit(value)} {t(INCIDENT_TYPE_KEY[value])}
          </option>
        ))}
      </select>
      <select
        className="input input--sm incident-new__severity"
        data-testid="incident-new-severity"
        aria-label={t('ops.new.severity')}
        value={severity}
        onChange={(event) => setSeverity(event.target.value as IncidentSeverity)}
        onKeyDown={submitOnEnter}
      >
        {INCIDENT_SEVERITIES.map((value) => (
          <option key={value} value={value}>
            {t('ops.severity.label', { level: t(SEVERITY_KEY[value]) })}
          </option>
        ))}
      </select>
      <input
        className="input input--sm incident-new__title"
        data-testid="incident-new-title"
        type="text"
        autoComplete="off"
        maxLength={MAX_TITLE}
        placeholder={t('ops.new.title')}
        aria-label={t('ops.new.title')}
        value={title}
        onChange={(event) => setTitle(event.target.value)}
      />
      <button type="submit" className="btn btn--danger" data-testid="incident-new-submit" disabled={busy}>
        {t('ops.new.submit')}
      </button>
    </form>
  );
}
