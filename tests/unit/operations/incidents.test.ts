/**
 * The incident log on a real SQLite file with the clocks in the test's hands: playbook steps,
 * notes, first action, resolution; durations across midnight, with a wall clock set back an
 * hour (monotonic used) and across a restart (wall used); alerts linked.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { T0 } from '../../helpers/events.js';
import { makeTempDir } from '../../helpers/temp-dir.js';
import { advance, openOps, show, type OpsHarness } from './setup.js';

const MIN = 60_000;
let tmp: ReturnType<typeof makeTempDir>;
let h: OpsHarness;
beforeEach(() => {
  tmp = makeTempDir();
  h = openOps(tmp.dir);
  h.feed.show = show('show-1');
  h.feed.feedTs = T0 + 42_000;
});
afterEach(() => {
  h.close();
  tmp.cleanup();
});

describe('opening an incident', () => {
  it('is written at once, on the running show and its feed clock, with the playbook’s steps', () => {
    const incident = h.ops.openIncident({ type: 'network_down' });
    expect(incident).toMatchObject({
      showId: 'show-1',
      type: 'network_down',
      severity: 'medium',
      title: '网络中断',
      detectedAt: T0,
      respondedAt: null,
      resolvedAt: null,
      responseMs: null,
      resolveMs: null,
      feedTs: T0 + 42_000,
      alertId: null,
      notes: [],
    });
    const playbook = h.ops.getPlaybooks().playbooks.find((p) => p.type === 'network_down')!;
    expect(incident.steps).toEqual(playbook.steps.map((text) => ({ text, doneAt: null })));
    expect(h.store.operations.getIncident(incident.id)?.title).toBe('网络中断');
    expect(h.ops.state().openIncidents.map((i) => i.id)).toEqual([incident.id]);
  });

  it('keeps its steps when the playbook is edited later', () => {
    const incident = h.ops.openIncident({ type: 'other', severity: 'high', title: '  主播迟到 ' });
    h.ops.savePlaybooks({
      playbooks: { version: 1, playbooks: [{ type: 'other', title: '其他', steps: ['新步骤'] }] },
    });
    expect(h.ops.listIncidents({})[0]).toMatchObject({
      id: incident.id,
      title: '主播迟到',
      severity: 'high',
    });
    expect(h.ops.listIncidents({})[0]!.steps).toEqual(incident.steps);
    expect(h.ops.openIncident({ type: 'other' }).steps).toEqual([{ text: '新步骤', doneAt: null }]);
  });

  it('from an alert: its message is the first note, its rule the title, and the alert is linked', () => {
    h.alerts.set(7, {
      showId: 'show-1',
      ruleName: '观众反馈直播故障',
      message: '累计 12 条相关评论',
      feedTs: T0 + 40_000,
      incidentId: null,
    });
    const incident = h.ops.openIncident({ type: 'stream_stutter', alertId: 7 });
    expect(incident).toMatchObject({
      alertId: 7,
      title: '观众反馈直播故障',
      notes: [{ at: T0, text: '累计 12 条相关评论' }],
      feedTs: T0 + 42_000, // the feed clock at detection, not the alert's
    });
    expect(h.alerts.get(7)?.incidentId).toBe(incident.id);
    // A second press opens the same incident, not a twin.
    expect(h.ops.openIncident({ type: 'stream_stutter', alertId: 7 }).id).toBe(incident.id);
    expect(() => h.ops.openIncident({ type: 'other', alertId: 99 })).toThrow(/no alert 99/);
    expect(h.ops.listIncidents({ limit: 10 })).toHaveLength(1);
  });

  it('with no show running belongs to no show and has no feed time', () => {
    h.feed.show = null;
    const incident = h.ops.openIncident({ type: 'device_failure' });
    expect(incident).toMatchObject({ showId: null, feedTs: null, impact: null });
    expect(h.ops.listIncidents({}).map((i) => i.id)).toEqual([incident.id]);
  });

  it('refuses bad arguments by name', () => {
    expect(() => h.ops.openIncident({ type: 'fire' as never })).toThrow(/invalid arguments: type/);
    expect(() => h.ops.updateIncident({ id: 404, note: 'x' })).toThrow(/no incident 404/);
  });
});

describe('working an incident', () => {
  it('a note or a ticked step is the first action; resolving gives the time to resolve', () => {
    const { id } = h.ops.openIncident({ type: 'network_down' });
    advance(h, 40_000);
    let incident = h.ops.updateIncident({ id, step: { index: 0, done: true } });
    expect(incident).toMatchObject({ respondedAt: T0 + 40_000, responseMs: 40_000 });
    expect(incident.steps[0]).toEqual({ text: '切换备用线路（4G/5G 或第二条宽带）', doneAt: T0 + 40_000 });
    advance(h, 20_000);
    incident = h.ops.updateIncident({ id, note: '已在粉丝群发公告' });
    expect(incident.notes).toEqual([{ at: T0 + 60_000, text: '已在粉丝群发公告' }]);
    expect(incident.respondedAt).toBe(T0 + 40_000); // the first action stays the first
    incident = h.ops.updateIncident({ id, step: { index: 2, done: true } });
    incident = h.ops.updateIncident({ id, step: { index: 0, done: false } });
    expect(incident.steps.map((s) => s.doneAt)).toEqual([null, null, T0 + 60_000, null, null, null]);
    advance(h, 4 * MIN);
    incident = h.ops.updateIncident({ id, resolved: true });
    expect(incident).toMatchObject({ resolvedAt: T0 + 5 * MIN, resolveMs: 5 * MIN, responseMs: 40_000 });
    expect(h.ops.state().openIncidents).toEqual([]);
    // Reopened: resolved cleared; responded can be cleared too.
    incident = h.ops.updateIncident({ id, resolved: false, responded: false });
    expect(incident).toMatchObject({ resolvedAt: null, resolveMs: null, respondedAt: null });
    expect(h.ops.state().openIncidents.map((i) => i.id)).toEqual([id]);
  });

  it('resolving without any other action counts as the response too', () => {
    const { id } = h.ops.openIncident({ type: 'out_of_stock' });
    advance(h, 90_000);
    expect(h.ops.updateIncident({ id, resolved: true })).toMatchObject({
      responseMs: 90_000,
      resolveMs: 90_000,
    });
  });

  it('a step that does not exist is refused and changes nothing', () => {
    const { id } = h.ops.openIncident({ type: 'cs_backlog' }); // 4 steps
    const before = h.ops.listIncidents({})[0];
    expect(() => h.ops.updateIncident({ id, note: 'x', step: { index: 4, done: true } })).toThrow(
      /no step 4 \(the playbook has 4 steps\)/,
    );
    expect(h.ops.listIncidents({})[0]).toEqual(before);
  });

  it('a new type brings its playbook while nothing is ticked, and its name while the title was the default', () => {
    const { id } = h.ops.openIncident({ type: 'stream_stutter' });
    const changed = h.ops.updateIncident({ id, type: 'network_down', severity: 'high' });
    expect(changed).toMatchObject({ type: 'network_down', title: '网络中断', severity: 'high' });
    expect(changed.steps[0]!.text).toBe('切换备用线路（4G/5G 或第二条宽带）');
    h.ops.updateIncident({ id, step: { index: 0, done: true } });
    expect(h.ops.updateIncident({ id, type: 'device_failure' }).steps[0]!.text).toBe(
      '切换备用线路（4G/5G 或第二条宽带）',
    );
  });

  it('every edit bumps the board’s revision', () => {
    const r0 = h.ops.state().revision;
    const { id } = h.ops.openIncident({ type: 'other' });
    const r1 = h.ops.state().revision;
    h.ops.updateIncident({ id, note: 'x' });
    expect(r1).toBeGreaterThan(r0);
    expect(h.ops.state().revision).toBeGreaterThan(r1);
    expect(h.ops.state().openIncidents[0]!.notes).toHaveLength(1);
  });
});

describe('times', () => {
  it('are right across midnight', () => {
    const beforeMidnight = new Date(2026, 10, 23, 23, 58, 0).getTime(); // local time
    h.clock.now = beforeMidnight;
    const { id } = h.ops.openIncident({ type: 'black_screen' });
    advance(h, 4 * MIN); // 00:02 the next day
    expect(h.ops.updateIncident({ id, note: '切备用机位' }).responseMs).toBe(4 * MIN);
    advance(h, 11 * MIN); // 00:13
    const resolved = h.ops.updateIncident({ id, resolved: true });
    expect(resolved).toMatchObject({
      detectedAt: beforeMidnight,
      resolvedAt: beforeMidnight + 15 * MIN,
      resolveMs: 15 * MIN,
    });
    const day = (d: number) => new Date(2026, 10, d).getTime();
    expect(h.ops.getIncidentKpis({ from: day(23), to: day(24) })).toMatchObject({
      total: 1,
      medianResolveMs: 15 * MIN,
    });
    expect(h.ops.getIncidentKpis({ from: day(24), to: day(25) }).total).toBe(0);
  });

  it('use the monotonic clock when the wall clock is set back an hour', () => {
    const { id } = h.ops.openIncident({ type: 'network_down' });
    h.clock.now -= 3600_000 - 2 * MIN; // 2 minutes pass, and the wall clock jumps back 1 h
    h.clock.mono += 2 * MIN;
    const responded = h.ops.updateIncident({ id, note: '已切换 4G' });
    expect(responded.respondedAt).toBe(T0 - 58 * MIN); // what the wall said
    expect(responded.responseMs).toBe(2 * MIN); // what really passed
    advance(h, 3 * MIN);
    expect(h.ops.updateIncident({ id, resolved: true }).resolveMs).toBe(5 * MIN);
  });

  it('fall back to the wall clock across a restart, and keep what was measured before it', () => {
    const { id } = h.ops.openIncident({ type: 'device_failure' });
    advance(h, 30_000);
    h.ops.updateIncident({ id, step: { index: 0, done: true } });
    h.close();
    // A new process: its monotonic clock starts over (smaller than before), the wall goes on.
    h = openOps(tmp.dir, { boot: 'boot-2', now: T0 + 10 * MIN, mono: 5 });
    const incident = h.ops.updateIncident({ id, resolved: true });
    expect(incident).toMatchObject({ responseMs: 30_000, resolveMs: 10 * MIN, resolvedAt: T0 + 10 * MIN });
    expect(incident.steps[0]!.doneAt).toBe(T0 + 30_000);
  });
});

describe('KPIs', () => {
  /** Opens an incident at `at`, responds after `respond` ms and resolves after `resolve` ms. */
  function scripted(
    type: 'network_down' | 'device_failure' | 'out_of_stock',
    at: number,
    respond: number | null,
    resolve: number | null,
  ) {
    h.clock.now = at;
    h.clock.mono = at;
    const { id } = h.ops.openIncident({ type });
    if (respond !== null) {
      h.clock.now = h.clock.mono = at + respond;
      h.ops.updateIncident({ id, responded: true });
    }
    if (resolve !== null) {
      h.clock.now = h.clock.mono = at + resolve;
      h.ops.updateIncident({ id, resolved: true });
    }
  }

  it('per show and per period, computed as by hand', () => {
    scripted('network_down', T0, 60_000, 300_000);
    scripted('network_down', T0 + 3600_000, 400_000, 900_000);
    scripted('device_failure', T0 + 7200_000, 300_000, null); // exactly 5 minutes counts
    scripted('out_of_stock', T0 + 9000_000, null, null);
    h.feed.show = show('show-2');
    scripted('device_failure', T0 + 10_000_000, 1000, 2000);

    expect(h.ops.getIncidentKpis({ showId: 'show-1' })).toEqual({
      showId: 'show-1',
      from: null,
      to: null,
      total: 4,
      byType: { network_down: 2, device_failure: 1, out_of_stock: 1 },
      medianResponseMs: 300_000,
      maxResponseMs: 400_000,
      respondedWithin5MinRate: 0.5,
      resolvedRate: 0.5,
      medianResolveMs: 600_000,
    });
    expect(h.ops.getIncidentKpis({})).toMatchObject({ showId: 'show-2', total: 1, medianResponseMs: 1000 });
    expect(h.ops.getIncidentKpis({ from: T0 + 3600_000, to: T0 + 9000_000 })).toMatchObject({
      showId: null,
      total: 2,
      byType: { network_down: 1, device_failure: 1 },
      maxResponseMs: 400_000,
      respondedWithin5MinRate: 0.5,
      resolvedRate: 0.5,
    });
    expect(h.ops.getIncidentKpis({ showId: 'none' })).toMatchObject({
      total: 0,
      medianResponseMs: null,
      resolvedRate: null,
    });
    expect(() => h.ops.getIncidentKpis({ from: 5, to: 5 })).toThrow(/the period must start before it ends/);
  });
});
