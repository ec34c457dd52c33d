import { useState } from 'react';
import type { LiveDeskClient } from '../../../../shared/api/contract.js';
import type { IncidentView } from '../../../../shared/api/operations.js';
import { formatTimeOfDay } from '../../format/time.js';
import { useT } from '../../i18n/useI18n.js';
import { updateIncident } from './operationsActions.js';

/**
 * The playbook's steps as copied into the incident, with tick boxes: a tick is stored with its
 * time (and the first one counts as the response). Read-only once the incident is resolved.
 */
export function PlaybookSteps({ client, incident }: { client: LiveDeskClient; incident: IncidentView }) {
  const t = useT();
  const locked = incident.resolvedAt !== null;
  // A tick shows at once; it stands until the stored step changes (the answer) or is refused.
  const [ticks, setTicks] = useState<ReadonlyMap<number, { done: boolean; over: number | null }>>(new Map());
  const shown = (index: number, doneAt: number | null) => {
    const tick = ticks.get(index);
    return tick && tick.over === doneAt ? tick.done : doneAt !== null;
  };
  const tick = async (index: number, done: boolean, over: number | null) => {
    setTicks((m) => new Map(m).set(index, { done, over }));
    if (!(await updateIncident(client, { id: incident.id, step: { index, done } }))) {
      setTicks((m) => {
        const next = new Map(m);
        next.delete(index);
        return next;
      });
    }
  };
  if (incident.steps.length === 0)
    return <p className="incident-steps is-none">{t('ops.incident.noSteps')}</p>;
  return (
    <ol className="incident-steps" aria-label={t('ops.incident.steps')} data-testid="incident-steps">
      {incident.steps.map((step, index) => (
        <li key={index} className={`incident-step${step.doneAt !== null ? ' is-done' : ''}`}>
          <label className="incident-step__label">
            <input
              type="checkbox"
              data-testid="incident-step"
              checked={shown(index, step.doneAt)}
              disabled={locked}
              onChange={(event) => void tick(index, event.target.checked, step.doneAt)}
            />
            <span className="incident-step__n" aria-hidden="true">
              {index + 1}
            </span>
            <span className="incident-step__text">{step.text}</span>
          </label>
          {step.doneAt !== null && (
            <span className="incident-step__at" data-testid="incident-step-at">
              {t('ops.incident.stepDone', { at: formatTimeOfDay(step.doneAt) })}
            </span>
          )}
        </li>
      ))}
    </ol>
  );
}
