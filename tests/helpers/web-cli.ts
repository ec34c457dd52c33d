/**
 * Runs the real web host CLI (what `npm run web` runs) as a child process on a free port with a
 * fresh data directory, and resolves once it prints its URL.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

export interface WebCli {
  url: string;
  token: string;
  startedAt: number;
  output: () => string;
  stop: () => Promise<void>;
}

export async function startWebCli(args: string[], token: string): Promise<WebCli> {
  execFileSync(process.execPath, [path.join(root, 'scripts/ensure-renderer.mjs')], {
    cwd: root,
    stdio: 'inherit',
  });
  const startedAt = Date.now();
  const child: ChildProcess = spawn(
    process.execPath,
    [
      path.join(root, 'node_modules/tsx/dist/cli.mjs'),
      'electron/web/cli.ts',
      '--port',
      '0',
      '--web-token',
      token,
      ...args,
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`web host did not start:\n${output}`)), 20_000);
    const check = () => {
      const match = /Open: (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        // The printed URL carries the token; callers add it themselves.
        const printed = new URL(match[1]!);
        resolve(`${printed.origin}/`);
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`web host exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    token,
    startedAt,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
