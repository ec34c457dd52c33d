/**
 * A streaming XLSX (SpreadsheetML package) writer of our own, in place of exceljs for the report:
 * exceljs builds an object per cell and re-serialises styles, ~13 s per million rows; this writes
 * each row as one XML string, buffers ~1 MB and hands it to the ZIP writer, whose deflate runs on
 * the thread pool beside it. Sheets are written one after another (each fully before the next),
 * then the small parts: styles (the distinct styles used, collected while writing), workbook,
 * relationships, content types, document properties.
 *
 * Only what the report uses: column widths, frozen header rows, fonts (bold, size, colour), a
 * solid fill, number formats; inline strings, and shared strings for a few fixed labels; numbers.
 * A sheet may also come ready-deflated from a worker thread (addDeflatedSheet).
 */
import type { Writable } from 'node:stream';
import { cellXml, columnName, xmlAttr, xmlText, type CellValue } from './xlsx-xml.js';
import { CHUNK_BYTES, Utf8Chunks } from './utf8-chunks.js';
import { ZipWriter, type DeflatedData, type ZipEntry } from './zip-writer.js';

export interface CellStyle {
  numFmt?: string;
  bold?: boolean;
  size?: number;
  /** ARGB, e.g. FFC00000. */
  color?: string;
  /** ARGB of a solid fill. */
  fill?: string;
}

export interface SheetOptions {
  /** Column widths in characters, first column first. */
  widths: readonly number[];
  /** Rows kept in view when scrolling (0: none). */
  frozenRows: number;
}

const DEFAULT_FONT_SIZE = 11;
const FIRST_CUSTOM_NUMFMT = 164;
const COLUMNS = Array.from({ length: 26 }, (_, i) => columnName(i));

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** What tells two styles apart ('' for the default). */
export function styleKey(style: CellStyle): string {
  const key = `${style.numFmt ?? ''}|${style.bold ? 1 : 0}|${style.size ?? ''}|${style.color ?? ''}|${style.fill ?? ''}`;
  return key === '|0|||' ? '' : key;
}

/** Where sheets go: the workbook, or (in a worker thread) a file holding one deflated sheet. */
export interface SheetBook {
  addSheet(name: string, options: SheetOptions): Promise<SheetWriter>;
  /** The id of a cell style, for SheetWriter.row and raw rows. */
  style(style: CellStyle): number;
  /** The shared-string index of a fixed label (是, 否, a state, —), for raw rows (`t="s"`). */
  sharedString(text: string): number;
}

/** The distinct fonts, fills, number formats and their combinations (cellXfs) used so far. */
class StyleTable {
  private readonly fonts = [''];
  private readonly fills = [
    '<fill><patternFill patternType="none"/></fill>',
    '<fill><patternFill patternType="gray125"/></fill>',
  ];
  private readonly numFmts: string[] = [];
  private readonly xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  private readonly ids = new Map<string, number>([['', 0]]);

  private indexOf(list: string[], item: string): number {
    const at = list.indexOf(item);
    if (at >= 0) return at;
    list.push(item);
    return list.length - 1;
  }

  /** The cellXfs index of a style (0: the default). */
  id(style: CellStyle): number {
    const key = styleKey(style);
    const known = this.ids.get(key);
    if (known !== undefined) return known;
    const fontId =
      style.bold || style.size || style.color
        ? this.indexOf(
            this.fonts,
            `${style.bold ? '<b/>' : ''}<sz val="${style.size ?? DEFAULT_FONT_SIZE}"/>${style.color ? `<color rgb="${xmlAttr(style.color)}"/>` : ''}`,
          )
        : 0;
    const fillId = style.fill
      ? this.indexOf(
          this.fills,
          `<fill><patternFill patternType="solid"><fgColor rgb="${xmlAttr(style.fill)}"/><bgColor indexed="64"/></patternFill></fill>`,
        )
      : 0;
    const numFmtId = style.numFmt ? FIRST_CUSTOM_NUMFMT + this.indexOf(this.numFmts, style.numFmt) : 0;
    const apply = `${numFmtId ? ' applyNumberFormat="1"' : ''}${fontId ? ' applyFont="1"' : ''}${fillId ? ' applyFill="1"' : ''}`;
    this.xfs.push(
      `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="0" xfId="0"${apply}/>`,
    );
    const id = this.xfs.length - 1;
    this.ids.set(key, id);
    return id;
  }

  xml(): string {
    const font = (inner: string) =>
      `<font>${inner || `<sz val="${DEFAULT_FONT_SIZE}"/>`}<name val="Calibri"/><family val="2"/></font>`;
    const numFmts = this.numFmts.length
      ? `<numFmts count="${this.numFmts.length}">${this.numFmts
          .map((code, i) => `<numFmt numFmtId="${FIRST_CUSTOM_NUMFMT + i}" formatCode="${xmlAttr(code)}"/>`)
          .join('')}</numFmts>`
      : '';
    return (
      `${XML_HEAD}<styleSheet xmlns="${NS_MAIN}">${numFmts}` +
      `<fonts count="${this.fonts.length}">${this.fonts.map(font).join('')}</fonts>` +
      `<fills count="${this.fills.length}">${this.fills.join('')}</fills>` +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.xfs.length}">${this.xfs.join('')}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      '</styleSheet>'
    );
  }
}

/** One sheet being written. Rows are appended in order; `flush` hands the buffer on when it is big. */
export class SheetWriter {
  /** Rows written so far (the next row's number is rows + 1). */
  rows = 0;
  private readonly xml = new Utf8Chunks();
  private closed = false;

  constructor(
    private readonly entry: ZipEntry,
    readonly name: string,
    options: SheetOptions,
    first: boolean,
  ) {
    const frozen = options.frozenRows;
    const pane =
      frozen > 0
        ? `<pane ySplit="${frozen}" topLeftCell="A${frozen + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${frozen + 1}" sqref="A${frozen + 1}"/>`
        : '';
    const cols = options.widths.length
      ? `<cols>${options.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>`
      : '';
    this.xml.add(
      `${XML_HEAD}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
        `<sheetViews><sheetView${first ? ' tabSelected="1"' : ''} workbookViewId="0">${pane}</sheetView></sheetViews>` +
        `<sheetFormatPr defaultRowHeight="15"/>${cols}<sheetData>`,
    );
  }

  /**
   * Appends a row. `styles[i]` is cell i's style id; `rowStyle` (a style id) formats the whole row,
   * empty cells included (a header's fill), and is the style of cells without their own.
   */
  row(cells: readonly CellValue[], styles?: readonly number[], rowStyle = 0): void {
    const r = ++this.rows;
    let xml = rowStyle ? `<row r="${r}" s="${rowStyle}" customFormat="1">` : `<row r="${r}">`;
    for (let i = 0; i < cells.length; i++) {
      const s = styles?.[i] || rowStyle;
      xml += cellXml(`${COLUMNS[i] ?? columnName(i)}${r}`, cells[i] ?? null, s);
    }
    this.xml.add(`${xml}</row>`);
  }

  /** Appends one row of ready-made XML (the million-row sheets build it themselves). */
  rawRow(xml: string): void {
    this.rows++;
    this.xml.add(xml);
  }

  /** Hands the buffered XML to the ZIP writer once there is enough of it (awaits backpressure). */
  async flush(force = false): Promise<void> {
    if (!force && this.xml.bytes < CHUNK_BYTES) return;
    for (const chunk of this.xml.take()) await this.entry.write(chunk);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.xml.add('</sheetData></worksheet>');
    await this.flush(true);
    await this.entry.close();
  }
}

export interface WorkbookMeta {
  creator: string;
  created: Date;
}

export class XlsxWorkbook implements SheetBook {
  private readonly zip: ZipWriter;
  private readonly styles = new StyleTable();
  private readonly sheets: string[] = [];
  /**
   * A few fixed labels repeated in millions of cells, as shared strings: `<c t="s"><v>1</v></c>`
   * instead of an inline string is ~14 bytes less XML per cell to encode and deflate. Free text
   * stays inline (a table of millions of distinct strings would have to be held in memory).
   */
  private readonly shared: string[] = [];
  private current: SheetWriter | null = null;

  constructor(
    out: Writable,
    private readonly meta: WorkbookMeta,
    readonly zipLevel = 1,
  ) {
    this.zip = new ZipWriter(out, { level: zipLevel, modified: meta.created });
  }

  /** The id of a cell style, for SheetWriter.row and raw rows. */
  style(style: CellStyle): number {
    return this.styles.id(style);
  }

  sharedString(text: string): number {
    const at = this.shared.indexOf(text);
    if (at >= 0) return at;
    this.shared.push(text);
    return this.shared.length - 1;
  }

  /** Starts the next sheet (closing the one before). */
  async addSheet(name: string, options: SheetOptions): Promise<SheetWriter> {
    await this.current?.close();
    this.sheets.push(name);
    const entry = await this.zip.entry(`xl/worksheets/sheet${this.sheets.length}.xml`);
    this.current = new SheetWriter(entry, name, options, this.sheets.length === 1);
    return this.current;
  }

  /**
   * Adds the next sheet ready-made: its XML deflated elsewhere (a worker thread, at zipLevel, with
   * style ids from this workbook's style()), copied into the package as it is.
   */
  async addDeflatedSheet(name: string, data: DeflatedData): Promise<void> {
    await this.current?.close();
    this.current = null;
    this.sheets.push(name);
    await this.zip.deflated(`xl/worksheets/sheet${this.sheets.length}.xml`, data);
  }

  /** Closes the last sheet and writes the rest of the package; `out` is left for the caller to end. */
  async finish(): Promise<void> {
    await this.current?.close();
    this.current = null;
    const n = this.sheets.length;
    const sheetIds = this.sheets.map((_, i) => i + 1);
    await this.zip.file('xl/styles.xml', this.styles.xml());
    const shared = this.shared.length > 0;
    if (shared) {
      await this.zip.file(
        'xl/sharedStrings.xml',
        `${XML_HEAD}<sst xmlns="${NS_MAIN}" uniqueCount="${this.shared.length}">${this.shared
          .map((t) => `<si><t>${xmlText(t)}</t></si>`)
          .join('')}</sst>`,
      );
    }
    await this.zip.file(
      'xl/workbook.xml',
      `${XML_HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><bookViews><workbookView/></bookViews><sheets>${this.sheets
        .map((name, i) => `<sheet name="${xmlAttr(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
        .join('')}</sheets></workbook>`,
    );
    await this.zip.file(
      'xl/_rels/workbook.xml.rels',
      `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">${sheetIds
        .map(
          (i) => `<Relationship Id="rId${i}" Type="${NS_REL}/worksheet" Target="worksheets/sheet${i}.xml"/>`,
        )
        .join('')}<Relationship Id="rId${n + 1}" Type="${NS_REL}/styles" Target="styles.xml"/>${
        shared
          ? `<Relationship Id="rId${n + 2}" Type="${NS_REL}/sharedStrings" Target="sharedStrings.xml"/>`
          : ''
      }</Relationships>`,
    );
    await this.zip.file(
      '_rels/.rels',
      `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">` +
        `<Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/>` +
        `<Relationship Id="rId2" Type="${NS_PKG_REL}/metadata/core-properties" Target="docProps/core.xml"/>` +
        `<Relationship Id="rId3" Type="${NS_REL}/extended-properties" Target="docProps/app.xml"/>` +
        '</Relationships>',
    );
    const created = this.meta.created.toISOString().replace(/\.\d{3}Z$/u, 'Z');
    await this.zip.file(
      'docProps/core.xml',
      `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
        `<dc:creator>${xmlText(this.meta.creator)}</dc:creator>` +
        `<dcterms:created xsi:type="dcterms:W3CDTF">${created}</dcterms:created>` +
        `<dcterms:modified xsi:type="dcterms:W3CDTF">${created}</dcterms:modified>` +
        '</cp:coreProperties>',
    );
    await this.zip.file(
      'docProps/app.xml',
      `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>LiveDesk</Application></Properties>`,
    );
    const ct = 'application/vnd.openxmlformats-officedocument';
    await this.zip.file(
      '[Content_Types].xml',
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        `<Override PartName="/xl/workbook.xml" ContentType="${ct}.spreadsheetml.sheet.main+xml"/>` +
        sheetIds
          .map(
            (i) =>
              `<Override PartName="/xl/worksheets/sheet${i}.xml" ContentType="${ct}.spreadsheetml.worksheet+xml"/>`,
          )
          .join('') +
        `<Override PartName="/xl/styles.xml" ContentType="${ct}.spreadsheetml.styles+xml"/>` +
        (shared
          ? `<Override PartName="/xl/sharedStrings.xml" ContentType="${ct}.spreadsheetml.sharedStrings+xml"/>`
          : '') +
        '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
        `<Override PartName="/docProps/app.xml" ContentType="${ct}.extended-properties+xml"/>` +
        '</Types>',
    );
    await this.zip.finish();
  }
}
