import type { IncidentView } from '../../../../shared/api/operations.js';
import { useNow } from '../../hooks/useNow.js';
import { useT } from '../../i18n/useI18n.js';
import { useBoardStore } from '../../state/boardStore.js';
import { operationsUi, useOperationsUi } from '../../state/operationsUi.js';
import { ToolButton } from '../common/ToolButton.js';
import { responseClock } from './incidentClock.js';
import { INCIDENTS_KEY } from './useOperationsShortcuts.js';

const NONE: readonly IncidentView[] = [];

const COUNT_TONE = { open: 'badge--info', soon: 'badge--warn', late: 'badge--bad' } as const;

/**
 * Top-bar button: 事故 with the number of ongoing incidents — amber when one nears its 5-minute
 * response target, red when one has missed it — "what is on fire" at a glance.
 */
export function IncidentsButton() {
  const t = useT();
  const open = useOperationsUi((s) => s.incidentsOpen);
  const ongoing = useBoardStore((s) => s.operations?.openIncidents ?? NONE);
  const now = useNow(1000);
  const phases = ongoing.map((incident) => responseClock(incident, now).phase);
  const tone = phases.includes('late') ? 'late' : phases.includes('soon') ? 'soon' : 'open';
  return (
    <ToolButton
      testId="incidents-open"
      icon="⚑"
      label={t('ops.incidents.button')}
      className="ops-tool"
      title={t('ops.incidents.buttonTitle', { key: INCIDENTS_KEY })}
      aria-label={t('ops.incidents.buttonLabel', { n: ongoing.length })}
      aria-expanded={open}
      aria-keyshortcuts={INCIDENTS_KEY}
      onClick={() => (open ? operationsUi.closeIncidents() : operationsUi.openIncidents())}
    >
      {ongoing.length > 0 && (
        <span className={`badge ${COUNT_TONE[tone]}`} data-testid="incidents-open-count">
          {ongoing.length}
        </span>
      )}
    </ToolButton>
  );
}
