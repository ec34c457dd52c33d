/**
 * The app's own log: `<userData>/logs/main.log`, rotated at 1 MB into main.1.log … main.4.log
 * (five files at most), written synchronously so the line about a crash is on disk before the
 * process goes. Secrets and viewers' words never reach it: every line passes redactSecrets.
 */
import fs from 'node:fs';
import path from 'node:path';

export type LogLevel = 'info' | 'warn' | 'error';

export interface AppLog {
  readonly dir: string;
  info(message: string): void;
  warn(message: string, err?: unknown): void;
  error(message: string, err?: unknown): void;
}

export interface RotatingLogOptions {
  dir: string;
  /** File name stem: `<name>.log`, `<name>.1.log`, … */
  name?: string;
  maxBytes?: number;
  /** Files kept in all, the current one included. */
  maxFiles?: number;
  now?: () => Date;
  /** Mirrors each line to the console (dev); off in tests. */
  echo?: boolean;
}

export const LOG_MAX_BYTES = 1_000_000;
export const LOG_MAX_FILES = 5;
/** One line never takes more than this: a huge stack or message is cut, not the log. */
const MAX_LINE_CHARS = 16_000;

const SECRET_KEYS = 'token|web-token|webToken|access_token|accessToken|password|secret|apikey|api_key';
const SECRET_PATTERNS: ReadonlyArray<[RegExp, string]> = [
  // ?token=… &access_token=… in URLs, key=value pairs in messages.
  [new RegExp(`\\b(${SECRET_KEYS})=([^&\\s"'#]+)`, 'gi'), '$1=***'],
  // --token T, --web-token=T on a command line.
  [/(--(?:web-)?token)(=|\s+)(?!-)\S+/gi, '$1$2***'],
  // Authorization: Bearer …
  [/\b(bearer\s+)[\w.~+/-]+=*/gi, '$1***'],
  // JSON: "token":"…"
  [new RegExp(`"(${SECRET_KEYS}|authorization)"\\s*:\\s*"(?:[^"\\\\]|\\\\.)*"`, 'gi'), '"$1":"***"'],
  // Viewers' words and names in a JSON payload that slipped into an error message.
  [/"(text|nickname|content|answer)"\s*:\s*"(?:[^"\\]|\\.)*"/g, '"$1":"…"'],
];

/** Removes tokens, passwords and comment texts from a line about to be logged. */
export function redactSecrets(text: string): string {
  let out = text;
  for (const [pattern, replacement] of SECRET_PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

/** An error as one block of text: its stack when there is one (it starts with the message). */
export function describeError(err: unknown): string {
  if (err instanceof Error) {
    const head = `${err.name}: ${err.message}`;
    if (!err.stack) return head;
    return err.stack.startsWith(err.name) ? err.stack : `${head}\n${err.stack}`;
  }
  if (typeof err === 'string') return err;
  try {
    return `non-error value: ${JSON.stringify(err)}`;
  } catch {
    return `non-error value: ${String(err)}`;
  }
}

export function formatLogLine(at: Date, level: LogLevel, message: string, err?: unknown): string {
  const body = err === undefined ? message : `${message} ${describeError(err)}`;
  let text = redactSecrets(body);
  if (text.length > MAX_LINE_CHARS) text = `${text.slice(0, MAX_LINE_CHARS)} …(cut)`;
  // Continuation lines (stack frames) indented, so each entry starts at column 0 with its time.
  return `${at.toISOString()} [${level}] ${text.replace(/\r?\n/g, '\n    ')}\n`;
}

/** Writes lines to `<dir>/<name>.log`, moving full files down the numbered chain. */
export class RotatingLog implements AppLog {
  readonly dir: string;
  private readonly name: string;
  private readonly maxBytes: number;
  private readonly maxFiles: number;
  private readonly now: () => Date;
  private readonly echo: boolean;
  private size: number | null = null;
  private broken = false;

  constructor(options: RotatingLogOptions) {
    this.dir = options.dir;
    this.name = options.name ?? 'main';
    this.maxBytes = options.maxBytes ?? LOG_MAX_BYTES;
    this.maxFiles = Math.max(1, options.maxFiles ?? LOG_MAX_FILES);
    this.now = options.now ?? (() => new Date());
    this.echo = options.echo ?? false;
  }

  /** `<name>.log`, then `<name>.1.log` … oldest last. */
  fileAt(index: number): string {
    return path.join(this.dir, index === 0 ? `${this.name}.log` : `${this.name}.${index}.log`);
  }

  info(message: string): void {
    this.write('info', message);
  }

  warn(message: string, err?: unknown): void {
    this.write('warn', message, err);
  }

  error(message: string, err?: unknown): void {
    this.write('error', message, err);
  }

  write(level: LogLevel, message: string, err?: unknown): void {
    const line = formatLogLine(this.now(), level, message, err);
    if (this.echo) (level === 'info' ? console.log : console.error)(`[livedesk] ${line.trimEnd()}`);
    try {
      this.append(line);
      this.broken = false;
    } catch (writeErr) {
      // A log that cannot be written (disk full, folder removed) must never take the app down.
      if (!this.broken) console.error('[livedesk] cannot write the log:', writeErr);
      this.broken = true;
      this.size = null;
    }
  }

  private append(line: string): void {
    const bytes = Buffer.byteLength(line);
    if (this.size === null) {
      fs.mkdirSync(this.dir, { recursive: true });
      this.size = fileSize(this.fileAt(0));
    }
    if (this.size > 0 && this.size + bytes > this.maxBytes) {
      this.rotate();
      this.size = 0;
    }
    fs.appendFileSync(this.fileAt(0), line);
    this.size += bytes;
  }

  private rotate(): void {
    fs.rmSync(this.fileAt(this.maxFiles - 1), { force: true });
    for (let i = this.maxFiles - 2; i >= 0; i--) {
      const from = this.fileAt(i);
      if (fs.existsSync(from)) fs.renameSync(from, this.fileAt(i + 1));
    }
  }
}

function fileSize(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}
