import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { neutraliseCell } from '../../../electron/core/report/formats/cells.js';
import { XlsxWorkbook } from '../../../electron/core/report/formats/xlsx-workbook.js';
import { EXCEL_MAX_CELL_CHARS } from '../../../electron/core/report/formats/xlsx-xml.js';
import { excelText } from '../../../electron/core/report/formats/xlsx-values.js';
import { TRICKY_TEXTS } from '../../fixtures/report/rows.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

const { dir, cleanup } = makeTempDir('livedesk-xlsx-writer-');
afterAll(cleanup);

async function written(build: (wb: XlsxWorkbook) => Promise<void>): Promise<Buffer> {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.xlsx`);
  const out = fs.createWriteStream(file);
  const wb = new XlsxWorkbook(out, {
    creator: 'LiveDesk 直播助理台',
    created: new Date(Date.UTC(2026, 10, 11, 12)),
  });
  await build(wb);
  await wb.finish();
  await new Promise<void>((resolve) => out.end(resolve));
  return fs.readFileSync(file);
}

async function load(data: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  return wb;
}

/** A cell as exceljs reads it: inline strings may come back as rich text. */
function plain(v: ExcelJS.CellValue): unknown {
  if (v && typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  return v;
}

const AWKWARD = [
  ...TRICKY_TEXTS,
  '<b>加粗</b> & "引号" \'单引号\'',
  ']]><!-- -->',
  '𠀋𡈽𡌛 (CJK Ext. B) 👨‍👩‍👧 🇨🇳',
  'tab\there',
  '\n开头换行',
  '结尾换行\n',
];

describe('streaming XLSX writer', () => {
  it('exceljs opens it and every cell round-trips: Chinese, emoji, quotes, markup, line breaks, neutralised formulas', async () => {
    const texts = AWKWARD.map((t) => excelText(t).value as string);
    const data = await written(async (wb) => {
      const sheet = await wb.addSheet('评论 & 测试', { widths: [20, 48], frozenRows: 1 });
      sheet.row(['序号', '内容'], undefined, wb.style({ bold: true, fill: 'FFD9E2F3' }));
      texts.forEach((t, i) => sheet.row([i + 1, t]));
    });
    const ws = (await load(data)).getWorksheet('评论 & 测试')!;
    expect(ws.getRow(1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getColumn(2).width).toBe(48);
    texts.forEach((t, i) => {
      const row = ws.getRow(i + 2);
      expect(row.getCell(1).value).toBe(i + 1);
      // '' is an empty cell, as Excel has it.
      expect(plain(row.getCell(2).value), JSON.stringify(AWKWARD[i])).toBe(t === '' ? null : t);
    });
    // Formula-looking text is text with the apostrophe, never a formula.
    const cmd = ws.getRow(2 + AWKWARD.indexOf("=cmd|' /C calc'!A0")).getCell(2);
    expect(cmd.type).toBe(ExcelJS.ValueType.String);
    expect(plain(cmd.value)).toBe(neutraliseCell("=cmd|' /C calc'!A0"));
    expect(cmd.formula).toBeUndefined();
  });

  it('numbers stay numbers with their formats; unknown numbers read "—"; XML-illegal characters are dropped; long text is cut to Excel’s limit', async () => {
    const numbers = [0, -1.5, 1 / 3, 46_000.123456789, 1e21, 2 ** 53 + 2, Number.MIN_VALUE];
    const data = await written(async (wb) => {
      const money = wb.style({ numFmt: '"¥"#,##0.00' });
      const pct = wb.style({ numFmt: '0.00%' });
      const sheet = await wb.addSheet('数字', { widths: [12, 12, 12], frozenRows: 0 });
      for (const n of numbers) sheet.row([n, n, n], [money, pct, 0]);
      sheet.row([Number.NaN, Number.POSITIVE_INFINITY]);
      sheet.row(['a\u0000b\u0007c\u001fd\ufffee', 'x'.repeat(EXCEL_MAX_CELL_CHARS + 10)]);
      await wb.addSheet('空表', { widths: [], frozenRows: 0 });
    });
    const wb = await load(data);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['数字', '空表']);
    const ws = wb.getWorksheet('数字')!;
    numbers.forEach((n, i) => {
      const row = ws.getRow(i + 1);
      expect([row.getCell(1).value, row.getCell(2).value, row.getCell(3).value]).toEqual([n, n, n]);
      expect(row.getCell(1).numFmt).toBe('"¥"#,##0.00');
      expect(row.getCell(2).numFmt).toBe('0.00%');
    });
    const last = numbers.length;
    expect([ws.getRow(last + 1).getCell(1).value, ws.getRow(last + 1).getCell(2).value]).toEqual(['—', '—']);
    expect(plain(ws.getRow(last + 2).getCell(1).value)).toBe('abcde');
    expect((plain(ws.getRow(last + 2).getCell(2).value) as string).length).toBe(EXCEL_MAX_CELL_CHARS);
  });

  it('is a well-formed package: content types, relationships, styles, one part per sheet', async () => {
    const data = await written(async (wb) => {
      const a = await wb.addSheet('甲', { widths: [10], frozenRows: 1 });
      a.row(['x'], undefined, wb.style({ bold: true, color: 'FFC00000' }));
      await wb.addSheet('乙', { widths: [10], frozenRows: 2 });
    });
    const zip = await JSZip.loadAsync(data, { checkCRC32: true });
    expect(Object.keys(zip.files).sort()).toEqual(
      [
        '[Content_Types].xml',
        '_rels/.rels',
        'docProps/app.xml',
        'docProps/core.xml',
        'xl/_rels/workbook.xml.rels',
        'xl/styles.xml',
        'xl/workbook.xml',
        'xl/worksheets/sheet1.xml',
        'xl/worksheets/sheet2.xml',
      ].sort(),
    );
    const types = await zip.file('[Content_Types].xml')!.async('string');
    expect(types).toContain('/xl/worksheets/sheet2.xml');
    const wb = await load(data);
    expect(wb.creator).toBe('LiveDesk 直播助理台');
    expect(wb.getWorksheet('甲')!.getRow(1).font).toMatchObject({ bold: true, color: { argb: 'FFC00000' } });
    expect(wb.getWorksheet('乙')!.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
  });
});
