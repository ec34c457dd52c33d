import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { neutraliseCell } from '../../../electron/core/report/formats/cells.js';
import fs from 'node:fs';
import path from 'node:path';
import { progressTracker } from '../../../electron/core/report/formats/progress.js';
import { buildReportDocument } from '../../../electron/core/report/formats/sections.js';
import { commentsPlan, questionsPlan, writeXlsx } from '../../../electron/core/report/formats/xlsx.js';
import { excelSerial } from '../../../electron/core/report/formats/xlsx-values.js';
import { makeTempDir } from '../../helpers/temp-dir.js';
import { SHOW_SHEETS } from './read-back.js';
import { fixturePeriodReport, PERIOD_SHOWS } from '../../fixtures/report/period-report.js';
import { fixtureAlerts, fixtureComment, fixtureQuestions, fixtureRows } from '../../fixtures/report/rows.js';
import { FINAL, fixtureShowReport, fixtureTrend, PRODUCTS } from '../../fixtures/report/show-report.js';
import { cleanupExports, exportFixture } from './export-fixture.js';

afterAll(cleanupExports);

type Value = ExcelJS.CellValue;

/** What a comment's text reads as in Excel: neutralised, CR / CRLF as the LF Excel breaks lines with. */
const inExcel = (text: string) => neutraliseCell(text).replace(/\r\n?/gu, '\n');

/**
 * A cell as a plain value. exceljs hands date- and duration-formatted numbers back as Dates
 * (UTC of the serial): turn them back into the stored serial.
 */
function plain(v: Value): string | number | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.getTime() / 86_400_000 + 25_569;
  if (typeof v === 'object' && 'result' in v) return plain(v.result as Value);
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  return v as string | number;
}

function rowsOf(ws: ExcelJS.Worksheet): (string | number | null)[][] {
  const out: (string | number | null)[][] = [];
  ws.eachRow({ includeEmpty: true }, (row) => {
    const values = (row.values as Value[]).slice(1);
    out.push(Array.from(values, plain)); // Array.from: an empty cell (a hole) reads as null
  });
  return out;
}

async function load(data: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  return wb;
}

describe('Excel workbook of a show', () => {
  const total = 7_321;
  let wb: ExcelJS.Workbook;
  let counts: Record<string, number>;
  beforeAll(async () => {
    const { data, result } = await exportFixture('xlsx', { rows: fixtureRows({ comments: total }) });
    counts = result.rows;
    wb = await load(data);
  });

  it('has the sheets, header rows bold and frozen', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(SHOW_SHEETS);
    for (const ws of wb.worksheets.slice(1)) {
      expect(ws.getRow(1).font?.bold, ws.name).toBe(true);
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.getColumn(1).width, ws.name).toBeGreaterThan(0);
    }
    expect(counts).toMatchObject({
      comments: total,
      questions: 6,
      alerts: 2,
      incidents: 1,
      checklist: 5,
      timeline: 180,
      products: 5,
    });
  });

  it('总结: the document model with numbers as numbers', () => {
    const rows = rowsOf(wb.getWorksheet('总结')!);
    const find = (label: string) => rows.find((r) => r[0] === label);
    expect(rows[0]![0]).toBe('直播工作总结：双11美妆狂欢专场');
    expect(
      rows.filter((r) => typeof r[0] === 'string' && /^[一二三四五六七]、/u.test(r[0])).map((r) => r[0]),
    ).toEqual([
      '一、工作概述',
      '二、核心数据指标分析',
      '三、直播前筹备',
      '四、直播中执行',
      '五、事故与应急',
      '六、存在问题',
      '七、改进计划',
    ]);
    expect(find('成交金额')).toEqual([
      '成交金额',
      FINAL.gmv / 100,
      1_500_000,
      expect.closeTo((FINAL.gmv - 150_000_000) / 150_000_000, 12),
    ]);
    expect(find('订单数')![1]).toBe(FINAL.orders);
    expect(find('转化率')![1]).toBe(FINAL.conversionRate);
    expect(find('退款率')).toEqual(['退款率', '—', '—', '—']);
    expect(find('直播时长')![1]).toBeCloseTo(3 / 24, 12);
    expect(find('问题解决率')![1]).toBeCloseTo(2_210 / 2_418, 12);
    // The number formats travel with the numbers.
    const ws = wb.getWorksheet('总结')!;
    let gmvFmt: string | undefined;
    ws.eachRow((row) => {
      if (row.getCell(1).value === '成交金额' && gmvFmt === undefined) gmvFmt = row.getCell(2).numFmt;
    });
    expect(gmvFmt).toBe('"¥"#,##0.00');
  });

  it('数据时间线: one row per minute, equal to the trend', () => {
    const rows = rowsOf(wb.getWorksheet('数据时间线')!);
    expect(rows[0]).toEqual(['时间', '在线人数', '在线峰值', '评论', '订单', '成交金额', '5分钟转化率']);
    const trend = fixtureTrend();
    expect(rows).toHaveLength(trend.length + 1);
    trend.forEach((m, i) => {
      expect(rows[i + 1]![0]).toBeCloseTo(excelSerial(m.minute), 9);
      expect(rows[i + 1]!.slice(1)).toEqual([
        m.online ?? '—',
        m.onlineMax ?? '—',
        m.comments,
        m.orders,
        m.gmv / 100,
        m.conversion5m ?? '—',
      ]);
    });
    const ws = wb.getWorksheet('数据时间线')!;
    expect(ws.getCell('F2').numFmt).toBe('"¥"#,##0.00');
    expect(ws.getCell('G10').numFmt).toBe('0.00%');
  });

  it('商品: the funnel', () => {
    const rows = rowsOf(wb.getWorksheet('商品')!);
    expect(rows.slice(1)).toEqual(
      PRODUCTS.map((p) => [
        p.id,
        p.name ?? p.id,
        p.exposures,
        p.clicks,
        p.ctr,
        p.clickUsers,
        p.buyers,
        p.clickToPay,
        p.orders,
        p.gmv / 100,
      ]),
    );
  });

  it('评论: every comment, text neutralised, times as local date serials', () => {
    const rows = rowsOf(wb.getWorksheet('评论')!);
    expect(rows[0]).toEqual(['时间', '评论ID', '用户ID', '昵称', '内容', '粉丝团', '截断']);
    expect(rows).toHaveLength(total + 1);
    for (let i = 0; i < total; i++) {
      const c = fixtureComment(i, total);
      const row = rows[i + 1]!;
      expect(row[0]).toBeCloseTo(excelSerial(c.ts), 9);
      expect(row.slice(1)).toEqual([
        c.id,
        c.userId,
        inExcel(c.nickname),
        c.text === '' ? null : inExcel(c.text),
        c.fanClub ? '是' : '否',
        c.truncated ? '是' : '否',
      ]);
    }
    expect(rows[5]![4]).toBe("'=cmd|' /C calc'!A0");
    expect(rows[3]![4]).toBe('第一行\n第二行\n第三行');
    expect(rows[11]![4]).toBe("'\n=1+1");
  });

  it('问题与回复, 告警, 事故, 设备调试', () => {
    const q = rowsOf(wb.getWorksheet('问题与回复')!);
    expect(q).toHaveLength(fixtureQuestions().length + 1);
    expect(q[2]!.slice(1, 5)).toEqual(['观众1', "'=1+1 这个多少钱", 'g-price', '已回复']);
    expect(q[1]![6]).toBeCloseTo(12_000 / 86_400_000, 10);
    expect(q[6]!.slice(4, 7)).toEqual(['待回复', '—', '—']);

    const a = rowsOf(wb.getWorksheet('告警')!);
    const alerts = fixtureAlerts();
    expect(a).toHaveLength(alerts.length + 1);
    expect(a[1]!.slice(1, 8)).toEqual([
      '库存提问集中',
      '警告',
      '评论关键词',
      '90 秒内 32 条库存提问（18 人）',
      32,
      18,
      '已确认',
    ]);
    expect(a[1]![9]).toBeCloseTo(42_000 / 86_400_000, 10);
    expect(a[2]![4]).toBe("'-在线人数 60 秒内下降 32%（15,230 → 10,356）");

    const inc = rowsOf(wb.getWorksheet('事故')!);
    expect(inc[1]!.slice(2, 5)).toEqual(['网络中断', '高', '主线路断开']);
    expect(inc[1]![5]).toBeCloseTo(48_000 / 86_400_000, 10);
    expect(inc[1]![7]).toContain('☐ 联系运营商报修');
    expect(inc[1]!.slice(9)).toEqual([15_230, 8_120, 14_010, 812, 140.5, 18_000, 0]);

    const c = rowsOf(wb.getWorksheet('设备调试')!);
    expect(c).toHaveLength(6);
    expect(c[3]!.slice(0, 5)).toEqual(['网络', '上行带宽', '≥ 20 Mbps', '12.5', '不通过（超出范围）']);
  });
});

describe('Excel workbook of a period', () => {
  it('汇总, 场次, 事故, 话术使用 with the shows as numbers', async () => {
    const { data } = await exportFixture('xlsx', { report: fixturePeriodReport() });
    const wb = await load(data);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '场次', '事故', '话术使用']);
    const shows = rowsOf(wb.getWorksheet('场次')!);
    expect(shows).toHaveLength(PERIOD_SHOWS.length + 1);
    const s = PERIOD_SHOWS[1]!;
    expect(shows[2]!.slice(1, 10)).toEqual([
      s.title,
      s.roomTitle,
      3 / 24,
      s.gmv / 100,
      s.orders,
      s.buyers,
      s.uv,
      s.peakOnline,
      s.conversion,
    ]);
    expect(shows[2]![0]).toBeCloseTo(excelSerial(s.startedAt), 9);
    expect(shows[4]![1]).toBe("'=周末福利场");
    const inc = rowsOf(wb.getWorksheet('事故')!);
    expect(inc).toContainEqual(['事故总数', 1]);
    expect(inc).toContainEqual(['类型：网络中断', 1]);
    expect(rowsOf(wb.getWorksheet('话术使用')!)[1]).toEqual(['faq-ship', '发货时间', '物流', 1_612]);
  });
});

describe('comments beyond one sheet', () => {
  it('at Excel’s limit: all that fit under the header, else 1,048,574 under a note', () => {
    expect(commentsPlan(1_048_575)).toEqual({ limit: 1_048_575 });
    const plan = commentsPlan(14_000_000);
    expect(plan.limit).toBe(1_048_574);
    expect(plan.note).toBe(
      '本场共 14,000,000 条评论，超过 Excel 单表上限（1,048,576 行）：本表只含最早的 1,048,574 条。完整评论请导出 CSV。',
    );
  });

  it('the sheet is capped with a first-row note pointing to the CSV (limit lowered to 1,000 rows)', async () => {
    const { dir, cleanup } = makeTempDir('livedesk-xlsx-cap-');
    try {
      const file = path.join(dir, 'cap.xlsx');
      const out = fs.createWriteStream(file);
      const report = fixtureShowReport();
      const counts = await writeXlsx(
        {
          report,
          rows: fixtureRows({ comments: 5_000 }),
          out,
          progress: progressTracker(undefined),
          signal: undefined,
        },
        buildReportDocument(report),
        { maxRows: 1_000 },
      );
      expect(counts.comments).toBe(998);
      const rows = rowsOf((await load(fs.readFileSync(file))).getWorksheet('评论')!);
      expect(rows).toHaveLength(1_000);
      expect(rows[0]![0]).toBe(
        '本场共 5,000 条评论，超过 Excel 单表上限（1,000 行）：本表只含最早的 998 条。完整评论请导出 CSV。',
      );
      expect(rows[1]).toEqual(['时间', '评论ID', '用户ID', '昵称', '内容', '粉丝团', '截断']);
      expect(rows[999]![1]).toBe('c-998');
      const ws = (await load(fs.readFileSync(file))).getWorksheet('评论')!;
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    } finally {
      cleanup();
    }
  });

  it('问题与回复 is capped the same way: the first questions under a note', async () => {
    expect(questionsPlan(7_300_000)).toEqual({
      limit: 1_048_574,
      note: '本场共 7,300,000 个问题，超过 Excel 单表上限（1,048,576 行）：本表只含最早的 1,048,574 个。',
    });
    const { dir, cleanup } = makeTempDir('livedesk-xlsx-cap-');
    try {
      const file = path.join(dir, 'cap.xlsx');
      const report = fixtureShowReport();
      const rows = fixtureRows({ comments: 3, questions: 50 });
      const counts = await writeXlsx(
        {
          report,
          rows,
          out: fs.createWriteStream(file),
          progress: progressTracker(undefined),
          signal: undefined,
        },
        buildReportDocument(report),
        { maxRows: 12 },
      );
      expect(counts).toMatchObject({ comments: 3, questions: 10 });
      const ws = (await load(fs.readFileSync(file))).getWorksheet('问题与回复')!;
      const q = rowsOf(ws);
      expect(q).toHaveLength(12);
      expect(q[0]![0]).toBe('本场共 50 个问题，超过 Excel 单表上限（12 行）：本表只含最早的 10 个。');
      expect(q[1]![0]).toBe('时间');
      expect(q.slice(2).map((r) => r[1])).toEqual(fixtureQuestions(10).map((x) => x.nickname));
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    } finally {
      cleanup();
    }
  });
});
