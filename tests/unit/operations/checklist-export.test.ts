/** The 设备调试记录表: XLSX read back with exceljs, and Markdown. */
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localDate, localDateTime } from '../../../electron/core/operations/checklist-export.js';
import { T0 } from '../../helpers/events.js';
import { makeTempDir } from '../../helpers/temp-dir.js';
import { openOps, show, type OpsHarness } from './setup.js';

let tmp: ReturnType<typeof makeTempDir>;
let h: OpsHarness;
let runId: number;
const START = T0 + 8 * 3600_000;

beforeEach(() => {
  tmp = makeTempDir();
  h = openOps(tmp.dir);
  h.store.upsertShow({ ...show('show-1'), lastSeq: 0, source: 'sim' });
  h.feed.show = show('show-1');
  runId = h.ops.getChecklist({}).id;
  h.ops.scheduleChecklist({ runId, scheduledStart: START });
  h.clock.now = START - 3 * 3600_000;
  h.ops.updateChecklistItem({ runId, itemId: 'camera-resolution', measured: '1080P', who: '小李' });
  h.ops.updateChecklistItem({
    runId,
    itemId: 'mic-sensitivity',
    measured: '-30dB',
    who: '小李',
    note: '底噪|偏大',
  });
  h.ops.updateChecklistItem({ runId, itemId: 'stream-bitrate', measured: '6000', who: '小王' });
  h.ops.updateChecklistItem({ runId, itemId: 'fan-notice', status: 'na' });
});
afterEach(() => {
  h.close();
  tmp.cleanup();
});

async function readBack(base64: string): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  const bytes = Buffer.from(base64, 'base64');
  await workbook.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  return workbook.worksheets[0]!;
}

const rowText = (sheet: ExcelJS.Worksheet, n: number) =>
  Array.from({ length: 8 }, (_, i) => String(sheet.getRow(n).getCell(i + 1).value ?? ''));

describe('XLSX', () => {
  it('has a title row, a bold frozen header and one row per item with its values', async () => {
    const file = await h.ops.exportChecklist({ format: 'xlsx' });
    expect(file).toMatchObject({
      fileName: `设备调试记录表-${localDate(START)}.xlsx`,
      mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      encoding: 'base64',
    });
    const sheet = await readBack(file.data);
    const run = h.ops.getChecklist({ runId });
    expect(sheet.name).toBe('设备调试记录表');
    expect(sheet.getCell('A1').value).toBe(`设备调试记录表 · 双十一专场 · ${localDate(START)}`);
    expect(rowText(sheet, 2)).toEqual(['分区', '项目', '期望', '实测', '结果', '备注', '检查人', '时间']);
    expect(sheet.getRow(2).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    const at = localDateTime(START - 3 * 3600_000);
    const rows = run.items.map((_, i) => rowText(sheet, i + 3));
    expect(rows).toHaveLength(run.items.length);
    expect(rows[0]).toEqual(['硬件设备', '摄像头分辨率', '1080P', '1080P', '通过', '', '小李', at]);
    expect(rows[1]).toEqual(['硬件设备', '摄像头帧率', '25~60 fps', '', '未检', '', '', '']);
    const mic = rows.find((r) => r[1] === '麦克风灵敏度');
    expect(mic).toEqual([
      '硬件设备',
      '麦克风灵敏度',
      '−46~−34 dB',
      '-30dB',
      '不通过（超出范围）',
      '底噪|偏大',
      '小李',
      at,
    ]);
    expect(rows.find((r) => r[1] === '推流码率')).toEqual([
      '软件系统',
      '推流码率',
      '4000~8000 kbps',
      '6000',
      '通过',
      '',
      '小王',
      at,
    ]);
    expect(rows.find((r) => r[1] === '上行带宽')?.[2]).toBe('≥ 20 Mbps');
    expect(rows.find((r) => r[1] === '网络延迟')?.[2]).toBe('≤ 50 ms');
    expect(rows.find((r) => r[1] === '粉丝群开播预告')?.[4]).toBe('不适用');
    expect(sheet.getRow(run.items.length + 4).getCell(1).value).toBe(
      `共 ${run.items.length} 项：通过 2 · 不通过 1 · 不适用 1 · 未检 ${run.items.length - 4}`,
    );
  });
});

describe('Markdown', () => {
  it('has the same table, a summary and the failed items’ contingency steps', async () => {
    const file = await h.ops.exportChecklist({ runId, format: 'md' });
    expect(file).toMatchObject({ fileName: `设备调试记录表-${localDate(START)}.md`, encoding: 'utf8' });
    const md = file.data;
    const total = h.ops.getChecklist({ runId }).items.length;
    expect(md).toContain(`# 设备调试记录表 · 双十一专场 · ${localDate(START)}`);
    expect(md).toContain(`- 计划开播：${localDateTime(START)}`);
    expect(md).toContain(`- 检测截止：${localDateTime(START - 2 * 3600_000)}`);
    expect(md).toContain(`- 共 ${total} 项：通过 2 · 不通过 1 · 不适用 1 · 未检 ${total - 4}`);
    expect(md).toContain('| 分区 | 项目 | 期望 | 实测 | 结果 | 备注 | 检查人 | 时间 |');
    expect(md).toContain(
      `| 硬件设备 | 麦克风灵敏度 | −46~−34 dB | -30dB | 不通过（超出范围） | 底噪\\|偏大 | 小李 | ${localDateTime(START - 3 * 3600_000)} |`,
    );
    expect(
      md.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| 分区') && !l.startsWith('| ---')),
    ).toHaveLength(total);
    expect(md).toContain(
      '## 不通过项与应急预案\n\n### 麦克风灵敏度（设备故障）\n\n1. 启用备用导播设备\n2. 手机副播维持直播',
    );
  });

  it('names the next show when no show has the run yet', async () => {
    h.feed.show = show('show-1', { endedAt: T0 + 1 });
    const md = (await h.ops.exportChecklist({ format: 'md' })).data;
    expect(md).toMatch(/^# 设备调试记录表 · 下一场直播 · /);
    expect(md).not.toContain('不通过项与应急预案');
  });
});
