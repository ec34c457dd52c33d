import { describe, expect, it } from 'vitest';
import type { ChecklistTemplate } from '../../../../shared/api/operations.js';
import { fromLocalInput, toLocalInput } from '../../../../renderer/src/components/operations/localTime.js';
import {
  moveStep,
  playbookSetFromDrafts,
} from '../../../../renderer/src/components/operations/playbookForm.js';
import {
  newRow,
  rowsFromTemplate,
  templateFromRows,
} from '../../../../renderer/src/components/operations/templateForm.js';

const template: ChecklistTemplate = {
  version: 1,
  items: [
    {
      id: 'mic',
      section: 'hardware',
      label: '麦克风灵敏度',
      expected: { kind: 'range', min: -46, max: -34, unit: 'dB' },
      hint: '声卡面板读数',
      contingency: 'audio_delay',
    },
    {
      id: 'cam',
      section: 'hardware',
      label: '摄像头分辨率',
      expected: { kind: 'text', value: '1080P' },
      hint: '',
      contingency: null,
    },
    {
      id: 'sku',
      section: 'prep',
      label: 'SKU 与价格核对',
      expected: { kind: 'check' },
      hint: '',
      contingency: 'price_link_error',
    },
  ],
};

describe('template editor rows', () => {
  it('round-trips a template through the rows unchanged', () => {
    const checked = templateFromRows(rowsFromTemplate(template));
    expect(checked).toEqual({ ok: true, template });
  });

  it('adds a row with a fresh id in the last section', () => {
    const rows = rowsFromTemplate(template);
    const row = newRow([...rows, { ...rows[0]!, id: 'item-4' }]);
    expect(row.id).toBe('item-5');
    expect(row.section).toBe('hardware');
  });

  it('names the row and the field of what it refuses; nothing half-made is returned', () => {
    const rows = rowsFromTemplate(template);
    expect(templateFromRows([rows[0]!, { ...rows[1]!, label: '  ' }])).toMatchObject({
      ok: false,
      row: 1,
      field: 'label',
    });
    expect(templateFromRows([{ ...rows[0]!, min: 'abc' }])).toMatchObject({
      ok: false,
      row: 0,
      field: 'min',
      key: 'ops.template.notNumber',
    });
    expect(templateFromRows([{ ...rows[0]!, min: '', max: '' }])).toMatchObject({
      ok: false,
      key: 'ops.template.err.rangeEmpty',
    });
    expect(templateFromRows([{ ...rows[0]!, min: '5', max: '1' }])).toMatchObject({
      ok: false,
      field: 'max',
      key: 'ops.template.err.minMax',
    });
    expect(templateFromRows([{ ...rows[1]!, value: '' }])).toMatchObject({ ok: false, field: 'value' });
    expect(templateFromRows([])).toMatchObject({ ok: false, row: null, key: 'ops.template.err.empty' });
    // What only the contract knows (duplicate ids) comes back with the schema's word.
    const dup = templateFromRows([rows[0]!, { ...rows[1]!, id: 'mic' }]);
    expect(dup).toMatchObject({ ok: false, field: 'items', key: null });
  });
});

describe('playbook drafts', () => {
  it('moves steps within bounds', () => {
    expect(moveStep(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveStep(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
  });

  it('builds the set in type order, trimmed; refuses an empty step by type and number', () => {
    const ok = playbookSetFromDrafts({
      other: { title: ' 其他 ', steps: ['记录'] },
      network_down: { title: '网络中断', steps: [' 切换备用线路 ', '粉丝群发公告'] },
    });
    expect(ok).toEqual({
      ok: true,
      set: {
        version: 1,
        playbooks: [
          { type: 'network_down', title: '网络中断', steps: ['切换备用线路', '粉丝群发公告'] },
          { type: 'other', title: '其他', steps: ['记录'] },
        ],
      },
    });
    expect(playbookSetFromDrafts({ network_down: { title: '网络中断', steps: ['a', ' '] } })).toMatchObject({
      ok: false,
      type: 'network_down',
      key: 'ops.playbooks.emptyStep',
      vars: { n: 2 },
    });
    expect(playbookSetFromDrafts({ black_screen: { title: '', steps: ['a'] } })).toMatchObject({
      ok: false,
      key: 'ops.playbooks.nameRequired',
    });
  });
});

describe('datetime-local values', () => {
  it('round-trips a local minute and refuses impossible dates', () => {
    const ts = new Date(2026, 10, 23, 19, 30).getTime();
    expect(toLocalInput(ts)).toBe('2026-11-23T19:30');
    expect(fromLocalInput('2026-11-23T19:30')).toBe(ts);
    expect(fromLocalInput('')).toBeNull();
    expect(fromLocalInput('2026-02-31T10:00')).toBeUndefined();
    expect(fromLocalInput('tomorrow')).toBeUndefined();
  });
});
