/** Schema v6: migrating a v5 database adds the operations tables and keeps what was there. */
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/store/migrations/index.js';
import { openStore } from '../../../electron/core/store/open-store.js';
import { DB_FILE_NAME } from '../../../electron/core/store/store.js';
import { T0 } from '../../helpers/events.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => (tmp = makeTempDir()));
afterEach(() => tmp.cleanup());

describe('schema v6: checklist runs and incidents', () => {
  it('migrates a v5 database without touching its data', () => {
    const v5 = new Database(path.join(tmp.dir, DB_FILE_NAME));
    migrate(v5, 5);
    v5.prepare(
      `INSERT INTO shows (id, room_id, room_title, platform, title, started_at, last_seq, source, created_at)
       VALUES ('old', 'room-1', '直播间', 'douyin', '老场次', ?, 3, 'sim', ?)`,
    ).run(T0, T0);
    v5.prepare(
      `INSERT INTO alerts (id, show_id, rule_id, rule_name, kind, severity, hint, message, first_at, last_at,
         count, distinct_users, samples) VALUES (1, 'old', 'r', '规则', 'keyword', 'warn', '', '消息', ?, ?, 1, 1, '[]')`,
    ).run(T0, T0);
    v5.close();

    const { store } = openStore(tmp.dir);
    expect(store.db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(6); // v7 (report texts) came after
    expect(store.getShow('old')).toMatchObject({ title: '老场次', lastSeq: 3 });
    expect(store.alerts.get(1)).toMatchObject({ message: '消息', incidentId: null });
    expect(store.operations.nextShowRun()).toBeNull();
    expect(store.operations.newest('old', 10)).toEqual([]);
    const run = store.operations.createRun(
      { showId: 'old', scheduledStart: null, deadline: null, createdAt: T0 },
      [{ id: 'a', section: 'prep', label: 'A', expected: { kind: 'check' }, hint: '', contingency: null }],
    );
    expect(store.operations.runOfShow('old')).toEqual(run);
    // One run per show.
    expect(() =>
      store.operations.createRun({ showId: 'old', scheduledStart: null, deadline: null, createdAt: T0 }, []),
    ).toThrow(/UNIQUE/);
    store.close();
  });
});
