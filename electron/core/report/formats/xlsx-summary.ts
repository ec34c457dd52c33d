/** The document model as the sheet 总结 / 汇总: headings bold, key-values as label | value | remark, tables. */
import type { ReportDocument } from './sections.js';
import { HEADER_FILL, type Workbook } from './xlsx-sheet.js';
import type { CellStyle } from './xlsx-workbook.js';
import { excelText, toExcel, type ExcelCell } from './xlsx-values.js';

interface RowLook {
  bold?: boolean;
  size?: number;
  fill?: boolean;
}

/** The document model, block by block: headings bold, key-values as label | value | note, tables. */
export async function summarySheet(wb: Workbook, name: string, doc: ReportDocument): Promise<number> {
  const widths = [28, 18, 18, 16, 16, 14, 14, 14, 14, 14, 14, 12, 12, 12, 12, 12];
  const sheet = await wb.addSheet(name, { widths, frozenRows: 1 });
  let rows = 0;
  const put = (cells: ExcelCell[], look?: RowLook) => {
    const rowLook: CellStyle = {
      ...(look?.bold ? { bold: true } : {}),
      ...(look?.size ? { size: look.size } : {}),
      ...(look?.fill ? { fill: HEADER_FILL } : {}),
    };
    const rowStyle = wb.style(rowLook);
    // A cell's number format on top of the row's look.
    const styles = cells.map((c) => (c.numFmt ? wb.style({ ...rowLook, numFmt: c.numFmt }) : rowStyle));
    sheet.row(
      cells.map((c) => c.value),
      styles,
      rowStyle,
    );
    rows++;
  };
  put([excelText(doc.title)], { bold: true, size: 14 });
  put([excelText(doc.subtitle)]);
  for (const block of doc.blocks) {
    switch (block.kind) {
      case 'heading':
        if (block.level === 1) put([]);
        put([excelText(block.text)], { bold: true, size: block.level === 1 ? 13 : 11 });
        break;
      case 'paragraph':
        put([excelText(block.text)]);
        break;
      case 'userText':
        for (const line of block.text.split(/\r\n|\r|\n/u)) if (line.trim() !== '') put([excelText(line)]);
        break;
      case 'list':
        for (const item of block.items) put([excelText(`· ${item}`)]);
        break;
      case 'keyValues':
        for (const kv of block.rows) {
          const remark = [kv.unit, kv.note].filter((x) => x).join('，');
          put([excelText(kv.label), toExcel(kv.value), ...(remark ? [excelText(remark)] : [])]);
        }
        break;
      case 'table':
        put(
          block.columns.map((c) => excelText(c.header)),
          { bold: true, fill: true },
        );
        for (const r of block.rows) put(r.map(toExcel));
        break;
      case 'chart':
        put([excelText(`${block.caption}：趋势见 Word 版图表；逐分钟数据见「数据时间线」表。`)]);
        break;
    }
  }
  return rows;
}
