/**
 * Schema v5 and the alerts repo: a v4 database migrates with its data intact; alerts round-trip
 * with their samples; a damaged samples value reads as none; and the post-show summary's numbers.
 */
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { median, summariseAlerts } from '../../../electron/core/alerts/summary.js';
import type { StoredAlert } from '../../../electron/core/store/alerts-repo.js';
import { migrate } from '../../../electron/core/store/migrations/index.js';
import { openStore } from '../../../electron/core/store/open-store.js';
import { DB_FILE_NAME } from '../../../electron/core/store/store.js';
import { T0 } from '../../helpers/events.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  tmp = makeTempDir();
});
afterEach(() => tmp.cleanup());

function alert(id: number, over: Partial<StoredAlert> = {}): StoredAlert {
  return {
    id,
    showId: 'show-1',
    ruleId: 'stream-fault',
    ruleName: '观众反馈直播故障',
    kind: 'keyword',
    severity: 'critical',
    hint: '查推流/切备用线路',
    message: '30 秒内 12 条相关评论',
    firstAt: T0,
    lastAt: T0 + 5000,
    feedTs: T0 - 100,
    lastFeedTs: T0 + 4900,
    count: 12,
    distinctUsers: 9,
    samples: [{ commentId: 'c1', userId: 'u1', nickname: '小红', text: '卡了', ts: T0 - 100 }],
    state: 'open',
    ackedAt: null,
    ackedBy: null,
    snoozedUntil: null,
    incidentId: null,
    ...over,
  };
}

describe('schema v5: alerts', () => {
  it('migrates a v4 database without touching its data', () => {
    const file = path.join(tmp.dir, DB_FILE_NAME);
    const v4 = new Database(file);
    migrate(v4, 4);
    v4.prepare(
      `INSERT INTO shows (id, room_id, room_title, platform, title, started_at, last_seq, source, created_at)
       VALUES ('old', 'room-1', '直播间', 'douyin', '老场次', ?, 3, 'sim', ?)`,
    ).run(T0, T0);
    v4.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('faq.seeded', '{}', 1)").run();
    v4.close();

    const { store } = openStore(tmp.dir);
    expect(store.db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(5); // v6 (operations) came after
    expect(store.getShow('old')).toMatchObject({ title: '老场次', lastSeq: 3 });
    expect(store.getSetting('faq.seeded')).toBe('{}');
    expect(store.alerts.newest('old', 10)).toEqual([]);
    expect(store.alerts.nextId()).toBe(1);
    store.close();
  });

  it('round-trips alerts, updates them in place, and reads damaged samples as none', () => {
    const { store } = openStore(tmp.dir);
    store.alerts.save([alert(1), alert(2, { ruleId: 'link-questions', severity: 'info' })]);
    store.alerts.save([alert(1, { count: 30, state: 'acked', ackedAt: T0 + 9000, ackedBy: '小王' })]);
    expect(store.alerts.get(1)).toEqual(
      alert(1, { count: 30, state: 'acked', ackedAt: T0 + 9000, ackedBy: '小王' }),
    );
    expect(store.alerts.newest('show-1', 10).map((a) => a.id)).toEqual([2, 1]);
    expect(
      store.alerts
        .latestPerRule('show-1')
        .map((a) => a.ruleId)
        .sort(),
    ).toEqual(['link-questions', 'stream-fault']);
    expect(store.alerts.openCounts('show-1')).toEqual({ info: 1, warn: 0, critical: 0 });
    expect(store.alerts.markers('show-1')).toEqual([
      { ts: T0 - 100, ruleName: '观众反馈直播故障', severity: 'critical', message: '30 秒内 12 条相关评论' },
      { ts: T0 - 100, ruleName: '观众反馈直播故障', severity: 'info', message: '30 秒内 12 条相关评论' },
    ]);
    store.db.prepare("UPDATE alerts SET samples = '{broken' WHERE id = 2").run();
    expect(store.alerts.get(2)?.samples).toEqual([]);
    expect(store.alerts.nextId()).toBe(3);
    store.close();
  });
});

describe('summariseAlerts', () => {
  it('counts per rule and severity, with median and max time to acknowledge', () => {
    const alerts = [
      alert(1, { ackedAt: T0 + 10_000 }),
      alert(2, { ackedAt: T0 + 30_000, count: 5 }),
      alert(3, { count: 3 }),
      alert(4, {
        ruleId: 'online-drop',
        ruleName: '在线人数骤降',
        kind: 'metric',
        count: 1,
        ackedAt: T0 + 60_000,
      }),
      alert(5, { ruleId: 'link-questions', ruleName: '商品链接疑问', severity: 'info', count: 40 }),
    ];
    const summary = summariseAlerts('show-1', alerts);
    expect(summary).toMatchObject({
      showId: 'show-1',
      total: 5,
      acked: 3,
      bySeverity: { info: 1, warn: 0, critical: 4 },
      medianAckMs: 30_000,
    });
    expect(summary.byRule).toEqual([
      {
        ruleId: 'stream-fault',
        ruleName: '观众反馈直播故障',
        severity: 'critical',
        alerts: 3,
        evidence: 20,
        acked: 2,
        medianAckMs: 20_000,
        maxAckMs: 30_000,
      },
      expect.objectContaining({ ruleId: 'online-drop', alerts: 1, acked: 1, medianAckMs: 60_000 }),
      expect.objectContaining({
        ruleId: 'link-questions',
        alerts: 1,
        evidence: 40,
        acked: 0,
        medianAckMs: null,
      }),
    ]);
    expect(summariseAlerts(null, [])).toEqual({
      showId: null,
      total: 0,
      acked: 0,
      bySeverity: { info: 0, warn: 0, critical: 0 },
      byRule: [],
      medianAckMs: null,
    });
    expect(median([5, 1, 3])).toBe(3);
  });
});
