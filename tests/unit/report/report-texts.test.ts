/**
 * What the user types into a summary: saved per scope, back after reopening the file; null text
 * goes back to the prefilled one (with the names in it); bad input and scopes that name nothing
 * change nothing. Schema v7: a v6 database migrates keeping its data; a newer one is refused.
 */
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildReport, ReportError, saveReport } from '../../../electron/core/report/build-report.js';
import { migrate, SCHEMA_VERSION, SchemaTooNewError } from '../../../electron/core/store/migrations/index.js';
import { openStore } from '../../../electron/core/store/open-store.js';
import { DB_FILE_NAME, Store } from '../../../electron/core/store/store.js';
import type { ReportScope, ReportText } from '../../../shared/api/report.js';
import { makeTempDir } from '../../helpers/temp-dir.js';
import { writeHandShow } from './hand-show.js';

const ORIGINAL_TZ = process.env.TZ;
beforeAll(() => (process.env.TZ = 'Asia/Shanghai'));
afterAll(() => (process.env.TZ = ORIGINAL_TZ));

const T = Date.UTC(2026, 10, 23, 12, 0);
const SHOW: ReportScope = { kind: 'show', showId: 's1' };
const PERIOD: ReportScope = { kind: 'period', from: '2026-11-23', to: '2026-11-23', roomId: null };
const PEOPLE = { host: '小美', assistant: '阿杰', fieldControl: '' };
const EDITED: ReportText = {
  overview: '本场由小美主播，整体顺利。',
  metricsNote: '转化率高于上周。',
  prepNote: '',
  executionNote: '',
  incidentsNote: '',
  problems: '- 开场节奏偏慢',
  improvements: '- 开场 10 分钟上福利品',
};

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => (tmp = makeTempDir()));
afterEach(() => tmp.cleanup());

function withStore<T>(fn: (store: Store) => T): T {
  const { store } = openStore(tmp.dir);
  try {
    return fn(store);
  } finally {
    store.close();
  }
}

const seedShow = (store: Store) =>
  writeHandShow(store, {
    id: 's1',
    roomId: 'r1',
    startedAt: T,
    minutes: 60,
    final: { gmv: 100_000, uv: 500 },
  });

describe('saved report text', () => {
  it('round-trips the names and text of a scope and survives reopening the file', () => {
    const prefilled = withStore((store) => {
      seedShow(store);
      const before = buildReport(store, SHOW, { now: T });
      expect(before.textEdited).toBe(false);
      expect(before.people).toEqual({ host: '', assistant: '', fieldControl: '' });
      saveReport(store, SHOW, PEOPLE, EDITED, T + 1);
      return before.text;
    });
    withStore((store) => {
      const report = buildReport(store, SHOW, { now: T });
      expect(report.text).toEqual(EDITED);
      expect(report.textEdited).toBe(true);
      expect(report.people).toEqual(PEOPLE);
      // Another scope keeps its own (here: nothing saved).
      const period = buildReport(store, PERIOD, { now: T });
      expect(period.textEdited).toBe(false);
      expect(period.people.host).toBe('');
      // Null text: the prefilled text again, now with the names in the overview.
      saveReport(store, SHOW, PEOPLE, null, T + 2);
      const back = buildReport(store, SHOW, { now: T });
      expect(back.textEdited).toBe(false);
      expect(back.people).toEqual(PEOPLE);
      expect(back.text.problems).toBe(prefilled.problems);
      expect(back.text.overview).toContain('主播：小美，助播：阿杰。');
      expect(prefilled.overview).not.toContain('主播');
    });
  });

  it('refuses bad input and scopes that name nothing, changing nothing', () => {
    withStore((store) => {
      seedShow(store);
      saveReport(store, SHOW, PEOPLE, EDITED, T);
      const tooLong = { ...EDITED, overview: 'x'.repeat(4001) };
      expect(() => saveReport(store, SHOW, { ...PEOPLE, host: '换人' }, tooLong, T + 1)).toThrow(
        /^invalid report text: text\.overview: /,
      );
      expect(() => saveReport(store, { kind: 'show', showId: 'nope' }, PEOPLE, EDITED, T)).toThrow(
        ReportError,
      );
      expect(() =>
        saveReport(
          store,
          { kind: 'period', from: '2026-01-01', to: '2026-01-02', roomId: null },
          PEOPLE,
          null,
          T,
        ),
      ).toThrow('no shows between 2026-01-01 and 2026-01-02');
      const report = buildReport(store, SHOW, { now: T });
      expect(report.people.host).toBe('小美');
      expect(report.text).toEqual(EDITED);
      expect(store.db.prepare('SELECT count(*) AS n FROM report_texts').get()).toEqual({ n: 1 });
    });
  });

  it('reads a damaged saved value as the prefilled text, never a crash', () => {
    withStore((store) => {
      seedShow(store);
      store.db
        .prepare(
          "INSERT INTO report_texts (scope_key, people, text, updated_at) VALUES ('show:s1', '{', '[1]', 0)",
        )
        .run();
      const report = buildReport(store, SHOW, { now: T });
      expect(report.textEdited).toBe(false);
      expect(report.people).toEqual({ host: '', assistant: '', fieldControl: '' });
    });
  });
});

describe('schema v7: report texts', () => {
  it('migrates a v6 database keeping its data, and a read-only reader sees the table', () => {
    const file = path.join(tmp.dir, DB_FILE_NAME);
    const v6 = new Database(file);
    migrate(v6, 6);
    v6.prepare(
      `INSERT INTO shows (id, room_id, room_title, platform, title, started_at, last_seq, source, created_at)
       VALUES ('old', 'r1', '直播间', 'douyin', '老场次', ?, 3, 'sim', ?)`,
    ).run(T, T);
    v6.close();
    withStore((store) => {
      expect(store.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(7);
      expect(store.getShow('old')?.title).toBe('老场次');
      expect(store.reportTexts.get('show:old')).toBeNull();
      saveReport(store, { kind: 'show', showId: 'old' }, PEOPLE, null, T);
    });
    const reader = new Store(file, { readonly: true });
    try {
      expect(reader.reportTexts.get('show:old')).toEqual({ people: PEOPLE, text: null, updatedAt: T });
    } finally {
      reader.close();
    }
  });

  it('refuses a database from a newer app, untouched', () => {
    const file = path.join(tmp.dir, DB_FILE_NAME);
    const newer = new Database(file);
    migrate(newer);
    newer.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    newer.close();
    expect(() => new Store(file)).toThrow(SchemaTooNewError);
    const check = new Database(file);
    expect(check.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION + 1);
    check.close();
  });
});
