/**
 * The XLSX export's two big sheets built in worker threads (formats/xlsx-big-sheets.ts): a
 * fixed-seed show in a real SQLite file, exported through runExport (the path the app and the CLI
 * take), its 评论 and 问题与回复 read back with exceljs and compared cell by cell with the rows,
 * read here by SQL of our own; the same sheets built on this thread are byte for byte the same,
 * capped under the note too; a thread that cannot start leaves its sheet to the export thread;
 * and a cancelled export leaves no file behind.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildReport } from '../../electron/core/report/build-report.js';
import { openReadonlyStore, runExport } from '../../electron/core/report/export-run.js';
import { neutraliseCell } from '../../electron/core/report/formats/cells.js';
import { QUESTION_STATE_LABELS } from '../../electron/core/report/formats/labels.js';
import { progressTracker } from '../../electron/core/report/formats/progress.js';
import type { WriterContext } from '../../electron/core/report/formats/sink.js';
import { buildReportDocument } from '../../electron/core/report/formats/sections.js';
import type * as SheetJobModule from '../../electron/core/report/formats/xlsx-sheet-job.js';
import { writeXlsx } from '../../electron/core/report/formats/xlsx.js';
import { durationDays, excelSerial } from '../../electron/core/report/formats/xlsx-values.js';
import { reportRows } from '../../electron/core/report/report-rows.js';
import { DB_FILE_NAME, type Store } from '../../electron/core/store/store.js';
import type { ShowReport } from '../../shared/api/report.js';
import { storeSimShow } from '../helpers/sim-show.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { commentCells, SHOW_SHEETS, storedComments } from '../unit/report-formats/read-back.js';

// Records what each sheet thread gave: a sheet, or null (it could not start: built here).
const outcomes: string[] = [];
vi.mock('../../electron/core/report/formats/xlsx-sheet-job.js', async (importOriginal) => {
  const real = await importOriginal<typeof SheetJobModule>();
  return {
    ...real,
    startSheetJob: (...args: Parameters<typeof real.startSheetJob>) => {
      const job = real.startSheetJob(...args);
      job.result.then(
        (r) => outcomes.push(r ? `${args[0].sheet}: thread` : `${args[0].sheet}: here`),
        () => outcomes.push(`${args[0].sheet}: failed`),
      );
      return job;
    },
  };
});

const SHOW_ID = 'show-parallel-seed';

let tmp: ReturnType<typeof makeTempDir>;
let dataDir: string;
let store: Store;
let report: ShowReport;

beforeAll(() => {
  tmp = makeTempDir('livedesk-xlsx-parallel-');
  dataDir = path.join(tmp.dir, 'data');
  storeSimShow(dataDir, { seed: 424242, rate: 30, minutes: 8, showId: SHOW_ID, title: '并行导出' });
  askQuestions(path.join(dataDir, DB_FILE_NAME));
  store = openReadonlyStore(dataDir);
  const built = buildReport(store, { kind: 'show', showId: SHOW_ID });
  if (built.kind !== 'show') throw new Error('expected a show report');
  report = built;
}, 120_000);

afterAll(() => {
  store?.close();
  tmp?.cleanup();
});

/**
 * Every third comment also a question, in all three states, some answered with an FAQ entry (the
 * sim show stores none), and the groups' totals as the writer keeps them.
 */
function askQuestions(file: string): void {
  const db = new Database(file);
  try {
    db.exec(`
      INSERT INTO faq_entries (id, position, category, triggers, answer, updated_at) VALUES
        ('faq-size', 1, '尺码', '["尺码怎么选？","=多大"]', '看详情页', 0),
        ('faq-ship', 2, '物流', '["什么时候发货"]', '48 小时内', 0);
      INSERT INTO questions (show_id, comment_id, ts, seen_at, user_id, nickname, text, group_key, suggestions,
                             state, answered_at, answered_faq)
      SELECT show_id, id, ts, ts + 120, user_id, nickname, text, 'g' || (row_id % 7), '[]',
        CASE row_id % 4 WHEN 0 THEN 'answered' WHEN 1 THEN 'dismissed' WHEN 2 THEN 'answered' ELSE 'pending' END,
        CASE row_id % 4 WHEN 0 THEN ts + 120 + row_id % 50000 WHEN 2 THEN ts + 100 END,
        CASE row_id % 4 WHEN 0 THEN CASE row_id % 3 WHEN 0 THEN 'faq-size' WHEN 1 THEN 'faq-ship' END END
      FROM comments WHERE show_id = '${SHOW_ID}' AND row_id % 3 = 0 ORDER BY row_id;
      INSERT INTO question_groups (show_id, group_key, first_id, first_seen_at, total)
      SELECT show_id, group_key, min(id), min(seen_at), count(*) FROM questions WHERE show_id = '${SHOW_ID}'
      GROUP BY group_key;
    `);
  } finally {
    db.close();
  }
}

/** A sheet's rows as values (dates back to serials), each padded to `width` cells. */
function values(ws: ExcelJS.Worksheet, width: number): unknown[][] {
  const out: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (r) => {
    const cells = Array.from((r.values as unknown[]).slice(1), (v) =>
      v instanceof Date ? v.getTime() / 86_400_000 + 25_569 : (v ?? null),
    );
    while (cells.length < width) cells.push(null);
    out.push(cells);
  });
  return out;
}

const expectSerial = (got: unknown, want: number) => {
  expect(typeof got).toBe('number');
  expect(got as number).toBeCloseTo(want, 9);
};

describe('the big sheets built in worker threads', () => {
  it('every cell of 评论 and 问题与回复 equals the database rows', async () => {
    outcomes.length = 0;
    const outPath = path.join(tmp.dir, 'out', 'parallel.xlsx');
    const result = await runExport({ store, report, format: 'xlsx', outPath });
    expect(outcomes.sort()).toEqual(['comments: thread', 'questions: thread']);

    const comments = storedComments(store.db, SHOW_ID);
    const questions = store.db
      .prepare<
        [string],
        {
          ts: number;
          nickname: string;
          text: string;
          group_key: string;
          state: 'pending' | 'answered' | 'dismissed';
          seen_at: number;
          answered_at: number | null;
          answered_faq: string | null;
          triggers: string | null;
        }
      >(
        `SELECT q.ts, q.nickname, q.text, q.group_key, q.state, q.seen_at, q.answered_at, q.answered_faq, f.triggers
         FROM questions q LEFT JOIN faq_entries f ON f.id = q.answered_faq WHERE q.show_id = ? ORDER BY q.id`,
      )
      .all(SHOW_ID);
    expect(comments.length).toBeGreaterThan(5000);
    expect(questions.length).toBeGreaterThan(100);
    expect(result.rows).toMatchObject({ comments: comments.length, questions: questions.length });

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(outPath);
    expect(wb.worksheets.map((w) => w.name)).toEqual(SHOW_SHEETS);

    const commentRows = values(wb.getWorksheet('评论')!, 7);
    expect(commentRows[0]).toEqual(['时间', '评论ID', '用户ID', '昵称', '内容', '粉丝团', '截断']);
    expect(commentRows).toHaveLength(comments.length + 1);
    comments.forEach((c, i) => {
      const r = commentRows[i + 1]!;
      expectSerial(r[0], excelSerial(c.ts));
      expect(r.slice(1)).toEqual(commentCells(c));
    });

    const questionRows = values(wb.getWorksheet('问题与回复')!, 9);
    expect(questionRows[0]).toEqual([
      '时间',
      '昵称',
      '问题',
      '分组',
      '状态',
      '回复时间',
      '回复用时',
      '话术ID',
      '话术',
    ]);
    expect(questionRows).toHaveLength(questions.length + 1);
    questions.forEach((q, i) => {
      const r = questionRows[i + 1]!;
      expectSerial(r[0], excelSerial(q.ts));
      expect(r.slice(1, 5)).toEqual([
        neutraliseCell(q.nickname),
        neutraliseCell(q.text),
        neutraliseCell(q.group_key),
        QUESTION_STATE_LABELS[q.state],
      ]);
      if (q.state === 'answered' && q.answered_at !== null) {
        expectSerial(r[5], excelSerial(q.answered_at));
        expectSerial(r[6], durationDays(Math.max(0, q.answered_at - q.seen_at)));
      } else {
        expect(r.slice(5, 7)).toEqual(['—', '—']);
      }
      const faqQuestion = q.triggers === null ? null : ((JSON.parse(q.triggers) as string[])[0] ?? null);
      expect(r.slice(7)).toEqual([
        q.answered_faq === null ? null : neutraliseCell(q.answered_faq),
        faqQuestion === null ? null : neutraliseCell(faqQuestion),
      ]);
    });
  }, 120_000);

  it('gives the same bytes as building them on this thread, capped under the note too', async () => {
    const build = async (parallel: boolean, maxRows: number) => {
      const out = new PassThrough();
      const chunks: Buffer[] = [];
      out.on('data', (c: Buffer) => chunks.push(c));
      const ctx: WriterContext = {
        report,
        rows: reportRows(store),
        out,
        progress: progressTracker(undefined),
        signal: undefined,
        ...(parallel
          ? { source: { file: path.join(dataDir, DB_FILE_NAME) }, tmpPrefix: path.join(tmp.dir, 'cap') }
          : {}),
      };
      await writeXlsx(ctx, buildReportDocument(report), { maxRows });
      return JSZip.loadAsync(Buffer.concat(chunks));
    };
    for (const maxRows of [1000, 1_048_576]) {
      outcomes.length = 0;
      const [threads, here] = await Promise.all([build(true, maxRows), build(false, maxRows)]);
      expect(outcomes.sort()).toEqual(['comments: thread', 'questions: thread']);
      for (const part of [
        'xl/worksheets/sheet4.xml',
        'xl/worksheets/sheet5.xml',
        'xl/styles.xml',
        'xl/sharedStrings.xml',
      ]) {
        const [a, b] = await Promise.all([
          threads.file(part)!.async('nodebuffer'),
          here.file(part)!.async('nodebuffer'),
        ]);
        expect(a.equals(b), part).toBe(true);
      }
      if (maxRows === 1000) {
        const sheet = await threads.file('xl/worksheets/sheet4.xml')!.async('string');
        expect(sheet).toContain('超过 Excel 单表上限（1,000 行）');
        expect(sheet).toContain('<row r="1000">');
        expect(sheet).not.toContain('<row r="1001">');
      }
    }
    expect(fs.readdirSync(tmp.dir).filter((f) => f.startsWith('cap'))).toEqual([]);
  }, 120_000);

  it('a thread that cannot open the database leaves its sheet to this thread', async () => {
    const dir = path.join(tmp.dir, 'fallback');
    fs.mkdirSync(dir);
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    outcomes.length = 0;
    const counts = await writeXlsx(
      {
        report,
        rows: reportRows(store),
        out,
        progress: progressTracker(undefined),
        signal: undefined,
        source: { file: path.join(dir, 'no-such.db') },
        tmpPrefix: path.join(dir, 'spill'),
      },
      buildReportDocument(report),
    );
    expect(outcomes.sort()).toEqual(['comments: here', 'questions: here']);
    expect(counts.comments).toBe(reportRows(store).commentCount(SHOW_ID));
    expect(counts.questions).toBe(reportRows(store).questionCount(SHOW_ID));
    const zip = await JSZip.loadAsync(Buffer.concat(chunks));
    expect(await zip.file('xl/worksheets/sheet5.xml')!.async('string')).toContain('<row r="2">');
    expect(fs.readdirSync(dir)).toEqual([]);
  }, 120_000);

  it('a cancelled export ends the threads and leaves no file, temp or spilled', async () => {
    const dir = path.join(tmp.dir, 'cancel');
    fs.mkdirSync(dir);
    const controller = new AbortController();
    outcomes.length = 0;
    const run = runExport({
      store,
      report,
      format: 'xlsx',
      outPath: path.join(dir, 'cancelled.xlsx'),
      signal: controller.signal,
      // The first progress from a sheet thread: both threads are running.
      onProgress: (phase, fraction) => {
        if (phase === 'comments' && fraction > 0.05) controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(outcomes).toContain('comments: failed');
    expect(fs.readdirSync(dir)).toEqual([]);
  }, 120_000);
});
