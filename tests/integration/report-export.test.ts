/**
 * The quality bar: a fixed-seed simulated show (and the room's previous show) stored in a
 * real SQLite file through the real ingest pipeline, its report built by buildReport, exported in
 * all four formats, read back with parsers, and every figure compared with the database by SQL
 * written here, independently of the report's own queries.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../electron/core/report/build-report.js';
import { exportReport } from '../../electron/core/report/export-report.js';
import { excelSerial } from '../../electron/core/report/formats/xlsx-values.js';
import { reportRows } from '../../electron/core/report/report-rows.js';
import { openStore } from '../../electron/core/store/open-store.js';
import type { Store } from '../../electron/core/store/store.js';
import type { ReportFormat, ShowReport } from '../../shared/api/report.js';
import { formatCount, formatMoney, formatPercent } from '../../shared/format.js';
import { storeSimShow } from '../helpers/sim-show.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import {
  parseCsv,
  parseMarkdown,
  readDocx,
  commentCells,
  storedComments,
  tableAfter,
  type StoredComment,
} from '../unit/report-formats/read-back.js';

const SHOW_ID = 'show-seed-20261123';
const STARTED_AT = Date.UTC(2026, 10, 23, 12);

interface Counters {
  online: number;
  pv: number;
  uv: number;
  gmv: number;
  orders: number;
  buyers: number;
  newFollowers: number;
  likes: number;
}
interface ProductStat {
  id: string;
  name?: string;
  exposures: number;
  clicks: number;
  clickUsers: number;
  orders: number;
  buyers: number;
  gmv: number;
}
interface Rollup {
  minute: number;
  comments: number;
  orders: number;
  gmv: number;
  online_max: number | null;
}

let tmp: ReturnType<typeof makeTempDir>;
let store: Store;
let report: ShowReport;
const files = {} as Record<ReportFormat, Buffer>;
const db = {} as {
  last: Counters;
  previous: Counters;
  peakOnline: number;
  products: ProductStat[];
  rollups: Rollup[];
  comments: StoredComment[];
  firstTs: number;
  lastTs: number;
};

beforeAll(async () => {
  tmp = makeTempDir('livedesk-report-e2e-');
  const dataDir = path.join(tmp.dir, 'data');
  // The previous show in the same room a week earlier (for 较上场), then the show itself.
  storeSimShow(dataDir, {
    seed: 7,
    rate: 15,
    minutes: 10,
    showId: 'show-prev',
    startedAt: STARTED_AT - 7 * 86_400_000,
    title: '上周专场',
  });
  storeSimShow(dataDir, {
    seed: 20261123,
    rate: 25,
    minutes: 15,
    showId: SHOW_ID,
    startedAt: STARTED_AT,
    title: '冬季保暖专场',
  });
  store = openStore(dataDir).store;

  const counters = (showId: string) =>
    JSON.parse(
      store.db
        .prepare<[string], { c: string }>(
          'SELECT counters AS c FROM stats WHERE show_id = ? ORDER BY seq DESC LIMIT 1',
        )
        .get(showId)!.c,
    ) as Counters;
  db.last = counters(SHOW_ID);
  db.previous = counters('show-prev');
  db.peakOnline = store.db
    .prepare<[string], number>("SELECT max(json_extract(counters, '$.online')) FROM stats WHERE show_id = ?")
    .pluck()
    .get(SHOW_ID)!;
  db.products = JSON.parse(
    store.db
      .prepare<[string], string>(
        'SELECT products FROM stats WHERE show_id = ? AND products IS NOT NULL ORDER BY seq DESC LIMIT 1',
      )
      .pluck()
      .get(SHOW_ID)!,
  ) as ProductStat[];
  db.rollups = store.db
    .prepare<[string], Rollup>(
      'SELECT minute, comments, orders, gmv, online_max FROM minute_rollups WHERE show_id = ? ORDER BY minute',
    )
    .all(SHOW_ID);
  db.comments = storedComments(store.db, SHOW_ID);
  const span = store.db
    .prepare<[string], { a: number; b: number }>(
      'SELECT min(ts) AS a, max(ts) AS b FROM stats WHERE show_id = ?',
    )
    .get(SHOW_ID)!;
  db.firstTs = span.a;
  db.lastTs = span.b;

  const built = buildReport(store, { kind: 'show', showId: SHOW_ID }, { now: STARTED_AT + 3_600_000 });
  if (built.kind !== 'show') throw new Error('expected a show report');
  report = built;
  for (const format of ['docx', 'xlsx', 'md', 'csv'] as ReportFormat[]) {
    const outPath = path.join(tmp.dir, `report.${format}`);
    await exportReport({ report, rows: reportRows(store), format, outPath });
    files[format] = fs.readFileSync(outPath);
  }
}, 120_000);

afterAll(() => {
  store?.close();
  tmp?.cleanup();
});

/** The product's name as the funnel shows it (the feed's name, else its id). */
const nameOf = (p: ProductStat) => p.name ?? p.id;

describe('a fixed-seed show exported in every format, figures equal to the database', () => {
  it('the database holds a real show (sanity of the SQL below)', () => {
    expect(db.comments.length).toBeGreaterThan(10_000);
    expect(db.rollups.length).toBeGreaterThanOrEqual(15);
    expect(db.last.gmv).toBeGreaterThan(0);
    expect(db.products.length).toBeGreaterThan(3);
  });

  it('Word: core metrics vs the last stats and the previous show, funnel vs the product stats', async () => {
    const doc = await readDocx(files.docx);
    const metrics = tableAfter(doc, '（一）核心指标');
    const row = (label: string) => metrics.find((r) => r[0] === label)!;
    expect(row('成交金额').slice(1, 3)).toEqual([formatMoney(db.last.gmv), formatMoney(db.previous.gmv)]);
    expect(row('订单数').slice(1, 3)).toEqual([formatCount(db.last.orders), formatCount(db.previous.orders)]);
    expect(row('成交人数')[1]).toBe(formatCount(db.last.buyers));
    expect(row('观看人数')[1]).toBe(formatCount(db.last.uv));
    expect(row('场观')[1]).toBe(formatCount(db.last.pv));
    expect(row('峰值在线')[1]).toBe(formatCount(db.peakOnline));
    expect(row('转化率')[1]).toBe(formatPercent(db.last.buyers / db.last.uv));
    expect(row('客单价')[1]).toBe(formatMoney(db.last.gmv / db.last.buyers));
    const change = (db.last.gmv - db.previous.gmv) / db.previous.gmv;
    expect(row('成交金额')[3]).toBe(`${change >= 0 ? '+' : '−'}${Math.abs(change * 100).toFixed(1)}%`);

    const funnel = tableAfter(doc, '商品漏斗').slice(1);
    const byGmv = [...db.products].sort((a, b) => b.gmv - a.gmv);
    expect(funnel.map((r) => r[0]).sort()).toEqual(byGmv.map(nameOf).sort());
    for (const p of db.products) {
      const r = funnel.find((f) => f[0] === nameOf(p))!;
      expect([r[1], r[2], r[7], r[8]]).toEqual([
        formatCount(p.exposures),
        formatCount(p.clicks),
        formatCount(p.orders),
        formatMoney(p.gmv),
      ]);
    }
    const overview = tableAfter(doc, '一、工作概述');
    expect(overview).toContainEqual(['场次', '冬季保暖专场']);
    const commentsKv = tableAfter(doc, '（一）评论与提问回复');
    expect(commentsKv).toContainEqual(['评论总数', formatCount(db.comments.length)]);
    expect(doc.files.filter((f) => f.startsWith('word/media/'))).toHaveLength(1);
  });

  it('Markdown: the same figures in its tables', () => {
    const { tables } = parseMarkdown(files.md.toString('utf8'));
    const metrics = tables.find((t) => t.heading.includes('核心指标'))!;
    const row = (label: string) => metrics.rows.find((r) => r[0] === label)!;
    expect(row('成交金额')[1]).toBe(formatMoney(db.last.gmv));
    expect(row('订单数')[1]).toBe(formatCount(db.last.orders));
    expect(row('新增粉丝')[1]).toBe(formatCount(db.last.newFollowers));
    expect(row('点赞')[1]).toBe(formatCount(db.last.likes));
    const funnel = tables.find((t) => t.heading.includes('商品漏斗'))!;
    expect(funnel.rows).toHaveLength(db.products.length);
    const peaks = tables.find((t) => t.heading.includes('峰值'))!;
    const maxComments = Math.max(...db.rollups.map((r) => r.comments));
    expect(peaks.rows.find((r) => r[0] === '每分钟评论')![1]).toBe(formatCount(maxComments));
  });

  it('Excel: summary numbers, per-minute timeline, funnel and every comment', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(files.xlsx as unknown as ArrayBuffer);
    const values = (ws: ExcelJS.Worksheet) => {
      const out: unknown[][] = [];
      ws.eachRow({ includeEmpty: true }, (r) =>
        out.push(
          Array.from((r.values as unknown[]).slice(1), (v) =>
            v instanceof Date ? v.getTime() / 86_400_000 + 25_569 : (v ?? null),
          ),
        ),
      );
      return out;
    };
    const summary = values(wb.getWorksheet('总结')!);
    const find = (label: string) => summary.find((r) => r[0] === label)!;
    expect(find('成交金额').slice(1, 3)).toEqual([db.last.gmv / 100, db.previous.gmv / 100]);
    expect(find('订单数')[1]).toBe(db.last.orders);
    expect(find('观看人数')[1]).toBe(db.last.uv);
    expect(find('转化率')[1]).toBeCloseTo(db.last.buyers / db.last.uv, 12);
    expect(find('峰值在线')[1]).toBe(db.peakOnline);
    expect(find('直播时长')[1]).toBeCloseTo((db.lastTs - db.firstTs) / 86_400_000, 9);
    expect(find('评论总数')[1]).toBe(db.comments.length);

    const timeline = values(wb.getWorksheet('数据时间线')!).slice(1);
    expect(timeline).toHaveLength(db.rollups.length);
    db.rollups.forEach((m, i) => {
      expect(timeline[i]![0]).toBeCloseTo(excelSerial(m.minute), 9);
      expect([timeline[i]![2], timeline[i]![3], timeline[i]![4], timeline[i]![5]]).toEqual([
        m.online_max ?? '—',
        m.comments,
        m.orders,
        m.gmv / 100,
      ]);
    });
    const gmvSum = timeline.reduce((s, r) => s + (r[5] as number), 0);
    expect(gmvSum).toBeCloseTo(db.rollups.reduce((s, r) => s + r.gmv, 0) / 100, 6);

    const products = values(wb.getWorksheet('商品')!).slice(1);
    for (const p of db.products) {
      const r = products.find((row) => row[0] === p.id)!;
      expect(r.slice(1)).toEqual([
        nameOf(p),
        p.exposures,
        p.clicks,
        p.exposures ? p.clicks / p.exposures : '—',
        p.clickUsers,
        p.buyers,
        p.clickUsers ? p.buyers / p.clickUsers : '—',
        p.orders,
        p.gmv / 100,
      ]);
    }

    const comments = values(wb.getWorksheet('评论')!).slice(1);
    expect(comments).toHaveLength(db.comments.length);
    db.comments.forEach((c, i) => {
      const r = comments[i]!;
      expect(r[0]).toBeCloseTo(excelSerial(c.ts), 9);
      expect(r.slice(1)).toEqual(commentCells(c));
    });
  });

  it('CSV: every comment, in storage order, exactly', () => {
    const records = parseCsv(files.csv.toString('utf8').replace(/^\uFEFF/u, ''));
    expect(records).toHaveLength(db.comments.length + 1);
    db.comments.forEach((c, i) => {
      const r = records[i + 1]!;
      expect(r.slice(1)).toEqual(commentCells(c));
      const d = new Date(c.ts);
      const pad = (n: number) => String(n).padStart(2, '0');
      expect(r[0]).toBe(
        `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`,
      );
    });
  });
});
