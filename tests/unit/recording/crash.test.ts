/**
 * A recording process killed with SIGKILL (no chance to finish its gzip member) leaves a file
 * that reads back up to about its last flush, reports the cut, and never throws.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyReadSummary, readRecording } from '../../../electron/core/recording/reader.js';
import { makeTempDir } from '../../helpers/temp-dir.js';
import { waitFor } from '../../helpers/wait.js';

const root = path.resolve(import.meta.dirname, '../../..');
const FLUSH_MS = 50;

describe('recording survives kill -9', () => {
  const tmp = makeTempDir();
  afterEach(() => tmp.cleanup());

  it('is readable up to (nearly) the last flush, with the cut reported', async () => {
    const dir = path.join(tmp.dir, 'recordings');
    const child = spawn(
      process.execPath,
      [
        path.join(root, 'node_modules/tsx/dist/cli.mjs'),
        'tests/fixtures/record-until-killed.ts',
        dir,
        String(FLUSH_MS),
      ],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const reports: number[] = [];
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      for (const match of chunk.matchAll(/recorded (\d+)/g)) reports.push(Number(match[1]));
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    );

    // Several reports, each ≥ 100 ms apart: the ones before the last were flushed long ago.
    await waitFor(() => reports.length >= 6 || child.exitCode !== null, 'the recorder to run', 10_000);
    expect(stderr).toBe('');
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    const surelyFlushed = reports[reports.length - 3]!;
    const lastReported = reports[reports.length - 1]!;
    expect(surelyFlushed).toBeGreaterThan(0);

    const summary = emptyReadSummary();
    const seqs: number[] = [];
    for await (const line of readRecording(path.join(dir, 'crash-show.jsonl.gz'), summary)) {
      if (line.k === 'event') seqs.push((line.p as { seq: number }).seq);
    }
    expect(summary.truncated).toBe(true);
    expect(summary.badLines).toBe(0);
    // hello + every event up to at least the flush before last, in order and without holes
    expect(summary.lines).toBe(seqs.length + 1);
    expect(seqs.length + 1).toBeGreaterThanOrEqual(surelyFlushed);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    // … and nothing the process had not recorded (a little may follow the last report)
    expect(seqs.length + 1).toBeLessThanOrEqual(lastReported + 2000);
  }, 15_000);
});
