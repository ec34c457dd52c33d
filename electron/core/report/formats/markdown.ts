/**
 * The document model as GitHub-flavoured Markdown: # title, ## 一、…, ### （一）…, GFM tables
 * (| and line breaks escaped in cells), key-value lists, the user's "- " lines as list items.
 * The chart cannot travel inside a .md file, so its place says where to find it.
 */
import type { Block, ReportDocument } from './sections.js';
import { formatValue, keyValueText, type Value } from './values.js';

/** A table cell: pipes escaped, line breaks as <br> (GFM cells are one line). */
export function markdownCell(value: string): string {
  return value
    .replace(/\\/gu, '\\\\')
    .replace(/\|/gu, '\\|')
    .replace(/\r\n|\r|\n/gu, '<br>');
}

const cellOf = (v: Value) => markdownCell(formatValue(v));

export function renderMarkdown(doc: ReportDocument): string {
  const out: string[] = [`# ${doc.title}`, '', doc.subtitle, ''];
  for (const block of doc.blocks) out.push(...renderBlock(block), '');
  return `${out
    .join('\n')
    .replace(/\n{3,}/gu, '\n\n')
    .trimEnd()}\n`;
}

function renderBlock(block: Block): string[] {
  switch (block.kind) {
    case 'heading':
      return [`${'#'.repeat(block.level + 1)} ${block.text}`];
    case 'paragraph':
      return [block.text];
    case 'userText':
      return userTextLines(block.text);
    case 'list':
      return block.items.map((item) => `- ${oneLine(item)}`);
    case 'keyValues':
      return block.rows.map((row) => `- **${row.label}**：${keyValueText(row)}`);
    case 'table':
      return [
        `| ${block.columns.map((c) => markdownCell(c.header)).join(' | ')} |`,
        `|${block.columns.map(() => ' --- ').join('|')}|`,
        ...block.rows.map((row) => `| ${row.map(cellOf).join(' | ')} |`),
      ];
    case 'chart':
      return [`> ${block.caption}：${block.alt}`];
  }
}

const oneLine = (s: string) => s.replace(/\r\n|\r|\n/gu, ' ');

/** Paragraphs separated by a blank line; consecutive "- " lines stay one list. */
function userTextLines(text: string): string[] {
  const out: string[] = [];
  let inList = false;
  for (const raw of text.split(/\r\n|\r|\n/u)) {
    const line = raw.trimEnd();
    if (line.trim() === '') {
      inList = false;
      continue;
    }
    const isItem = line.startsWith('- ');
    if (out.length > 0 && !(isItem && inList)) out.push('');
    out.push(line);
    inList = isItem;
  }
  return out;
}
