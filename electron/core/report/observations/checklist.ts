/**
 * The pre-show checklist (seed 002: every device checked 2 hours before going live): the show
 * started with items open or failed (the counts recorded at the start), and items that failed.
 */
import type { ChecklistRun, IncidentType } from '../../../../shared/api/operations.js';
import type { Observation } from '../../../../shared/api/report.js';
import { INCIDENT_TYPE_LABELS, expectationText } from '../../operations/labels.js';

const MAX_NAMED = 5;

const listed = (labels: readonly string[]) =>
  labels
    .slice(0, MAX_NAMED)
    .map((l) => `「${l}」`)
    .join('、') + (labels.length > MAX_NAMED ? ` 等 ${labels.length} 项` : '');

export function checklistObservations(run: ChecklistRun | null): Observation[] {
  if (!run) return [];
  const out: Observation[] = [];
  const warning = run.startWarning;
  if (warning) {
    const outstanding = run.items
      .filter((i) => i.status === 'open' || i.status === 'fail')
      .map((i) => i.label);
    out.push({
      kind: 'checklist-start-open',
      problem:
        `开播时设备调试清单仍有 ${warning.open} 项未检、${warning.failed} 项不通过` +
        (outstanding.length > 0 ? `（至今未完成：${listed(outstanding)}）` : ''),
      improvement: `开播前 2 小时完成全部检查项${outstanding.length > 0 ? `，先处理${listed(outstanding)}` : ''}；不通过的项按应急预案准备备用方案`,
    });
  }
  const failed = run.items.filter((i) => i.status === 'fail');
  if (failed.length > 0) {
    const detail = failed
      .slice(0, MAX_NAMED)
      .map((i) =>
        i.measured
          ? `「${i.label}」实测 ${i.measured}（要求 ${expectationText(i.expected)}）`
          : `「${i.label}」`,
      )
      .join('、');
    // contingency names the incident type whose playbook (应急预案) covers the item.
    const plans = [
      ...new Set(
        failed.flatMap((i) => {
          const type = i.contingency as IncidentType | null;
          return type !== null && Object.hasOwn(INCIDENT_TYPE_LABELS, type)
            ? [INCIDENT_TYPE_LABELS[type]]
            : [];
        }),
      ),
    ];
    out.push({
      kind: 'checklist-failed',
      problem: `设备调试不通过 ${failed.length} 项：${detail}${failed.length > MAX_NAMED ? ' 等' : ''}`,
      improvement:
        `开播前修复或更换${listed(failed.map((i) => i.label))}并复测` +
        (plans.length > 0 ? `；按${plans.map((p) => `「${p}」`).join('、')}应急预案准备备用设备` : ''),
    });
  }
  return out;
}
