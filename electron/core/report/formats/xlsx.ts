/**
 * The Excel workbook, written by our own streaming XLSX writer (xlsx-workbook.ts over
 * zip-writer.ts; exceljs was ~13 s per million rows and is now only used to read files back in
 * tests and for the FAQ and checklist files). A show: 总结 (the document model), 数据时间线, 商品,
 * 评论, 问题与回复, 告警, 事故, 设备调试. A period: 汇总, 场次, 事故, 话术使用. Header rows bold,
 * filled and frozen; numbers as numbers (xlsx-values.ts); text neutralised.
 *
 * Comments beyond what one sheet holds (1,048,576 rows) are not split over 评论(2), 评论(3)…: a
 * 14-million-comment show would need 14 sheets no one can open in Excel. The sheet keeps the
 * first 1,048,574 comments under a first-row note that says so and points to the CSV export,
 * which has them all; 问题与回复 is capped the same way (xlsx-rows.ts).
 */
import type { ReportDocument } from './sections.js';
import { end, type RowCounts, type WriterContext } from './sink.js';
import { periodWorkbook } from './xlsx-period.js';
import { EXCEL_MAX_ROWS } from './xlsx-sheet.js';
import { showWorkbook } from './xlsx-show.js';
import { XlsxWorkbook } from './xlsx-workbook.js';

export { EXCEL_MAX_ROWS } from './xlsx-sheet.js';
export { commentsPlan, questionsPlan } from './xlsx-rows.js';

export interface XlsxLimits {
  /** Rows per sheet (Excel's limit; tests lower it to try the cap without a million rows). */
  maxRows: number;
}

export async function writeXlsx(
  ctx: WriterContext,
  doc: ReportDocument,
  limits: XlsxLimits = { maxRows: EXCEL_MAX_ROWS },
): Promise<RowCounts> {
  const wb = new XlsxWorkbook(ctx.out, {
    creator: 'LiveDesk 直播助理台',
    created: new Date(ctx.report.generatedAt),
  });
  const counts =
    ctx.report.kind === 'show'
      ? await showWorkbook(wb, ctx, ctx.report, doc, limits.maxRows)
      : await periodWorkbook(wb, ctx, ctx.report, doc);
  ctx.signal?.throwIfAborted();
  ctx.progress.phase('writing', 0.98, 1);
  await wb.finish();
  await end(ctx.out);
  return counts;
}
