/**
 * Default values of the answers' {变量} in a file (XLSX sheet 变量, JSON "variables"). Names
 * follow fillAnswer's placeholder rule (1–20 characters, no braces or spaces), so every imported
 * name can actually be used in an answer.
 */
import { FaqFileError, quote, type ColumnName, type Place } from './errors.js';

export const VARIABLES_SHEET = '变量';
export const NAME_COLUMN: ColumnName = { zh: '变量名', en: 'name' };
export const VALUE_COLUMN: ColumnName = { zh: '值', en: 'value' };

const NAME = /^[^{}\s]{1,20}$/u;
const MAX_VALUE_CHARS = 200;
const MAX_VARIABLES = 500;

/** place null: a JSON file, where variables have no row. */
function variableError(place: Place | null, column: ColumnName, zh: string, en: string): FaqFileError {
  const where = place ? { zh: place.zh, en: `${place.en}, ` } : { zh: '', en: '' };
  return new FaqFileError(
    `${where.zh}「${column.zh}」：${zh} · ${where.en}${column.en}: ${en}`,
    place?.row ?? null,
    column.zh,
  );
}

export class VariableCollector {
  private readonly byName = new Map<string, string>();
  private readonly places = new Map<string, Place | null>();

  /** Built with fromEntries: a variable named __proto__ stays a plain key. */
  get values(): Record<string, string> {
    return Object.fromEntries(this.byName);
  }

  add(rawName: string, rawValue: string, place: Place | null): void {
    const name = rawName.trim();
    const value = rawValue.trim();
    if (!NAME.test(name)) {
      throw variableError(
        place,
        NAME_COLUMN,
        `变量名“${quote(name)}”无效：1–20 个字，不能有空格或 { }`,
        `variable name "${quote(name)}" is invalid: 1–20 characters, no spaces or braces`,
      );
    }
    if (value.length > MAX_VALUE_CHARS) {
      throw variableError(
        place,
        VALUE_COLUMN,
        `变量“${name}”的值太长（${value.length} 字），上限 ${MAX_VALUE_CHARS} 字`,
        `the value of "${name}" is too long (${value.length} characters); the limit is ${MAX_VALUE_CHARS}`,
      );
    }
    if (this.places.has(name)) {
      const first = this.places.get(name);
      throw variableError(
        place,
        NAME_COLUMN,
        `变量“${name}”重复${first ? `（与${first.zh}）` : ''}`,
        `variable "${name}" is listed twice${first ? ` (also in ${first.en})` : ''}`,
      );
    }
    if (this.places.size >= MAX_VARIABLES) {
      throw variableError(
        place,
        NAME_COLUMN,
        `变量太多，上限 ${MAX_VARIABLES} 个`,
        `too many variables; the limit is ${MAX_VARIABLES}`,
      );
    }
    this.places.set(name, place);
    this.byName.set(name, value);
  }
}
