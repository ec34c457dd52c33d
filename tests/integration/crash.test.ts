/**
 * kill -9 at random moments while ingesting 2,000 comments/s: every restart opens a clean
 * database (checked after the unclean shutdown, never moved aside), resumes by seq, and in the
 * end every comment the feed sent is stored exactly once.
 */
import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startSimFeedServer, type SimFeedServer } from '../../electron/core/sim/feed-server.js';
import { ShowModel } from '../../electron/core/sim/show-model.js';
import { DB_FILE_NAME } from '../../electron/core/store/store.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { sleep } from '../helpers/wait.js';

const root = path.resolve(import.meta.dirname, '../..');
const KILLS = 20;
const tmp = makeTempDir();
let server: SimFeedServer | null = null;
afterAll(async () => {
  await server?.stop();
  tmp.cleanup();
});

interface Child {
  proc: ChildProcess;
  lines: string[];
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<string>;
}

function startChild(url: string, room: string): Child {
  const proc = spawn(
    process.execPath,
    // tsx's loader in this one process: tsx's CLI would run the script in a grandchild that a
    // SIGKILL of its parent leaves running (and writing to the database).
    ['--import', 'tsx', 'tests/fixtures/ingest-child.ts', url, room, tmp.dir],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const lines: string[] = [];
  let buffer = '';
  proc.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    buffer += chunk;
    const parts = buffer.split('\n');
    buffer = parts.pop()!;
    lines.push(...parts);
  });
  return {
    proc,
    lines,
    async waitFor(pattern, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const hit = lines.find((l) => pattern.test(l));
        if (hit) return hit;
        if (proc.exitCode !== null || Date.now() > deadline)
          throw new Error(`child: no ${pattern} in ${lines.join(' | ')}`);
        await sleep(10);
      }
    },
  };
}

const killed = (c: Child) => new Promise<void>((resolve) => c.proc.once('exit', () => resolve()));

describe('crash safety', () => {
  it(`survives ${KILLS} SIGKILLs mid-ingest without losing or doubling a comment`, async () => {
    const model = new ShowModel({
      seed: 77,
      rate: 2000,
      startedAt: Date.now(),
      durationMs: 3600_000,
      autoFault: false,
    });
    server = await startSimFeedServer({ model, clock: 'realtime', speed: 1 });
    let rng = 12345;
    const random = () => (rng = (rng * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;

    for (let i = 0; i < KILLS; i++) {
      const child = startChild(server.url, server.room);
      const start = JSON.parse(await child.waitFor(/^\{/)) as {
        uncleanBefore: boolean;
        notice: string | null;
      };
      if (i > 0) expect(start.uncleanBefore, `run ${i} follows a kill`).toBe(true);
      expect(start.notice, `run ${i}: database must open clean`).toBeNull();
      await child.waitFor(/^live$/);
      await sleep(100 + random() * 400);
      const exit = killed(child);
      child.proc.kill('SIGKILL');
      await exit;
    }

    // Last run: resume, catch up, stop the feed, and shut down cleanly.
    const last = startChild(server.url, server.room);
    await last.waitFor(/^live$/);
    await sleep(500);
    server.pause();
    const target = model.lastSeq;
    const stopped = killed(last);
    // Give the child time to receive everything up to `target`, then stop it cleanly.
    await sleep(1500);
    last.proc.kill('SIGTERM');
    await stopped;
    const end = JSON.parse(await last.waitFor(/stoppedAt/)) as { stoppedAt: number };
    expect(end.stoppedAt).toBe(target);

    const sent = server.emitted().flatMap((e) => (e.type === 'comments' ? e.items.map((c) => c.id) : []));
    const db = new Database(path.join(tmp.dir, DB_FILE_NAME), { readonly: true });
    const stored = db.prepare('SELECT id FROM comments').pluck().all() as string[];
    const gaps = db.prepare('SELECT count(*) FROM feed_gaps').pluck().get() as number;
    const check = db.pragma('quick_check', { simple: true });
    db.close();
    expect(check).toBe('ok');
    expect(gaps).toBe(0);
    expect(sent.length).toBeGreaterThan(2000 * 5);
    expect(stored.length).toBe(sent.length);
    expect(new Set(stored)).toEqual(new Set(sent));
  }, 120_000);
});
