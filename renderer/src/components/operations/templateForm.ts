/**
 * The template editor's rows as typed, and the template they make: checked here with the
 * contract's own schema, so a refused save names the row and the field instead of failing in
 * the core.
 */
import {
  ChecklistTemplateSchema,
  type ChecklistSection,
  type ChecklistTemplate,
  type IncidentType,
} from '../../../../shared/api/operations.js';
import type { MessageKey } from '../../../../shared/i18n/messages.js';
import { parseMeasured } from './checklistRange.js';

export type ExpectationKind = 'range' | 'text' | 'check';

export interface TemplateRow {
  /** Stable React key (ids can be edited… they are not, but new rows need one before saving). */
  key: string;
  id: string;
  section: ChecklistSection;
  label: string;
  kind: ExpectationKind;
  min: string;
  max: string;
  unit: string;
  value: string;
  hint: string;
  contingency: IncidentType | '';
}

export type TemplateField = 'label' | 'min' | 'max' | 'unit' | 'value' | 'hint' | 'contingency' | 'items';

export type TemplateCheck =
  | { ok: true; template: ChecklistTemplate }
  | { ok: false; row: number | null; field: TemplateField; key: MessageKey | null; detail: string };

let seq = 0;
const rowKey = () => {
  seq += 1;
  return `row-${seq}`;
};

export function rowsFromTemplate(template: ChecklistTemplate): TemplateRow[] {
  return template.items.map((item) => ({
    key: rowKey(),
    id: item.id,
    section: item.section,
    label: item.label,
    kind: item.expected.kind,
    min: item.expected.kind === 'range' && item.expected.min !== null ? String(item.expected.min) : '',
    max: item.expected.kind === 'range' && item.expected.max !== null ? String(item.expected.max) : '',
    unit: item.expected.kind === 'range' ? item.expected.unit : '',
    value: item.expected.kind === 'text' ? item.expected.value : '',
    hint: item.hint,
    contingency: (item.contingency as IncidentType | null) ?? '',
  }));
}

/** A new row after the others, in the last row's section, with an id no other row has. */
export function newRow(rows: readonly TemplateRow[]): TemplateRow {
  const ids = new Set(rows.map((r) => r.id));
  let n = rows.length + 1;
  while (ids.has(`item-${n}`)) n += 1;
  return {
    key: rowKey(),
    id: `item-${n}`,
    section: rows.at(-1)?.section ?? 'hardware',
    label: '',
    kind: 'check',
    min: '',
    max: '',
    unit: '',
    value: '',
    hint: '',
    contingency: '',
  };
}

function bound(text: string): number | null | undefined {
  if (text.trim() === '') return null;
  return parseMeasured(text, '') ?? undefined;
}

function fail(row: number | null, field: TemplateField, key: MessageKey | null, detail = ''): TemplateCheck {
  return { ok: false, row, field, key, detail };
}

export function templateFromRows(rows: readonly TemplateRow[]): TemplateCheck {
  if (rows.length === 0) return fail(null, 'items', 'ops.template.err.empty');
  const items = [];
  for (const [i, row] of rows.entries()) {
    const label = row.label.trim();
    if (label === '' || label.length > 80) return fail(i, 'label', 'ops.template.err.label');
    if (row.hint.length > 200) return fail(i, 'hint', 'ops.template.err.hint');
    let expected: ChecklistTemplate['items'][number]['expected'];
    if (row.kind === 'range') {
      const min = bound(row.min);
      const max = bound(row.max);
      if (min === undefined) return fail(i, 'min', 'ops.template.notNumber');
      if (max === undefined) return fail(i, 'max', 'ops.template.notNumber');
      if (min === null && max === null) return fail(i, 'min', 'ops.template.err.rangeEmpty');
      if (min !== null && max !== null && min > max) return fail(i, 'max', 'ops.template.err.minMax');
      if (row.unit.trim().length > 16) return fail(i, 'unit', 'ops.template.err.unit');
      expected = { kind: 'range', min, max, unit: row.unit.trim() };
    } else if (row.kind === 'text') {
      if (row.value.trim() === '' || row.value.length > 100)
        return fail(i, 'value', 'ops.template.err.value');
      expected = { kind: 'text', value: row.value.trim() };
    } else {
      expected = { kind: 'check' };
    }
    items.push({
      id: row.id,
      section: row.section,
      label,
      expected,
      hint: row.hint.trim(),
      contingency: row.contingency === '' ? null : row.contingency,
    });
  }
  // The contract has the last word (ids, counts, anything the checks above do not cover).
  const parsed = ChecklistTemplateSchema.safeParse({ version: 1, items });
  if (parsed.success) return { ok: true, template: parsed.data };
  const issue = parsed.error.issues[0];
  const row = typeof issue?.path[1] === 'number' ? issue.path[1] : null;
  return fail(row, 'items', null, issue?.message ?? 'invalid');
}
