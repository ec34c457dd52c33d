/** A period's workbook: 汇总, 场次 (every column), 事故 (KPIs and types), 话术使用. */
import type { PeriodReport } from '../../../../shared/api/report.js';
import { INCIDENT_TYPE_LABELS } from './labels.js';
import { SHOW_COLUMNS, showRow } from './period-sections.js';
import type { ReportDocument } from './sections.js';
import type { RowCounts, WriterContext } from './sink.js';
import { excelText, NUM_FMT, toExcel, type ExcelCell } from './xlsx-values.js';
import { col, dataSheet, type Workbook } from './xlsx-sheet.js';
import { summarySheet } from './xlsx-summary.js';

export async function periodWorkbook(
  wb: Workbook,
  ctx: WriterContext,
  r: PeriodReport,
  doc: ReportDocument,
): Promise<RowCounts> {
  const p = ctx.progress;
  p.phase('summary', 0, 0.3);
  const summary = await summarySheet(wb, '汇总', doc);
  p.phase('shows', 0.3, 0.8);
  const shows = await dataSheet(
    wb,
    '场次',
    SHOW_COLUMNS.map((c) => col(c.header, c.width)),
  );
  for (const s of r.shows) {
    const cells = showRow(s).map(toExcel);
    shows.sheet.row(
      cells.map((c) => c.value),
      cells.map((c) => (c.numFmt ? wb.style({ numFmt: c.numFmt }) : 0)),
    );
  }
  p.phase('incidents', 0.8, 0.9);
  const k = r.incidentKpis;
  const incidents = await dataSheet(wb, '事故', [col('项目', 20), col('数值', 14)]);
  const kpiRows: [string, ExcelCell][] = [
    ['事故总数', { value: k.total, numFmt: NUM_FMT.count }],
    ['5分钟内响应率', toExcel({ kind: 'percent', value: k.respondedWithin5MinRate })],
    ['响应用时中位数', toExcel({ kind: 'duration', value: k.medianResponseMs })],
    ['最长响应用时', toExcel({ kind: 'duration', value: k.maxResponseMs })],
    ['解决率', toExcel({ kind: 'percent', value: k.resolvedRate })],
    ['解决用时中位数', toExcel({ kind: 'duration', value: k.medianResolveMs })],
    ...Object.entries(k.byType).map(([type, n]): [string, ExcelCell] => [
      `类型：${INCIDENT_TYPE_LABELS[type as keyof typeof INCIDENT_TYPE_LABELS] ?? type}`,
      { value: n ?? 0, numFmt: NUM_FMT.count },
    ]),
  ];
  for (const [label, cell] of kpiRows) {
    incidents.sheet.row(
      [excelText(label).value, cell.value],
      [0, cell.numFmt ? wb.style({ numFmt: cell.numFmt }) : 0],
    );
  }
  p.phase('faq', 0.9, 0.98);
  const faq = await dataSheet(wb, '话术使用', [
    col('话术ID', 14),
    col('话术', 30),
    col('分类', 12),
    col('使用次数', 10, NUM_FMT.count),
  ]);
  for (const f of r.faqUsage) faq.add([f.faqId, f.question, f.category, f.uses]);
  return { summary, shows: r.shows.length, incidents: kpiRows.length, faqUsage: r.faqUsage.length };
}
