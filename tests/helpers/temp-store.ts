import { afterEach, beforeEach } from 'vitest';
import { openStore } from '../../electron/core/store/open-store.js';
import type { Store } from '../../electron/core/store/store.js';
import { makeTempDir } from './temp-dir.js';

/**
 * Opens the app's store in a fresh data directory before each test (handed to `use`), and closes
 * and removes it after: `let store: Store; eachTempStore((s) => (store = s));`.
 */
export function eachTempStore(use: (store: Store, dir: string) => void): void {
  let tmp: ReturnType<typeof makeTempDir>;
  let store: Store;
  beforeEach(() => {
    tmp = makeTempDir();
    store = openStore(tmp.dir).store;
    use(store, tmp.dir);
  });
  afterEach(() => {
    store.close();
    tmp.cleanup();
  });
}
