import type { AlertView } from '../../../../shared/api/alerts.js';
import type { LiveDeskClient } from '../../../../shared/api/contract.js';
import { useT } from '../../i18n/useI18n.js';
import { openIncidentFromAlert } from './operationsActions.js';

/** Key that opens an incident from the selected alert (in the alert list, next to A / S / M). */
export const OPEN_INCIDENT_KEY = 'i';

/**
 * An alert card's 开事故 (I): opens an incident of the type its rule suggests, linked to the
 * alert, and shows it in the incident log; an alert that has one already shows that one.
 */
export function OpenIncidentButton({ alert, client }: { alert: AlertView; client: LiveDeskClient }) {
  const t = useT();
  const existing = alert.incidentId;
  return (
    <button
      type="button"
      className={`btn${existing === null ? ' btn--danger' : ''}`}
      data-testid="alert-open-incident"
      data-incident-id={existing ?? undefined}
      title={t('ops.alert.openIncidentTitle')}
      onClick={() => void openIncidentFromAlert(client, alert)}
    >
      {existing === null ? t('ops.alert.openIncident') : t('ops.alert.showIncident', { id: existing })}{' '}
      <kbd>I</kbd>
    </button>
  );
}
