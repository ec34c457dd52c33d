import { useT } from '../../i18n/useI18n.js';
import { alertsUi, useAlertsUi } from '../../state/alertsUi.js';
import { StatusLine } from '../common/StatusLine.js';

/** The last alert action's result (acknowledged, snoozed, a refused permission). */
export function AlertStatusLine() {
  const t = useT();
  const status = useAlertsUi((s) => s.status);
  return (
    <StatusLine
      status={status}
      text={status ? t(status.key, status.vars) : ''}
      showMs={4000}
      onExpire={alertsUi.clearStatus}
      testId="alert-status"
    />
  );
}
