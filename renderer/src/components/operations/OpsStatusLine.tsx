import { useT } from '../../i18n/useI18n.js';
import { operationsUi, useOperationsUi } from '../../state/operationsUi.js';
import { StatusLine } from '../common/StatusLine.js';
import { INCIDENT_TYPE_KEY, isIncidentType } from './incidentTypes.js';

/** The last checklist / incident action's result. */
export function OpsStatusLine() {
  const t = useT();
  const status = useOperationsUi((s) => s.status);
  const vars = status?.vars;
  // An incident type travels as its id; it is named in the reader's language here.
  const type = vars?.type;
  const named =
    vars && typeof type === 'string' && isIncidentType(type)
      ? { ...vars, type: t(INCIDENT_TYPE_KEY[type]) }
      : vars;
  return (
    <StatusLine
      status={status}
      text={status ? t(status.key, named) : ''}
      showMs={6000}
      onExpire={operationsUi.clearStatus}
      testId="ops-status"
    />
  );
}
