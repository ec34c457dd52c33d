import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../../electron/core/store/migrations/index.js';
import { openStore } from '../../../electron/core/store/open-store.js';
import { DB_FILE_NAME, Store } from '../../../electron/core/store/store.js';
import { openReadonlyStore } from '../../../electron/core/report/export-run.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => (tmp = makeTempDir('livedesk-ro-')));
afterEach(() => tmp.cleanup());

describe('a read-only store (export worker, CLI)', () => {
  it('reads what the writer stores, beside it, and cannot write', () => {
    const { store: writer } = openStore(tmp.dir);
    writer.setSetting('k', 'v1');
    const reader = openReadonlyStore(tmp.dir);
    expect(reader.getSetting('k')).toBe('v1');
    writer.setSetting('k', 'v2'); // WAL: the writer is not blocked by the reader
    expect(reader.getSetting('k')).toBe('v2');
    expect(() => reader.setSetting('k', 'v3')).toThrow(/readonly/);
    reader.close();
    writer.close();
  });

  it('never migrates: an older schema is refused untouched, with both versions named', () => {
    const file = path.join(tmp.dir, DB_FILE_NAME);
    const old = new Database(file);
    old.pragma('user_version = 3');
    old.close();
    const before = fs.readFileSync(file);
    expect(() => new Store(file, { readonly: true })).toThrow(
      new RegExp(`schema v3 is not this app's \\(v${SCHEMA_VERSION}\\)`),
    );
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('says which data directory has no database, and creates none', () => {
    const dir = path.join(tmp.dir, 'nothing-here');
    expect(() => openReadonlyStore(dir)).toThrow(/no LiveDesk database in .*nothing-here/);
    expect(fs.existsSync(dir)).toBe(false);
  });
});
