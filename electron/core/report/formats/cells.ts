/**
 * Formula injection (CSV injection, OWASP): a spreadsheet that opens a cell starting with
 * = + - @ (or a tab / carriage return, which some apps strip before looking) may run it as a
 * formula — "=HYPERLINK(...)" leaks data, "=cmd|' /C calc'!A0" starts a program. Every text
 * cell the CSV and XLSX writers emit goes through `neutraliseCell`, which puts an apostrophe in
 * front, so the cell is shown as the text the viewer typed.
 *
 * Full-width ＝ ＋ － ＠ are neutralised too: Excel itself treats them as text, but WPS and IME
 * input paths fold them to their ASCII forms, and a leading apostrophe on a rare comment costs
 * nothing (decided; see the report of issue 8).
 */

const TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠']);

/** True when a spreadsheet might read `text` as a formula. */
export function looksLikeFormula(text: string): boolean {
  const first = text[0];
  return first !== undefined && TRIGGERS.has(first);
}

/** `text`, with a leading apostrophe when it starts like a formula. */
export function neutraliseCell(text: string): string {
  return looksLikeFormula(text) ? `'${text}` : text;
}
