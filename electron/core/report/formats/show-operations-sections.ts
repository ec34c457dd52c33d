/**
 * The parts of a show's report about the team's work: 三、直播前筹备 (the checklist run), 四、直播中执行
 * (comments, replies against the 30 s target, FAQ use, alerts) and 五、事故与应急 (incidents).
 */
import type { ShowReport } from '../../../../shared/api/report.js';
import { SEVERITIES } from '../../../../shared/alerts/rules.js';
import { expectationText } from '../../operations/labels.js';
import { columns, subHeadings, tableOrNone, userText, type Block, type KeyValue } from './document-model.js';
import {
  alertSeverityLabel,
  INCIDENT_TYPE_LABELS,
  incidentSeverityLabel,
  SECTION_LABELS,
  STATUS_LABELS,
} from './labels.js';
import {
  count,
  datetime,
  decimal,
  duration,
  formatDuration,
  localTime,
  money,
  percent,
  text,
  time,
} from './values.js';

/** The reply-time target of the FAQ workflow (seed 002: 响应时间≤30秒). */
const REPLY_TARGET_NOTE = '目标 ≤30秒';

export function preparation(r: ShowReport): Block[] {
  const blocks: Block[] = [{ kind: 'heading', level: 1, text: '三、直播前筹备' }];
  const run = r.checklist;
  if (run === null) {
    blocks.push({ kind: 'paragraph', text: '本场没有关联的设备调试清单。' });
    return [...blocks, ...userText(r.text.prepNote, null)];
  }
  const p = run.progress;
  const lastUpdate = run.items.reduce<number | null>(
    (max, i) => (i.updatedAt !== null && (max === null || i.updatedAt > max) ? i.updatedAt : max),
    null,
  );
  const completed: KeyValue =
    p.open === 0 && lastUpdate !== null
      ? { label: '完成时间', value: datetime(lastUpdate), ...deadlineNote(lastUpdate, run.deadline) }
      : { label: '完成时间', value: text(`未全部完成（${p.open} 项未检）`) };
  const warning = run.startWarning;
  const rows: KeyValue[] = [
    { label: '检查项', value: count(p.total) },
    { label: '通过', value: count(p.pass) },
    { label: '不通过', value: count(p.fail) },
    { label: '不适用', value: count(p.na) },
    { label: '未检', value: count(p.open) },
    { label: '计划开播', value: datetime(run.scheduledStart) },
    { label: '检测截止', value: datetime(run.deadline) },
    completed,
    {
      label: '开播时状态',
      value: text(
        warning
          ? `仍有 ${warning.open} 项未检、${warning.failed} 项不通过（${localTime(warning.at)}）`
          : '无遗留',
      ),
    },
  ];
  blocks.push({ kind: 'keyValues', rows });
  const sub = subHeadings();
  const failed = run.items.filter((i) => i.status === 'fail');
  if (failed.length > 0) {
    blocks.push(sub('不通过项（实测与期望）'));
    blocks.push({
      kind: 'table',
      columns: columns(
        ['分区', 10],
        ['项目', 20],
        ['期望', 14],
        ['实测', 12],
        ['备注', 24],
        ['检查人', 8],
        ['时间', 8],
      ),
      rows: failed.map((i) => [
        text(SECTION_LABELS[i.section]),
        text(i.label),
        text(expectationText(i.expected)),
        text(i.measured ?? '—'),
        text(i.note),
        text(i.who ?? ''),
        time(i.updatedAt),
      ]),
    });
  }
  blocks.push(sub('检查明细'));
  blocks.push(
    tableOrNone(
      columns(['分区', 10], ['项目', 20], ['期望', 14], ['实测', 12], ['结果', 14], ['时间', 8]),
      run.items.map((i) => [
        text(SECTION_LABELS[i.section]),
        text(i.label),
        text(expectationText(i.expected)),
        text(i.measured ?? '—'),
        text(i.autoFailed ? `${STATUS_LABELS.fail}（超出范围）` : STATUS_LABELS[i.status]),
        time(i.updatedAt),
      ]),
      '清单没有检查项。',
    ),
  );
  return [...blocks, ...userText(r.text.prepNote, null)];
}

function deadlineNote(doneAt: number, deadline: number | null): { note?: string } {
  if (deadline === null) return {};
  return doneAt <= deadline
    ? { note: '截止前完成' }
    : { note: `晚于截止 ${formatDuration(doneAt - deadline)}` };
}

export function execution(r: ShowReport): Block[] {
  const sub = subHeadings();
  const k = r.replies;
  const peak = r.comments.peakPerMin;
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: '四、直播中执行' },
    sub('评论与提问回复'),
    {
      kind: 'keyValues',
      rows: [
        { label: '评论总数', value: count(r.comments.total) },
        { label: '平均每分钟评论', value: decimal(r.comments.perMinuteAvg), unit: '条/分' },
        {
          label: '评论峰值',
          value: count(peak?.value),
          unit: '条/分',
          ...(peak ? { note: localTime(peak.at) } : {}),
        },
        { label: '提问数', value: count(k.questions) },
        { label: '已回复', value: count(k.answered) },
        { label: '已忽略', value: count(k.dismissed) },
        { label: '待回复', value: count(k.pending) },
        { label: '问题解决率', value: percent(k.resolutionRate) },
        { label: '回复用时中位数', value: duration(k.medianResponseMs), note: REPLY_TARGET_NOTE },
        { label: '回复用时P90', value: duration(k.p90ResponseMs), note: REPLY_TARGET_NOTE },
        { label: '30秒内回复率', value: percent(k.within30sRate) },
      ],
    },
    sub('高频问题 TOP 10'),
  ];
  const faqQuestion = new Map(r.faqUsage.map((f) => [f.faqId, f.question]));
  blocks.push(
    tableOrNone(
      columns(['排名', 6], ['问题', 30], ['提问次数', 10], ['已回复', 10], ['使用话术', 24]),
      k.top
        .slice(0, 10)
        .map((q, i) => [
          count(i + 1),
          text(q.text),
          count(q.count),
          count(q.answered),
          text(q.faqId === null ? '—' : (faqQuestion.get(q.faqId) ?? q.faqId)),
        ]),
      '本场没有提问。',
    ),
  );
  blocks.push(sub('话术使用'));
  blocks.push(
    tableOrNone(
      columns(['话术', 30], ['分类', 12], ['使用次数', 10]),
      r.faqUsage.map((f) => [text(f.question), text(f.category), count(f.uses)]),
      '本场没有使用话术库。',
    ),
  );
  blocks.push(sub('告警与确认'));
  const a = r.alerts;
  blocks.push({
    kind: 'keyValues',
    rows: [
      { label: '告警总数', value: count(a.total) },
      { label: '已确认', value: count(a.acked) },
      { label: '确认用时中位数', value: duration(a.medianAckMs) },
      {
        label: '按级别',
        value: text(SEVERITIES.map((s) => `${alertSeverityLabel(s)} ${a.bySeverity[s] ?? 0}`).join(' · ')),
      },
    ],
  });
  blocks.push(
    tableOrNone(
      columns(
        ['规则', 20],
        ['级别', 8],
        ['告警次数', 10],
        ['触发条数', 10],
        ['已确认', 8],
        ['确认用时中位数', 14],
        ['最长确认用时', 14],
      ),
      a.byRule.map((rule) => [
        text(rule.ruleName),
        text(alertSeverityLabel(rule.severity)),
        count(rule.alerts),
        count(rule.evidence),
        count(rule.acked),
        duration(rule.medianAckMs),
        duration(rule.maxAckMs),
      ]),
      '本场没有告警。',
    ),
  );
  return [...blocks, ...userText(r.text.executionNote, null)];
}

export function incidents(r: ShowReport): Block[] {
  const k = r.incidentKpis;
  const byType = Object.entries(k.byType)
    .filter(([, n]) => (n ?? 0) > 0)
    .map(([type, n]) => `${INCIDENT_TYPE_LABELS[type as keyof typeof INCIDENT_TYPE_LABELS] ?? type} ${n}`)
    .join(' · ');
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: '五、事故与应急' },
    {
      kind: 'keyValues',
      rows: [
        { label: '事故数', value: count(k.total), ...(byType ? { note: byType } : {}) },
        { label: '5分钟内响应率', value: percent(k.respondedWithin5MinRate) },
        { label: '响应用时中位数', value: duration(k.medianResponseMs), note: '目标 ≤5分钟' },
        { label: '最长响应用时', value: duration(k.maxResponseMs) },
        { label: '解决率', value: percent(k.resolvedRate) },
        { label: '解决用时中位数', value: duration(k.medianResolveMs) },
      ],
    },
  ];
  if (r.incidents.length === 0) {
    blocks.push({ kind: 'paragraph', text: '本场未记录事故。' });
    return [...blocks, ...userText(r.text.incidentsNote, null)];
  }
  blocks.push({
    kind: 'table',
    columns: columns(
      ['编号', 6],
      ['发现时间', 10],
      ['类型', 12],
      ['级别', 6],
      ['标题', 24],
      ['响应用时', 10],
      ['解决用时', 10],
      ['处置步骤', 10],
    ),
    rows: r.incidents.map((i) => [
      text(`#${i.id}`),
      time(i.detectedAt),
      text(INCIDENT_TYPE_LABELS[i.type]),
      text(incidentSeverityLabel(i.severity)),
      text(i.title),
      duration(i.responseMs),
      duration(i.resolveMs),
      text(`${i.steps.filter((s) => s.doneAt !== null).length}/${i.steps.length}`),
    ]),
  });
  for (const i of r.incidents) {
    blocks.push({
      kind: 'heading',
      level: 3,
      text: `#${i.id} ${INCIDENT_TYPE_LABELS[i.type]}${i.title ? `：${i.title}` : ''}`,
    });
    const steps = i.steps.map((s) =>
      s.doneAt === null ? `☐ ${s.text}` : `☑ ${localTime(s.doneAt)} ${s.text}`,
    );
    blocks.push({ kind: 'paragraph', text: '处置步骤：' });
    blocks.push(
      steps.length > 0 ? { kind: 'list', items: steps } : { kind: 'paragraph', text: '（无预案步骤）' },
    );
    if (i.impact) {
      const m = i.impact;
      blocks.push({
        kind: 'keyValues',
        rows: [
          {
            label: '在线人数',
            value: text(
              `${fmtCount(m.onlineBefore)} → 最低 ${fmtCount(m.onlineLowest)} → ${fmtCount(m.onlineAfter)}`,
            ),
            note: '事故前 → 期间 → 事故后',
          },
          { label: '事故前每分钟评论', value: decimal(m.commentsPerMinBefore) },
          { label: '事故中每分钟评论', value: decimal(m.commentsPerMinDuring) },
          { label: '事故前每分钟成交额', value: money(m.gmvPerMinBefore) },
          { label: '事故中每分钟成交额', value: money(m.gmvPerMinDuring) },
        ],
      });
    }
    if (i.notes.length > 0) {
      blocks.push({ kind: 'paragraph', text: '记录：' });
      blocks.push({ kind: 'list', items: i.notes.map((n) => `${localTime(n.at)} ${n.text}`) });
    }
  }
  return [...blocks, ...userText(r.text.incidentsNote, null)];
}

function fmtCount(n: number | null): string {
  return n === null || !Number.isFinite(n) ? '—' : Math.round(n).toLocaleString('en-US');
}
