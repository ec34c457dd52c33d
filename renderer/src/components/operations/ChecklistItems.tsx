import type { KeyboardEvent } from 'react';
import type { LiveDeskClient } from '../../../../shared/api/contract.js';
import {
  CHECKLIST_SECTIONS,
  type ChecklistRun,
  type ChecklistSection,
} from '../../../../shared/api/operations.js';
import type { MessageKey } from '../../../../shared/i18n/messages.js';
import { useT } from '../../i18n/useI18n.js';
import { ChecklistItemRow } from './ChecklistItemRow.js';
import { useOperationsData } from './operationsData.js';

export const SECTION_KEY = {
  hardware: 'ops.section.hardware',
  software: 'ops.section.software',
  network: 'ops.section.network',
  backup: 'ops.section.backup',
  prep: 'ops.section.prep',
} as const satisfies Record<ChecklistSection, MessageKey>;

const ROW = '[data-checklist-row]';

/** ↑/↓ from a row (not from inside its fields) move to the previous / next row. */
function moveBetweenRows(event: KeyboardEvent<HTMLDivElement>) {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const target = event.target as HTMLElement;
  if (!target.matches(ROW)) return;
  const rows = [...event.currentTarget.querySelectorAll<HTMLElement>(ROW)];
  const next = rows[rows.indexOf(target) + (event.key === 'ArrowDown' ? 1 : -1)];
  if (!next) return;
  event.preventDefault();
  next.focus();
}

/** The run's items by section (硬件, 软件, 网络, 备用设备, 开播准备), as one keyboard-walkable table. */
export function ChecklistItems({ client, run }: { client: LiveDeskClient; run: ChecklistRun }) {
  const t = useT();
  const playbooks = useOperationsData((s) => s.playbooks?.playbooks ?? null);
  // The first row in display order takes the focus when the dialog opens.
  const firstId = CHECKLIST_SECTIONS.flatMap((section) => run.items.filter((i) => i.section === section))[0]
    ?.id;
  return (
    <div className="checklist" role="grid" aria-labelledby="checklist-title" onKeyDown={moveBetweenRows}>
      <div className="checklist__cols" role="row">
        <span role="columnheader" className="checklist__col-item">
          {t('ops.item.col.item')}
        </span>
        <span role="columnheader">{t('ops.item.col.expected')}</span>
        <span role="columnheader">{t('ops.item.col.measured')}</span>
        <span role="columnheader">{t('ops.item.col.result')}</span>
        <span role="columnheader">{t('ops.item.col.note')}</span>
        <span role="columnheader">{t('ops.item.col.who')}</span>
      </div>
      {CHECKLIST_SECTIONS.map((section) => {
        const items = run.items.filter((item) => item.section === section);
        if (items.length === 0) return null;
        const done = items.filter((item) => item.status !== 'open').length;
        const failed = items.some((item) => item.status === 'fail');
        return (
          <div key={section} className="checklist__section" role="rowgroup" data-section={section}>
            <div className="checklist__section-head" role="row">
              <span role="rowheader" className={`checklist__section-title${failed ? ' has-fail' : ''}`}>
                {t(SECTION_KEY[section])}
                <span className="checklist__section-count">
                  {done}/{items.length}
                </span>
              </span>
            </div>
            {items.map((item) => (
              <ChecklistItemRow
                key={item.id}
                client={client}
                runId={run.id}
                item={item}
                playbook={playbooks?.find((p) => p.type === item.contingency) ?? null}
                autoFocus={item.id === firstId}
              />
            ))}
          </div>
        );
      })}
    </div>
  );
}
