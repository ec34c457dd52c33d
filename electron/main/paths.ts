/**
 * Files the Electron app needs from outside its bundle, in dev (the project folder) and packaged
 * (electron-builder's extraResources under process.resourcesPath).
 *
 * The Electron-ABI better-sqlite3 binary: node_modules holds the Node-ABI build the tests use;
 * scripts/electron-native.mjs builds a separate one for Electron into `.native/electron-<version>/`,
 * and electron-builder copies that folder to `<resources>/native/`.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

export const NATIVE_BINARY = 'better_sqlite3.node';

export interface AppLocation {
  isPackaged: boolean;
  /** app.getAppPath(): the project root in dev. */
  appPath: string;
  /** process.resourcesPath: where extraResources land in the packaged app. */
  resourcesPath: string;
  /** process.versions.electron */
  electronVersion: string;
}

export function nativeBindingCandidate(where: AppLocation): string {
  const base = where.isPackaged
    ? path.join(where.resourcesPath, 'native')
    : path.join(where.appPath, '.native');
  return path.join(base, `electron-${where.electronVersion}`, NATIVE_BINARY);
}

/** The binary's path, or undefined so better-sqlite3 falls back to its own lookup. */
export function findNativeBinding(
  where: AppLocation,
  exists: (file: string) => boolean = existsSync,
): string | undefined {
  const candidate = nativeBindingCandidate(where);
  return exists(candidate) ? candidate : undefined;
}

/** The app's data files (resources/: sim corpus, FAQ library, …); copied to `<resources>/resources/`. */
export function appResourcesDir(
  where: Pick<AppLocation, 'isPackaged' | 'appPath' | 'resourcesPath'>,
): string {
  return where.isPackaged
    ? path.join(where.resourcesPath, 'resources')
    : path.join(where.appPath, 'resources');
}
