import type { LiveDeskClient } from '../../../../shared/api/contract.js';
import {
  INCIDENT_SEVERITIES,
  INCIDENT_TYPES,
  type IncidentSeverity,
  type IncidentType,
  type IncidentView,
} from '../../../../shared/api/operations.js';
import { useT } from '../../i18n/useI18n.js';
import { operationsUi } from '../../state/operationsUi.js';
import { IncidentImpactView } from './IncidentImpactView.js';
import { IncidentNotes } from './IncidentNotes.js';
import { IncidentTimer } from './IncidentTimer.js';
import { INCIDENT_TYPE_KEY, SEVERITY_KEY } from './incidentTypes.js';
import { updateIncident } from './operationsActions.js';
import { PlaybookSteps } from './PlaybookSteps.js';

interface IncidentCardProps {
  client: LiveDeskClient;
  incident: IncidentView;
  now: number;
  focused: boolean;
  /** A resolved incident shows a one-line summary until expanded. */
  expanded: boolean;
  onToggle?: () => void;
}

export const incidentCardId = (id: number) => `incident-card-${id}`;

/**
 * One incident: type and severity (changeable while open), title, the clocks, the playbook's
 * steps with tick boxes, timestamped notes, 已响应 / 已解决, and the measured impact.
 */
export function IncidentCard({ client, incident, now, focused, expanded, onToggle }: IncidentCardProps) {
  const t = useT();
  const open = incident.resolvedAt === null;
  const update = (patch: Omit<Parameters<typeof updateIncident>[1], 'id'>) =>
    void updateIncident(client, { id: incident.id, ...patch });
  // The card moves between the lists: the keyboard follows it (its button is gone).
  const resolve = async (resolved: boolean) => {
    if (await updateIncident(client, { id: incident.id, resolved })) operationsUi.openIncidents(incident.id);
  };
  return (
    <li
      id={incidentCardId(incident.id)}
      className={`incident-card is-${incident.severity}${open ? ' is-open' : ' is-resolved'}${focused ? ' is-focused' : ''}`}
      tabIndex={-1}
      data-testid="incident-card"
      data-incident-id={incident.id}
      data-type={incident.type}
      data-state={open ? 'open' : 'resolved'}
    >
      <div className="incident-card__top">
        {open ? (
          <>
            <select
              className="incident-chip incident-chip--type"
              data-testid="incident-type"
              aria-label={t('ops.incident.changeType')}
              value={incident.type}
              onChange={(event) => update({ type: event.target.value as IncidentType })}
            >
              {INCIDENT_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(INCIDENT_TYPE_KEY[type])}
                </option>
              ))}
            </select>
            <select
              className={`incident-chip incident-chip--sev is-${incident.severity}`}
              aria-label={t('ops.incident.changeSeverity')}
              value={incident.severity}
              onChange={(event) => update({ severity: event.target.value as IncidentSeverity })}
            >
              {INCIDENT_SEVERITIES.map((severity) => (
                <option key={severity} value={severity}>
                  {t(SEVERITY_KEY[severity])}
                </option>
              ))}
            </select>
          </>
        ) : (
          <>
            <span className="incident-chip incident-chip--type" data-testid="incident-type-label">
              {t(INCIDENT_TYPE_KEY[incident.type])}
            </span>
            <span className={`incident-chip incident-chip--sev is-${incident.severity}`}>
              {t(SEVERITY_KEY[incident.severity])}
            </span>
          </>
        )}
        <span className="incident-card__title" title={incident.title}>
          <bdi>{incident.title || t('ops.incident.titlePlaceholder')}</bdi>
        </span>
        <span className="incident-card__id">
          #{incident.id}
          {incident.alertId !== null && ` · ${t('ops.incident.fromAlert', { id: incident.alertId })}`}
        </span>
        {onToggle && (
          <button
            type="button"
            className="btn btn--ghost btn--sm"
            data-testid="incident-toggle"
            aria-expanded={expanded}
            aria-controls={`${incidentCardId(incident.id)}-body`}
            onClick={onToggle}
          >
            {t(expanded ? 'ops.incident.hide' : 'ops.incident.details')}
          </button>
        )}
      </div>
      <IncidentTimer incident={incident} now={now} />
      {expanded && (
        <div className="incident-card__body" id={`${incidentCardId(incident.id)}-body`}>
          <PlaybookSteps client={client} incident={incident} />
          <IncidentNotes client={client} incident={incident} />
          <div className="incident-card__actions">
            {open && incident.respondedAt === null && (
              <button
                type="button"
                className="btn"
                data-testid="incident-respond"
                title={t('ops.incident.respondTitle')}
                onClick={() => update({ responded: true })}
              >
                {t('ops.incident.respond')}
              </button>
            )}
            {open ? (
              <button
                type="button"
                className="btn btn--good"
                data-testid="incident-resolve"
                onClick={() => void resolve(true)}
              >
                ✓ {t('ops.incident.resolve')}
              </button>
            ) : (
              <button
                type="button"
                className="btn btn--ghost"
                data-testid="incident-reopen"
                onClick={() => void resolve(false)}
              >
                {t('ops.incident.reopen')}
              </button>
            )}
          </div>
          {(!open || incident.impact) && <IncidentImpactView impact={incident.impact} />}
        </div>
      )}
    </li>
  );
}
