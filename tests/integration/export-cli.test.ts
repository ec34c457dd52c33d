/**
 * `npm run export` as a user runs it: a child process on a real data directory (a fixed-seed
 * simulated show), every format, the period flags, bad flags, and an app ingesting meanwhile.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileStamp } from '../../electron/core/report/export-file-name.js';
import { startLiveDesk } from '../../electron/core/runtime.js';
import { SIM_STARTED_AT, storeSimShow } from '../helpers/sim-show.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { waitFor } from '../helpers/wait.js';

const root = path.resolve(import.meta.dirname, '../..');
let tmp: ReturnType<typeof makeTempDir>;
let dataDir: string;
let show: { showId: string; comments: number };

beforeAll(() => {
  tmp = makeTempDir('livedesk-export-cli-');
  dataDir = path.join(tmp.dir, 'data');
  show = storeSimShow(dataDir, { seed: 21, rate: 20, minutes: 8, showId: 'show-cli', title: '秋冬新品专场' });
});

afterAll(() => tmp?.cleanup());

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runExport(args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/export.ts', ...args],
      {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run export: flags', () => {
  const cases: [string, string[], RegExp][] = [
    ['no data dir', ['--show', 'latest', '--format', 'md'], /^export: --data-dir is required$/m],
    [
      'no format',
      ['--data-dir', 'D', '--show', 'latest'],
      /^export: --format is required \(docx, xlsx, md, csv\)$/m,
    ],
    [
      'an unknown format',
      ['--data-dir', 'D', '--show', 'latest', '--format', 'pdf'],
      /^export: --format must be one of docx, xlsx, md, csv \(got "pdf"\)$/m,
    ],
    [
      'no scope',
      ['--data-dir', 'D', '--format', 'md'],
      /^export: give --show <id\|latest>, or --from and --to/m,
    ],
    [
      'show and period',
      ['--data-dir', 'D', '--format', 'md', '--show', 'latest', '--from', '2026-11-01', '--to', '2026-11-02'],
      /^export: give either --show or --from\/--to, not both$/m,
    ],
    [
      'from alone',
      ['--data-dir', 'D', '--format', 'md', '--from', '2026-11-01'],
      /^export: --to is required with --from$/m,
    ],
    [
      'to alone',
      ['--data-dir', 'D', '--format', 'md', '--to', '2026-11-01'],
      /^export: --from is required with --to$/m,
    ],
    [
      'a malformed day',
      ['--data-dir', 'D', '--format', 'md', '--from', '2026-1-1', '--to', '2026-11-02'],
      /^export: --from: expected YYYY-MM-DD$/m,
    ],
    [
      'an impossible day',
      ['--data-dir', 'D', '--format', 'md', '--from', '2026-11-01', '--to', '2026-02-30'],
      /^export: --to: not a calendar day$/m,
    ],
    [
      'from after to',
      ['--data-dir', 'D', '--format', 'md', '--from', '2026-11-03', '--to', '2026-11-02'],
      /^export: --to: from is after to$/m,
    ],
    [
      'room with a show',
      ['--data-dir', 'D', '--format', 'md', '--show', 'latest', '--room', 'r1'],
      /^export: --room goes with --from\/--to, not --show$/m,
    ],
    [
      'out with another extension',
      ['--data-dir', 'D', '--format', 'docx', '--show', 'latest', '--out', 'a.xlsx'],
      /^export: --out ends in \.xlsx but --format is docx$/m,
    ],
    [
      'a typo',
      ['--data-dir', 'D', '--format', 'md', '--shwo', 'latest'],
      /^export: Unknown option '--shwo'/m,
    ],
  ];

  it('exits 2 with a message naming the problem, and writes nothing', async () => {
    // Two at a time: each is a process of its own.
    for (let i = 0; i < cases.length; i += 2) {
      const batch = cases.slice(i, i + 2);
      const runs = await Promise.all(batch.map(([, args]) => runExport(args)));
      runs.forEach((run, j) => {
        const [what, , message] = batch[j]!;
        expect(run.code, what).toBe(2);
        expect(run.stderr, what).toMatch(message);
        expect(run.stderr, what).toMatch(/usage: npm run export/);
        expect(run.stdout, what).toBe('');
      });
    }
    expect(fs.existsSync(path.join(root, 'D'))).toBe(false);
  });

  it('exits 1 with the reason when there is nothing to export', async () => {
    const [noDb, noShow] = await Promise.all([
      runExport(['--data-dir', path.join(tmp.dir, 'empty'), '--show', 'latest', '--format', 'md']),
      runExport(['--data-dir', dataDir, '--show', 'no-such-show', '--format', 'md']),
    ]);
    expect(noDb.code).toBe(1);
    expect(noDb.stderr).toMatch(/^export: no LiveDesk database in .*empty/m);
    expect(noShow.code).toBe(1);
    expect(noShow.stderr).toMatch(/no-such-show/);
    expect(fs.existsSync(path.join(tmp.dir, 'empty'))).toBe(false);
  });
});

describe('npm run export: writing', () => {
  it('writes --show latest in all four formats, progress on stderr, the path on stdout', async () => {
    const out = path.join(tmp.dir, 'out');
    const formats = ['docx', 'xlsx', 'md', 'csv'] as const;
    const runs = await Promise.all(
      formats.map((format) =>
        runExport([
          '--data-dir',
          dataDir,
          '--show',
          'latest',
          '--format',
          format,
          '--out',
          path.join(out, `总结.${format}`),
        ]),
      ),
    );
    runs.forEach((run, i) => {
      const file = path.join(out, `总结.${formats[i]}`);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toBe(`${file}\n`);
      expect(fs.statSync(file).size).toBeGreaterThan(0);
      const lines = run.stderr.trim().split('\n');
      for (const line of lines) expect(line).toMatch(/^export: \d+% \(\S+\)$/);
      expect(lines.at(-1)).toMatch(/^export: 100% /);
    });
    expect(fs.readdirSync(out).sort()).toEqual(formats.map((f) => `总结.${f}`).sort());
    // Word and Excel are zip packages; the workbook opens.
    expect(fs.readFileSync(path.join(out, '总结.docx')).subarray(0, 2).toString()).toBe('PK');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(out, '总结.xlsx'));
    expect(workbook.worksheets.length).toBeGreaterThan(1);
    expect(fs.readFileSync(path.join(out, '总结.md'), 'utf8')).toContain('秋冬新品专场');
  });

  it('names the file itself without --out, and exports a period', async () => {
    const [byShow, byPeriod] = await Promise.all([
      runExport(['--data-dir', dataDir, '--show', show.showId, '--format', 'md']),
      runExport(['--data-dir', dataDir, '--from', '2026-11-23', '--to', '2026-11-23', '--format', 'xlsx']),
    ]);
    expect(byShow.code, byShow.stderr).toBe(0);
    expect(byShow.stdout.trim()).toBe(
      path.join(dataDir, 'exports', `直播工作总结_秋冬新品专场_${fileStamp(SIM_STARTED_AT)}.md`),
    );
    expect(byPeriod.code, byPeriod.stderr).toBe(0);
    expect(byPeriod.stdout.trim()).toBe(
      path.join(dataDir, 'exports', '直播工作总结_2026-11-23_2026-11-23.xlsx'),
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(byPeriod.stdout.trim());
    expect(workbook.worksheets.length).toBeGreaterThan(0);

    const room = await runExport([
      '--data-dir',
      dataDir,
      '--from',
      '2026-11-23',
      '--to',
      '2026-11-23',
      '--room',
      'demo-room',
      '--format',
      'xlsx',
    ]);
    expect(room.code, room.stderr).toBe(0);
    // The same name again: never overwritten.
    expect(room.stdout.trim()).toBe(
      path.join(dataDir, 'exports', '直播工作总结_2026-11-23_2026-11-23-2.xlsx'),
    );
    expect(fs.statSync(byPeriod.stdout.trim()).size).toBeGreaterThan(0);
  });

  it('exports while the app ingests into the same data directory, without disturbing it', async () => {
    const runtime = await startLiveDesk({
      source: { kind: 'sim', seed: 22, rate: 300, speed: 20, durationMs: 3 * 3600_000 },
      sourceFromCli: true,
      dataDir,
      port: 0,
      host: '127.0.0.1',
    });
    try {
      await waitFor(() => runtime.service.getFeedStatus().commentsStored > 0, 'the app to store comments');
      const before = runtime.service.getFeedStatus().commentsStored;
      const [live, past] = await Promise.all([
        runExport([
          '--data-dir',
          dataDir,
          '--show',
          'latest',
          '--format',
          'csv',
          '--out',
          path.join(tmp.dir, 'live.csv'),
        ]),
        runExport([
          '--data-dir',
          dataDir,
          '--show',
          show.showId,
          '--format',
          'xlsx',
          '--out',
          path.join(tmp.dir, 'past.xlsx'),
        ]),
      ]);
      expect(live.code, live.stderr).toBe(0);
      expect(past.code, past.stderr).toBe(0);
      // The live show (the newest) was exported while it was being written.
      const liveShowId = runtime.service.getSnapshot().show!.id;
      expect(runtime.service.listShows()[0]!.id).toBe(liveShowId);
      expect(fs.readFileSync(path.join(tmp.dir, 'live.csv'), 'utf8').split('\n').length).toBeGreaterThan(1);
      const feed = runtime.service.getFeedStatus();
      expect(feed.commentsStored).toBeGreaterThan(before);
      expect(feed.storage).toMatchObject({ state: 'ok', queued: 0, dropped: 0 });
      expect(feed.connected).toBe(true);
    } finally {
      await runtime.stop();
    }
  });
});
