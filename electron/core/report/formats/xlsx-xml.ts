/**
 * SpreadsheetML cells as XML text, built by string concatenation (the hot path of a million-row
 * sheet): inline strings (`t="inlineStr"`, no shared-string table to hold in memory), numbers as
 * JavaScript's shortest round-trip form, A1 references. Text is escaped for XML, characters XML
 * 1.0 forbids are dropped, and text longer than Excel's 32,767-character cell limit is cut.
 * Neutralising formulas is the caller's job (excelText), as before.
 */

/** Excel's limit on the characters in one cell. */
export const EXCEL_MAX_CELL_CHARS = 32_767;

/** Anything that needs the slow path: markup characters, control characters, non-characters. */
// eslint-disable-next-line no-control-regex -- finding the characters XML 1.0 forbids is the point
const SPECIAL = /[&<>\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/u;
// eslint-disable-next-line no-control-regex -- as above
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/gu;

/** XML text content (also fine inside a double-quoted attribute once `"` is escaped — see attr). */
export function xmlText(text: string): string {
  if (!SPECIAL.test(text)) return text;
  return text.replace(FORBIDDEN, '').replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
}

/** A double-quoted XML attribute value. */
export const xmlAttr = (text: string) => xmlText(text).replace(/"/gu, '&quot;');

/** Column letters of a 0-based index: 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

const isSpace = (code: number) => code <= 32;

/** A text cell at `ref` (e.g. "B7") with style `s` (0: none); '' gives no cell (Excel's empty). */
export function textCell(ref: string, text: string, s: number): string {
  if (text === '') return '';
  const cut = text.length > EXCEL_MAX_CELL_CHARS ? text.slice(0, EXCEL_MAX_CELL_CHARS) : text;
  // Without xml:space="preserve" spreadsheet apps may trim leading and trailing white space.
  const preserve =
    isSpace(cut.charCodeAt(0)) || isSpace(cut.charCodeAt(cut.length - 1)) || cut.includes('\n');
  const style = s === 0 ? '' : ` s="${s}"`;
  return preserve
    ? `<c r="${ref}"${style} t="inlineStr"><is><t xml:space="preserve">${xmlText(cut)}</t></is></c>`
    : `<c r="${ref}"${style} t="inlineStr"><is><t>${xmlText(cut)}</t></is></c>`;
}

/**
 * Anything a text cell of viewer text needs more than copying for: a formula-like or white-space
 * start (neutralised, xml:space), a white-space end, a line break (CR folded, xml:space), markup
 * or characters XML forbids.
 */
const NOT_PLAIN =
  // eslint-disable-next-line no-control-regex -- control characters are what it looks for
  /^[=+\-@＝＋－＠\u0000-\u0020]|[\u0000-\u0020]$|[\r\n&<>\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/u;

/**
 * textCell(ref, excelString(text), 0) — neutralised, CR folded, escaped — with one regex test for
 * the common case (most comments need none of it): the million-row sheets' text cells.
 */
export function viewerTextCell(ref: string, text: string, neutralise: (text: string) => string): string {
  if (text.length > 0 && text.length <= EXCEL_MAX_CELL_CHARS && !NOT_PLAIN.test(text))
    return `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
  return textCell(ref, neutralise(text), 0);
}

/** A number cell; a number that is not finite is written as the text "—" (unknown). */
export function numberCell(ref: string, value: number, s: number): string {
  if (!Number.isFinite(value)) return textCell(ref, '—', s);
  return s === 0 ? `<c r="${ref}"><v>${value}</v></c>` : `<c r="${ref}" s="${s}"><v>${value}</v></c>`;
}

export type CellValue = string | number | null;

/** One cell of either kind; null gives no cell. */
export function cellXml(ref: string, value: CellValue, s: number): string {
  if (value === null) return '';
  return typeof value === 'number' ? numberCell(ref, value, s) : textCell(ref, value, s);
}
