import { useEffect } from 'react';
import { useT } from '../../i18n/useI18n.js';
import { alertsUi, useAlertsUi } from '../../state/alertsUi.js';

const SHOW_MS = 4000;

/** The last action's result, announced politely and gone after a few seconds. */
export function AlertStatusLine() {
  const t = useT();
  const status = useAlertsUi((s) => s.status);
  useEffect(() => {
    if (!status) return;
    // Errors stay until the next action: the controller may have looked away.
    if (status.tone === 'error') return;
    const timer = setTimeout(() => alertsUi.clearStatus(status.id), SHOW_MS);
    return () => clearTimeout(timer);
  }, [status]);
  return (
    <p
      className={`alert-status${status ? ` is-${status.tone}` : ''}`}
      role="status"
      data-testid="alert-status"
    >
      {status ? t(status.key, status.vars) : ''}
    </p>
  );
}
