/**
 * A show's workbook after 总结: 数据时间线, 商品, 评论 (streamed, capped at Excel's row limit under
 * a note pointing to the CSV), 问题与回复 (streamed, capped the same way under a note), 告警, 事故,
 * 设备调试. The two streamed sheets keep the first (oldest) rows up to the cap and stop reading
 * there; their rows are built as XML directly (xlsx-rows.ts), the two sheets at the same time in
 * worker threads when the rows come from a database file (xlsx-big-sheets.ts).
 */
import type { ShowReport } from '../../../../shared/api/report.js';
import { expectationText } from '../../operations/labels.js';
import {
  alertKindLabel,
  alertSeverityLabel,
  alertStateLabel,
  INCIDENT_TYPE_LABELS,
  incidentSeverityLabel,
  SECTION_LABELS,
  STATUS_LABELS,
} from './labels.js';
import type { ReportDocument } from './sections.js';
import type { RowCounts, WriterContext } from './sink.js';
import { formatValue } from './values.js';
import { excelSerial, NUM_FMT } from './xlsx-values.js';
import { bigSheets } from './xlsx-big-sheets.js';
import { col, dataSheet, moment, num, span, yuan, type Workbook } from './xlsx-sheet.js';
import { summarySheet } from './xlsx-summary.js';

export async function showWorkbook(
  wb: Workbook,
  ctx: WriterContext,
  r: ShowReport,
  doc: ReportDocument,
  maxRows: number,
): Promise<RowCounts> {
  const counts: RowCounts = {};
  const p = ctx.progress;
  p.phase('summary', 0, 0.02);
  counts.summary = await summarySheet(wb, '总结', doc);
  p.phase('timeline', 0.02, 0.04);
  counts.timeline = await timelineSheet(wb, r);
  counts.products = await productsSheet(wb, r);
  ctx.signal?.throwIfAborted();
  Object.assign(counts, await bigSheets(wb, ctx, r.show.id, maxRows, { from: 0.05, to: 0.95 }));
  p.phase('alerts', 0.95, 0.97);
  counts.alerts = await alertsSheet(wb, ctx, r);
  counts.incidents = await incidentsSheet(wb, r);
  counts.checklist = await checklistSheet(wb, r);
  return counts;
}

async function timelineSheet(wb: Workbook, r: ShowReport): Promise<number> {
  const sheet = await dataSheet(wb, '数据时间线', [
    col('时间', 17, NUM_FMT.minute),
    col('在线人数', 12, NUM_FMT.count),
    col('在线峰值', 12, NUM_FMT.count),
    col('评论', 10, NUM_FMT.count),
    col('订单', 10, NUM_FMT.count),
    col('成交金额', 14, NUM_FMT.money),
    col('5分钟转化率', 12, NUM_FMT.percent),
  ]);
  for (const m of r.trend.minutes) {
    sheet.add([
      excelSerial(m.minute),
      num(m.online),
      num(m.onlineMax),
      m.comments,
      m.orders,
      m.gmv / 100,
      num(m.conversion5m),
    ]);
  }
  return r.trend.minutes.length;
}

async function productsSheet(wb: Workbook, r: ShowReport): Promise<number> {
  const sheet = await dataSheet(wb, '商品', [
    col('商品ID', 14),
    col('商品', 28),
    col('曝光', 12, NUM_FMT.count),
    col('点击', 12, NUM_FMT.count),
    col('点击率', 10, NUM_FMT.percent),
    col('点击人数', 12, NUM_FMT.count),
    col('成交人数', 12, NUM_FMT.count),
    col('点击-成交率', 12, NUM_FMT.percent),
    col('订单', 10, NUM_FMT.count),
    col('成交金额', 16, NUM_FMT.money),
  ]);
  for (const pr of r.products) {
    sheet.add([
      pr.id,
      pr.name ?? pr.id,
      pr.exposures,
      pr.clicks,
      num(pr.ctr),
      pr.clickUsers,
      pr.buyers,
      num(pr.clickToPay),
      pr.orders,
      pr.gmv / 100,
    ]);
  }
  return r.products.length;
}

async function alertsSheet(wb: Workbook, ctx: WriterContext, r: ShowReport): Promise<number> {
  const sheet = await dataSheet(wb, '告警', [
    col('时间', 20, NUM_FMT.second),
    col('规则', 18),
    col('级别', 8),
    col('类型', 10),
    col('内容', 40),
    col('条数', 8, NUM_FMT.count),
    col('人数', 8, NUM_FMT.count),
    col('状态', 10),
    col('确认时间', 20, NUM_FMT.second),
    col('确认用时', 10, NUM_FMT.duration),
    col('确认人', 10),
    col('建议', 30),
  ]);
  const alerts = ctx.rows.alerts(r.show.id);
  for (const a of alerts) {
    sheet.add([
      // Where it sits on the show's clock when known (the timeline's clock), else when it was raised.
      excelSerial(a.feedTs ?? a.firstAt),
      a.ruleName,
      alertSeverityLabel(a.severity),
      alertKindLabel(a.kind),
      a.message,
      a.count,
      a.distinctUsers,
      alertStateLabel(a.state),
      moment(a.ackedAt),
      span(a.ackedAt === null ? null : a.ackedAt - a.firstAt),
      a.ackedBy ?? '',
      a.hint,
    ]);
  }
  return alerts.length;
}

async function incidentsSheet(wb: Workbook, r: ShowReport): Promise<number> {
  const sheet = await dataSheet(wb, '事故', [
    col('编号', 6),
    col('发现时间', 20, NUM_FMT.second),
    col('类型', 12),
    col('级别', 6),
    col('标题', 24),
    col('响应用时', 10, NUM_FMT.duration),
    col('解决用时', 10, NUM_FMT.duration),
    col('处置步骤', 40),
    col('记录', 40),
    col('事故前在线', 10, NUM_FMT.count),
    col('最低在线', 10, NUM_FMT.count),
    col('事故后在线', 10, NUM_FMT.count),
    col('事故前评论/分', 12, '0.0'),
    col('事故中评论/分', 12, '0.0'),
    col('事故前成交额/分', 14, NUM_FMT.money),
    col('事故中成交额/分', 14, NUM_FMT.money),
  ]);
  for (const i of r.incidents) {
    const m = i.impact;
    const steps = i.steps.map((s) =>
      s.doneAt === null ? `☐ ${s.text}` : `☑ ${formatValue({ kind: 'time', value: s.doneAt })} ${s.text}`,
    );
    const notes = i.notes.map((n) => `${formatValue({ kind: 'time', value: n.at })} ${n.text}`);
    sheet.add([
      i.id,
      excelSerial(i.detectedAt),
      INCIDENT_TYPE_LABELS[i.type],
      incidentSeverityLabel(i.severity),
      i.title,
      span(i.responseMs),
      span(i.resolveMs),
      steps.join('\n'),
      notes.join('\n'),
      num(m?.onlineBefore),
      num(m?.onlineLowest),
      num(m?.onlineAfter),
      num(m?.commentsPerMinBefore),
      num(m?.commentsPerMinDuring),
      yuan(m?.gmvPerMinBefore),
      yuan(m?.gmvPerMinDuring),
    ]);
  }
  return r.incidents.length;
}

async function checklistSheet(wb: Workbook, r: ShowReport): Promise<number> {
  const sheet = await dataSheet(wb, '设备调试', [
    col('分区', 12),
    col('项目', 24),
    col('期望', 16),
    col('实测', 14),
    col('结果', 16),
    col('备注', 36),
    col('检查人', 10),
    col('时间', 20, NUM_FMT.minute),
  ]);
  const items = r.checklist?.items ?? [];
  for (const i of items) {
    sheet.add([
      SECTION_LABELS[i.section],
      i.label,
      expectationText(i.expected),
      i.measured ?? '',
      i.autoFailed ? `${STATUS_LABELS.fail}（超出范围）` : STATUS_LABELS[i.status],
      i.note,
      i.who ?? '',
      moment(i.updatedAt),
    ]);
  }
  return items.length;
}
