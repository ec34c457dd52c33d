/**
 * Report export speed and memory (not a test): a synthetic show with N comments (rows generated
 * on the fly, as a database cursor would hand them over; SQLite read time is not included) is
 * exported to each format; prints wall time, bytes and the peak RSS of a fresh process per
 * format (so one format's peak does not hide another's).
 *
 *   npx tsx scripts/bench/report-export.ts --comments 1000000 [--format csv] [--dir /tmp/x]
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPORT_FORMATS, type ReportFormat } from '../../shared/api/report.js';
import { exportReport } from '../../electron/core/report/export-report.js';
import { fixtureRows } from '../../tests/fixtures/report/rows.js';
import { fixtureShowReport } from '../../tests/fixtures/report/show-report.js';

interface Args {
  comments: number;
  format: ReportFormat | null;
  dir: string;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { comments: 1_000_000, format: null, dir: os.tmpdir() };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    if (flag === '--comments') {
      args.comments = Number(value);
      if (!Number.isInteger(args.comments) || args.comments < 0)
        throw new Error(`--comments: not a count: ${value}`);
    } else if (flag === '--format') {
      if (!(REPORT_FORMATS as readonly string[]).includes(value))
        throw new Error(`--format: one of ${REPORT_FORMATS.join(', ')}`);
      args.format = value as ReportFormat;
    } else if (flag === '--dir') args.dir = value;
    else throw new Error(`unknown flag ${flag}`);
  }
  return args;
}

async function runOne(format: ReportFormat, args: Args): Promise<void> {
  const outPath = path.join(args.dir, `bench-report-${process.pid}.${format}`);
  const started = performance.now();
  const result = await exportReport({
    report: fixtureShowReport({
      comments: { total: args.comments, perMinuteAvg: args.comments / 180, peakPerMin: null },
    }),
    rows: fixtureRows({ comments: args.comments, questions: Math.round(args.comments / 40) }),
    format,
    outPath,
  });
  const seconds = (performance.now() - started) / 1000;
  const peakMiB = process.resourceUsage().maxRSS / 1024;
  fs.rmSync(outPath, { force: true });
  console.log(
    JSON.stringify({
      format,
      comments: args.comments,
      seconds: +seconds.toFixed(2),
      bytes: result.bytes,
      peakRssMiB: Math.round(peakMiB),
      rows: result.rows,
    }),
  );
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.format) return runOne(args.format, args);
  // One process per format: maxRSS is a per-process high-water mark.
  for (const format of REPORT_FORMATS) {
    const child = spawnSync(
      process.execPath,
      [
        ...process.execArgv,
        process.argv[1]!,
        '--comments',
        String(args.comments),
        '--format',
        format,
        '--dir',
        args.dir,
      ],
      { stdio: 'inherit' },
    );
    if (child.status !== 0) throw new Error(`${format}: the export failed (exit ${child.status})`);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
