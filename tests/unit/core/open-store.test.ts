import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COMMENT_CSV_DIR } from '../../../electron/core/store/comment-csv-log.js';
import { openStore } from '../../../electron/core/store/open-store.js';
import { DB_FILE_NAME } from '../../../electron/core/store/store.js';
import { emptyBatch } from '../../../electron/core/store/types.js';
import { T0 } from '../../helpers/events.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

const show = {
  id: 's1',
  title: 't',
  roomId: 'r',
  roomTitle: 'rt',
  platform: 'douyin',
  startedAt: T0,
  endedAt: null,
  lastSeq: 0,
  source: 'socketio' as const,
};

describe('opening the database safely', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    tmp = makeTempDir();
  });
  afterEach(() => tmp.cleanup());

  const file = () => path.join(tmp.dir, DB_FILE_NAME);

  it('marks the database open and removes the mark on a clean close', () => {
    const { store, recoveredFromCrash, movedAside } = openStore(tmp.dir);
    expect(recoveredFromCrash).toBe(false);
    expect(movedAside).toBeNull();
    expect(fs.existsSync(`${file()}.open`)).toBe(true);
    store.close();
    expect(fs.existsSync(`${file()}.open`)).toBe(false);
  });

  it('checks the database after an unclean shutdown and keeps its data', () => {
    const first = openStore(tmp.dir).store;
    first.upsertShow(show);
    first.writeBatch({ ...emptyBatch('s1', 5) });
    // No close: the marker stays, as after kill -9.
    first.db.close();
    const again = openStore(tmp.dir);
    expect(again.recoveredFromCrash).toBe(true);
    expect(again.movedAside).toBeNull();
    expect(again.store.getShow('s1')?.lastSeq).toBe(5);
    again.store.close();
  });

  it('moves a damaged database aside with its -wal and -shm, and starts a fresh one', () => {
    fs.writeFileSync(file(), Buffer.alloc(8192, 0x5a)); // not a database
    fs.writeFileSync(`${file()}-wal`, 'wal');
    fs.writeFileSync(`${file()}-shm`, 'shm');
    const logs = path.join(tmp.dir, COMMENT_CSV_DIR);
    fs.mkdirSync(logs);
    fs.writeFileSync(path.join(logs, 's1.csv'), 'a comment\r\n');
    const { store, movedAside } = openStore(tmp.dir);
    expect(movedAside).toMatch(/livedesk\.db\.damaged-/);
    expect(fs.readFileSync(movedAside!).length).toBe(8192); // nothing deleted
    expect(fs.readFileSync(`${movedAside}-wal`, 'utf8')).toBe('wal');
    expect(fs.readFileSync(`${movedAside}-shm`, 'utf8')).toBe('shm');
    // The comments' CSV logs go aside with it: a fresh database would start them anew.
    const stamp = movedAside!.slice(movedAside!.indexOf('.damaged-'));
    expect(fs.readFileSync(path.join(`${logs}${stamp}`, 's1.csv'), 'utf8')).toBe('a comment\r\n');
    expect(fs.existsSync(logs)).toBe(false);
    store.upsertShow(show);
    expect(store.getShow('s1')).not.toBeNull();
    store.close();
  });

  it('moves aside a database whose pages are corrupt, found by quick_check after a crash', () => {
    const first = openStore(tmp.dir).store;
    first.upsertShow(show);
    const batch = emptyBatch('s1', 1);
    for (let i = 0; i < 3000; i++) {
      batch.comments.push({
        id: `c${i}`,
        seq: 1,
        ts: T0 + i,
        userId: 'u',
        nickname: 'n',
        text: `评论 ${i} `.repeat(5),
        fanClub: false,
        truncated: false,
      });
    }
    first.writeBatch(batch);
    first.db.pragma('wal_checkpoint(TRUNCATE)');
    first.db.close(); // unclean: marker stays
    // Scribble over a page in the middle of the file (a bad sector, a half-written copy).
    const fd = fs.openSync(file(), 'r+');
    const size = fs.fstatSync(fd).size;
    fs.writeSync(fd, Buffer.alloc(4096, 0xff), 0, 4096, Math.floor(size / 2 / 4096) * 4096);
    fs.closeSync(fd);
    const { store, movedAside, recoveredFromCrash } = openStore(tmp.dir);
    expect(recoveredFromCrash).toBe(true);
    expect(movedAside).not.toBeNull();
    expect(store.countComments('s1')).toBe(0);
    store.close();
  });
});
