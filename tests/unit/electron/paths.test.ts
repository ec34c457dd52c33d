import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appResourcesDir, findNativeBinding, nativeBindingCandidate } from '../../../electron/main/paths.js';

const where = {
  appPath: '/src/livedesk',
  resourcesPath: '/opt/LiveDesk/resources',
  electronVersion: '45.4.1',
};

describe('app paths', () => {
  it('puts the Electron-ABI binary under .native/electron-<version> in dev', () => {
    expect(nativeBindingCandidate({ ...where, isPackaged: false })).toBe(
      path.join('/src/livedesk', '.native', 'electron-45.4.1', 'better_sqlite3.node'),
    );
  });

  it('is under resources/native/electron-<version> in the packaged app', () => {
    expect(nativeBindingCandidate({ ...where, isPackaged: true })).toBe(
      path.join('/opt/LiveDesk/resources', 'native', 'electron-45.4.1', 'better_sqlite3.node'),
    );
  });

  it('is undefined when the file is absent, so better-sqlite3 falls back to its own lookup', () => {
    const seen: string[] = [];
    const found = findNativeBinding({ ...where, isPackaged: false }, (file) => {
      seen.push(file);
      return false;
    });
    expect(found).toBeUndefined();
    expect(seen).toEqual([nativeBindingCandidate({ ...where, isPackaged: false })]);
    expect(findNativeBinding({ ...where, isPackaged: true }, () => true)).toBe(
      nativeBindingCandidate({ ...where, isPackaged: true }),
    );
  });

  it('finds the data files next to the sources in dev and under resources/ when packaged', () => {
    expect(appResourcesDir({ ...where, isPackaged: false })).toBe(path.join('/src/livedesk', 'resources'));
    expect(appResourcesDir({ ...where, isPackaged: true })).toBe(
      path.join('/opt/LiveDesk/resources', 'resources'),
    );
  });
});
