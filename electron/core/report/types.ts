/**
 * The seams between the report's parts: the data layer (build-report.ts, report-rows.ts) gives a
 * Report and streams of rows; the format writers (formats/*) turn them into a file;
 * export-jobs.ts runs that off the thread that serves the UI. Rows are streamed in batches so an
 * 8-hour show with millions of comments is never held in memory at once.
 */
import type { CommentCsvFile } from '../store/comment-csv-log.js';
import type { CommentRow } from '../../../shared/api/contract.js';
import type { AlertView } from '../../../shared/api/alerts.js';
import type { QuestionState } from '../../../shared/api/replies.js';
import type { Report, ReportFormat } from '../../../shared/api/report.js';
import type { DatabaseSource } from './formats/sink.js';

/** One viewer question with its reply, for the Excel sheet 问题与回复. */
export interface QuestionExportRow {
  id: number;
  /** Feed clock of the comment. */
  ts: number;
  nickname: string;
  text: string;
  groupKey: string;
  state: QuestionState;
  answeredAt: number | null;
  responseMs: number | null;
  /** The FAQ entry whose answer was used, and its question (null: answered by hand / not yet). */
  faqId: string | null;
  faqQuestion: string | null;
}

/** Rows too many to put in a Report; each generator yields batches, oldest first. */
export interface ReportRows {
  /** How many comments `comments` will yield (for progress), cheap (no full scan). */
  commentCount(showId: string): number;
  comments(showId: string, batchSize?: number): Generator<CommentRow[]>;
  questionCount(showId: string): number;
  questions(showId: string, batchSize?: number): Generator<QuestionExportRow[]>;
  /** Every alert of the show, oldest first (a few hundred at most). */
  alerts(showId: string): AlertView[];
  /**
   * The show's CSV log when it holds exactly `expectedRows` comments (the CSV export copies it
   * instead of reading them); absent or null: read `comments`.
   */
  commentLog?(showId: string, expectedRows: number): CommentCsvFile | null;
}

/** phase: a stable key ('summary', 'timeline', 'comments', 'questions', 'chart', 'writing' …). */
export type ExportProgress = (phase: string, fraction: number) => void;

export interface ExportRequest {
  report: Report;
  rows: ReportRows;
  format: ReportFormat;
  /** The final path; the writer writes `<outPath>.<random>.tmp` and renames it when complete. */
  outPath: string;
  onProgress?: ExportProgress;
  /** Aborting stops the writer between batches, removes the temp file and rejects with AbortError. */
  signal?: AbortSignal;
  /** The rows' database file: the XLSX writer builds its two big sheets on threads of their own. */
  source?: DatabaseSource;
}

export interface ExportResult {
  path: string;
  bytes: number;
  /** Rows written per sheet/table (e.g. { comments: 14000000 }), for logs and tests. */
  rows: Record<string, number>;
}
