/**
 * Incidents handled below the seed's bar (fault response ≤ 5 minutes, every fault fixed): a slow
 * or missing first response, an incident never marked resolved, playbook steps left unticked.
 */
import { INCIDENT_RESPONSE_TARGET_MS, type IncidentView } from '../../../../shared/api/operations.js';
import type { Observation } from '../../../../shared/api/report.js';
import { formatSeconds } from '../../../../shared/format.js';
import { hhmm } from '../local-time.js';
import { INCIDENT_TYPE_LABELS } from '../../operations/labels.js';

const MAX_STEPS_NAMED = 3;

/** `when` shows the incident's time: HH:mm in a show's report, with the date in a period's. */
export function incidentObservations(
  incidents: readonly IncidentView[],
  when: (ts: number) => string = hhmm,
): Observation[] {
  const name = (i: IncidentView) => `「${i.title}」（${when(i.feedTs ?? i.detectedAt)}）`;
  const out: Observation[] = [];
  for (const i of incidents) {
    const type = INCIDENT_TYPE_LABELS[i.type];
    if (i.responseMs !== null && i.responseMs > INCIDENT_RESPONSE_TARGET_MS) {
      out.push({
        kind: 'incident-slow-response',
        problem: `事故${name(i)}响应用时 ${formatSeconds(i.responseMs / 1000)}，超过 5 分钟目标`,
        improvement: `演练「${type}」应急预案并明确责任人，确保 5 分钟内响应`,
      });
    } else if (i.responseMs === null && i.resolvedAt === null) {
      out.push({
        kind: 'incident-no-response',
        problem: `事故${name(i)}没有记录任何处理动作`,
        improvement: `发现事故后立即按「${type}」预案处理，并在事故记录中勾选步骤、记下备注`,
      });
    }
    if (i.resolvedAt === null) {
      out.push({
        kind: 'incident-unresolved',
        problem: `事故${name(i)}至今未标记解决`,
        improvement: `补记${name(i)}的处理结果；仍未解决的问题在下场开播前处理完毕`,
      });
    } else {
      const skipped = i.steps.filter((s) => s.doneAt === null).map((s) => s.text);
      if (skipped.length > 0) {
        const listed = skipped
          .slice(0, MAX_STEPS_NAMED)
          .map((s) => `「${s}」`)
          .join('、');
        const more = skipped.length > MAX_STEPS_NAMED ? ` 等 ${skipped.length} 步` : '';
        out.push({
          kind: 'incident-steps-skipped',
          problem: `事故${name(i)}处理中未执行预案步骤：${listed}${more}`,
          improvement: `复盘「${type}」预案：必要的步骤下次按序执行，不适用的从预案中删除`,
        });
      }
    }
  }
  return out;
}
