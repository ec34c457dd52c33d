/**
 * The document model as a Word file (docx package): Title and Heading 1–3 styles (Word's
 * navigation pane lists 一 … 七), tables with a repeated header row, the chart as a PNG, A4 with
 * 2 cm margins and page numbers. Chinese needs a Chinese font: the default run style names
 * Microsoft YaHei for every script (Windows, and Office for Mac, ship it); the font table says it
 * is a GB2312 sans (charset 86, altName 微软雅黑) so Word substitutes a Chinese sans where it is
 * missing. LibreOffice ignores altName; it maps Microsoft YaHei to Noto Sans CJK SC through its
 * CJK substitution list and fontconfig (checked by rendering the file to PDF, see the tests).
 */
import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import type { Block, KeyValue, ReportDocument } from './sections.js';
import type { ChartImage } from './trend-chart.js';
import { formatValue, keyValueText, type Value } from './values.js';

export const DOCX_FONT = 'Microsoft YaHei';
export const DOCX_FALLBACK_FONT = 'Noto Sans CJK SC';

/** A4 in twips (1/1440 in), 2 cm margins. */
const PAGE = { width: 11906, height: 16838, margin: 1134 };
const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
/** The chart on the page, in pixels at 96 dpi (17 cm wide). */
const CHART_WIDTH_PX = 640;
const HEADER_FILL = 'D9E2F3';
const LABEL_FILL = 'F2F2F2';
const HEADING: Record<1 | 2 | 3, (typeof HeadingLevel)[keyof typeof HeadingLevel]> = {
  1: HeadingLevel.HEADING_1,
  2: HeadingLevel.HEADING_2,
  3: HeadingLevel.HEADING_3,
};

const FONT_TABLE = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<w:font w:name="${DOCX_FONT}"><w:altName w:val="微软雅黑"/><w:panose1 w:val="020B0503020204020204"/><w:charset w:val="86"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>
<w:font w:name="${DOCX_FALLBACK_FONT}"><w:charset w:val="86"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>
</w:fonts>`;

/** Lines of a text as runs with line breaks between them. */
function runs(text: string, opts: { bold?: boolean; size?: number } = {}): TextRun[] {
  return text
    .split(/\r\n|\r|\n/u)
    .map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : 0, ...opts }));
}

const isNumeric = (v: Value) => v.kind !== 'text' && v.kind !== 'time' && v.kind !== 'datetime';

function cell(
  content: string,
  opts: { header?: boolean; right?: boolean; fill?: string; widthPct?: number; size?: number },
): TableCell {
  return new TableCell({
    children: [
      new Paragraph({
        alignment: opts.right ? AlignmentType.RIGHT : AlignmentType.LEFT,
        spacing: { before: 20, after: 20, line: 260, lineRule: LineRuleType.AUTO },
        children: runs(content, { size: opts.size ?? 18, ...(opts.header ? { bold: true } : {}) }),
      }),
    ],
    margins: { left: 80, right: 80 },
    ...(opts.fill ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: opts.fill } } : {}),
    ...(opts.widthPct !== undefined
      ? { width: { size: Math.round((CONTENT_WIDTH * opts.widthPct) / 100), type: WidthType.DXA } }
      : {}),
  });
}

function table(block: Extract<Block, { kind: 'table' }>): Table {
  const total = block.columns.reduce((s, c) => s + c.width, 0);
  const widths = block.columns.map((c) => Math.round((CONTENT_WIDTH * c.width) / total));
  const numeric = block.columns.map((_, i) => block.rows.some((r) => r[i] !== undefined && isNumeric(r[i]!)));
  // 8 pt in wide tables (the funnel, the shows), 9 pt otherwise.
  const size = block.columns.length > 8 ? 16 : 18;
  return new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({
        tableHeader: true,
        children: block.columns.map((c, i) =>
          cell(c.header, { header: true, fill: HEADER_FILL, right: numeric[i], size }),
        ),
      }),
      ...block.rows.map(
        (row) =>
          new TableRow({
            cantSplit: true,
            children: row.map((v) => cell(formatValue(v), { right: isNumeric(v), size })),
          }),
      ),
    ],
  });
}

function keyValues(rows: KeyValue[]): Table {
  const widths = [Math.round(CONTENT_WIDTH * 0.3), CONTENT_WIDTH - Math.round(CONTENT_WIDTH * 0.3)];
  return new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: rows.map(
      (row) =>
        new TableRow({
          cantSplit: true,
          children: [
            cell(row.label, { fill: LABEL_FILL, widthPct: 30 }),
            cell(keyValueText(row), { widthPct: 70 }),
          ],
        }),
    ),
  });
}

const bullet = (text: string) => new Paragraph({ bullet: { level: 0 }, children: runs(text) });

function userText(text: string): Paragraph[] {
  return text
    .split(/\r\n|\r|\n/u)
    .filter((line) => line.trim() !== '')
    .map((line) => (line.startsWith('- ') ? bullet(line.slice(2)) : new Paragraph({ children: runs(line) })));
}

function chart(block: Extract<Block, { kind: 'chart' }>, image: ChartImage | null): Paragraph[] {
  if (image === null) return [new Paragraph({ children: runs('（没有可绘制的数据，未生成图表。）') })];
  const height = Math.round((CHART_WIDTH_PX * image.height) / image.width);
  const children: ParagraphChild[] = [
    new ImageRun({
      type: 'png',
      data: image.png,
      transformation: { width: CHART_WIDTH_PX, height },
      altText: { name: 'chart', title: block.caption, description: block.caption },
    }),
  ];
  return [
    new Paragraph({ alignment: AlignmentType.CENTER, children }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ text: block.caption, size: 18, color: '595959' })],
    }),
  ];
}

/** A little air after a table (Word glues the next paragraph to it otherwise). */
const spacer = () => new Paragraph({ spacing: { after: 60 }, children: [] });

function render(block: Block, image: ChartImage | null): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'heading':
      return [new Paragraph({ heading: HEADING[block.level], children: runs(block.text) })];
    case 'paragraph':
      return [new Paragraph({ children: runs(block.text) })];
    case 'userText':
      return userText(block.text);
    case 'list':
      return block.items.map(bullet);
    case 'keyValues':
      return [keyValues(block.rows), spacer()];
    case 'table':
      return [table(block), spacer()];
    case 'chart':
      return chart(block, image);
  }
}

const font = { ascii: DOCX_FONT, hAnsi: DOCX_FONT, eastAsia: DOCX_FONT, cs: DOCX_FONT };

export async function renderDocx(doc: ReportDocument, image: ChartImage | null): Promise<Buffer> {
  const document = new Document({
    creator: 'LiveDesk 直播助理台',
    title: doc.title,
    styles: {
      default: {
        document: {
          run: { font, size: 21, language: { value: 'zh-CN', eastAsia: 'zh-CN' } },
          // lineRule spelled out: LibreOffice reads a bare w:line as an exact height and clips images.
          paragraph: { spacing: { after: 80, line: 320, lineRule: LineRuleType.AUTO } },
        },
        title: {
          run: { font, size: 36, bold: true, color: '1F3864' },
          paragraph: { spacing: { after: 120 } },
        },
        heading1: {
          run: { font, size: 30, bold: true, color: '1F3864' },
          paragraph: { spacing: { before: 360, after: 160 }, keepNext: true },
        },
        heading2: {
          run: { font, size: 24, bold: true, color: '2F5496' },
          paragraph: { spacing: { before: 240, after: 120 }, keepNext: true },
        },
        heading3: {
          run: { font, size: 22, bold: true, color: '404040' },
          paragraph: { spacing: { before: 200, after: 80 }, keepNext: true },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    children: ['第 ', PageNumber.CURRENT, ' 页 / 共 ', PageNumber.TOTAL_PAGES, ' 页'],
                    size: 16,
                  }),
                ],
              }),
            ],
          }),
        },
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: runs(doc.title) }),
          new Paragraph({ children: [new TextRun({ text: doc.subtitle, color: '595959', size: 18 })] }),
          ...doc.blocks.flatMap((b) => render(b, image)),
        ],
      },
    ],
  });
  return Packer.toBuffer(document, false, [{ path: 'word/fontTable.xml', data: FONT_TABLE }]);
}
