/**
 * Export jobs end to end: simulated shows stored in a real SQLite file, the core service on the
 * same data directory (its writer keeps ingesting), real worker threads writing real files.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExportJobs, MAX_KEPT } from '../../electron/core/report/export-jobs.js';
import { fileStamp } from '../../electron/core/report/export-file-name.js';
import { openStore } from '../../electron/core/store/open-store.js';
import type { ExportJobView } from '../../shared/api/report.js';
import { openCore, type CoreHarness } from '../helpers/core-harness.js';
import { SIM_STARTED_AT, storeSimShow } from '../helpers/sim-show.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { waitFor } from '../helpers/wait.js';

const fixtures = path.resolve(import.meta.dirname, '../fixtures');
const SMALL_TITLE = '双11/狂欢:夜*专场?';
let tmp: ReturnType<typeof makeTempDir>;
let dataDir: string;
let exportsDir: string;
let core: CoreHarness;
let small: { showId: string; comments: number };
let big: { showId: string; comments: number };

beforeAll(() => {
  tmp = makeTempDir('livedesk-export-');
  dataDir = path.join(tmp.dir, 'data');
  exportsDir = path.join(dataDir, 'exports');
  small = storeSimShow(dataDir, {
    seed: 11,
    rate: 30,
    minutes: 10,
    showId: 'show-small',
    title: SMALL_TITLE,
  });
  big = storeSimShow(dataDir, {
    seed: 12,
    rate: 1000,
    minutes: 5,
    showId: 'show-big',
    title: '大场',
    startedAt: SIM_STARTED_AT + 3600_000,
  });
  // The progress and cancel tests need a long export: the big show's CSV is read from the
  // database, its CSV log turned off (a copy of the log is over too soon to cancel; the log is
  // tested in comment-csv-log.test.ts).
  const { store } = openStore(dataDir);
  store.db.prepare('UPDATE comment_csv_logs SET usable = 0 WHERE show_id = ?').run(big.showId);
  store.close();
  core = openCore(dataDir, { showId: 'show-live' });
});

afterAll(async () => {
  await core?.service.stopExports();
  await core?.close();
  tmp?.cleanup();
});

/** Polls the job until it is no longer running; returns every view seen on the way. */
async function settle(jobId: string, timeoutMs = 60_000): Promise<ExportJobView[]> {
  const seen: ExportJobView[] = [];
  await waitFor(
    () => {
      const view = core.service.getExportJob({ jobId });
      if (view) seen.push(view);
      return view && view.state !== 'running';
    },
    `export job ${jobId} to finish`,
    timeoutMs,
    10,
  );
  return seen;
}

const tempFiles = () =>
  fs.existsSync(exportsDir) ? fs.readdirSync(exportsDir).filter((n) => n.endsWith('.tmp')) : [];

describe('export jobs', () => {
  it('runs a show export to a readable, well-named xlsx that opens', async () => {
    const started = core.service.startExport({
      scope: { kind: 'show', showId: small.showId },
      format: 'xlsx',
    });
    expect(started).toMatchObject({ state: 'running', progress: 0, file: null, error: null });
    expect(started.jobId).toMatch(/^exp-\d+-\d+$/);
    const seen = await settle(started.jobId);
    const done = seen.at(-1)!;
    expect(done.state, done.error ?? '').toBe('done');
    expect(done.progress).toBe(1);
    // Progress only ever rises.
    const progress = seen.map((v) => v.progress);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));

    const expectedName = `直播工作总结_双11 狂欢 夜 专场_${fileStamp(SIM_STARTED_AT)}.xlsx`;
    expect(done.file).toEqual({
      name: expectedName,
      path: path.join(exportsDir, expectedName),
      bytes: fs.statSync(path.join(exportsDir, expectedName)).size,
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(done.file!.path);
    expect(workbook.worksheets.length).toBeGreaterThan(1);
    expect(tempFiles()).toEqual([]);
  });

  it('reports progress that rises through a big export', async () => {
    const job = core.service.startExport({ scope: { kind: 'show', showId: big.showId }, format: 'csv' });
    const seen = await settle(job.jobId, 120_000);
    expect(seen.at(-1)!.state, seen.at(-1)!.error ?? '').toBe('done');
    const between = seen.filter((v) => v.progress > 0 && v.progress < 1);
    expect(between.length, 'progress seen between 0 and 1').toBeGreaterThan(0);
    const progress = seen.map((v) => v.progress);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    fs.rmSync(seen.at(-1)!.file!.path);
  });

  it('never overwrites: two exports of the same show, at the same time, get two files', async () => {
    const scope = { kind: 'show', showId: small.showId } as const;
    const a = core.service.startExport({ scope, format: 'md' });
    const b = core.service.startExport({ scope, format: 'md' });
    const [doneA, doneB] = [(await settle(a.jobId)).at(-1)!, (await settle(b.jobId)).at(-1)!];
    expect([doneA.state, doneB.state]).toEqual(['done', 'done']);
    expect(doneA.file!.path).not.toBe(doneB.file!.path);
    expect(doneB.file!.name).toMatch(/-2\.md$/);
    const c = (await settle(core.service.startExport({ scope, format: 'md' }).jobId)).at(-1)!;
    expect(c.file!.name).toMatch(/-3\.md$/);
    for (const done of [doneA, doneB, c]) expect(fs.statSync(done.file!.path).size).toBe(done.file!.bytes);
  });

  it('names a period export by its days', async () => {
    const job = core.service.startExport({
      scope: { kind: 'period', from: '2026-11-23', to: '2026-11-23', roomId: null },
      format: 'md',
    });
    const done = (await settle(job.jobId)).at(-1)!;
    expect(done.state, done.error ?? '').toBe('done');
    expect(done.file!.name).toBe('直播工作总结_2026-11-23_2026-11-23.md');
  });

  it('cancels a big export mid-way: cancelled, no file, no temp file', async () => {
    const job = core.service.startExport({ scope: { kind: 'show', showId: big.showId }, format: 'csv' });
    await waitFor(
      () => (core.service.getExportJob(job)?.progress ?? 0) > 0.05,
      'the export to be under way',
      60_000,
      5,
    );
    const asked = core.service.cancelExport(job)!;
    expect(asked.state === 'cancelled' || asked.phase === 'cancelling').toBe(true);
    const end = (await settle(job.jobId)).at(-1)!;
    expect(end).toMatchObject({ state: 'cancelled', file: null });
    const names = fs.readdirSync(exportsDir);
    expect(names.filter((n) => n.includes('大场'))).toEqual([]);
    expect(tempFiles()).toEqual([]);
    // A finished job is left as it is.
    expect(core.service.cancelExport(job)).toMatchObject({ state: 'cancelled' });
  });

  it('runs at most two at once; a queued job is cancelled at once', async () => {
    const scope = { kind: 'show', showId: big.showId } as const;
    const jobs = [0, 1, 2].map(() => core.service.startExport({ scope, format: 'csv' }));
    expect(jobs.map((j) => j.phase)).toEqual(['starting', 'starting', 'queued']);
    expect(core.service.cancelExport(jobs[2]!)).toMatchObject({ state: 'cancelled', phase: 'cancelled' });
    for (const j of jobs.slice(0, 2)) core.service.cancelExport(j);
    for (const j of jobs) expect((await settle(j.jobId)).at(-1)!.state).toBe('cancelled');
    expect(tempFiles()).toEqual([]);
  });

  it('refuses a bad scope at start, with the reason', () => {
    expect(() =>
      core.service.startExport({ scope: { kind: 'show', showId: 'no-such-show' }, format: 'docx' }),
    ).toThrow(/no-such-show/);
    expect(() =>
      core.service.startExport({
        scope: { kind: 'period', from: '2026-02-30', to: '2026-03-01', roomId: null },
        format: 'md',
      }),
    ).toThrow(/calendar day/);
    expect(() =>
      core.service.startExport({
        scope: { kind: 'show', showId: small.showId },
        format: 'pdf' as 'md',
      }),
    ).toThrow(/format/);
    expect(core.service.getExportJob({ jobId: 'exp-1-999' })).toBeNull();
    expect(core.service.cancelExport({ jobId: 'exp-1-999' })).toBeNull();
  });

  it('keeps ingesting while an export runs', async () => {
    const before = core.store.countComments('show-live');
    const job = core.service.startExport({ scope: { kind: 'show', showId: big.showId }, format: 'csv' });
    let storedWhileRunning = 0;
    while (core.service.getExportJob(job)!.state === 'running') {
      core.say(['主播好', '红色有货吗', '多少钱']);
      storedWhileRunning += 3;
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    expect(core.service.getExportJob(job)!.state).toBe('done');
    expect(storedWhileRunning).toBeGreaterThan(30);
    expect(core.store.countComments('show-live')).toBe(before + storedWhileRunning);
    fs.rmSync(core.service.getExportJob(job)!.file!.path);
  });
});

describe('export jobs that go wrong', () => {
  let dir: string;
  let jobs: ExportJobs;
  let store: ReturnType<typeof openStore>['store'];

  beforeAll(() => {
    dir = path.join(tmp.dir, 'failing');
    storeSimShow(dir, { seed: 13, rate: 20, minutes: 3, showId: 'show-x', title: '测试' });
    store = openStore(dir).store;
  });
  afterAll(async () => {
    await jobs?.stop();
    store?.close();
  });

  async function finish(view: ExportJobView): Promise<ExportJobView> {
    await waitFor(() => jobs.get(view.jobId)?.state !== 'running', 'the job to end', 30_000, 10);
    return jobs.get(view.jobId)!;
  }

  it('fails with the reason, and no file, when the exports folder cannot be made', async () => {
    fs.writeFileSync(path.join(dir, 'exports'), 'a file where the folder should be');
    jobs = new ExportJobs({ store, dataDir: dir });
    const end = await finish(jobs.start({ kind: 'show', showId: 'show-x' }, 'docx'));
    expect(end.state).toBe('failed');
    expect(end.file).toBeNull();
    expect(end.error).toMatch(/cannot create the folder .*exports.*(EEXIST|ENOTDIR)/);
    expect(fs.readdirSync(dir).filter((n) => n.includes('直播工作总结'))).toEqual([]);
    fs.rmSync(path.join(dir, 'exports'));
  });

  it('terminates a worker that ignores the cancel, and removes its temp file', async () => {
    const stuck = new ExportJobs({
      store,
      dataDir: dir,
      spawnWorker: (data) => new Worker(path.join(fixtures, 'stuck-export-worker.mjs'), { workerData: data }),
    });
    const view = stuck.start({ kind: 'show', showId: 'show-x' }, 'md');
    await waitFor(() => stuck.get(view.jobId)?.phase === 'stuck', 'the worker to get stuck', 10_000, 10);
    expect(fs.readdirSync(path.join(dir, 'exports')).some((n) => n.endsWith('.stuck.tmp'))).toBe(true);
    expect(stuck.cancel(view.jobId)).toMatchObject({ state: 'running', phase: 'cancelling' });
    await waitFor(
      () => stuck.get(view.jobId)?.state === 'cancelled',
      'the stuck worker to be terminated',
      10_000,
    );
    expect(fs.readdirSync(path.join(dir, 'exports')).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it(`keeps the ${MAX_KEPT} newest finished jobs`, async () => {
    const instant = new ExportJobs({
      store,
      dataDir: dir,
      spawnWorker: (data) =>
        new Worker(path.join(fixtures, 'instant-export-worker.mjs'), { workerData: data }),
    });
    const ids: string[] = [];
    for (let i = 0; i < MAX_KEPT + 2; i++)
      ids.push(instant.start({ kind: 'show', showId: 'show-x' }, 'csv').jobId);
    await waitFor(
      () => ids.every((id) => instant.get(id)?.state !== 'running'),
      'every job to end',
      30_000,
    ).catch(() => undefined);
    await waitFor(() => instant.get(ids.at(-1)!)?.state === 'done', 'the last job', 30_000);
    expect(instant.get(ids[0]!)).toBeNull();
    expect(instant.get(ids[1]!)).toBeNull();
    expect(ids.slice(2).every((id) => instant.get(id)?.state === 'done')).toBe(true);
    await instant.stop();
  });

  it('refuses new jobs once stopped', async () => {
    const stopped = new ExportJobs({ store, dataDir: dir });
    await stopped.stop();
    expect(() => stopped.start({ kind: 'show', showId: 'show-x' }, 'md')).toThrow(/stopped/);
  });
});
