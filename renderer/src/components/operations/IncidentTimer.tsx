import { INCIDENT_RESPONSE_TARGET_MS, type IncidentView } from '../../../../shared/api/operations.js';
import { formatTimeOfDay } from '../../format/time.js';
import { useT } from '../../i18n/useI18n.js';
import { formatDuration, responseClock } from './incidentClock.js';

/**
 * The incident's clocks: when it was detected and how long ago, the 5-minute response target
 * counting down (amber in the last minute, red once missed) until the first action, then the
 * response time; the time to resolve once resolved.
 */
export function IncidentTimer({ incident, now }: { incident: IncidentView; now: number }) {
  const t = useT();
  const clock = responseClock(incident, now);
  const resolved = incident.resolvedAt !== null;
  const response =
    clock.responseMs !== null
      ? t('ops.incident.responded', { time: formatDuration(clock.responseMs) })
      : clock.phase === 'late'
        ? t('ops.incident.responseLate', { time: formatDuration(-clock.remainingMs) })
        : t('ops.incident.responseDue', { time: formatDuration(clock.remainingMs) });
  return (
    <div className="incident-timer" data-testid="incident-timer" data-phase={clock.phase}>
      <span className="incident-timer__detected">
        {t('ops.incident.detected', { at: formatTimeOfDay(incident.detectedAt) })}
      </span>
      <span
        className={`incident-timer__response is-${clock.phase}`}
        data-testid="incident-response"
        title={t('ops.incident.target', { time: formatDuration(INCIDENT_RESPONSE_TARGET_MS) })}
      >
        {response}
      </span>
      <span
        className={`incident-timer__elapsed${resolved ? ' is-resolved' : ''}`}
        data-testid="incident-elapsed"
      >
        {resolved
          ? t('ops.incident.resolved', { time: formatDuration(clock.elapsedMs) })
          : t('ops.incident.ongoing', { time: formatDuration(clock.elapsedMs) })}
      </span>
    </div>
  );
}
