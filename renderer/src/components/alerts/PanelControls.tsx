import { useState, type FocusEvent, type KeyboardEvent } from 'react';
import { SEVERITIES } from '../../../../shared/alerts/rules.js';
import { useT } from '../../i18n/useI18n.js';
import {
  alertsUi,
  MAX_OPERATOR_CHARS,
  useAlertsUi,
  type AlertStateFilter,
  type SeverityFilter,
} from '../../state/alertsUi.js';
import { notifyPermission, requestNotifyPermission, type NotifyPermission } from './desktopNotify.js';
import { severityKey } from './severity.js';

const STATE_FILTERS: readonly AlertStateFilter[] = ['open', 'all'];
const SEVERITY_FILTERS: readonly SeverityFilter[] = ['any', ...[...SEVERITIES].reverse()];

/** The head's tools: the rule editor, desktop notifications (bell) and sound. */
export function PanelTools() {
  const t = useT();
  return (
    <>
      <button
        type="button"
        className="btn alert-tool"
        data-testid="alert-rules-open"
        aria-haspopup="dialog"
        title={t('alerts.rules.openTitle')}
        onClick={() => alertsUi.openRules()}
      >
        {t('alerts.rules.open')}
      </button>
      <BellToggle />
      <SoundToggle />
    </>
  );
}

/**
 * On needs the browser's permission, asked here (a click is the user gesture browsers require).
 * Denied: the bell says so and stays off; nothing else complains.
 */
function BellToggle() {
  const t = useT();
  const notify = useAlertsUi((s) => s.notify);
  const [permission, setPermission] = useState<NotifyPermission>(notifyPermission);
  const on = notify && permission === 'granted';
  const toggle = async () => {
    if (on) {
      alertsUi.setNotify(false);
      return;
    }
    const answer = await requestNotifyPermission();
    setPermission(answer);
    if (answer === 'granted') alertsUi.setNotify(true);
    else
      alertsUi.report(
        'error',
        answer === 'unsupported' ? 'alerts.notify.unsupported' : 'alerts.notify.denied',
      );
  };
  const title =
    permission === 'denied'
      ? t('alerts.notify.denied')
      : permission === 'unsupported'
        ? t('alerts.notify.unsupported')
        : t(on ? 'alerts.notify.onTitle' : 'alerts.notify.offTitle');
  return (
    <button
      type="button"
      className={`btn alert-tool${on ? ' is-on' : ''}`}
      data-testid="alert-notify-toggle"
      data-permission={permission}
      aria-pressed={on}
      title={title}
      onClick={() => void toggle()}
    >
      <span className="alert-tool__dot" aria-hidden="true" />
      {t('alerts.notify.label')}
    </button>
  );
}

function SoundToggle() {
  const t = useT();
  const sound = useAlertsUi((s) => s.sound);
  return (
    <button
      type="button"
      className={`btn alert-tool${sound ? ' is-on' : ''}`}
      data-testid="alert-sound-toggle"
      aria-pressed={sound}
      title={t(sound ? 'alerts.sound.onTitle' : 'alerts.sound.offTitle')}
      onClick={() => alertsUi.setSound(!sound)}
    >
      <span className="alert-tool__dot" aria-hidden="true" />
      {t('alerts.sound.label')}
    </button>
  );
}

/** Open only / all, a severity, and who acknowledges (kept for the next show). */
export function PanelFilters() {
  const t = useT();
  const stateFilter = useAlertsUi((s) => s.stateFilter);
  const severityFilter = useAlertsUi((s) => s.severityFilter);
  return (
    <div className="alert-filters">
      <span className="seg" role="group" aria-label={t('alerts.filter.state')}>
        {STATE_FILTERS.map((value) => (
          <button
            key={value}
            type="button"
            className={`seg__item${stateFilter === value ? ' is-current' : ''}`}
            data-testid={`alert-filter-${value}`}
            aria-pressed={stateFilter === value}
            onClick={() => alertsUi.setStateFilter(value)}
          >
            {t(`alerts.filter.${value}`)}
          </button>
        ))}
      </span>
      <span className="seg" role="group" aria-label={t('alerts.filter.severity')}>
        {SEVERITY_FILTERS.map((value) => (
          <button
            key={value}
            type="button"
            className={`seg__item${severityFilter === value ? ' is-current' : ''}`}
            data-testid={`alert-filter-severity-${value}`}
            aria-pressed={severityFilter === value}
            onClick={() => alertsUi.setSeverityFilter(value)}
          >
            {value === 'any' ? t('alerts.filter.anySeverity') : t(severityKey(value))}
          </button>
        ))}
      </span>
      <OperatorField />
    </div>
  );
}

/** Saved when the field is left (or Enter): a half-typed name is never written to an alert. */
function OperatorField() {
  const t = useT();
  const operator = useAlertsUi((s) => s.operator);
  const [draft, setDraft] = useState<string | null>(null);
  const commit = (event: FocusEvent<HTMLInputElement> | KeyboardEvent<HTMLInputElement>) => {
    alertsUi.setOperator(event.currentTarget.value);
    setDraft(null);
  };
  return (
    <label className="alert-operator" title={t('alerts.operator.title')}>
      <span className="alert-operator__label">{t('alerts.operator.label')}</span>
      <input
        className="input input--sm alert-operator__input"
        data-testid="alert-operator"
        value={draft ?? operator}
        maxLength={MAX_OPERATOR_CHARS}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit(event);
        }}
      />
    </label>
  );
}
