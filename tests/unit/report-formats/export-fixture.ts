/** Exports a fixture report to a temp folder through the real exportReport (temp file + rename). */
import fs from 'node:fs';
import path from 'node:path';
import type { Report, ReportFormat } from '../../../shared/api/report.js';
import { exportReport } from '../../../electron/core/report/export-report.js';
import type { ExportResult, ReportRows } from '../../../electron/core/report/types.js';
import { fixtureRows } from '../../fixtures/report/rows.js';
import { fixtureShowReport } from '../../fixtures/report/show-report.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

export interface Exported {
  result: ExportResult;
  data: Buffer;
  progress: [string, number][];
  dir: string;
}

const cleanups: (() => void)[] = [];

export function cleanupExports(): void {
  for (const c of cleanups.splice(0)) c();
}

export async function exportFixture(
  format: ReportFormat,
  opts: { report?: Report; rows?: ReportRows } = {},
): Promise<Exported> {
  const { dir, cleanup } = makeTempDir('livedesk-report-');
  cleanups.push(cleanup);
  const progress: [string, number][] = [];
  const result = await exportReport({
    report: opts.report ?? fixtureShowReport(),
    rows: opts.rows ?? fixtureRows(),
    format,
    outPath: path.join(dir, `report.${format}`),
    onProgress: (phase, fraction) => progress.push([phase, fraction]),
  });
  return { result, data: fs.readFileSync(result.path), progress, dir };
}
