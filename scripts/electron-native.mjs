#!/usr/bin/env node
// Builds better-sqlite3 for Electron's ABI into .native/electron-<version>/better_sqlite3.node.
//
// node_modules/better-sqlite3 keeps its Node-ABI build (the tests and the web host use it); the
// Electron app loads this separate binary through better-sqlite3's `nativeBinding` option
// (electron/main/paths.ts). Runs before `npm start` / `npm run dev`; exits at once when the
// binary is already there.
//
// Tries, in a temporary copy of better-sqlite3's sources (node_modules is never touched):
//   1. prebuild-install: the official prebuilt for this Electron (GitHub releases);
//   2. node-gyp rebuild against Electron's headers (electronjs.org; needs Python and a C++ compiler).
// npm's `nodedir` setting (e.g. nodedir=/usr in ~/.npmrc) is removed from the environment, or
// node-gyp would compile against Node's headers and label the result as Electron's.
//
// Usage: node scripts/electron-native.mjs [--dry-run] [--force] [--from-source]
//        [--out-dir <dir>] [--dist-url <url>]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const ROOT = path.resolve(import.meta.dirname, '..');
const BINARY = 'better_sqlite3.node';
const DEFAULT_DIST_URL = 'https://electronjs.org/headers';
/** npm/node-gyp settings that would point the build at another runtime or at Node's headers. */
const CONFLICTING_SETTINGS = [
  'nodedir',
  'target',
  'runtime',
  'disturl',
  'dist_url',
  'arch',
  'build_from_source',
];

const USAGE = `Usage: node scripts/electron-native.mjs [options]
  --dry-run       print the plan, build nothing
  --force         rebuild even if the binary exists
  --from-source   skip the prebuilt download, compile with node-gyp
  --out-dir DIR   where electron-<version>/better_sqlite3.node goes (default .native)
  --dist-url URL  Electron headers mirror (default ${DEFAULT_DIST_URL}, or $LIVEDESK_ELECTRON_DIST_URL)`;

const log = (message) => console.log(`[electron-native] ${message}`);

function options() {
  const { values } = parseArgs({
    options: {
      'dry-run': { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      'from-source': { type: 'boolean', default: false },
      'out-dir': { type: 'string', default: path.join(ROOT, '.native') },
      'dist-url': { type: 'string', default: process.env.LIVEDESK_ELECTRON_DIST_URL || DEFAULT_DIST_URL },
      help: { type: 'boolean', default: false },
    },
  });
  return values;
}

function electronVersion(require) {
  const { version } = JSON.parse(fs.readFileSync(require.resolve('electron/package.json'), 'utf8'));
  if (!/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(version)) throw new Error(`unexpected electron version "${version}"`);
  return version;
}

/** The environment for the build tools, without settings that would retarget them. */
function buildEnv(env) {
  const conflicting = new Set(CONFLICTING_SETTINGS.flatMap((s) => [s, s.replaceAll('_', '-')]));
  const clean = {};
  const removed = [];
  for (const [key, value] of Object.entries(env)) {
    const match = /^(npm_config_|npm_package_config_node_gyp_)(.+)$/i.exec(key);
    if (match && conflicting.has(match[2].toLowerCase())) removed.push(key);
    else clean[key] = value;
  }
  // node-gyp lets npm_config_* override its command line: make sure nodedir is empty.
  clean.npm_config_nodedir = '';
  return { env: clean, removed };
}

/** node-gyp: the project's own, else the one bundled with npm (found from npm or from node). */
function findNodeGyp(require) {
  const candidates = [];
  try {
    candidates.push(require.resolve('node-gyp/bin/node-gyp.js'));
  } catch {
    // not installed in the project
  }
  if (process.env.npm_execpath) {
    candidates.push(
      path.join(
        path.dirname(process.env.npm_execpath),
        '..',
        'node_modules',
        'node-gyp',
        'bin',
        'node-gyp.js',
      ),
    );
  }
  const nodeDir = path.dirname(process.execPath);
  candidates.push(
    path.join(nodeDir, '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    path.join(nodeDir, 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  );
  return candidates.find((file) => fs.existsSync(file)) ?? null;
}

function findPrebuildInstall(sqliteRequire) {
  try {
    return sqliteRequire.resolve('prebuild-install/bin.js');
  } catch {
    return null;
  }
}

function plan(opts) {
  const require = createRequire(path.join(ROOT, 'package.json'));
  const version = electronVersion(require);
  const sqlitePkg = require.resolve('better-sqlite3/package.json');
  const sqliteRequire = createRequire(sqlitePkg);
  const target = path.join(path.resolve(opts['out-dir']), `electron-${version}`, BINARY);
  const common = [`--runtime=electron`, `--target=${version}`, `--arch=${process.arch}`];
  const prebuild = findPrebuildInstall(sqliteRequire);
  const nodeGyp = findNodeGyp(require);
  const attempts = [];
  if (prebuild && !opts['from-source']) {
    attempts.push({ name: 'prebuild-install', args: [prebuild, ...common, '--verbose'], timeoutMs: 120_000 });
  }
  if (nodeGyp) {
    attempts.push({
      name: 'node-gyp',
      args: [nodeGyp, 'rebuild', '--release', ...common, `--dist-url=${opts['dist-url']}`],
      timeoutMs: 20 * 60_000,
    });
  }
  return { version, target, source: path.dirname(sqlitePkg), attempts };
}

/** A scratch copy with what the build reads: package.json, binding.gyp, src/, deps/. */
function copySources(source) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'livedesk-electron-native-'));
  for (const entry of ['package.json', 'binding.gyp', 'src', 'deps']) {
    fs.cpSync(path.join(source, entry), path.join(dir, entry), { recursive: true });
  }
  return dir;
}

function install(built, target) {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const partial = `${target}.partial`;
  fs.copyFileSync(built, partial);
  fs.renameSync(partial, target);
}

function printPlan(p, removed) {
  log(`electron ${p.version} (${process.platform}-${process.arch})`);
  log(`target:  ${p.target}`);
  log(`sources: ${p.source} (copied to a temporary folder; node_modules stays as it is)`);
  log(`env removed: ${removed.length ? removed.join(', ') : '(none)'}; npm_config_nodedir set empty`);
  if (p.attempts.length === 0) log('no build tool found (neither prebuild-install nor node-gyp)');
  p.attempts.forEach((a, i) =>
    log(`step ${i + 1}: ${a.name}: node ${a.args.map((x) => JSON.stringify(x)).join(' ')}`),
  );
}

function main() {
  const opts = options();
  if (opts.help) {
    console.log(USAGE);
    return 0;
  }
  const p = plan(opts);
  if (fs.existsSync(p.target) && !opts.force) {
    log(`${path.relative(ROOT, p.target) || p.target} is present`);
    return 0;
  }
  const { env, removed } = buildEnv(process.env);
  printPlan(p, removed);
  if (opts['dry-run']) return 0;
  if (p.attempts.length === 0) {
    log('cannot build: install node-gyp (npm i -D node-gyp) or reinstall dependencies.');
    return 1;
  }
  const dir = copySources(p.source);
  try {
    for (const attempt of p.attempts) {
      log(`${attempt.name} …`);
      const result = spawnSync(process.execPath, attempt.args, {
        cwd: dir,
        env,
        stdio: 'inherit',
        timeout: attempt.timeoutMs,
      });
      const built = path.join(dir, 'build', 'Release', BINARY);
      if (result.status === 0 && fs.existsSync(built)) {
        install(built, p.target);
        log(`built with ${attempt.name}: ${p.target}`);
        return 0;
      }
      const why = result.error ? result.error.message : `exit code ${result.status ?? result.signal}`;
      log(`${attempt.name} did not produce ${BINARY} (${why})`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  log(
    [
      `could not build better-sqlite3 for Electron ${p.version}.`,
      'Both ways need the internet: the prebuilt comes from GitHub releases, the headers for',
      `node-gyp from ${opts['dist-url']} (set LIVEDESK_ELECTRON_DIST_URL or --dist-url for a mirror);`,
      'building from source also needs Python 3 and a C++ compiler (on Windows: Visual Studio Build Tools).',
      'The Electron app cannot open its database without this binary.',
    ].join('\n  '),
  );
  return 1;
}

try {
  process.exitCode = main();
} catch (err) {
  log(`failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
}
