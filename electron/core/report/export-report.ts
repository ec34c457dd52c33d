/**
 * One report file, written safely: the request is checked, the writer for the format writes
 * `<outPath>.<random>.tmp` in the same folder, the temp file is fsynced and renamed over
 * outPath. Any error or an abort removes the temp file and rethrows (an abort as AbortError),
 * so there is never a half file, and an existing good file at outPath is only ever replaced by
 * a complete one.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { REPORT_FORMATS, type Report } from '../../../shared/api/report.js';
import { writeCsv } from './formats/csv.js';
import { renderDocx } from './formats/docx.js';
import { renderMarkdown } from './formats/markdown.js';
import { progressTracker } from './formats/progress.js';
import { buildReportDocument } from './formats/sections.js';
import { end, type RowCounts, type WriterContext } from './formats/sink.js';
import { periodChartSvg, renderPng, trendChartSvg, type ChartImage } from './formats/trend-chart.js';
import { writeXlsx } from './formats/xlsx.js';
import type { ExportRequest, ExportResult } from './types.js';

export class ExportRequestError extends Error {
  override name = 'ExportRequestError';
}

function abortError(): Error {
  return new DOMException('the export was cancelled', 'AbortError');
}

/** Refuses a request that cannot produce a file, before anything is written. */
function checkRequest(req: ExportRequest): void {
  if (!(REPORT_FORMATS as readonly string[]).includes(req.format)) {
    throw new ExportRequestError(
      `unknown export format "${String(req.format)}" (expected ${REPORT_FORMATS.join(', ')})`,
    );
  }
  const report: Report | undefined = req.report;
  if (!report || (report.kind !== 'show' && report.kind !== 'period')) {
    throw new ExportRequestError('the report to export is missing or not a show or period report');
  }
  if (typeof req.outPath !== 'string' || req.outPath.trim() === '' || req.outPath.endsWith(path.sep)) {
    throw new ExportRequestError(`the output path must name a file, got "${String(req.outPath)}"`);
  }
  const dir = path.dirname(path.resolve(req.outPath));
  let stat: fs.Stats;
  try {
    stat = fs.statSync(dir);
  } catch {
    throw new ExportRequestError(`cannot write ${req.outPath}: the folder ${dir} does not exist`);
  }
  if (!stat.isDirectory())
    throw new ExportRequestError(`cannot write ${req.outPath}: ${dir} is not a folder`);
  if (fs.statSync(req.outPath, { throwIfNoEntry: false })?.isDirectory()) {
    throw new ExportRequestError(`cannot write ${req.outPath}: it is a folder`);
  }
}

function chartFor(report: Report): ChartImage | null {
  const svg =
    report.kind === 'show'
      ? trendChartSvg(report.trend)
      : periodChartSvg(report.shows.map((s) => ({ at: s.startedAt, gmv: s.gmv })));
  return svg === null ? null : renderPng(svg);
}

async function writeFormat(req: ExportRequest, ctx: WriterContext): Promise<RowCounts> {
  const doc = buildReportDocument(req.report);
  switch (req.format) {
    case 'md': {
      ctx.progress.phase('summary', 0, 0.5);
      await end(ctx.out, renderMarkdown(doc));
      return { blocks: doc.blocks.length };
    }
    case 'docx': {
      ctx.progress.phase('chart', 0, 0.4);
      const chart = chartFor(req.report);
      req.signal?.throwIfAborted();
      ctx.progress.phase('summary', 0.4, 0.8);
      const buffer = await renderDocx(doc, chart);
      req.signal?.throwIfAborted();
      ctx.progress.phase('writing', 0.8, 1);
      await end(ctx.out, buffer);
      return { blocks: doc.blocks.length, images: chart ? 1 : 0 };
    }
    case 'xlsx':
      return writeXlsx(ctx, doc);
    case 'csv':
      return writeCsv(ctx);
  }
}

async function openTemp(outPath: string): Promise<{ tmp: string; out: fs.WriteStream }> {
  const tmp = `${outPath}.${randomBytes(6).toString('hex')}.tmp`;
  const out = fs.createWriteStream(tmp, { flags: 'wx' });
  try {
    await new Promise<void>((resolve, reject) => {
      out.once('open', () => resolve());
      out.once('error', reject);
    });
  } catch (err) {
    throw new Error(`cannot write ${outPath}: ${describe(err)}`, { cause: err });
  }
  return { tmp, out };
}

function describe(err: unknown): string {
  if (err && typeof err === 'object' && 'code' in err) {
    const code = String((err as { code: unknown }).code);
    const words: Record<string, string> = {
      EACCES: 'permission denied',
      EPERM: 'permission denied',
      EROFS: 'the disk is read-only',
      ENOSPC: 'the disk is full',
      ENOENT: 'the folder does not exist',
      ENOTDIR: 'a part of the path is not a folder',
      EISDIR: 'it is a folder',
      ENAMETOOLONG: 'the file name is too long',
    };
    if (words[code]) return `${words[code]} (${code})`;
  }
  return err instanceof Error ? err.message : String(err);
}

async function syncAndClose(tmp: string): Promise<void> {
  const handle = await fsp.open(tmp, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** The rename is durable once the folder's entry is on disk too (not supported everywhere). */
async function syncDir(dir: string): Promise<void> {
  try {
    const handle = await fsp.open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Windows cannot open a folder for fsync; the rename itself is still atomic there.
  }
}

export async function exportReport(req: ExportRequest): Promise<ExportResult> {
  checkRequest(req);
  req.signal?.throwIfAborted();
  const progress = progressTracker(req.onProgress);
  const { tmp, out } = await openTemp(req.outPath);
  const closed = new Promise<void>((resolve) => out.once('close', () => resolve()));
  // A stream error (disk full …) must not go unhandled while a writer is busy elsewhere.
  let streamError: unknown = null;
  out.on('error', (err) => {
    streamError ??= err;
  });
  try {
    const rows = await writeFormat(req, {
      report: req.report,
      rows: req.rows,
      out,
      progress,
      signal: req.signal,
      ...(req.source ? { source: req.source } : {}),
      tmpPrefix: tmp,
    });
    await closed;
    if (streamError) throw streamError;
    req.signal?.throwIfAborted();
    await syncAndClose(tmp);
    await fsp.rename(tmp, req.outPath);
    await syncDir(path.dirname(path.resolve(req.outPath)));
    const { size } = await fsp.stat(req.outPath);
    progress.finish();
    return { path: req.outPath, bytes: size, rows };
  } catch (err) {
    // Taken before destroy(): a writer still busy may then fail on the closed stream, which is a
    // consequence, not the cause.
    const fileError = streamError;
    out.destroy();
    await closed;
    await fsp.rm(tmp, { force: true });
    if (req.signal?.aborted) throw abortError();
    if (err instanceof Error && err.name === 'AbortError') throw err;
    throw fileError
      ? new Error(`cannot write ${req.outPath}: ${describe(fileError)}`, { cause: fileError })
      : err;
  }
}
