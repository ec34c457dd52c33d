/** Checklist runs on a real SQLite file: lifecycle, judging measured values, schedule. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChecklistRun } from '../../../shared/api/operations.js';
import { T0 } from '../../helpers/events.js';
import { makeTempDir } from '../../helpers/temp-dir.js';
import { openOps, show, type OpsHarness } from './setup.js';

let tmp: ReturnType<typeof makeTempDir>;
let h: OpsHarness;
beforeEach(() => {
  tmp = makeTempDir();
  h = openOps(tmp.dir);
});
afterEach(() => {
  h.close();
  tmp.cleanup();
});

const itemOf = (run: ChecklistRun, id: string) => run.items.find((i) => i.id === id)!;

describe('run lifecycle', () => {
  it('prepares a run for the next show from the template, once', () => {
    const run = h.ops.getChecklist({});
    expect(run).toMatchObject({
      showId: null,
      scheduledStart: null,
      deadline: null,
      createdAt: T0,
      startWarning: null,
    });
    const template = h.ops.getChecklistTemplate().template;
    expect(run.items.map((i) => i.id)).toEqual(template.items.map((i) => i.id));
    expect(run.items.every((i) => i.status === 'open' && i.measured === null && i.who === null)).toBe(true);
    expect(run.progress).toEqual({
      total: template.items.length,
      done: 0,
      pass: 0,
      fail: 0,
      na: 0,
      open: template.items.length,
    });
    expect(h.ops.getChecklist({}).id).toBe(run.id);
    expect(h.ops.getChecklist({ runId: run.id })).toEqual(run);
  });

  it('attaches the next-show run when the show starts, recording what was open or failed', () => {
    const run = h.ops.getChecklist({});
    h.ops.updateChecklistItem({ runId: run.id, itemId: 'mic-sensitivity', measured: '-30' }); // fails
    for (const itemId of ['fill-light', 'switcher', 'stock'])
      h.ops.updateChecklistItem({ runId: run.id, itemId, status: 'pass' });
    h.ops.updateChecklistItem({ runId: run.id, itemId: 'fan-notice', status: 'na' });
    const revision = h.ops.state().revision;

    h.clock.now = T0 + 60_000;
    h.feed.show = show('show-1');
    const state = h.ops.state();
    const total = run.items.length;
    const warning = { at: T0 + 60_000, open: total - 5, failed: 1 };
    expect(state.revision).toBeGreaterThan(revision);
    expect(state.checklist).toEqual({
      runId: run.id,
      progress: { total, done: 5, pass: 3, fail: 1, na: 1, open: total - 5 },
      deadline: null,
      startWarning: warning,
    });
    expect(h.ops.getChecklist({})).toMatchObject({ id: run.id, showId: 'show-1', startWarning: warning });

    // The show ends: the next run is a fresh one for the next show; the old one keeps its record.
    h.feed.show = show('show-1', { endedAt: T0 + 3600_000 });
    const next = h.ops.getChecklist({});
    expect(next).toMatchObject({ showId: null, startWarning: null });
    expect(next.id).not.toBe(run.id);
    expect(h.ops.getChecklist({ runId: run.id }).startWarning).toEqual(warning);
  });

  it('records no warning when everything was done before the start', () => {
    const run = h.ops.getChecklist({});
    for (const item of run.items)
      h.ops.updateChecklistItem({ runId: run.id, itemId: item.id, status: 'pass' });
    h.feed.show = show('show-2');
    expect(h.ops.state().checklist).toMatchObject({ runId: run.id, startWarning: null });
  });

  it('makes a show its own run when none was prepared; the board has no checklist until then', () => {
    h.feed.show = show('show-3');
    expect(h.ops.state().checklist).toBeNull();
    const run = h.ops.getChecklist({});
    expect(run).toMatchObject({ showId: 'show-3', startWarning: null });
    expect(h.ops.state().checklist?.runId).toBe(run.id);
  });

  it('new runs use the edited template; a run keeps the items it was made with', () => {
    const before = h.ops.getChecklist({});
    h.ops.saveChecklistTemplate({
      template: {
        version: 1,
        items: [
          {
            id: 'only',
            section: 'prep',
            label: '唯一一项',
            expected: { kind: 'check' },
            hint: '',
            contingency: null,
          },
        ],
      },
    });
    expect(h.ops.getChecklist({ runId: before.id }).items).toEqual(before.items);
    h.feed.show = show('show-1');
    h.ops.getChecklist({}); // attached: still the old items
    h.feed.show = show('show-1', { endedAt: T0 + 1 });
    expect(h.ops.getChecklist({}).items.map((i) => i.id)).toEqual(['only']);
  });

  it('refuses an unknown run or item by name', () => {
    const run = h.ops.getChecklist({});
    expect(() => h.ops.getChecklist({ runId: 999 })).toThrow(/no checklist run 999/);
    expect(() => h.ops.updateChecklistItem({ runId: run.id, itemId: 'warp-drive', status: 'pass' })).toThrow(
      `checklist run ${run.id} has no item "warp-drive"`,
    );
    expect(() => h.ops.updateChecklistItem({ runId: run.id, itemId: 'Bad Id' })).toThrow(
      /invalid arguments: itemId/,
    );
  });
});

describe('measured values', () => {
  let run: ChecklistRun;
  beforeEach(() => {
    run = h.ops.getChecklist({});
  });
  const update = (itemId: string, fields: Record<string, unknown>) =>
    itemOf(h.ops.updateChecklistItem({ runId: run.id, itemId, ...fields }), itemId);

  it('fails an out-of-range value automatically and passes one inside (−46…−34 dB)', () => {
    h.clock.now = T0 + 5000;
    expect(update('mic-sensitivity', { measured: '−30 dB', who: '小李' })).toMatchObject({
      status: 'fail',
      autoFailed: true,
      measured: '−30 dB',
      who: '小李',
      updatedAt: T0 + 5000,
    });
    expect(update('mic-sensitivity', { measured: '-40dB' })).toMatchObject({
      status: 'pass',
      autoFailed: false,
    });
    expect(update('camera-fps', { measured: '35.5 fps' }).status).toBe('pass');
    expect(update('stream-bitrate', { measured: '4,000' }).status).toBe('pass');
    expect(update('uplink', { measured: '12 Mbps' })).toMatchObject({ status: 'fail', autoFailed: true });
    expect(update('latency', { measured: '80' })).toMatchObject({ status: 'fail', autoFailed: true });
  });

  it('refuses a value it cannot read and saves nothing of that edit', () => {
    update('mic-sensitivity', { measured: '-40', note: '正常' });
    const before = h.ops.getChecklist({ runId: run.id });
    expect(() => update('mic-sensitivity', { measured: 'abc', note: '改了' })).toThrow(
      /「麦克风灵敏度」的实测值「abc」不是数字.*cannot read a number from "abc"/,
    );
    expect(h.ops.getChecklist({ runId: run.id })).toEqual(before);
  });

  it('keeps n.a. over a measured value, and will not pass an out-of-range one', () => {
    expect(update('packet-loss', { status: 'na' }).status).toBe('na');
    expect(update('packet-loss', { measured: '5' })).toMatchObject({ status: 'na', autoFailed: false });
    update('mic-sensitivity', { measured: '-30' });
    expect(() => update('mic-sensitivity', { status: 'pass' })).toThrow(/cannot pass/);
    expect(update('mic-sensitivity', { status: 'na' })).toMatchObject({ status: 'na', autoFailed: false });
  });

  it('clearing the value that failed an item opens it again', () => {
    update('camera-fps', { measured: '15' });
    expect(update('camera-fps', { measured: null })).toMatchObject({
      status: 'open',
      autoFailed: false,
      measured: null,
    });
    expect(update('camera-fps', { measured: '  ' })).toMatchObject({ status: 'open', measured: null });
  });

  it('passes a text item whose value matches, and leaves a mismatch to the user', () => {
    expect(update('camera-resolution', { measured: '1080p' }).status).toBe('pass');
    expect(update('stream-resolution', { measured: '720P' })).toMatchObject({
      status: 'open',
      autoFailed: false,
    });
    expect(update('stream-resolution', { status: 'fail', note: '只有 720P' })).toMatchObject({
      status: 'fail',
      note: '只有 720P',
      measured: '720P',
    });
  });

  it('keeps values across a reopen (written at once)', () => {
    update('mic-sensitivity', { measured: '-30', who: '小李', note: '换麦' });
    h.close();
    h = openOps(tmp.dir, { boot: 'boot-2' });
    expect(itemOf(h.ops.getChecklist({}), 'mic-sensitivity')).toMatchObject({
      measured: '-30',
      status: 'fail',
      autoFailed: true,
      who: '小李',
      note: '换麦',
    });
  });
});

describe('schedule and deadline', () => {
  it('defaults the deadline to 2 hours before the scheduled start', () => {
    const run = h.ops.getChecklist({});
    const start = T0 + 10 * 3600_000;
    expect(h.ops.scheduleChecklist({ runId: run.id, scheduledStart: start })).toMatchObject({
      scheduledStart: start,
      deadline: start - 2 * 3600_000,
    });
    expect(h.ops.state().checklist?.deadline).toBe(start - 2 * 3600_000);
    expect(
      h.ops.scheduleChecklist({ runId: run.id, scheduledStart: start, deadline: start - 3600_000 }).deadline,
    ).toBe(start - 3600_000);
    expect(() =>
      h.ops.scheduleChecklist({ runId: run.id, scheduledStart: start, deadline: start + 1 }),
    ).toThrow(/deadline must not be after the scheduled start/);
    expect(h.ops.scheduleChecklist({ runId: run.id, scheduledStart: null })).toMatchObject({
      scheduledStart: null,
      deadline: null,
    });
  });
});
