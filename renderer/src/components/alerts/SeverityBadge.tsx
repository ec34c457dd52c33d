import type { Severity } from '../../../../shared/alerts/rules.js';
import { useT } from '../../i18n/useI18n.js';
import { SEVERITY_ICON, severityKey } from './severity.js';

/** Mark + word in the severity's colour: readable without colour too. */
export function SeverityBadge({ severity }: { severity: Severity }) {
  const t = useT();
  return (
    <span className={`alert-sev is-${severity}`} data-testid="alert-severity" data-severity={severity}>
      <span className="alert-sev__icon" aria-hidden="true">
        {SEVERITY_ICON[severity]}
      </span>
      {t(severityKey(severity))}
    </span>
  );
}
