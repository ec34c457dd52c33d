/**
 * Chinese names the core writes into its own outputs (the 设备调试记录表, trend markers, default
 * incident titles). The renderer has its own i18n keys for the same values.
 */
import type {
  ChecklistExpectation,
  ChecklistItemStatus,
  ChecklistSection,
  IncidentType,
} from '../../../shared/api/operations.js';

export const INCIDENT_TYPE_LABELS: Readonly<Record<IncidentType, string>> = {
  stream_stutter: '推流卡顿',
  audio_delay: '声音延迟',
  black_screen: '黑屏',
  network_down: '网络中断',
  device_failure: '设备故障',
  negative_sentiment: '负面舆情',
  out_of_stock: '商品缺货',
  price_link_error: '价格/链接错误',
  cs_backlog: '客服积压',
  other: '其他',
};

export const SECTION_LABELS: Readonly<Record<ChecklistSection, string>> = {
  hardware: '硬件设备',
  software: '软件系统',
  network: '网络',
  backup: '备用设备',
  prep: '开播准备',
};

export const STATUS_LABELS: Readonly<Record<ChecklistItemStatus, string>> = {
  open: '未检',
  pass: '通过',
  fail: '不通过',
  na: '不适用',
};

/** −40 with a real minus sign (a hyphen before a number reads as a dash in a range). */
const num = (n: number): string => (n < 0 ? `−${Math.abs(n)}` : String(n));

/** "25~60 fps", "≥ 20 Mbps", "≤ 50 ms", "1080P", "✓". */
export function expectationText(expected: ChecklistExpectation): string {
  switch (expected.kind) {
    case 'range': {
      const unit = expected.unit ? ` ${expected.unit}` : '';
      if (expected.min !== null && expected.max !== null)
        return `${num(expected.min)}~${num(expected.max)}${unit}`;
      if (expected.min !== null) return `≥ ${num(expected.min)}${unit}`;
      return `≤ ${num(expected.max as number)}${unit}`;
    }
    case 'text':
      return expected.value;
    case 'check':
      return '✓';
  }
}
