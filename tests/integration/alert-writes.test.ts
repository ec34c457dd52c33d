/**
 * Alerts are written through the store's writer — its thread in the app, so the main connection
 * never waits for the write lock while the thread commits comments — and a write that fails
 * leaves the alert dirty: the next write carries it with whatever it grew meanwhile.
 */
import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { AlertTracker } from '../../electron/core/alerts/alert-tracker.js';
import type { StoredAlert } from '../../electron/core/store/alerts-repo.js';
import type { Store } from '../../electron/core/store/store.js';
import { ThreadStoreWriter } from '../../electron/core/store/writer-thread.js';
import { runNow, type StoreWriter } from '../../electron/core/store/writer.js';
import type { KeywordRule } from '../../shared/alerts/rules.js';
import { T0 } from '../helpers/events.js';
import { eachTempStore } from '../helpers/temp-store.js';

const RULE: KeywordRule = {
  id: 'stream-fault',
  name: '观众反馈直播故障',
  kind: 'keyword',
  enabled: true,
  severity: 'critical',
  hint: '查推流/切备用线路',
  cooldownSec: 120,
  anyOf: ['卡了'],
  allOf: [],
  noneOf: [],
  windowSec: 30,
  minCount: 3,
  minDistinctUsers: 2,
};

const sample = (n: number) => ({
  commentId: `c${n}`,
  userId: `u${n}`,
  nickname: `观众${n}`,
  text: '卡了',
  ts: T0 + n,
});

let store: Store;
eachTempStore((s) => (store = s));

/** What another connection reads of the stored alerts (id → count). */
function storedCounts(): Record<number, number> {
  const db = new Database(store.db.name, { readonly: true });
  try {
    const rows = db.prepare('SELECT id, count FROM alerts ORDER BY id').all() as {
      id: number;
      count: number;
    }[];
    return Object.fromEntries(rows.map((r) => [r.id, r.count]));
  } finally {
    db.close();
  }
}

function raise(tracker: AlertTracker) {
  const episode = tracker.raise(RULE, {
    clock: T0,
    feedTs: T0,
    message: '30 秒内 3 条相关评论',
    count: 3,
    users: ['u1', 'u2', 'u3'],
    samples: [sample(3), sample(2), sample(1)],
  });
  expect(episode).not.toBeNull();
  return episode!;
}

describe('alert writes', () => {
  it('go through the writer thread: stored once flushed, never written on the main connection', async () => {
    const writer = await ThreadStoreWriter.start(store);
    try {
      const onMain = vi.spyOn(store.alerts, 'save');
      const tracker = new AlertTracker({ repo: store.alerts, writer, now: () => T0, onUrgent: () => {} });
      tracker.setShow('show-1');
      const episode = raise(tracker);
      tracker.flush();
      expect(storedCounts()).toEqual({ [episode.alert.id]: 3 });
      tracker.grow(episode, { clock: T0 + 1000, userId: 'u4', sample: sample(4) });
      tracker.flush();
      expect(storedCounts()).toEqual({ [episode.alert.id]: 4 });
      expect(tracker.ack(episode.alert.id, undefined)?.state).toBe('acked');
      expect(store.alerts.get(episode.alert.id)?.state).toBe('acked');
      tracker.stop();
      expect(onMain).not.toHaveBeenCalled();
    } finally {
      await writer.close();
    }
  });

  it('waits for the writer only while an alert write of its own is out', () => {
    // The writer's backlog (comment batches, or its thread still booting) is not the tracker's to
    // wait for: a show's first stats call setShow → flush while the writer is busy.
    const answers: (() => void)[] = [];
    let drains = 0;
    const writer: Pick<StoreWriter, 'saveAlerts' | 'drain'> = {
      saveAlerts(alerts, done) {
        const copy: StoredAlert[] = structuredClone([...alerts]);
        answers.push(() => runNow(() => store.alerts.save(copy), done));
      },
      drain() {
        drains++;
        while (answers.length > 0) answers.shift()!();
      },
    };
    const tracker = new AlertTracker({ repo: store.alerts, writer, now: () => T0, onUrgent: () => {} });
    tracker.setShow('show-1');
    tracker.flush();
    expect(drains).toBe(0);
    const episode = raise(tracker);
    tracker.flush();
    expect(drains).toBe(1);
    expect(storedCounts()).toEqual({ [episode.alert.id]: 3 });
    tracker.setShow('show-2');
    expect(drains).toBe(1);
    tracker.stop();
  });

  it('a failed write keeps the alert dirty; the retry writes it as it has grown since', () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    // A writer that answers on drain(), with a copy taken at hand-over (as postMessage does), and
    // fails its first write as a full disk would.
    const handed: StoredAlert[][] = [];
    const answers: (() => void)[] = [];
    let failures = 1;
    const writer: Pick<StoreWriter, 'saveAlerts' | 'drain'> = {
      saveAlerts(alerts, done) {
        const copy: StoredAlert[] = structuredClone([...alerts]);
        handed.push(copy);
        const fail = failures-- > 0;
        answers.push(() =>
          fail
            ? done({
                ok: false,
                error: Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }),
              })
            : runNow(() => store.alerts.save(copy), done),
        );
      },
      drain() {
        while (answers.length > 0) answers.shift()!();
      },
    };
    const tracker = new AlertTracker({ repo: store.alerts, writer, now: () => T0, onUrgent: () => {} });
    try {
      tracker.setShow('show-1');
      const episode = raise(tracker);
      tracker.flush();
      expect(storedCounts()).toEqual({});
      expect(errors).toHaveBeenCalledTimes(1);
      expect(String(errors.mock.calls[0]![0])).toMatch(/alerts: cannot write/);

      tracker.flush(); // the retry (its timer's work, done now)
      expect(storedCounts()).toEqual({ [episode.alert.id]: 3 });
      tracker.grow(episode, { clock: T0 + 1000, userId: 'u4', sample: sample(4) });
      tracker.flush();
      expect(handed.map((batch) => batch.map((a) => a.count))).toEqual([[3], [3], [4]]);
      expect(storedCounts()).toEqual({ [episode.alert.id]: 4 });
      expect(errors).toHaveBeenCalledTimes(1);
    } finally {
      tracker.stop();
      errors.mockRestore();
    }
  });
});
