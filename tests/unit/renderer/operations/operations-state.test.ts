import { describe, expect, it } from 'vitest';
import type { ChecklistRun } from '../../../../shared/api/operations.js';
import { reasonIn } from '../../../../renderer/src/components/operations/operationsData.js';
import {
  upsertIncident,
  withChecklist,
  withIncident,
} from '../../../../renderer/src/components/operations/operationsState.js';
import { incident, opsState } from './fixtures.js';

describe('applying action answers to the board', () => {
  it('keeps open incidents oldest first and drops a resolved one', () => {
    const ops = opsState([incident(1), incident(3)]);
    const opened = withIncident(ops, incident(2));
    expect(opened.openIncidents.map((i) => i.id)).toEqual([1, 2, 3]);
    const ticked = withIncident(opened, incident(2, { respondedAt: 5 }));
    expect(ticked.openIncidents.find((i) => i.id === 2)?.respondedAt).toBe(5);
    const resolved = withIncident(ticked, incident(1, { resolvedAt: 9 }));
    expect(resolved.openIncidents.map((i) => i.id)).toEqual([2, 3]);
    // Resolving one the board no longer lists changes nothing.
    expect(withIncident(resolved, incident(1, { resolvedAt: 9 }))).toBe(resolved);
  });

  it('keeps the show list newest first, replacing by id', () => {
    const list = upsertIncident([incident(3), incident(1)], incident(2));
    expect(list.map((i) => i.id)).toEqual([3, 2, 1]);
    expect(upsertIncident(list, incident(2, { title: 'new' })).find((i) => i.id === 2)?.title).toBe('new');
  });

  it('puts a run’s progress on the board, unless it is an older run than the board’s', () => {
    const progress = { total: 18, done: 12, pass: 10, fail: 1, na: 1, open: 6 };
    const run = { id: 7, progress, deadline: 5, startWarning: null } as unknown as ChecklistRun;
    const ops = {
      ...opsState([]),
      checklist: { runId: 7, progress: { ...progress, done: 0 }, deadline: null, startWarning: null },
    };
    expect(withChecklist(ops, run).checklist).toEqual({
      runId: 7,
      progress,
      deadline: 5,
      startWarning: null,
    });
    const other = { ...ops, checklist: { ...ops.checklist, runId: 8 } };
    expect(withChecklist(other, run)).toBe(other);
  });

  it('shows the core’s refusal in the reader’s language', () => {
    const message =
      '「麦克风」的实测值「abc」不是数字（单位 dB） · "麦克风": cannot read a number from "abc"';
    expect(reasonIn(message, 'zh-CN')).toBe('「麦克风」的实测值「abc」不是数字（单位 dB）');
    expect(reasonIn(message, 'en')).toBe('"麦克风": cannot read a number from "abc"');
    expect(reasonIn('socket closed', 'en')).toBe('socket closed');
  });
});
