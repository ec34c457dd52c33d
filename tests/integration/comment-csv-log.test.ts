/**
 * The per-show CSV log of comments (store/comment-csv-log.ts) against a real SQLite file: the CSV
 * export copied from the log is byte for byte the export read from the database, and whenever the
 * log cannot be trusted — rolled-back bytes, a NUL where a power cut left a hole, a missing file,
 * a show whose comments began before its log, a file that cannot be written — the export reads
 * the database and is still exact.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportReport } from '../../electron/core/report/export-report.js';
import { reportRows } from '../../electron/core/report/report-rows.js';
import type { ReportRows } from '../../electron/core/report/types.js';
import { COMMENT_CSV_DIR, logFileName } from '../../electron/core/store/comment-csv-log.js';
import { Store } from '../../electron/core/store/store.js';
import { emptyBatch, type NewComment, type WriteBatch } from '../../electron/core/store/types.js';
import type { ShowReport } from '../../shared/api/report.js';
import { fixtureComment, TRICKY_TEXTS } from '../fixtures/report/rows.js';
import { fixtureShowReport } from '../fixtures/report/show-report.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const SHOW = 'show/with:odd*id 01';
const OTHER = 'show-other';
const TOTAL = 3_000;

let tmp: ReturnType<typeof makeTempDir>;
let store: Store;

beforeEach(() => {
  tmp = makeTempDir('livedesk-csv-log-');
  store = new Store(path.join(tmp.dir, 'livedesk.db'));
  for (const id of [SHOW, OTHER])
    store.upsertShow({
      id,
      roomId: 'room-1',
      roomTitle: '直播间',
      platform: 'sim',
      title: id,
      startedAt: Date.UTC(2026, 10, 23, 12),
      endedAt: null,
      lastSeq: 0,
      source: 'sim',
    });
});

afterEach(() => {
  store.close();
  tmp.cleanup();
});

const comment = (i: number, showTag = ''): NewComment => {
  const { rowId: _rowId, ...c } = fixtureComment(i, TOTAL);
  return { ...c, id: `${showTag}${c.id}` };
};

function batchOf(showId: string, comments: NewComment[], lastSeq: number): WriteBatch {
  return { ...emptyBatch(showId, lastSeq - comments.length), lastSeq, comments };
}

/** Writes TOTAL comments of SHOW in batches of 250, interleaved with OTHER's, with replays. */
function writeShow(from = 0, to = TOTAL): void {
  for (let i = from; i < to; i += 250) {
    const comments = Array.from({ length: Math.min(250, to - i) }, (_, k) => comment(i + k));
    store.writeBatch(batchOf(SHOW, comments, i + comments.length));
    // A replayed batch: every comment a duplicate, nothing logged twice.
    if (i % 1000 === 0) store.writeBatch(batchOf(SHOW, comments.slice(0, 10), i + comments.length));
    store.writeBatch(batchOf(OTHER, [comment(i, 'o-')], i + 1));
  }
}

const report = (): ShowReport => {
  const r = fixtureShowReport();
  return { ...r, show: { ...r.show, id: SHOW } };
};

/**
 * Exports SHOW's CSV; `offered`: the rows offered a committed log; `usedLog`: the export copied it
 * (it never read the comments from the database).
 */
async function exportCsv(
  rows: ReportRows,
  name: string,
): Promise<{ data: Buffer; usedLog: boolean; offered: boolean }> {
  let offered = false;
  let readDb = false;
  const spied: ReportRows = {
    ...rows,
    commentLog: (showId, expected) => {
      const log = rows.commentLog?.(showId, expected) ?? null;
      offered = log !== null;
      return log;
    },
    comments: (showId, size) => {
      readDb = true;
      return rows.comments(showId, size);
    },
  };
  const result = await exportReport({
    report: report(),
    rows: spied,
    format: 'csv',
    outPath: path.join(tmp.dir, `${name}.csv`),
  });
  expect(result.rows).toEqual({ comments: store.countComments(SHOW) });
  return { data: fs.readFileSync(result.path), usedLog: offered && !readDb, offered };
}

/** The same export read from the database only (no log offered). */
async function fromDatabase(): Promise<Buffer> {
  const { commentLog: _log, ...rows } = reportRows(store);
  return (await exportCsv(rows, 'from-db')).data;
}

const logFile = () => path.join(tmp.dir, COMMENT_CSV_DIR, logFileName(SHOW));
const logRow = () =>
  store.db.prepare('SELECT rows, bytes, usable FROM comment_csv_logs WHERE show_id = ?').get(SHOW) as
    { rows: number; bytes: number; usable: number } | undefined;

describe('comment CSV log', () => {
  it('is copied by the CSV export, byte for byte what the database gives', async () => {
    writeShow();
    expect(logRow()).toEqual({ rows: TOTAL, bytes: fs.statSync(logFile()).size, usable: 1 });
    const viaLog = await exportCsv(reportRows(store), 'via-log');
    expect(viaLog.usedLog).toBe(true);
    const viaDb = await fromDatabase();
    expect(viaLog.data.equals(viaDb)).toBe(true);
    // The hard cases are in it, quoted and neutralised as the database path does them.
    const text = viaLog.data.toString('utf8');
    expect(text).toContain('"价格是""99""还是""129""?"');
    expect(text).toContain("'=cmd|' /C calc'!A0");
    expect(text.split('\r\n').length).toBeGreaterThan(TOTAL);
    expect(TRICKY_TEXTS.length).toBeGreaterThan(10);
  });

  it('ignores bytes of a transaction that rolled back: they are overwritten, never copied', async () => {
    writeShow(0, 1000);
    const before = logRow()!;
    const good = Array.from({ length: 50 }, (_, k) => comment(1000 + k));
    // The second batch cannot be stored (a NOT NULL column): the transaction with both rolls back
    // after the first one's lines were written to the file.
    const bad: WriteBatch = {
      ...batchOf(SHOW, [comment(1050)], 1051),
      invalid: [{ at: null as unknown as number, type: 'comment', reason: 'test', sample: '{}' }],
    };
    expect(() => store.writeBatchesIds([batchOf(SHOW, good, 1050), bad])).toThrow();
    expect(logRow()).toEqual(before);
    expect(fs.statSync(logFile()).size).toBeGreaterThan(before.bytes);
    writeShow(1000, TOTAL);
    const viaLog = await exportCsv(reportRows(store), 'after-rollback');
    expect(viaLog.usedLog).toBe(true);
    expect(viaLog.data.equals(await fromDatabase())).toBe(true);
  });

  it('is not trusted with a hole (NUL bytes) or when its file is gone', async () => {
    writeShow();
    const expected = await fromDatabase();
    const fd = fs.openSync(logFile(), 'r+');
    fs.writeSync(fd, Buffer.alloc(64), 0, 64, 5_000);
    fs.closeSync(fd);
    const holed = await exportCsv(reportRows(store), 'holed');
    expect(holed.offered).toBe(true);
    expect(holed.usedLog).toBe(false); // refused by the check
    expect(holed.data.equals(expected)).toBe(true);
    fs.rmSync(logFile());
    const gone = await exportCsv(reportRows(store), 'gone');
    expect(gone.usedLog).toBe(false);
    expect(gone.data.equals(expected)).toBe(true);
  });

  it("records what is on disk: synced at the show's end and when the writer closes", () => {
    const synced = () =>
      store.db.prepare('SELECT synced_bytes FROM comment_csv_logs WHERE show_id = ?').pluck().get(SHOW);
    writeShow(0, 1000);
    expect(synced()).toBe(0);
    store.writeBatch({ ...batchOf(SHOW, [comment(1000)], 1001), endedAt: Date.UTC(2026, 10, 23, 15) });
    expect(synced()).toBe(logRow()!.bytes);
    writeShow(1001, 1500); // a show may go on after an end event (the feed resumed it)
    expect(synced()).toBeLessThan(logRow()!.bytes);
    store.close();
    store = new Store(path.join(tmp.dir, 'livedesk.db'));
    expect(synced()).toBe(logRow()!.bytes);
  });

  it('is never started for a show whose comments were stored before it', async () => {
    writeShow(0, 500);
    store.db.prepare('DELETE FROM comment_csv_logs').run(); // as if stored by v8
    writeShow(500, TOTAL);
    expect(logRow()?.usable).toBe(0);
    const out = await exportCsv(reportRows(store), 'late');
    expect(out.usedLog).toBe(false);
    expect(out.data.equals(await fromDatabase())).toBe(true);
  });

  it('a file that cannot be written stops the log, never the comments', async () => {
    fs.mkdirSync(logFile(), { recursive: true }); // a directory where the file should be
    writeShow();
    expect(store.countComments(SHOW)).toBe(TOTAL);
    expect(logRow()?.usable).toBe(0);
    const out = await exportCsv(reportRows(store), 'unwritable');
    expect(out.usedLog).toBe(false);
    expect(out.data.toString('utf8').split('\r\n')[1]).toMatch(/,c-1,/u);
    expect(out.data.equals(await fromDatabase())).toBe(true);
  });

  it("reading a show's comments starts at its first row, not at the earlier shows' rows", () => {
    for (let i = 0; i < 2_000; i += 500)
      store.writeBatch(
        batchOf(
          OTHER,
          Array.from({ length: 500 }, (_, k) => comment(i + k, 'early-')),
          i + 500,
        ),
      );
    writeShow();
    const first = store.db
      .prepare('SELECT min(row_id) FROM comments WHERE show_id = ?')
      .pluck()
      .get(SHOW) as number;
    expect(first).toBeGreaterThan(2_000);
    expect(store.commentLog.firstRowId(SHOW)).toBe(first);
    const plan = store.db
      .prepare(
        'EXPLAIN QUERY PLAN SELECT row_id FROM comments NOT INDEXED WHERE show_id = ? AND row_id >= ? ORDER BY row_id LIMIT ?',
      )
      .all(SHOW, first, TOTAL) as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/INTEGER PRIMARY KEY \(rowid>\?\)/u);
    const ids = [...reportRows(store).comments(SHOW, 700)].flat().map((c) => c.id);
    expect(ids).toEqual(Array.from({ length: TOTAL }, (_, i) => comment(i).id));
  });

  it('an in-memory store keeps no log', () => {
    const memory = new Store(':memory:');
    try {
      expect(memory.commentLog.dir).toBeNull();
    } finally {
      memory.close();
    }
  });
});
