import { useEffect, useMemo, useState } from 'react';
import type { IncidentView } from '../../../../shared/api/operations.js';
import { useNow } from '../../hooks/useNow.js';
import { useT } from '../../i18n/useI18n.js';
import { alertsUi } from '../../state/alertsUi.js';
import { useBoardStore } from '../../state/boardStore.js';
import { useBoardSync } from '../../state/BoardSyncContext.js';
import { DialogHead } from '../common/DialogHead.js';
import { SidePanel } from '../common/SidePanel.js';
import { operationsUi, useOperationsUi } from '../../state/operationsUi.js';
import { IncidentCard, incidentCardId } from './IncidentCard.js';
import { IncidentKpiStrip } from './IncidentKpiStrip.js';
import { NewIncidentForm } from './NewIncidentForm.js';
import { useOperationsData } from './operationsData.js';
import { OpsStatusLine } from './OpsStatusLine.js';
import { focusNewIncident, INCIDENTS_KEY } from './useOperationsShortcuts.js';

const NONE: readonly IncidentView[] = [];

/** The incident log; rendered only while open. */
export function IncidentPanel() {
  const open = useOperationsUi((s) => s.incidentsOpen);
  return open ? <Panel /> : null;
}

/**
 * A drawer on the right (the metrics and the trend stay in sight; not modal): the new-incident
 * line, the show's KPIs, the ongoing incidents (oldest first, each with its live clock), then
 * the resolved ones. It takes the alert panel's place: both live on the right edge.
 */
function Panel() {
  const t = useT();
  const { client } = useBoardSync();
  const now = useNow(1000);
  const ongoing = useBoardStore((s) => s.operations?.openIncidents ?? NONE);
  const listed = useOperationsData((s) => s.incidents);
  const loadError = useOperationsData((s) => s.incidentsError);
  const focusId = useOperationsUi((s) => s.focusIncidentId);
  const newFormRequest = useOperationsUi((s) => s.newFormRequest);
  const focusRequest = useOperationsUi((s) => s.focusRequest);
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(new Set());
  const resolved = useMemo(() => (listed ?? []).filter((i) => i.resolvedAt !== null), [listed]);

  // Both live on the right edge: the log takes the alert panel's place.
  useEffect(() => {
    alertsUi.closePanel();
  }, []);

  // The incident asked for (just opened, or an alert's): into view, with the keyboard on it.
  // Again when its card moves to the resolved list: the ongoing card it was on is unmounted
  // (focus would fall to <body>, out of the panel's Esc and arrow keys).
  const focusList =
    focusId === null
      ? null
      : ongoing.some((i) => i.id === focusId)
        ? 'ongoing'
        : resolved.some((i) => i.id === focusId)
          ? 'resolved'
          : null;
  useEffect(() => {
    if (focusId === null || focusList === null) return;
    requestAnimationFrame(() => {
      const card = document.getElementById(incidentCardId(focusId));
      card?.scrollIntoView({ block: 'nearest' });
      card?.focus();
    });
  }, [focusId, focusList, focusRequest]);

  useEffect(() => {
    if (newFormRequest > 0 && focusId === null) requestAnimationFrame(focusNewIncident);
  }, [newFormRequest, focusId]);

  // The incident asked for shows expanded; folding it lets it go.
  const isExpanded = (id: number) => expanded.has(id) || id === focusId;
  const toggle = (id: number) => {
    const open = isExpanded(id);
    if (id === focusId) operationsUi.clearFocusIncident();
    setExpanded((s) => {
      const next = new Set(s);
      if (open) next.delete(id);
      else next.add(id);
      return next;
    });
  };

  return (
    <SidePanel
      labelledBy="incident-panel-title"
      testId="incident-panel"
      onClose={() => operationsUi.closeIncidents()}
    >
      <DialogHead
        titleId="incident-panel-title"
        title={t('ops.incidents.title')}
        close={{
          label: t('ops.incidents.close'),
          title: t('ops.incidents.closeTitle', { key: INCIDENTS_KEY }),
          testId: 'incident-panel-close',
          onClick: () => operationsUi.closeIncidents(),
        }}
      >
        <span
          className={`dialog__meta incident-panel__count${ongoing.length > 0 ? ' is-busy' : ''}`}
          data-testid="incident-open-count"
        >
          {t('ops.incidents.openCount', { n: ongoing.length })}
        </span>
        <span className="spacer" />
        <button
          type="button"
          className="btn btn--sm"
          data-testid="playbooks-open"
          onClick={() => operationsUi.openPlaybooks()}
        >
          {t('ops.incidents.playbooks')}
        </button>
      </DialogHead>
      <NewIncidentForm client={client} />
      <OpsStatusLine />
      <div className="side-panel__body incident-panel__body">
        <IncidentKpiStrip />
        {loadError && (
          <p className="banner banner--bad" role="alert">
            {t('ops.incidents.loadFailed', { reason: loadError })}
          </p>
        )}
        {ongoing.length > 0 ? (
          <ol className="incident-list" data-testid="incident-open-list">
            {ongoing.map((incident) => (
              <IncidentCard
                key={incident.id}
                client={client}
                incident={incident}
                now={now}
                focused={incident.id === focusId}
                expanded
              />
            ))}
          </ol>
        ) : (
          <p className="empty-state" data-testid="incident-none">
            {t('ops.incidents.none')}
          </p>
        )}
        {resolved.length > 0 && (
          <section className="incident-resolved" aria-labelledby="incident-resolved-head">
            <h3 id="incident-resolved-head" className="incident-resolved__head">
              {t('ops.incidents.resolvedHead', { n: resolved.length })}
            </h3>
            <ol className="incident-list" data-testid="incident-resolved-list">
              {resolved.map((incident) => (
                <IncidentCard
                  key={incident.id}
                  client={client}
                  incident={incident}
                  now={now}
                  focused={incident.id === focusId}
                  expanded={isExpanded(incident.id)}
                  onToggle={() => toggle(incident.id)}
                />
              ))}
            </ol>
          </section>
        )}
      </div>
      <footer className="kbd-hint" aria-hidden="true">
        {t('ops.incidents.keysHint', { key: INCIDENTS_KEY })}
      </footer>
    </SidePanel>
  );
}
