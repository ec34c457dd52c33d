/**
 * Runs the real web host CLI (what `npm run web` runs) as a child process on a free port with a
 * fresh data directory, and resolves once it prints its URL.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { io as connectClient } from 'socket.io-client';
import { get } from './http.js';

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

/** One API call over the web host's socket, as the page's own client makes it. */
export async function callWebApi<T>(
  web: Pick<WebCli, 'url' | 'token'>,
  method: string,
  args: unknown[],
  timeoutMs = 5_000,
): Promise<T> {
  const socket = connectClient(web.url, {
    transports: ['websocket'],
    auth: { token: web.token },
    forceNew: true,
  });
  try {
    const reply = (await socket.timeout(timeoutMs).emitWithAck('call', method, args)) as {
      ok: boolean;
      result?: T;
      error?: string;
    };
    if (!reply.ok) throw new Error(`${method}: ${reply.error}`);
    return reply.result as T;
  } finally {
    socket.close();
  }
}

/** GET one of the web host's JSON endpoints with its token; anything but 200 throws with the body. */
export async function getWebJson<T>(web: Pick<WebCli, 'url' | 'token'>, path: string): Promise<T> {
  const res = await get(`${web.url}${path}${path.includes('?') ? '&' : '?'}token=${web.token}`);
  if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${res.body}`);
  return JSON.parse(res.body) as T;
}
