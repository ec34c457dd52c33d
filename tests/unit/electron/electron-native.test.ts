import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../helpers/temp-dir.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const SCRIPT = path.join(ROOT, 'scripts/electron-native.mjs');
const ELECTRON_VERSION = (createRequire(import.meta.url)('electron/package.json') as { version: string })
  .version;

const run = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [SCRIPT, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 20_000,
  });

let cleanup: () => void = () => undefined;
afterEach(() => cleanup());

describe('scripts/electron-native.mjs', () => {
  it('exits 0 at once when the Electron binary is already there', () => {
    const temp = makeTempDir();
    cleanup = temp.cleanup;
    const binary = path.join(temp.dir, `electron-${ELECTRON_VERSION}`, 'better_sqlite3.node');
    fs.mkdirSync(path.dirname(binary), { recursive: true });
    fs.writeFileSync(binary, 'built');
    const started = Date.now();
    const result = run(['--out-dir', temp.dir]);
    expect(result.status).toBe(0);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(result.stdout).toMatch(/is present/);
    expect(result.stdout).not.toMatch(/node-gyp/);
  });

  it('plans a separate Electron build, retargeted away from npm nodedir, without touching anything', () => {
    const temp = makeTempDir();
    cleanup = temp.cleanup;
    const sqlite = path.join(ROOT, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node');
    const before = fs.statSync(sqlite).mtimeMs;
    const result = run(['--dry-run', '--out-dir', temp.dir], {
      npm_config_nodedir: '/usr',
      npm_config_target: '20.0.0',
    });
    expect(result.status).toBe(0);
    const out = result.stdout;
    expect(out).toContain(path.join(temp.dir, `electron-${ELECTRON_VERSION}`, 'better_sqlite3.node'));
    expect(out).toMatch(/env removed: .*npm_config_nodedir/);
    expect(out).toMatch(/env removed: .*npm_config_target/);
    expect(out).toMatch(/node-gyp.*"rebuild".*"--runtime=electron".*"--target=/);
    expect(out).toContain(`--target=${ELECTRON_VERSION}`);
    expect(out).toContain('--dist-url=https://electronjs.org/headers');
    expect(fs.readdirSync(temp.dir)).toEqual([]);
    expect(fs.statSync(sqlite).mtimeMs).toBe(before);
  });

  it('rejects unknown options', () => {
    const result = run(['--bogus']);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/Unknown option '--bogus'/);
  });
});
