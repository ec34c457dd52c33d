import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ID, PRODUCT_NAME, PRODUCT_NAME_ZH } from '../../../electron/main/app-identity.js';
import { appResourcesDir, NATIVE_BINARY, nativeBindingCandidate } from '../../../electron/main/paths.js';

/**
 * Packaging cannot run here (electron-builder downloads Electron), so the config is checked
 * instead: against electron-builder's own schema, and against what the code expects to find.
 */
const ROOT = path.resolve(import.meta.dirname, '../../..');
const require = createRequire(import.meta.url);
// Both come with electron-builder (no typings of their own here).
const yaml = require('js-yaml') as { load(text: string): unknown };
const picomatch = require('picomatch') as (
  glob: string,
  options?: { dot?: boolean },
) => (file: string) => boolean;
const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  validateConfiguration(config: unknown, debug: { isEnabled: boolean; add(): void }): Promise<void>;
};

interface FileSet {
  from: string;
  to: string;
  filter?: string[];
}
interface Target {
  target: string;
  arch?: string[];
}
interface BuilderConfig {
  appId: string;
  productName: string;
  files: string[];
  asar: boolean;
  asarUnpack?: string[];
  extraResources: FileSet[];
  npmRebuild: boolean;
  nodeGypRebuild: boolean;
  electronFuses: Record<string, boolean>;
  icon: string;
  win: { target: Target[]; icon: string };
  nsis: { shortcutName: string; uninstallDisplayName: string };
  mac: { target: Target[]; icon: string; extendInfo: Record<string, string> };
  linux: { target: string[]; icon: string; desktop: { entry: Record<string, string> } };
}

const configText = fs.readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8');
const config = yaml.load(configText) as BuilderConfig;
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  main: string;
  productName: string;
  scripts: Record<string, string>;
};

/** electron-builder's `files`: later negations exclude. */
function packaged(file: string): boolean {
  let included = false;
  for (const pattern of config.files) {
    if (pattern.startsWith('!')) {
      if (picomatch(pattern.slice(1), { dot: true })(file)) included = false;
    } else if (picomatch(pattern, { dot: true })(file)) included = true;
  }
  return included;
}

describe('electron-builder.yml', () => {
  it('is valid for electron-builder (its own schema), and an unknown key is caught', async () => {
    await expect(validateConfiguration(config, { isEnabled: false, add() {} })).resolves.toBeUndefined();
    const broken = { ...config, nsis: { ...config.nsis, shortcutNmae: 'typo' } };
    await expect(validateConfiguration(broken, { isEnabled: false, add() {} })).rejects.toThrow(
      /does not match the API schema/,
    );
  });

  it('builds NSIS for Windows, dmg for macOS, AppImage and deb for Linux', () => {
    expect(config.win.target.map((t) => t.target)).toEqual(['nsis']);
    expect(config.mac.target.map((t) => t.target)).toEqual(['dmg']);
    expect([...config.linux.target].sort()).toEqual(['AppImage', 'deb']);
    expect(pkg.scripts['dist']).toMatch(/electron-native\.mjs.*electron-vite build.*electron-builder/);
  });

  it('names the app LiveDesk with 直播助理台 where the platform shows it; appId is the one the app uses', () => {
    expect(config.appId).toBe(APP_ID);
    expect(config.productName).toBe(PRODUCT_NAME);
    expect(pkg.productName).toBe(PRODUCT_NAME);
    expect(config.nsis.shortcutName).toBe(PRODUCT_NAME_ZH);
    expect(config.nsis.uninstallDisplayName).toContain(PRODUCT_NAME_ZH);
    expect(config.mac.extendInfo['CFBundleDisplayName']).toBe(PRODUCT_NAME_ZH);
    expect(config.linux.desktop.entry['Name[zh_CN]']).toBe(PRODUCT_NAME_ZH);
  });

  it('packs the built app: main (and its worker threads), the CommonJS preload, the renderer', () => {
    for (const file of [
      pkg.main,
      'out/main/index.js',
      'out/main/export-worker.js',
      'out/main/store-writer.js',
      'out/preload/index.cjs',
      'out/renderer/index.html',
      'out/renderer/assets/index-abc123.js',
      'package.json',
    ]) {
      expect(packaged(file), file).toBe(true);
    }
    // Sources, tests and the Node-ABI better-sqlite3 build stay out.
    for (const file of [
      'electron/main/lifecycle.ts',
      'tests/unit/electron/packaging.test.ts',
      'node_modules/better-sqlite3/build/Release/better_sqlite3.node',
      'node_modules/better-sqlite3/deps/sqlite3/sqlite3.c',
    ]) {
      expect(packaged(file), file).toBe(false);
    }
    expect(config.asar).toBe(true);
  });

  it('ships the Electron-ABI better-sqlite3 where electron/main/paths.ts looks for it', () => {
    const native = config.extraResources.find((r) => r.filter?.some((f) => f.endsWith(NATIVE_BINARY)));
    expect(native).toBeDefined();
    const where = { appPath: ROOT, resourcesPath: '/opt/LiveDesk/resources', electronVersion: '45.4.1' };
    // Dev: under `from`; packaged: the same relative path under <resources>/<to>.
    const dev = nativeBindingCandidate({ ...where, isPackaged: false });
    const relative = path.relative(path.join(ROOT, native!.from), dev);
    expect(relative.startsWith('..')).toBe(false);
    expect(native!.filter!.some((f) => picomatch(f)(relative.split(path.sep).join('/')))).toBe(true);
    expect(nativeBindingCandidate({ ...where, isPackaged: true })).toBe(
      path.join(where.resourcesPath, native!.to, relative),
    );
    // electron-builder must not rebuild natives itself (it would build against Node's headers).
    expect(config.npmRebuild).toBe(false);
    expect(config.nodeGypRebuild).toBe(false);
  });

  it('copies resources/ to where appResourcesDir finds it when packaged', () => {
    const data = config.extraResources.find((r) => r.from === 'resources');
    expect(data).toBeDefined();
    const resourcesPath = '/opt/LiveDesk/resources';
    expect(appResourcesDir({ isPackaged: true, appPath: ROOT, resourcesPath })).toBe(
      path.join(resourcesPath, data!.to),
    );
  });

  it('flips the Electron fuses for the shipped binary', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('points at icons that exist: .ico for Windows, .icns for macOS, a 512 px PNG for Linux', () => {
    const icons = [config.icon, config.win.icon, config.mac.icon, config.linux.icon];
    for (const icon of icons) expect(fs.existsSync(path.join(ROOT, icon)), icon).toBe(true);
    expect(config.win.icon).toMatch(/\.ico$/);
    expect(config.mac.icon).toMatch(/\.icns$/);
    const head = (file: string, n: number) => fs.readFileSync(path.join(ROOT, file)).subarray(0, n);
    expect([...head(config.win.icon, 4)]).toEqual([0, 0, 1, 0]);
    expect(head(config.mac.icon, 4).toString('latin1')).toBe('icns');
    // PNG: width and height from the IHDR chunk.
    const png = fs.readFileSync(path.join(ROOT, config.linux.icon));
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
    for (const tray of ['tray.png', 'tray@2x.png', 'trayTemplate.png', 'trayTemplate@2x.png']) {
      expect(fs.existsSync(path.join(ROOT, 'resources/icons', tray)), tray).toBe(true);
    }
  });
});
