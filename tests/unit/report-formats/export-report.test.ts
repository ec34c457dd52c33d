import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { exportReport } from '../../../electron/core/report/export-report.js';
import { progressTracker } from '../../../electron/core/report/formats/progress.js';
import type { ReportFormat } from '../../../shared/api/report.js';
import { fixtureRows } from '../../fixtures/report/rows.js';
import { fixtureShowReport } from '../../fixtures/report/show-report.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

let cleanup: () => void = () => {};
afterEach(() => cleanup());

function tempDir(): string {
  const t = makeTempDir('livedesk-export-');
  cleanup = t.cleanup;
  return t.dir;
}

describe('exportReport writes atomically', () => {
  it.each(['csv', 'xlsx'] as ReportFormat[])(
    '%s: an abort after the first progress call rejects with AbortError and leaves nothing',
    async (format) => {
      const dir = tempDir();
      const outPath = path.join(dir, `big.${format}`);
      const controller = new AbortController();
      const calls: string[] = [];
      let batches = 0;
      const promise = exportReport({
        report: fixtureShowReport(),
        rows: fixtureRows({ comments: 300_000, onCommentBatch: () => batches++ }),
        format,
        outPath,
        signal: controller.signal,
        onProgress: (phase) => {
          calls.push(phase);
          controller.abort();
        },
      });
      await expect(promise).rejects.toMatchObject({ name: 'AbortError' });
      expect(calls.length).toBeGreaterThan(0);
      // It stopped between batches, long before the 60 batches of the whole show.
      expect(batches).toBeLessThan(5);
      expect(fs.readdirSync(dir)).toEqual([]);
    },
  );

  it('an already aborted signal writes nothing', async () => {
    const dir = tempDir();
    const controller = new AbortController();
    controller.abort();
    await expect(
      exportReport({
        report: fixtureShowReport(),
        rows: fixtureRows(),
        format: 'md',
        outPath: path.join(dir, 'a.md'),
        signal: controller.signal,
      }),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it.each(['csv', 'xlsx'] as ReportFormat[])(
    '%s: a failure mid-way leaves an existing good file unchanged',
    async (format) => {
      const dir = tempDir();
      const outPath = path.join(dir, `report.${format}`);
      fs.writeFileSync(outPath, 'the good file from yesterday');
      const rows = fixtureRows({
        comments: 50_000,
        onCommentBatch: (i) => {
          if (i === 3) throw new Error('database is locked');
        },
      });
      await expect(exportReport({ report: fixtureShowReport(), rows, format, outPath })).rejects.toThrow(
        'database is locked',
      );
      expect(fs.readFileSync(outPath, 'utf8')).toBe('the good file from yesterday');
      expect(fs.readdirSync(dir)).toEqual([`report.${format}`]);
    },
  );

  it('a successful export replaces the old file and reports bytes and rows', async () => {
    const dir = tempDir();
    const outPath = path.join(dir, 'report.csv');
    fs.writeFileSync(outPath, 'old');
    const result = await exportReport({
      report: fixtureShowReport(),
      rows: fixtureRows({ comments: 10 }),
      format: 'csv',
      outPath,
    });
    expect(result).toEqual({ path: outPath, bytes: fs.statSync(outPath).size, rows: { comments: 10 } });
    expect(fs.readFileSync(outPath, 'utf8')).toContain('评论ID');
    expect(fs.readdirSync(dir)).toEqual(['report.csv']);
  });

  it('refuses what cannot become a file, with a clear error and nothing written', async () => {
    const dir = tempDir();
    const base = { report: fixtureShowReport(), rows: fixtureRows(), format: 'md' as ReportFormat };
    await expect(exportReport({ ...base, outPath: path.join(dir, 'missing', 'a.md') })).rejects.toThrow(
      `the folder ${path.join(dir, 'missing')} does not exist`,
    );
    fs.writeFileSync(path.join(dir, 'file'), 'x');
    await expect(exportReport({ ...base, outPath: path.join(dir, 'file', 'a.md') })).rejects.toThrow(
      'is not a folder',
    );
    fs.mkdirSync(path.join(dir, 'sub'));
    await expect(exportReport({ ...base, outPath: path.join(dir, 'sub') })).rejects.toThrow('it is a folder');
    await expect(exportReport({ ...base, outPath: '' })).rejects.toThrow('the output path must name a file');
    await expect(
      exportReport({ ...base, format: 'pdf' as ReportFormat, outPath: path.join(dir, 'a.pdf') }),
    ).rejects.toThrow('unknown export format "pdf" (expected docx, xlsx, md, csv)');
    expect(fs.readdirSync(dir).sort()).toEqual(['file', 'sub']);
  });

  it.skipIf(process.getuid?.() === 0)('an unwritable folder is a clear error', async () => {
    const dir = tempDir();
    fs.chmodSync(dir, 0o555);
    try {
      await expect(
        exportReport({
          report: fixtureShowReport(),
          rows: fixtureRows(),
          format: 'md',
          outPath: path.join(dir, 'a.md'),
        }),
      ).rejects.toThrow(/cannot write .*a\.md: permission denied \(EACCES\)/u);
    } finally {
      fs.chmodSync(dir, 0o755);
    }
  });

  it('a temp file that cannot be created is a clear error, nothing left behind', async () => {
    // Works as root too (permissions do not stop root): the temp name adds ".<random>.tmp" to a
    // name that already fills the 255 bytes a file name may have.
    const dir = tempDir();
    const outPath = path.join(dir, `${'报'.repeat(80)}.md`); // 80 × 3 bytes + ".md" = 243 bytes
    await expect(
      exportReport({ report: fixtureShowReport(), rows: fixtureRows(), format: 'md', outPath }),
    ).rejects.toThrow(/cannot write .*\.md: the file name is too long \(ENAMETOOLONG\)/u);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

describe('progress', () => {
  it('is monotonic, ends at 1, and reports at most one call per 50 ms within a phase', async () => {
    const dir = tempDir();
    const seen: [string, number][] = [];
    await exportReport({
      report: fixtureShowReport(),
      rows: fixtureRows({ comments: 60_000 }),
      format: 'xlsx',
      outPath: path.join(dir, 'a.xlsx'),
      onProgress: (phase, fraction) => seen.push([phase, fraction]),
    });
    const fractions = seen.map(([, f]) => f);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(seen[seen.length - 1]).toEqual(['done', 1]);
    expect(seen.map(([p]) => p)).toEqual(
      expect.arrayContaining(['summary', 'timeline', 'comments', 'questions', 'writing']),
    );
    for (const [, f] of seen) expect(f >= 0 && f <= 1).toBe(true);
  });

  it('throttles by the clock: same phase within 50 ms is folded, a new phase always reported', () => {
    let now = 0;
    const calls: [string, number][] = [];
    const p = progressTracker(
      (phase, f) => calls.push([phase, f]),
      () => now,
    );
    const step = p.phase('comments', 0, 0.5);
    for (let i = 1; i <= 100; i++) {
      now += 5; // 100 batches in 500 ms
      step(i, 100);
    }
    p.phase('questions', 0.5, 1)(1, 2);
    p.finish();
    expect(calls[0]).toEqual(['comments', 0]);
    const comments = calls.filter(([ph]) => ph === 'comments');
    expect(comments.length).toBeLessThanOrEqual(1 + 500 / 50);
    expect(calls.slice(-2)).toEqual([
      ['questions', 0.5],
      ['done', 1],
    ]);
    // Never backwards, even when a phase is entered below what was reported.
    p.phase('late', 0.1, 0.2)(1, 1);
    expect(calls.every(([, f], i) => i === 0 || f >= calls[i - 1]![1])).toBe(true);
  });
});
