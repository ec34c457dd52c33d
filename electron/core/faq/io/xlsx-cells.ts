/**
 * An exceljs cell value → the text the user sees. Cells typed in Excel come back as numbers
 * (编号 12), booleans (启用 TRUE), rich text (one word in bold), hyperlinks, dates or formulas
 * (whose last computed result Excel saved). A value that has no text (an error like #N/A, a
 * formula never calculated) is reported rather than read as an empty cell.
 */

export type CellText = { ok: true; text: string } | { ok: false; zh: string; en: string };

const text = (value: string): CellText => ({ ok: true, text: value });

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/** Excel dates carry no time zone; exceljs hands them over as UTC, so read them back as UTC. */
function dateText(date: Date): string {
  const iso = date.toISOString();
  const time = iso.slice(11, 16);
  return time === '00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${time}`;
}

function numberText(value: number): string {
  // Excel stores 0.1 + 0.2 typed results as 0.30000000000000004; 15 digits is what it shows.
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(15)));
}

export function cellText(value: unknown): CellText {
  if (value === null || value === undefined) return text('');
  if (typeof value === 'string') return text(value);
  if (typeof value === 'number') return text(numberText(value));
  if (typeof value === 'boolean') return text(value ? 'true' : 'false');
  if (value instanceof Date) return text(Number.isNaN(value.getTime()) ? '' : dateText(value));
  if (!isObject(value)) return { ok: false, zh: '无法读取的单元格', en: 'unreadable cell' };
  if (Array.isArray(value.richText)) {
    return text(
      value.richText
        .map((run: unknown) => (isObject(run) && typeof run.text === 'string' ? run.text : ''))
        .join(''),
    );
  }
  if ('formula' in value || 'sharedFormula' in value) {
    if (value.result === undefined) {
      return {
        ok: false,
        zh: '公式没有计算结果：请在 Excel 中打开并保存后再导入，或把公式改成文字',
        en: 'the formula has no computed result: open and save the file in Excel, or replace the formula with text',
      };
    }
    return cellText(value.result);
  }
  if (typeof value.error === 'string') {
    return { ok: false, zh: `单元格是错误值 ${value.error}`, en: `the cell holds the error ${value.error}` };
  }
  // Hyperlinks: { text, hyperlink }; exceljs may give their text as rich text.
  if ('text' in value) return cellText(value.text);
  return { ok: false, zh: '无法读取的单元格', en: 'unreadable cell' };
}
