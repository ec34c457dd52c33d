/**
 * Readers for the report files, independent of the writers: an RFC 4180 CSV parser, GFM table
 * and heading extraction for Markdown, and a WordprocessingML reader (jszip + the XML of
 * word/document.xml) that gives headings, tables and paragraphs in document order.
 */
import type Database from 'better-sqlite3';
import JSZip from 'jszip';
import { neutraliseCell } from '../../../electron/core/report/formats/cells.js';

/** RFC 4180: fields separated by commas, records by CRLF (or LF); quoted fields may hold both. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  let i = 0;
  const endField = () => {
    record.push(field);
    field = '';
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === '') {
      quoted = true;
      i++;
    } else if (ch === ',') {
      endField();
      i++;
    } else if (ch === '\r' && text[i + 1] === '\n') {
      endField();
      records.push(record);
      record = [];
      i += 2;
    } else if (ch === '\n') {
      endField();
      records.push(record);
      record = [];
      i++;
    } else {
      if (ch === '"') throw new Error(`a quote inside an unquoted field at ${i}`);
      field += ch;
      i++;
    }
  }
  if (quoted) throw new Error('unterminated quoted field');
  if (field !== '' || record.length > 0) {
    endField();
    records.push(record);
  }
  return records;
}

export interface MarkdownTable {
  /** The heading the table is under. */
  heading: string;
  header: string[];
  rows: string[][];
}

/** Splits a GFM table row on unescaped pipes and unescapes \| and \\ in cells. */
function splitRow(line: string): string[] {
  const inner = line.trim().replace(/^\|/u, '').replace(/\|$/u, '');
  const cells: string[] = [];
  let cell = '';
  for (let i = 0; i < inner.length; i++) {
    const ch = inner[i]!;
    if (ch === '\\' && (inner[i + 1] === '|' || inner[i + 1] === '\\')) {
      cell += inner[i + 1];
      i++;
    } else if (ch === '|') {
      cells.push(cell.trim());
      cell = '';
    } else cell += ch;
  }
  cells.push(cell.trim());
  return cells;
}

export function parseMarkdown(md: string): { headings: string[]; tables: MarkdownTable[]; lines: string[] } {
  const lines = md.split('\n');
  const headings: string[] = [];
  const tables: MarkdownTable[] = [];
  let heading = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const h = /^(#{1,6}) (.*)$/u.exec(line);
    if (h) {
      headings.push(line);
      heading = h[2]!;
      continue;
    }
    if (line.startsWith('|') && /^\|( --- \|)+$/u.test(lines[i + 1] ?? '')) {
      const header = splitRow(line);
      const rows: string[][] = [];
      i += 2;
      while (i < lines.length && lines[i]!.startsWith('|')) rows.push(splitRow(lines[i++]!));
      i--;
      tables.push({ heading, header, rows });
    }
  }
  return { headings, tables, lines };
}

const decode = (s: string) =>
  s
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&quot;/gu, '"')
    .replace(/&apos;/gu, "'")
    .replace(/&amp;/gu, '&');

/** The text of a <w:p>: its <w:t> runs, <w:br/> as a line break. */
function paragraphText(xml: string): string {
  let out = '';
  for (const m of xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:br\/>/gu))
    out += m[1] === undefined ? '\n' : decode(m[1]);
  return out;
}

export type DocxItem =
  { kind: 'paragraph'; style: string | null; text: string } | { kind: 'table'; rows: string[][] };

export interface DocxContent {
  items: DocxItem[];
  headings: { level: string; text: string }[];
  tables: string[][][];
  files: string[];
  zip: JSZip;
  documentXml: string;
}

export async function readDocx(data: Buffer): Promise<DocxContent> {
  const zip = await JSZip.loadAsync(data);
  const documentXml = await zip.file('word/document.xml')!.async('string');
  const body = documentXml.slice(documentXml.indexOf('<w:body>'), documentXml.lastIndexOf('</w:body>'));
  const items: DocxItem[] = [];
  // The report has no nested tables: a table runs to the first </w:tbl>.
  for (const m of body.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>|<w:p(?:\s[^>]*)?>[\s\S]*?<\/w:p>|<w:p\/>/gu)) {
    const xml = m[0];
    if (xml.startsWith('<w:tbl>')) {
      const rows = [...xml.matchAll(/<w:tr(?:\s[^>]*)?>[\s\S]*?<\/w:tr>/gu)].map((tr) =>
        [...tr[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/gu)].map((tc) =>
          [...tc[0].matchAll(/<w:p(?:\s[^>]*)?>[\s\S]*?<\/w:p>/gu)]
            .map((p) => paragraphText(p[0]))
            .join('\n'),
        ),
      );
      items.push({ kind: 'table', rows });
    } else {
      const style = /<w:pStyle w:val="([^"]+)"\/>/u.exec(xml)?.[1] ?? null;
      items.push({ kind: 'paragraph', style, text: paragraphText(xml) });
    }
  }
  const headings = items.flatMap((i) =>
    i.kind === 'paragraph' && i.style && /^(Heading\d|Title)$/u.test(i.style)
      ? [{ level: i.style, text: i.text }]
      : [],
  );
  const tables = items.flatMap((i) => (i.kind === 'table' ? [i.rows] : []));
  return { items, headings, tables, files: Object.keys(zip.files), zip, documentXml };
}

/** The table right after the first heading that contains `heading` (skipping paragraphs). */
export function tableAfter(doc: DocxContent, heading: string): string[][] {
  const start = doc.items.findIndex(
    (i) => i.kind === 'paragraph' && i.style?.startsWith('Heading') && i.text.includes(heading),
  );
  if (start < 0) throw new Error(`no heading ${heading}`);
  const table = doc.items.slice(start + 1).find((i) => i.kind === 'table');
  if (!table || table.kind !== 'table') throw new Error(`no table after ${heading}`);
  return table.rows;
}

/** PNG signature and IHDR size, or null when the bytes are not a PNG. */
export function pngSize(data: Uint8Array): { width: number; height: number } | null {
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (data.length < 24 || sig.some((b, i) => data[i] !== b)) return null;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (String.fromCharCode(...data.slice(12, 16)) !== 'IHDR') return null;
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** The sheets of a show's workbook, in order, as a reader of the file expects them. */
export const SHOW_SHEETS = ['总结', '数据时间线', '商品', '评论', '问题与回复', '告警', '事故', '设备调试'];

/** A stored comment as the tests read it with SQL of their own, to compare exports with. */
export interface StoredComment {
  id: string;
  ts: number;
  user_id: string;
  nickname: string;
  text: string;
  fan_club: number;
  truncated: number;
}

/** What the 评论 sheet shows of a stored comment after its time: text neutralised, flags as 是/否. */
export function commentCells(c: StoredComment): string[] {
  return [
    c.id,
    c.user_id,
    neutraliseCell(c.nickname),
    neutraliseCell(c.text),
    c.fan_club ? '是' : '否',
    c.truncated ? '是' : '否',
  ];
}

/** The show's comments in the order they were stored. */
export function storedComments(db: Database.Database, showId: string): StoredComment[] {
  return db
    .prepare<[string], StoredComment>(
      'SELECT id, ts, user_id, nickname, text, fan_club, truncated FROM comments WHERE show_id = ? ORDER BY row_id',
    )
    .all(showId);
}
