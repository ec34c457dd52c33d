/**
 * 评论 and 问题与回复, the two sheets that can hold a million rows each: built at the same time in
 * two worker threads (xlsx-sheet-worker.ts) when the rows come from a database file, each
 * deflated into a temp file beside the output, then copied into the package in sheet order. On
 * this 2-core machine that halves the time the two took one after the other (each is SQLite
 * stepping, row XML and UTF-8 encoding on one core; deflate on the thread pool). A sheet whose
 * thread cannot start is built here, as it always was.
 *
 * Their styles and shared labels are registered in the workbook first, in the order building
 * them here would, so the workers' ids, styles.xml and sharedStrings.xml are the same either way.
 */
import type { RowCounts, WriterContext } from './sink.js';
import {
  COMMENTS_COLUMNS,
  COMMENTS_SHEET,
  commentsPlan,
  commentsSheet,
  QUESTIONS_COLUMNS,
  QUESTIONS_SHEET,
  questionsPlan,
  questionsSheet,
  SHARED_LABELS,
} from './xlsx-rows.js';
import type { BigSheet } from './xlsx-sheet-protocol.js';
import { startSheetJob, type SheetJob } from './xlsx-sheet-job.js';
import { dataSheetStyles } from './xlsx-sheet.js';
import { styleKey, type XlsxWorkbook } from './xlsx-workbook.js';

interface Plan {
  sheet: BigSheet;
  name: string;
  total: number;
  limit: number;
}

export async function bigSheets(
  wb: XlsxWorkbook,
  ctx: WriterContext,
  showId: string,
  maxRows: number,
  span: { from: number; to: number },
): Promise<RowCounts> {
  const commentTotal = ctx.rows.commentCount(showId);
  const questionTotal = ctx.rows.questionCount(showId);
  const comments = commentsPlan(commentTotal, maxRows);
  const questions = questionsPlan(questionTotal, maxRows);
  const plans: Plan[] = [
    { sheet: 'comments', name: COMMENTS_SHEET, total: commentTotal, limit: comments.limit },
    { sheet: 'questions', name: QUESTIONS_SHEET, total: questionTotal, limit: questions.limit },
  ];
  const styles = [
    ...dataSheetStyles(COMMENTS_COLUMNS, comments.note),
    ...dataSheetStyles(QUESTIONS_COLUMNS, questions.note),
  ].map((s): [string, number] => [styleKey(s), wb.style(s)]);
  const shared = SHARED_LABELS.map((t): [string, number] => [t, wb.sharedString(t)]);

  // One progress span for both, by rows: they advance together.
  const done = [0, 0];
  const all = Math.max(1, comments.limit + questions.limit);
  let step = ctx.progress.phase('comments', span.from, span.to);
  const progressOf = (i: number) => (n: number) => {
    done[i] = n;
    step(done[0]! + done[1]!, all);
  };

  const jobs: (SheetJob | null)[] = plans.map((plan, i) =>
    ctx.source && ctx.tmpPrefix && plan.limit > 0
      ? startSheetJob(
          {
            file: ctx.source.file,
            ...(ctx.source.nativeBinding ? { nativeBinding: ctx.source.nativeBinding } : {}),
            sheet: plan.sheet,
            showId,
            total: plan.total,
            maxRows,
            styles,
            shared,
            spillPath: `${ctx.tmpPrefix}.${plan.sheet}`,
            level: wb.zipLevel,
          },
          progressOf(i),
          ctx.signal,
        )
      : null,
  );
  const counts: RowCounts = {};
  try {
    for (const [i, plan] of plans.entries()) {
      if (i > 0) step = ctx.progress.phase(plan.sheet, span.from, span.to);
      const spilled = (await jobs[i]?.result) ?? null;
      ctx.signal?.throwIfAborted();
      if (spilled) {
        await wb.addDeflatedSheet(plan.name, spilled.data);
        counts[plan.sheet] = spilled.rows;
        progressOf(i)(spilled.rows);
      } else {
        const build = plan.sheet === 'comments' ? commentsSheet : questionsSheet;
        counts[plan.sheet] = await build(wb, ctx, showId, plan.total, progressOf(i), maxRows);
      }
      await jobs[i]?.dispose();
    }
  } finally {
    await Promise.all(jobs.map((job) => job?.dispose()));
  }
  return counts;
}
