import { useId } from 'react';
import type { ReportPeople } from '../../../../shared/api/report.js';
import { useT } from '../../i18n/useI18n.js';
import { PEOPLE_LIMIT, TEXT_LIMITS, type TextField } from './reportDraft.js';
import type { ReportDraftState } from './useReportDraft.js';

const TEXT_LABEL = {
  overview: 'report.text.overview',
  metricsNote: 'report.text.metricsNote',
  prepNote: 'report.text.prepNote',
  executionNote: 'report.text.executionNote',
  incidentsNote: 'report.text.incidentsNote',
  problems: 'report.text.problems',
  improvements: 'report.text.improvements',
} as const satisfies Record<TextField, string>;

const NOTES: ReadonlySet<TextField> = new Set(['metricsNote', 'prepNote', 'executionNote', 'incidentsNote']);

/** Grows with its text (within limits), so a section reads like the document it becomes. */
function rowsFor(value: string, min: number): number {
  const lines = value.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(line.length / 70)), 0);
  return Math.min(18, Math.max(min, lines + 1));
}

/** One editable part of the text: saved automatically as the user types. */
export function TextBlock({ field, edits }: { field: TextField; edits: ReportDraftState }) {
  const t = useT();
  const id = useId();
  const value = edits.draft.text[field];
  const max = TEXT_LIMITS[field];
  const note = NOTES.has(field);
  return (
    <div className={`field report-text${note ? ' report-text--note' : ''}`}>
      <label className="field__label" htmlFor={id}>
        {t(TEXT_LABEL[field])}
        <span className={`field__aside${value.length >= max ? ' is-over' : ''}`}>
          {t('report.text.count', { n: value.length, max })}
        </span>
      </label>
      <textarea
        id={id}
        className="input report-text__area"
        data-testid={`report-text-${field}`}
        value={value}
        maxLength={max}
        rows={rowsFor(value, note ? 2 : 4)}
        placeholder={note ? t('report.text.notePlaceholder') : undefined}
        spellCheck={false}
        onChange={(event) => edits.setText(field, event.target.value)}
      />
    </div>
  );
}

const ROLES = [
  ['host', 'report.people.host'],
  ['assistant', 'report.people.assistant'],
  ['fieldControl', 'report.people.fieldControl'],
] as const satisfies readonly (readonly [keyof ReportPeople, string])[];

/** 主播 / 助理 / 场控: set per show (or per period report), part of 一、工作概述. */
export function PeopleFields({ edits }: { edits: ReportDraftState }) {
  const t = useT();
  const id = useId();
  return (
    <div className="report-people" data-testid="report-people">
      {ROLES.map(([role, label]) => (
        <div key={role} className="field report-people__field">
          <label className="field__label" htmlFor={`${id}-${role}`}>
            {t(label)}
          </label>
          <input
            id={`${id}-${role}`}
            className="input input--sm"
            data-testid={`report-person-${role}`}
            value={edits.draft.people[role]}
            maxLength={PEOPLE_LIMIT}
            placeholder={t('report.people.placeholder')}
            autoComplete="off"
            onChange={(event) => edits.setPerson(role, event.target.value)}
          />
        </div>
      ))}
    </div>
  );
}
