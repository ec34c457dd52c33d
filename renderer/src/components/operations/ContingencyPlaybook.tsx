import type { LiveDeskClient } from '../../../../shared/api/contract.js';
import type { Playbook } from '../../../../shared/api/operations.js';
import { useT } from '../../i18n/useI18n.js';
import { operationsUi } from '../../state/operationsUi.js';
import { openIncident } from './operationsActions.js';

/**
 * A failed item's contingency (seed 002: 设备清单 + 应急预案): its playbook's steps, and one click
 * to open an incident of that type (the clock starts now) in the incident log.
 */
export function ContingencyPlaybook({
  client,
  playbook,
  itemLabel,
}: {
  client: LiveDeskClient;
  playbook: Playbook | null;
  itemLabel: string;
}) {
  const t = useT();
  if (!playbook) return <p className="contingency is-none">{t('ops.item.noPlaybook')}</p>;
  return (
    <div className="contingency" data-testid="checklist-contingency">
      <div className="contingency__head">
        <span className="contingency__title">{t('ops.item.contingency', { title: playbook.title })}</span>
        <button
          type="button"
          className="btn btn--sm"
          data-testid="checklist-open-incident"
          onClick={() => {
            operationsUi.closeChecklist();
            void openIncident(client, { type: playbook.type, title: itemLabel.slice(0, 100) });
          }}
        >
          {t('ops.item.openIncident')}
        </button>
      </div>
      <ol className="contingency__steps">
        {playbook.steps.map((step, i) => (
          <li key={i}>{step}</li>
        ))}
      </ol>
    </div>
  );
}
