/**
 * The types of the report's format-neutral document (see sections.ts) and small helpers the
 * section builders share.
 */
import type { Value } from './values.js';

export interface KeyValue {
  label: string;
  value: Value;
  /** Said right after the value ("场", "条/分"); Excel puts it in the next column. */
  unit?: string;
  /** A short remark after the value, in brackets ("目标 ≤30秒", "21:03"). */
  note?: string;
}

export interface Column {
  header: string;
  /** Width in characters, for Excel (Markdown and Word size by content). */
  width: number;
}

export type Block =
  /** level 1: 一、… 七、; level 2: (一) …; level 3: one incident. */
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string }
  /** Text the user edits: lines separated by "\n", a line starting "- " is a list item. */
  | { kind: 'userText'; text: string }
  /** A bulleted list the report makes (steps taken, notes). */
  | { kind: 'list'; items: string[] }
  | { kind: 'keyValues'; rows: KeyValue[] }
  | { kind: 'table'; columns: Column[]; rows: Value[][] }
  /** Where the chart goes; `alt` is said instead where no image can be shown (Markdown). */
  | { kind: 'chart'; caption: string; alt: string };

export interface ReportDocument {
  title: string;
  /** One line under the title (scope and when generated). */
  subtitle: string;
  blocks: Block[];
}

/** A column list from [header, width] pairs. */
export function columns(...defs: [string, number][]): Column[] {
  return defs.map(([header, width]) => ({ header, width }));
}

/** The user's text as a block, or "（无）" when it is empty (sections 六 and 七 always say something). */
export function userText(text: string, whenEmpty: string | null): Block[] {
  if (text.trim() !== '') return [{ kind: 'userText', text }];
  return whenEmpty === null ? [] : [{ kind: 'paragraph', text: whenEmpty }];
}

/** A table, or a paragraph saying there is nothing when it has no rows. */
export function tableOrNone(cols: Column[], rows: Value[][], none: string): Block {
  return rows.length > 0 ? { kind: 'table', columns: cols, rows } : { kind: 'paragraph', text: none };
}

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** Sub-headings (一) (二) … numbered as they are added (optional ones may be left out). */
export function subHeadings(): (title: string) => Block {
  let n = 0;
  return (title) => ({ kind: 'heading', level: 2, text: `（${NUMERALS[n++] ?? String(n)}）${title}` });
}
