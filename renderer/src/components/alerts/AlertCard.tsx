import type { AlertView } from '../../../../shared/api/alerts.js';
import type { LiveDeskClient } from '../../../../shared/api/contract.js';
import { formatTimeOfDay } from '../../format/time.js';
import { useT } from '../../i18n/useI18n.js';
import { alertsUi } from '../../state/alertsUi.js';
import { OpenIncidentButton } from '../operations/OpenIncidentButton.js';
import { ackAlert, muteRule, snoozeAlert, SNOOZE_CHOICES } from './alertActions.js';
import { alertAge } from './alertAge.js';
import { EvidenceList } from './EvidenceList.js';
import { SeverityBadge } from './SeverityBadge.js';
import { stateKey } from './severity.js';

interface AlertCardProps {
  id: string;
  alert: AlertView;
  client: LiveDeskClient;
  now: number;
  selected: boolean;
  expanded: boolean;
  muted: boolean;
}

/**
 * One alert: severity (mark + word + colour), rule, ×count and viewers, state, what happened,
 * what to do, first/last match. The selected card shows its actions; an expanded one its
 * evidence comments.
 */
export function AlertCard({ id, alert, client, now, selected, expanded, muted }: AlertCardProps) {
  const t = useT();
  const age = alertAge(now - alert.firstAt);
  const hasEvidence = alert.samples.length > 0;
  return (
    <li
      id={id}
      role="option"
      aria-selected={selected}
      aria-expanded={hasEvidence ? expanded : undefined}
      className={`alert-card is-${alert.severity} is-${alert.state}${selected ? ' is-selected' : ''}`}
      data-testid="alert-card"
      data-alert-id={alert.id}
      data-rule-id={alert.ruleId}
      data-state={alert.state}
      onClick={() => alertsUi.select(alert.id)}
    >
      <div className="alert-card__top">
        <SeverityBadge severity={alert.severity} />
        <span className="alert-card__rule" title={alert.ruleName}>
          <bdi>{alert.ruleName}</bdi>
        </span>
        <span className="alert-card__count" data-testid="alert-card-count">
          ×{alert.count}
        </span>
        {alert.kind === 'keyword' && (
          <span className="alert-card__viewers">{t('alerts.viewers', { n: alert.distinctUsers })}</span>
        )}
        <span className="spacer" />
        {muted && (
          <span className="chip alert-chip is-muted" data-testid="alert-card-muted">
            {t('alerts.ruleMuted')}
          </span>
        )}
        <span className={`chip alert-chip is-${alert.state}`} data-testid="alert-card-state">
          {t(stateKey(alert.state))}
        </span>
        <span className="alert-card__age">{t(age.key, age.vars)}</span>
      </div>
      <p className="alert-card__message" data-testid="alert-card-message">
        <bdi>{alert.message}</bdi>
      </p>
      {alert.hint && (
        <p className="alert-card__hint" data-testid="alert-card-hint">
          <span className="alert-card__hint-label">{t('alerts.hint')}</span>
          <bdi>{alert.hint}</bdi>
        </p>
      )}
      <p className="alert-card__times">
        {t('alerts.times', { first: formatTimeOfDay(alert.firstAt), last: formatTimeOfDay(alert.lastAt) })}
        {alert.state === 'acked' && alert.ackedAt !== null && (
          <span className="alert-card__acked" data-testid="alert-card-acked">
            {' · '}
            {t('alerts.ackedBy', { by: alert.ackedBy ?? '', at: formatTimeOfDay(alert.ackedAt) })}
          </span>
        )}
        {alert.state === 'snoozed' && alert.snoozedUntil !== null && (
          <span className="alert-card__snoozed">
            {' · '}
            {t('alerts.snoozedUntil', { at: formatTimeOfDay(alert.snoozedUntil) })}
          </span>
        )}
      </p>
      {selected && (
        <CardActions
          alert={alert}
          client={client}
          muted={muted}
          expanded={expanded}
          hasEvidence={hasEvidence}
        />
      )}
      {expanded && <EvidenceList samples={alert.samples} count={alert.count} />}
    </li>
  );
}

interface CardActionsProps {
  alert: AlertView;
  client: LiveDeskClient;
  muted: boolean;
  expanded: boolean;
  hasEvidence: boolean;
}

function CardActions({ alert, client, muted, expanded, hasEvidence }: CardActionsProps) {
  const t = useT();
  const rule = { id: alert.ruleId, name: alert.ruleName };
  // Buttons inside the list: they act on click; their keys stay theirs (the list ignores them).
  return (
    <div className="alert-card__actions" onClick={(event) => event.stopPropagation()}>
      {alert.state !== 'acked' && (
        <button
          type="button"
          className="btn btn--primary"
          data-testid="alert-ack"
          title={t('alerts.action.ackTitle')}
          onClick={() => void ackAlert(client, alert)}
        >
          {t('alerts.action.ack')} <kbd>A</kbd>
        </button>
      )}
      <span className="alert-card__snooze" role="group" aria-label={t('alerts.action.snooze')}>
        <span className="alert-card__snooze-label" aria-hidden="true">
          {t('alerts.action.snoozeShort')}
        </span>
        {SNOOZE_CHOICES.map((minutes, i) => (
          <button
            key={minutes}
            type="button"
            className="btn"
            data-testid={`alert-snooze-${minutes}`}
            aria-label={t('alerts.action.snoozeFor', { n: minutes })}
            onClick={() => void snoozeAlert(client, alert, minutes)}
          >
            {t('alerts.minutesShort', { n: minutes })}
            {i === 0 && <kbd>S</kbd>}
          </button>
        ))}
      </span>
      <button
        type="button"
        className="btn"
        data-testid={muted ? 'alert-unmute' : 'alert-mute'}
        title={t(muted ? 'alerts.action.unmuteTitle' : 'alerts.action.muteTitle')}
        onClick={() => void muteRule(client, rule, !muted)}
      >
        {t(muted ? 'alerts.action.unmute' : 'alerts.action.mute')} <kbd>M</kbd>
      </button>
      <OpenIncidentButton alert={alert} client={client} />
      {hasEvidence && (
        <button
          type="button"
          className="btn btn--ghost"
          data-testid="alert-expand"
          aria-pressed={expanded}
          onClick={() => alertsUi.toggleExpanded(alert.id)}
        >
          {t(expanded ? 'alerts.action.collapse' : 'alerts.action.expand', { n: alert.samples.length })}
        </button>
      )}
    </div>
  );
}
