import { useEffect } from 'react';
import { useT } from '../../i18n/useI18n.js';
import { operationsUi, useOperationsUi } from '../../state/operationsUi.js';
import { INCIDENT_TYPE_KEY, isIncidentType } from './incidentTypes.js';

const SHOW_MS = 6000;

/**
 * The last checklist / incident action's result, announced to screen readers; a success fades
 * after a few seconds, a failure stays until the next action (it says what was not saved).
 */
export function OpsStatusLine() {
  const t = useT();
  const status = useOperationsUi((s) => s.status);
  useEffect(() => {
    if (!status || status.tone === 'error') return;
    const timer = setTimeout(() => operationsUi.clearStatus(status.id), SHOW_MS);
    return () => clearTimeout(timer);
  }, [status]);
  const vars = status?.vars;
  // An incident type travels as its id; it is named in the reader's language here.
  const type = vars?.type;
  const named =
    vars && typeof type === 'string' && isIncidentType(type)
      ? { ...vars, type: t(INCIDENT_TYPE_KEY[type]) }
      : vars;
  return (
    <p
      className={`ops-status${status ? ` is-${status.tone}` : ''}`}
      role="status"
      aria-live="polite"
      data-testid="ops-status"
    >
      {status ? t(status.key, named) : ''}
    </p>
  );
}
