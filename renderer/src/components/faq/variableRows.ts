/**
 * The 变量 tab's rows: every {变量} the library uses or the show has a value for, where its
 * value comes from, and how many answers use it. Pure, unit-tested.
 */
import type { FaqEntryView } from '../../../../shared/api/contract.js';

/** SetFaqVarsArgs allows values up to this length. */
export const MAX_VARIABLE_CHARS = 200;

/** auto: filled from the feed (read-only); set: the user's value; unset: answers keep {name}. */
export type VariableSource = 'auto' | 'set' | 'unset';

export interface VariableRow {
  name: string;
  source: VariableSource;
  /** What the feed fills in now (null: nothing yet, e.g. no product presented). */
  autoValue: string | null;
  /** Answers that contain {name}. */
  usedBy: number;
}

export interface VariableRowsInput {
  used: readonly string[];
  /** The user's saved values (a value typed but not saved does not change a row's source). */
  values: Readonly<Record<string, string>>;
  auto: Readonly<Record<string, string>>;
  /** Names the feed fills (商品, 到手价), even while no product gives them a value. */
  autoNames: readonly string[];
  entries: readonly Pick<FaqEntryView, 'answer'>[];
}

const filled = (value: string | undefined) => value !== undefined && value.trim() !== '';

export function variableRows({ used, values, auto, autoNames, entries }: VariableRowsInput): VariableRow[] {
  const names = [...new Set([...used, ...Object.keys(values), ...Object.keys(auto)])].sort((a, b) =>
    a.localeCompare(b, 'zh-CN'),
  );
  return names.map((name) => {
    const autoValue = filled(auto[name]) ? (auto[name] ?? null) : null;
    const isAuto = autoValue !== null || autoNames.includes(name);
    const source: VariableSource = filled(values[name]) ? 'set' : isAuto ? 'auto' : 'unset';
    const token = `{${name}}`;
    const usedBy = entries.reduce((n, entry) => (entry.answer.includes(token) ? n + 1 : n), 0);
    return { name, source, autoValue, usedBy };
  });
}

/** What setFaqVars gets: blank values dropped (empty = unset), keys in a stable order. */
export function valuesToSave(draft: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(draft)
      .filter(([, value]) => value.trim() !== '')
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
}
