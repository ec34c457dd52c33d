/**
 * The report as ONE format-neutral document: headings, paragraphs, the user's text, key-value
 * lists, tables of typed values and the chart's place. Markdown, Word and the Excel sheet 总结
 * all render this model, so the three say the same thing by construction; only the raw rows
 * (comments, questions, per-minute timeline …) are added by the writers that carry them.
 */
import type { Report } from '../../../../shared/api/report.js';
import { periodDocument } from './period-sections.js';
import { showDocument } from './show-sections.js';
import type { ReportDocument } from './document-model.js';

export type { Block, Column, KeyValue, ReportDocument } from './document-model.js';

export function buildReportDocument(report: Report): ReportDocument {
  return report.kind === 'show' ? showDocument(report) : periodDocument(report);
}
