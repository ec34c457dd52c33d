/**
 * The field controller's tools end to end on a real SQLite file through the core service: the
 * checklist prepared before the show and attached (with a warning) when the show starts, pushed
 * to subscribers; an incident opened from a real alert, worked and resolved; its impact measured
 * from the rollups the pipeline wrote; its marker on the trend; and an incident that survives a
 * kill -9 of the process editing it.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BoardUpdate } from '../../shared/api/contract.js';
import { openCore, type CoreHarness } from '../helpers/core-harness.js';
import { hello, stats, T0 } from '../helpers/events.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { waitFor } from '../helpers/wait.js';

const M = 60_000;
let tmp: ReturnType<typeof makeTempDir>;
let core: CoreHarness;
let counter = 0;

beforeEach(() => {
  tmp = makeTempDir();
});
afterEach(async () => {
  await core?.close();
  tmp.cleanup();
});

/** Comments at feed times (ms after T0), one event, stored at once. */
function comments(c: CoreHarness, at: readonly number[], text = '好看', users = 1000): void {
  c.pipeline.handleEvent('comments', {
    seq: c.pipeline.seq + 1,
    items: at.map((ms, i) => ({
      id: `k${++counter}`,
      ts: T0 + ms,
      userId: `u${i % users}`,
      nickname: `观众${i}`,
      text,
    })),
  });
  c.pipeline.flush();
}

function online(c: CoreHarness, ms: number, viewers: number): void {
  c.pipeline.handleEvent('stats', stats(c.pipeline.seq + 1, ms, { online: viewers }));
  c.pipeline.flush();
}

function order(c: CoreHarness, ms: number, amount: number): void {
  c.pipeline.handleEvent('orders', {
    seq: c.pipeline.seq + 1,
    items: [{ id: `o${++counter}`, ts: T0 + ms, productId: 'p1', qty: 1, amount, buyerId: `b${counter}` }],
  });
  c.pipeline.flush();
}

describe('checklist across the show start', () => {
  it('the run prepared for the next show becomes the show’s, with a pushed start warning', async () => {
    core = openCore(tmp.dir);
    expect(core.service.getSnapshot().operations.checklist).toBeNull();
    const run = core.service.getChecklist({});
    expect(run.showId).toBeNull();
    core.service.updateChecklistItem({
      runId: run.id,
      itemId: 'mic-sensitivity',
      measured: '−30dB',
      who: '小李',
    });
    core.service.updateChecklistItem({ runId: run.id, itemId: 'camera-resolution', measured: '1080P' });
    expect(core.service.getSnapshot().operations.checklist?.progress).toMatchObject({ pass: 1, fail: 1 });

    const updates: BoardUpdate[] = [];
    const unsubscribe = core.service.onUpdate((u) => updates.push(u));
    try {
      core.clock.now = T0 + 5000;
      core.pipeline.handleHello({ ...hello('show-1'), lastSeq: 0 });
      const pushed = await waitFor(
        () => updates.find((u) => u.operations?.checklist?.startWarning)?.operations,
        'the start warning pushed',
      );
      expect(pushed.checklist).toEqual({
        runId: run.id,
        progress: { total: run.items.length, done: 2, pass: 1, fail: 1, na: 0, open: run.items.length - 2 },
        deadline: null,
        startWarning: { at: T0 + 5000, open: run.items.length - 2, failed: 1 },
      });
      expect(core.service.getChecklist({})).toMatchObject({ id: run.id, showId: 'show-1' });
      expect(core.service.getSnapshot().operations).toEqual(pushed);
    } finally {
      unsubscribe();
    }
  });
});

describe('an incident from an alert', () => {
  it('links both ways, is worked through its playbook, resolved, and marked on the trend', async () => {
    core = openCore(tmp.dir, { showId: 'show-1' });
    online(core, 0, 1000);
    // The default stream-fault rule: 10 comments from 8 viewers.
    comments(
      core,
      Array.from({ length: 10 }, (_, i) => 20_000 + i * 100),
      '卡了',
      8,
    );
    const alert = await waitFor(() => core.service.listAlerts({ limit: 5 })[0], 'the stream-fault alert');
    expect(alert.ruleId).toBe('stream-fault');

    core.clock.now = T0 + 30_000;
    const opened = core.service.openIncident({ type: 'stream_stutter', alertId: alert.id, severity: 'high' });
    expect(opened).toMatchObject({
      showId: 'show-1',
      alertId: alert.id,
      title: alert.ruleName,
      detectedAt: T0 + 30_000,
      feedTs: T0 + 20_900, // the newest event the pipeline had seen
      notes: [{ at: T0 + 30_000, text: alert.message }],
    });
    expect(core.service.listAlerts({ limit: 5 })[0]!.incidentId).toBe(opened.id);
    expect(core.service.getSnapshot().alerts.recent[0]!.incidentId).toBe(opened.id);
    expect(core.service.getSnapshot().operations.openIncidents.map((i) => i.id)).toEqual([opened.id]);

    core.clock.now = T0 + 70_000;
    core.service.updateIncident({ id: opened.id, step: { index: 0, done: true } });
    core.clock.now = T0 + 100_000;
    core.service.updateIncident({ id: opened.id, step: { index: 1, done: true } });
    core.clock.now = T0 + 210_000;
    const resolved = core.service.updateIncident({ id: opened.id, resolved: true, note: '码率下调后恢复' });
    expect(resolved).toMatchObject({ respondedAt: T0 + 70_000, responseMs: 40_000, resolveMs: 180_000 });
    expect(resolved.steps.slice(0, 3).map((s) => s.doneAt)).toEqual([T0 + 70_000, T0 + 100_000, null]);
    expect(core.service.getSnapshot().operations.openIncidents).toEqual([]);
    expect(core.service.listIncidents({})).toEqual([resolved]);
    expect(core.service.getIncidentKpis({})).toMatchObject({
      showId: 'show-1',
      total: 1,
      byType: { stream_stutter: 1 },
      respondedWithin5MinRate: 1,
      resolvedRate: 1,
    });

    const markers = core.service.getTrend({})!.markers.filter((m) => m.kind === 'incident');
    expect(markers).toEqual([{ ts: T0 + 20_900, kind: 'incident', label: `推流卡顿：${alert.ruleName}` }]);
  });
});

describe('impact from the stored rollups', () => {
  it('online before / lowest / after, comments and GMV per minute, as worked out by hand', () => {
    core = openCore(tmp.dir, { showId: 'show-1' });
    for (let k = 0; k < 5; k++) {
      online(core, k * M + 30_000, 1000 + 100 * k); // 1000 … 1400: mean 1200
      comments(
        core,
        Array.from({ length: 10 }, (_, i) => k * M + i * 1000),
      ); // 10 a minute
      order(core, k * M + 40_000, 5000); // ¥50 a minute
    }
    online(core, 5 * M, 600); // detection: the feed clock is at minute 5
    core.clock.now = T0 + 10 * M;
    const { id } = core.service.openIncident({ type: 'network_down' });
    online(core, 5 * M + 40_000, 500);
    comments(core, [5 * M + 1000, 5 * M + 2000]);
    online(core, 6 * M + 30_000, 400);
    online(core, 7 * M + 10_000, 800);
    comments(core, [7 * M + 1000, 7 * M + 2000, 7 * M + 3000, 7 * M + 4000]);
    order(core, 7 * M + 20_000, 3000);
    // Resolved 2.5 minutes later: feed time 7:30, so "during" is minutes 5–7.
    core.clock.now += 150_000;
    const resolved = core.service.updateIncident({ id, resolved: true });
    expect(resolved.feedTs).toBe(T0 + 5 * M);
    expect(resolved.impact).toEqual({
      onlineBefore: 1200,
      onlineLowest: 400,
      onlineAfter: null, // nothing stored after the resolution yet
      commentsPerMinBefore: 10,
      commentsPerMinDuring: 2, // (2 + 0 + 4) / 3
      gmvPerMinBefore: 5000,
      gmvPerMinDuring: 1000, // 3000 / 3
    });
    for (let k = 8; k < 14; k++) online(core, k * M + 30_000, 900 + 100 * (k - 8)); // 900 … 1400
    expect(core.service.listIncidents({})[0]!.impact?.onlineAfter).toBe(1100); // minutes 8–12
  });
});

describe('crash safety', () => {
  it('an incident edited a moment before kill -9 is all there after the restart', async () => {
    const root = path.resolve(import.meta.dirname, '../..');
    // One process (node with tsx's loader), not tsx's CLI: that one runs the script in a grandchild
    // which a SIGKILL of its parent would leave running.
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'tests/fixtures/incident-until-killed.ts', tmp.dir],
      { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    const line = await waitFor(() => /\{"id":\d+\}/.exec(out)?.[0], 'the child’s incident', 20_000);
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;

    core = openCore(tmp.dir); // a new process as far as the monotonic clock is concerned
    const { id } = JSON.parse(line) as { id: number };
    const [incident] = core.service.listIncidents({ showId: 'show-1' });
    expect(incident).toMatchObject({
      id,
      type: 'network_down',
      respondedAt: T0 + 30_000,
      responseMs: 30_000,
    });
    expect(incident!.steps[0]).toMatchObject({ doneAt: T0 + 30_000 });
    expect(incident!.notes).toEqual([{ at: T0 + 30_000, text: '已切换 4G 备用线路' }]);
    // Resolved after the restart: the wall clock measures it (the monotonic readings share no origin).
    core.clock.now = T0 + 20 * M;
    expect(core.service.updateIncident({ id, resolved: true }).resolveMs).toBe(20 * M);
  }, 30_000);
});
