/**
 * Benchmarks that need a process of their own (the feed server beside the app, the soak's clean
 * heap, a cold start, a CLI's peak memory) run a script under `node --import tsx`, as
 * `npm run …` would, and talk over stdout: a line `@@bench <tag> <json>` is a message, anything
 * else is the child's own output (kept for error messages, echoed to stderr when asked).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';

export const ROOT = path.resolve(import.meta.dirname, '../..');
const MARK = '@@bench ';

/** In a child: sends one message to the parent. */
export function tellParent(tag: string, value: unknown): void {
  process.stdout.write(`${MARK}${tag} ${JSON.stringify(value)}\n`);
}

export interface ScriptChild {
  readonly pid: number;
  /** The next message with this tag (earlier ones with the tag are kept in order). */
  message<T>(tag: string, timeoutMs?: number): Promise<T>;
  /** Resolves with the exit code once the child has exited. */
  readonly exited: Promise<number | null>;
  output(): string;
  /** SIGTERM, then SIGKILL after `graceMs` if it is still there. */
  stop(graceMs?: number): Promise<void>;
}

export interface SpawnOptions {
  nodeArgs?: string[];
  env?: NodeJS.ProcessEnv;
  /** Copy the child's non-message output to this process's stderr (progress of long runs). */
  echo?: boolean;
}

const TAIL_CHARS = 20_000;

export function spawnScript(script: string, args: readonly string[], opts: SpawnOptions = {}): ScriptChild {
  const child: ChildProcess = spawn(
    process.execPath,
    [...(opts.nodeArgs ?? []), '--import', 'tsx', path.resolve(ROOT, script), ...args],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: opts.env ?? process.env },
  );
  let output = '';
  const keep = (text: string) => {
    output = (output + text).slice(-TAIL_CHARS);
    if (opts.echo) process.stderr.write(text);
  };
  const inbox = new Map<string, unknown[]>();
  const waiting = new Map<string, ((value: unknown) => void)[]>();
  readline.createInterface({ input: child.stdout! }).on('line', (line) => {
    if (!line.startsWith(MARK)) return keep(`${line}\n`);
    const rest = line.slice(MARK.length);
    const space = rest.indexOf(' ');
    const tag = space < 0 ? rest : rest.slice(0, space);
    const value: unknown = space < 0 ? null : JSON.parse(rest.slice(space + 1));
    const waiter = waiting.get(tag)?.shift();
    if (waiter) waiter(value);
    else inbox.set(tag, [...(inbox.get(tag) ?? []), value]);
  });
  child.stderr!.setEncoding('utf8').on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const describe = () => `${script} ${args.join(' ')}`.trim();

  return {
    pid: child.pid ?? -1,
    exited,
    output: () => output,
    message<T>(tag: string, timeoutMs = 600_000): Promise<T> {
      const queued = inbox.get(tag);
      if (queued && queued.length > 0) return Promise.resolve(queued.shift() as T);
      return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`${describe()}: no "${tag}" within ${timeoutMs} ms\n${output}`)),
          timeoutMs,
        );
        const done = (value: unknown) => {
          clearTimeout(timer);
          resolve(value as T);
        };
        waiting.set(tag, [...(waiting.get(tag) ?? []), done]);
        void exited.then((code) => {
          clearTimeout(timer);
          reject(new Error(`${describe()} exited with ${code} before "${tag}"\n${output}`));
        });
      });
    },
    async stop(graceMs = 5000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}
