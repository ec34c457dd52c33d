import type { ChecklistItemState, ChecklistRun } from '../../../../shared/api/operations.js';
import { NO_DATA } from '../../../../shared/format.js';
import { useT } from '../../i18n/useI18n.js';
import { SECTION_KEY } from '../operations/ChecklistItems.js';
import { expectationText } from '../operations/expectationText.js';
import { Block, Kpis, Table, type Column } from './ReportParts.js';
import { dateTime } from './reportRows.js';

/** The last time an item of the run was ticked: when the checklist was, in effect, done. */
export function lastDoneAt(run: Pick<ChecklistRun, 'items'>): number | null {
  let last: number | null = null;
  for (const item of run.items) {
    if (item.status !== 'open' && item.updatedAt !== null) last = Math.max(last ?? 0, item.updatedAt);
  }
  return last;
}

/** 三、直播前筹备: the checklist run of the show — counts, when it was done, what failed. */
export function PrepSection({ checklist }: { checklist: ChecklistRun | null }) {
  const t = useT();
  if (!checklist) return <p className="report-empty">{t('report.prep.none')}</p>;
  const { progress, startWarning } = checklist;
  const done = lastDoneAt(checklist);
  const failures = checklist.items.filter((i) => i.status === 'fail');
  const columns: Column<ChecklistItemState>[] = [
    { key: 'section', label: t('report.col.category'), cell: (i) => t(SECTION_KEY[i.section]) },
    { key: 'item', label: t('report.col.item'), wide: true, cell: (i) => i.label },
    { key: 'expected', label: t('report.col.target'), cell: (i) => expectationText(t, i.expected) },
    { key: 'measured', label: t('report.col.measured'), numeric: true, cell: (i) => i.measured ?? NO_DATA },
    { key: 'note', label: t('report.col.note'), cell: (i) => i.note || NO_DATA },
    { key: 'who', label: t('report.col.who'), cell: (i) => i.who ?? NO_DATA },
  ];
  return (
    <>
      <Kpis
        testId="report-prep"
        items={[
          { key: 'prep-total', label: t('report.prep.total'), value: String(progress.total) },
          {
            key: 'prep-pass',
            label: t('report.prep.pass'),
            value: String(progress.pass),
            tone: progress.pass > 0 ? 'good' : 'neutral',
          },
          {
            key: 'prep-fail',
            label: t('report.prep.fail'),
            value: String(progress.fail),
            tone: progress.fail > 0 ? 'bad' : 'neutral',
          },
          { key: 'prep-na', label: t('report.prep.na'), value: String(progress.na) },
          {
            key: 'prep-open',
            label: t('report.prep.open'),
            value: String(progress.open),
            tone: progress.open > 0 ? 'bad' : 'neutral',
          },
          {
            key: 'prep-done',
            label: t('report.prep.lastDone'),
            value: done === null ? NO_DATA : dateTime(done),
          },
          {
            key: 'prep-deadline',
            label: t('report.prep.deadline'),
            value: checklist.deadline === null ? NO_DATA : dateTime(checklist.deadline),
            tone:
              checklist.deadline !== null && done !== null && done > checklist.deadline ? 'bad' : undefined,
          },
        ]}
      />
      {startWarning && (
        <p className="banner banner--warn report-banner">
          {t('report.prep.startWarning', { open: startWarning.open, failed: startWarning.failed })}
        </p>
      )}
      <Block title={t('report.prep.failures')}>
        <Table
          columns={columns}
          rows={failures}
          rowKey={(i) => i.id}
          empty={t('report.prep.noFailures')}
          testId="report-prep-failures"
        />
      </Block>
    </>
  );
}
