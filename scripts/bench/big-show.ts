/**
 * The benchmarks' big finished show: the soak's 8-hour, 500 comments/s show (~14.7 M comments,
 * ~2 GB), produced once by the soak run and reused by history, export and startup. It is cached
 * between runs in os.tmpdir()/livedesk-bench-cache/<seed>-v<schema version>/ (deterministic for
 * the seed; a new schema version means a new cache). Generation is never part of a measured figure.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SCHEMA_VERSION } from '../../electron/core/store/migrations/index.js';
import { COMMENT_CSV_DIR } from '../../electron/core/store/comment-csv-log.js';
import { DB_FILE_NAME } from '../../electron/core/store/store.js';
import { ROOT, spawnScript } from './child-process.js';
import type { RecordedShow } from './record-show.js';
import type { SoakResult } from './soak.js';

export interface BigShow {
  /** A data directory holding the show's livedesk.db (read-only use: take a working copy to write). */
  dataDir: string;
  showId: string;
  comments: number;
  hours: number;
  rate: number;
  seed: number;
  dbMB: number;
  /** The soak run that produced it, the code it ran (codeHash) and when. */
  soak: SoakResult;
  soakDate: string;
  codeHash: string;
}

export interface BigShowSpec {
  hours: number;
  rate: number;
  seed: number;
  quick: boolean;
}

export function bigShowSpec(seed: number, quick: boolean): BigShowSpec {
  // Quick: a 3-hour show at 20/s (216,000 comments) — enough hours to fit a growth line.
  return quick ? { hours: 3, rate: 20, seed, quick } : { hours: 8, rate: 500, seed, quick };
}

export const CACHE_ROOT = path.join(os.tmpdir(), 'livedesk-bench-cache');
const META = 'big-show.json';

/** What the soak runs: the core, shared code, the resources it loads, the soak itself, the lockfile. */
const SOAK_CODE = [
  'electron/core',
  'shared',
  'resources',
  'scripts/bench/soak.ts',
  'scripts/bench/record-show.ts',
  'scripts/bench/show-data.ts',
  'package-lock.json',
];

function hashInto(hash: crypto.Hash, file: string): void {
  const stat = fs.statSync(file);
  if (stat.isDirectory()) {
    for (const name of fs.readdirSync(file).sort()) hashInto(hash, path.join(file, name));
    return;
  }
  hash.update(path.relative(ROOT, file)).update('\0').update(fs.readFileSync(file)).update('\0');
}

/** A hash of the code the soak measures: equal hashes, equal code (so an equal soak figure). */
export function soakCodeHash(): string {
  const hash = crypto.createHash('sha256');
  for (const entry of SOAK_CODE) hashInto(hash, path.join(ROOT, entry));
  return hash.digest('hex').slice(0, 16);
}

export function cacheDirOf(spec: BigShowSpec): string {
  return path.join(CACHE_ROOT, `${spec.seed}-v${SCHEMA_VERSION}${spec.quick ? '-quick' : ''}`);
}

/** The cached show for the spec, or null (no cache, or one from another spec). */
export function readCachedBigShow(spec: BigShowSpec): BigShow | null {
  const dir = cacheDirOf(spec);
  try {
    const meta = JSON.parse(fs.readFileSync(path.join(dir, META), 'utf8')) as BigShow;
    const ok =
      meta.hours === spec.hours &&
      meta.rate === spec.rate &&
      meta.seed === spec.seed &&
      fs.existsSync(path.join(dir, DB_FILE_NAME));
    return ok ? { ...meta, dataDir: dir } : null;
  } catch {
    return null;
  }
}

/** Moves a soak's kept database into the cache (replacing any stale one); meta last, as the seal. */
export function cacheBigShow(spec: BigShowSpec, stagingDir: string, soak: SoakResult): BigShow {
  const dir = cacheDirOf(spec);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (const suffix of ['', '-wal', '-shm']) {
    const from = path.join(stagingDir, DB_FILE_NAME + suffix);
    if (fs.existsSync(from)) fs.renameSync(from, path.join(dir, DB_FILE_NAME + suffix));
  }
  // The comments' CSV logs live beside the database (store/comment-csv-log.ts).
  const logs = path.join(stagingDir, COMMENT_CSV_DIR);
  if (fs.existsSync(logs)) fs.renameSync(logs, path.join(dir, COMMENT_CSV_DIR));
  const show: BigShow = {
    dataDir: dir,
    showId: soak.showId,
    comments: soak.comments,
    hours: soak.hours,
    rate: soak.rate,
    seed: soak.seed,
    dbMB: Math.round(soak.dbMB),
    soak,
    soakDate: new Date().toISOString(),
    codeHash: soakCodeHash(),
  };
  fs.writeFileSync(path.join(dir, META), JSON.stringify(show, null, 2));
  return show;
}

/**
 * The soak's show as a recording, made once by record-show.ts (a child process, not measured)
 * and kept in the cache: it depends on the seed, rate and hours only (and the simulator's code).
 */
export async function ensureSoakRecording(
  spec: BigShowSpec,
  log: (line: string) => void,
): Promise<RecordedShow> {
  const dir = path.join(CACHE_ROOT, `recording-${spec.seed}-${spec.hours}h-${spec.rate}`);
  const meta = path.join(dir, 'recorded.json');
  try {
    const recorded = JSON.parse(fs.readFileSync(meta, 'utf8')) as RecordedShow;
    if (fs.existsSync(recorded.file)) return recorded;
  } catch {
    // not recorded yet
  }
  log(`soak: recording the show once (${spec.hours} h at ${spec.rate}/s, seed ${spec.seed}; not measured)`);
  fs.rmSync(dir, { recursive: true, force: true });
  const child = spawnScript('scripts/bench/record-show.ts', [
    '--seed',
    String(spec.seed),
    '--rate',
    String(spec.rate),
    '--hours',
    String(spec.hours),
    '--dir',
    dir,
  ]);
  const recorded = await child.message<RecordedShow>('recorded', 1_200_000);
  await child.exited;
  fs.writeFileSync(meta, JSON.stringify(recorded, null, 2));
  return recorded;
}

/**
 * Runs the soak in a child process (`node --expose-gc`) into a staging directory under the cache
 * root (same file system, so caching is a rename). The caller removes `stagingDir`.
 */
export async function runSoakChild(
  spec: BigShowSpec,
  log: (line: string) => void,
): Promise<{ result: SoakResult; stagingDir: string }> {
  fs.mkdirSync(CACHE_ROOT, { recursive: true });
  const recording = await ensureSoakRecording(spec, log);
  const stagingDir = fs.mkdtempSync(path.join(CACHE_ROOT, 'staging-'));
  const child = spawnScript(
    'scripts/bench/soak.ts',
    [
      '--hours',
      String(spec.hours),
      '--rate',
      String(spec.rate),
      '--seed',
      String(spec.seed),
      '--data-dir',
      stagingDir,
      '--keep',
      '--report',
      '--recording',
      recording.file,
    ],
    { nodeArgs: ['--expose-gc'] },
  );
  try {
    for (let hour = 1; hour <= spec.hours; hour++) {
      const sample = await child.message<{ hour: number; comments: number; wallSeconds: number }>(
        'hour',
        900_000,
      );
      log(
        `soak: hour ${sample.hour}/${spec.hours}, ${sample.comments.toLocaleString('en-US')} comments, ${Math.round(sample.wallSeconds)} s`,
      );
    }
    const result = await child.message<SoakResult>('done', 300_000);
    const code = await child.exited;
    if (code !== 0) throw new Error(`soak exited with ${code}\n${child.output()}`);
    if (result.comments !== recording.comments)
      throw new Error(`the soak fed ${result.comments} comments, the recording holds ${recording.comments}`);
    return { result, stagingDir };
  } catch (err) {
    await child.stop();
    fs.rmSync(stagingDir, { recursive: true, force: true });
    throw err;
  }
}

/** The cached show, or a fresh one made by an (unmeasured) soak run. */
export async function ensureBigShow(spec: BigShowSpec, log: (line: string) => void): Promise<BigShow> {
  const cached = readCachedBigShow(spec);
  if (cached) return cached;
  log(
    `big show: none cached for seed ${spec.seed}; generating (${spec.hours} h at ${spec.rate}/s, not measured)`,
  );
  const { result, stagingDir } = await runSoakChild(spec, log);
  try {
    return cacheBigShow(spec, stagingDir, result);
  } finally {
    fs.rmSync(stagingDir, { recursive: true, force: true });
  }
}

/**
 * A private copy of the show's data directory, for benchmarks that start the app on it (the
 * demo source adds a show): the cache stays as generated.
 */
export function workingCopy(show: BigShow): { dir: string; remove: () => void } {
  const dir = fs.mkdtempSync(path.join(CACHE_ROOT, 'work-'));
  for (const suffix of ['', '-wal']) {
    const from = path.join(show.dataDir, DB_FILE_NAME + suffix);
    if (fs.existsSync(from))
      fs.copyFileSync(from, path.join(dir, DB_FILE_NAME + suffix), fs.constants.COPYFILE_FICLONE);
  }
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
