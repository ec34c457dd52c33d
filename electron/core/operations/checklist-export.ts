/**
 * The 设备调试记录表 (seed 002) of a checklist run: one row per item — 分区, 项目, 期望, 实测, 结果,
 * 备注, 检查人, 时间 — as an Excel workbook (title row with the show and date, bold frozen header)
 * or as Markdown (the same table, a summary, and the contingency steps of the failed items).
 * Times are the machine's local time, as the controller reads them on the wall.
 */
import { loadExcelJS } from '../load-exceljs.js';
import type { FaqExportFile } from '../../../shared/api/replies.js';
import {
  INCIDENT_TYPES,
  type ChecklistItemState,
  type ChecklistRun,
  type IncidentType,
  type Playbook,
} from '../../../shared/api/operations.js';
import { expectationText, INCIDENT_TYPE_LABELS, SECTION_LABELS, STATUS_LABELS } from './labels.js';

export const RECORD_TITLE = '设备调试记录表';
export const RECORD_COLUMNS = ['分区', '项目', '期望', '实测', '结果', '备注', '检查人', '时间'] as const;
const COLUMN_WIDTHS = [12, 24, 16, 14, 16, 36, 10, 18];

export interface RecordMeta {
  /** The show's title; null: prepared for the next show. */
  showTitle: string | null;
  /** The day the record is for (scheduled start, else the show's start, else the run's creation). */
  date: number;
  /** The playbook of a contingency type (the failed items' steps in the Markdown). */
  playbook: (type: IncidentType) => Playbook | null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "2026-11-23" in local time. */
export function localDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** "2026-11-23 20:05" in local time. */
export function localDateTime(ms: number): string {
  const d = new Date(ms);
  return `${localDate(ms)} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function resultText(item: ChecklistItemState): string {
  return item.autoFailed ? `${STATUS_LABELS.fail}（超出范围）` : STATUS_LABELS[item.status];
}

/** The row of an item, as text in RECORD_COLUMNS order. */
export function recordRow(item: ChecklistItemState): string[] {
  return [
    SECTION_LABELS[item.section],
    item.label,
    expectationText(item.expected),
    item.measured ?? '',
    resultText(item),
    item.note,
    item.who ?? '',
    item.updatedAt === null ? '' : localDateTime(item.updatedAt),
  ];
}

function titleOf(meta: RecordMeta): string {
  return `${RECORD_TITLE} · ${meta.showTitle ?? '下一场直播'} · ${localDate(meta.date)}`;
}

export function summaryText(run: ChecklistRun): string {
  const p = run.progress;
  return `共 ${p.total} 项：通过 ${p.pass} · 不通过 ${p.fail} · 不适用 ${p.na} · 未检 ${p.open}`;
}

export function exportFileName(format: 'xlsx' | 'md', meta: RecordMeta): string {
  return `${RECORD_TITLE}-${localDate(meta.date)}.${format}`;
}

export async function checklistXlsx(run: ChecklistRun, meta: RecordMeta): Promise<Buffer> {
  const workbook = new (await loadExcelJS()).Workbook();
  workbook.creator = 'LiveDesk';
  // Title on row 1, header on row 2: both stay in view while scrolling.
  const sheet = workbook.addWorksheet(RECORD_TITLE, { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.columns = COLUMN_WIDTHS.map((width) => ({ width }));
  sheet.addRow([titleOf(meta)]);
  sheet.mergeCells(1, 1, 1, RECORD_COLUMNS.length);
  sheet.getRow(1).font = { bold: true, size: 14 };
  const header = sheet.addRow([...RECORD_COLUMNS]);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle' };
  // Cells are written as text: a typed "-40" or "=1+1" stays what was typed, never a formula.
  for (const item of run.items) sheet.addRow(recordRow(item));
  sheet.getColumn(6).alignment = { wrapText: true, vertical: 'top' };
  sheet.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: RECORD_COLUMNS.length } };
  sheet.addRow([]);
  sheet.addRow([summaryText(run)]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A table cell: pipes escaped, line breaks flattened. */
const cell = (text: string) => text.replace(/\|/gu, '\\|').replace(/\r?\n/gu, ' ');

export function checklistMarkdown(run: ChecklistRun, meta: RecordMeta): string {
  const lines = [`# ${titleOf(meta)}`, ''];
  if (run.scheduledStart !== null) lines.push(`- 计划开播：${localDateTime(run.scheduledStart)}`);
  if (run.deadline !== null) lines.push(`- 检测截止：${localDateTime(run.deadline)}`);
  lines.push(`- ${summaryText(run)}`);
  if (run.startWarning) {
    const w = run.startWarning;
    lines.push(`- ⚠ 开播时仍有 ${w.open} 项未检、${w.failed} 项不通过（${localDateTime(w.at)}）`);
  }
  lines.push('', `| ${RECORD_COLUMNS.join(' | ')} |`, `|${RECORD_COLUMNS.map(() => ' --- ').join('|')}|`);
  for (const item of run.items) lines.push(`| ${recordRow(item).map(cell).join(' | ')} |`);
  const failed = run.items.filter((i) => i.status === 'fail');
  if (failed.length > 0) {
    lines.push('', '## 不通过项与应急预案', '');
    for (const item of failed) {
      const type = INCIDENT_TYPES.find((t) => t === item.contingency);
      const playbook = type ? meta.playbook(type) : null;
      lines.push(`### ${item.label}${type ? `（${INCIDENT_TYPE_LABELS[type]}）` : ''}`, '');
      if (playbook) playbook.steps.forEach((step, i) => lines.push(`${i + 1}. ${step}`));
      else lines.push('（无对应预案）');
      lines.push('');
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

export async function exportChecklist(
  run: ChecklistRun,
  format: 'xlsx' | 'md',
  meta: RecordMeta,
): Promise<FaqExportFile> {
  const fileName = exportFileName(format, meta);
  if (format === 'md') {
    return {
      fileName,
      mime: 'text/markdown; charset=utf-8',
      encoding: 'utf8',
      data: checklistMarkdown(run, meta),
    };
  }
  return {
    fileName,
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    encoding: 'base64',
    data: (await checklistXlsx(run, meta)).toString('base64'),
  };
}
