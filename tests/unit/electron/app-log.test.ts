import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  describeError,
  formatLogLine,
  LOG_MAX_BYTES,
  LOG_MAX_FILES,
  redactSecrets,
  RotatingLog,
} from '../../../electron/main/app-log.js';
import { installCrashLogging, pageOf } from '../../../electron/main/crash-log.js';
import type { CrashSources } from '../../../electron/main/crash-log.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

let cleanup: () => void = () => undefined;
afterEach(() => cleanup());

function tempLog(options: { maxBytes?: number; maxFiles?: number } = {}) {
  const temp = makeTempDir('livedesk-log-');
  cleanup = temp.cleanup;
  const dir = path.join(temp.dir, 'logs');
  const log = new RotatingLog({ dir, now: () => new Date('2026-11-23T12:00:00Z'), ...options });
  const read = () =>
    fs
      .readdirSync(dir)
      .sort()
      .map((name) => [name, fs.readFileSync(path.join(dir, name), 'utf8')] as const);
  return { dir, log, read };
}

describe('RotatingLog', () => {
  it('defaults to five files of 1 MB', () => {
    expect(LOG_MAX_BYTES).toBe(1_000_000);
    expect(LOG_MAX_FILES).toBe(5);
  });

  it('appends timestamped lines to <dir>/main.log, creating the folder', () => {
    const { log, read } = tempLog();
    log.info('started');
    log.error('failed:', new Error('boom'));
    const [[name, text]] = read() as [[string, string]];
    expect(name).toBe('main.log');
    expect(text).toMatch(/^2026-11-23T12:00:00\.000Z \[info\] started\n/);
    expect(text).toMatch(/\[error\] failed: Error: boom\n\s+at /);
  });

  it('rotates into main.1.log … keeping at most maxFiles files, the newest lines in main.log', () => {
    const { log, read, dir } = tempLog({ maxBytes: 200, maxFiles: 3 });
    for (let i = 0; i < 30; i++) log.info(`line ${String(i).padStart(2, '0')} ${'x'.repeat(40)}`);
    const files = read();
    expect(files.map(([n]) => n)).toEqual(['main.1.log', 'main.2.log', 'main.log']);
    for (const [, text] of files) expect(Buffer.byteLength(text)).toBeLessThanOrEqual(200);
    expect(files[2]![1]).toContain('line 29');
    // Oldest lines are gone; order is kept across files.
    expect(files.map(([, t]) => t).join('')).not.toContain('line 00');
    expect(fs.readFileSync(path.join(dir, 'main.1.log'), 'utf8')).toMatch(/line 2[4-7]/);
  });

  it('continues the size count of an existing file after a restart', () => {
    const { dir, read } = tempLog({ maxBytes: 200, maxFiles: 2 });
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'main.log'), 'y'.repeat(190));
    const log = new RotatingLog({ dir, maxBytes: 200, maxFiles: 2 });
    log.info('after restart');
    expect(read().map(([n]) => n)).toEqual(['main.1.log', 'main.log']);
  });

  it('never throws when the log cannot be written', () => {
    const { dir } = tempLog();
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    fs.writeFileSync(dir, 'a file where the folder should be');
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const log = new RotatingLog({ dir });
    expect(() => log.error('x', new Error('y'))).not.toThrow();
    expect(() => log.info('again')).not.toThrow();
    expect(spy).toHaveBeenCalledTimes(1);
    spy.mockRestore();
  });
});

describe('redaction: no tokens, no comment texts', () => {
  it('removes tokens from URLs, flags, headers and JSON', () => {
    const line = redactSecrets(
      'GET http://192.168.1.5:5178/?token=s3cr3t-abc&x=1 --token feedTok --web-token=W3bSecret ' +
        'Authorization: Bearer eyJhbGciOi.payload.sig {"token":"t1","webToken":"t2","password":"p"}',
    );
    for (const secret of ['s3cr3t-abc', 'feedTok', 'W3bSecret', 'eyJhbGciOi', '"t1"', '"t2"', '"p"']) {
      expect(line).not.toContain(secret);
    }
    expect(line).toContain('token=***&x=1');
    expect(line).toContain('--token ***');
  });

  it('removes viewers’ words and names from a JSON payload in a message', () => {
    const line = formatLogLine(
      new Date(0),
      'error',
      'bad event:',
      new Error('invalid {"type":"comment","nickname":"小红","text":"这个多少钱 \\"包邮\\"吗","seq":5}'),
    );
    expect(line).not.toMatch(/小红|多少钱|包邮/);
    expect(line).toContain('"seq":5');
  });

  it('cuts a giant line', () => {
    const line = formatLogLine(new Date(0), 'info', 'z'.repeat(100_000));
    expect(line.length).toBeLessThan(17_000);
    expect(line).toContain('…(cut)');
  });

  it('describes non-errors too', () => {
    expect(describeError('plain')).toBe('plain');
    expect(describeError({ code: 7 })).toBe('non-error value: {"code":7}');
    const e = new TypeError('bad');
    e.stack = undefined;
    expect(describeError(e)).toBe('TypeError: bad');
  });
});

describe('installCrashLogging', () => {
  function sources() {
    const proc = new EventEmitter();
    const app = new EventEmitter();
    return { proc, app, sources: { process: proc, app } as unknown as CrashSources };
  }

  it('logs uncaught exceptions, rejections, and dead renderer and helper processes', () => {
    const { log, read } = tempLog();
    const { proc, app, sources: s } = sources();
    installCrashLogging(log, s);
    proc.emit('uncaughtException', new Error('main boom'));
    proc.emit('unhandledRejection', new Error('lost promise'));
    app.emit(
      'render-process-gone',
      {},
      { getURL: () => 'file:///C:/app/out/renderer/index.html?token=abc#/big' },
      { reason: 'oom', exitCode: -536870904 },
    );
    app.emit('child-process-gone', {}, { type: 'GPU', reason: 'crashed', exitCode: 1 });
    app.emit(
      'child-process-gone',
      {},
      { type: 'Utility', name: 'Network Service', reason: 'clean-exit', exitCode: 0 },
    );
    const text = read()[0]![1];
    expect(text).toMatch(/\[error\] uncaught exception in the main process: Error: main boom/);
    expect(text).toMatch(/\[error\] unhandled promise rejection in the main process: Error: lost promise/);
    expect(text).toMatch(
      /\[error\] renderer process gone: reason=oom exitCode=-536870904 page=file:\/\/…\/index.html#\/big/,
    );
    expect(text).toMatch(/\[error\] child process gone: type=GPU reason=crashed exitCode=1/);
    expect(text).toMatch(/\[info\] child process gone: type=Utility name=Network Service reason=clean-exit/);
    expect(text).not.toContain('abc');
  });

  it('keeps the main process alive after an uncaught exception (a listener is installed)', () => {
    const { log } = tempLog();
    const { proc, sources: s } = sources();
    installCrashLogging(log, s);
    expect(proc.listenerCount('uncaughtException')).toBe(1);
    expect(pageOf('not a url')).toBe('(unknown page)');
  });
});
