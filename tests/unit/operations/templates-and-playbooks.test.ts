/** The shipped checklist template and playbooks, and what the editors accept and refuse. */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkTemplate } from '../../../electron/core/operations/checklist-template.js';
import { checkPlaybooks } from '../../../electron/core/operations/playbooks.js';
import {
  CHECKLIST_SECTIONS,
  INCIDENT_TYPES,
  type ChecklistTemplate,
} from '../../../shared/api/operations.js';
import { makeTempDir } from '../../helpers/temp-dir.js';
import { openOps, type OpsHarness } from './setup.js';

const shippedTemplate = checkTemplate(
  JSON.parse(fs.readFileSync(path.resolve('resources/checklists/default-template.json'), 'utf8')),
);
const shippedPlaybooks = checkPlaybooks(
  JSON.parse(fs.readFileSync(path.resolve('resources/playbooks/default-playbooks.json'), 'utf8')),
);
const item = (id: string) => shippedTemplate.items.find((i) => i.id === id);

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

describe('the shipped checklist template (seed 002: 设备清单)', () => {
  it('covers every section with the seed’s items and values', () => {
    expect(new Set(shippedTemplate.items.map((i) => i.section))).toEqual(new Set(CHECKLIST_SECTIONS));
    expect(item('camera-resolution')).toMatchObject({ expected: { kind: 'text', value: '1080P' } });
    expect(item('camera-fps')?.expected).toEqual({ kind: 'range', min: 25, max: 60, unit: 'fps' });
    // The seed's −40 dB sits inside the microphone's range.
    expect(item('mic-sensitivity')?.expected).toEqual({ kind: 'range', min: -46, max: -34, unit: 'dB' });
    expect(item('uplink')).toMatchObject({
      expected: { kind: 'range', min: 20, max: null, unit: 'Mbps' },
      contingency: 'network_down',
    });
    expect(item('latency')?.expected).toMatchObject({ min: null, max: 50, unit: 'ms' });
    expect(item('stream-bitrate')?.expected).toMatchObject({ min: 4000, max: 8000, unit: 'kbps' });
    for (const id of ['fill-light', 'switcher', 'backup-switcher', 'phone-stream', 'backup-line', 'stock'])
      expect(item(id)?.expected, id).toEqual({ kind: 'check' });
    expect(item('camera-resolution')?.contingency).toBe('device_failure');
  });

  it('is what getChecklistTemplate gives until the user saves one', () => {
    expect(h.ops.getChecklistTemplate()).toEqual({ template: shippedTemplate, isDefault: true });
  });
});

describe('editing the template', () => {
  const mine: ChecklistTemplate = {
    version: 1,
    items: [
      {
        id: 'mic',
        section: 'hardware',
        label: '麦克风',
        expected: { kind: 'range', min: -42, max: -38, unit: 'dB' },
        hint: '',
        contingency: 'device_failure',
      },
    ],
  };

  it('saves, survives a reopen, and resets with null', () => {
    expect(h.ops.saveChecklistTemplate({ template: mine })).toEqual({ template: mine, isDefault: false });
    h.close();
    h = openOps(tmp.dir);
    expect(h.ops.getChecklistTemplate()).toEqual({ template: mine, isDefault: false });
    expect(h.ops.saveChecklistTemplate({ template: null })).toEqual({
      template: shippedTemplate,
      isDefault: true,
    });
  });

  const broken = (change: (t: ChecklistTemplate) => void): ChecklistTemplate => {
    const t = structuredClone(mine);
    change(t);
    return t;
  };

  it.each([
    [
      'a range whose min exceeds its max',
      broken((t) => (t.items[0]!.expected = { kind: 'range', min: 5, max: 1, unit: '' })),
      /items\.0\.expected: min must not exceed max/,
    ],
    [
      'a range with no bound',
      broken((t) => (t.items[0]!.expected = { kind: 'range', min: null, max: null, unit: '' })),
      /a range needs a min or a max/,
    ],
    ['two items with one id', broken((t) => t.items.push({ ...t.items[0]! })), /item ids must be unique/],
    [
      'an id with spaces',
      broken((t) => (t.items[0]!.id = 'my mic')),
      /items\.0\.id: ids are lower-case ascii/,
    ],
    [
      'an unknown section',
      broken((t) => Object.assign(t.items[0]!, { section: 'kitchen' })),
      /items\.0\.section/,
    ],
    ['a blank label', broken((t) => (t.items[0]!.label = '  ')), /items\.0\.label/],
    ['no items', broken((t) => (t.items = [])), /清单模板无效.*invalid checklist template: items/],
    [
      'a contingency that is no incident type',
      broken((t) => (t.items[0]!.contingency = 'fire')),
      /「fire」不存在.*items\.0\.contingency: "fire" is not an incident type/,
    ],
  ])('refuses %s, naming it, and keeps the template it had', (_what, template, message) => {
    h.ops.saveChecklistTemplate({ template: mine });
    expect(() => h.ops.saveChecklistTemplate({ template })).toThrow(message);
    expect(h.ops.getChecklistTemplate().template).toEqual(mine);
  });
});

describe('playbooks (应急预案)', () => {
  it('ship one per incident type, with the seed’s steps in order', () => {
    expect(shippedPlaybooks.playbooks.map((p) => p.type).sort()).toEqual([...INCIDENT_TYPES].sort());
    const steps = (type: string) => shippedPlaybooks.playbooks.find((p) => p.type === type)!.steps;
    const network = steps('network_down');
    expect(network[0]).toBe('切换备用线路（4G/5G 或第二条宽带）');
    const notice = network.findIndex(
      (s) => s.includes('粉丝群') && s.includes('安抚公告') && s.includes('恢复时间'),
    );
    const redPackets = network.findIndex((s) => s.includes('补偿红包雨'));
    expect(notice).toBeGreaterThan(0);
    expect(redPackets).toBeGreaterThan(notice);
    expect(steps('device_failure').slice(0, 2)).toEqual([
      '启用备用导播设备',
      '手机副播维持直播，主播口播说明',
    ]);
    expect(h.ops.getPlaybooks()).toEqual({ playbooks: shippedPlaybooks.playbooks, isDefault: true });
  });

  it('are editable, kept across a reopen, and reset with null', () => {
    const mine = {
      version: 1 as const,
      playbooks: [{ type: 'other' as const, title: '其他', steps: ['报告场控'] }],
    };
    expect(h.ops.savePlaybooks({ playbooks: mine })).toEqual({ playbooks: mine.playbooks, isDefault: false });
    h.close();
    h = openOps(tmp.dir);
    expect(h.ops.getPlaybooks().playbooks).toEqual(mine.playbooks);
    expect(h.ops.savePlaybooks({ playbooks: null }).isDefault).toBe(true);
  });

  it.each([
    [{ version: 1, playbooks: [{ type: 'fire', title: 'x', steps: ['a'] }] }, /playbooks\.0\.type/],
    [{ version: 1, playbooks: [{ type: 'other', title: 'x', steps: [] }] }, /playbooks\.0\.steps/],
    [
      {
        version: 1,
        playbooks: [
          { type: 'other', title: 'x', steps: ['a'] },
          { type: 'other', title: 'y', steps: ['b'] },
        ],
      },
      /"other" appears twice/,
    ],
    [{ version: 2, playbooks: [] }, /version/],
  ])('refuses a bad set with a message: %j', (playbooks, message) => {
    expect(() => h.ops.savePlaybooks({ playbooks } as never)).toThrow(message);
    expect(h.ops.getPlaybooks().isDefault).toBe(true);
  });
});
