/**
 * `npm run export -- --data-dir DIR --show <id|latest> --format docx|xlsx|md|csv [--out FILE]`
 * `npm run export -- --data-dir DIR --from YYYY-MM-DD --to YYYY-MM-DD [--room ID] --format … [--out FILE]`
 * Writes the 直播工作总结 of a show or a period from a data directory, in this process, over a
 * read-only connection: a running app on the same data directory is not disturbed.
 * Exit codes: 0 written (path on stdout), 1 the export failed (reason on stderr), 2 bad flags.
 */
import path from 'node:path';
import { parseFlags } from '../electron/core/cli-flags.js';
import type { Store } from '../electron/core/store/store.js';
import {
  REPORT_FORMATS,
  ReportScopeSchema,
  type ReportFormat,
  type ReportScope,
} from '../shared/api/report.js';

const USAGE = `usage: npm run export -- --data-dir DIR --show <id|latest> --format docx|xlsx|md|csv [--out FILE]
       npm run export -- --data-dir DIR --from YYYY-MM-DD --to YYYY-MM-DD [--room ID] --format … [--out FILE]
  --data-dir  the data directory holding livedesk.db (the app may be running on it)
  --show      a show id, or "latest" for the newest show
  --from/--to a period report: shows that started on these days (inclusive, local time)
  --room      with --from/--to: only this room's shows
  --format    docx (Word), xlsx (Excel), md (Markdown) or csv (the show's raw comments)
  --out       the file to write (default: <data-dir>/exports/<readable name>)`;

class UsageError extends Error {}

/** What the flags ask for; `show: 'latest'` is resolved once the database is open. */
interface ExportOptions {
  dataDir: string;
  target: { kind: 'show'; show: string } | Exclude<ReportScope, { kind: 'show' }>;
  format: ReportFormat;
  out: string | null;
}

const MAX_PATH = 4096;

function isFormat(value: string): value is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(value);
}

function parseOptions(argv: string[]): ExportOptions | 'help' {
  const values = parseFlags(
    argv,
    {
      'data-dir': { type: 'string' },
      show: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      room: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    (message) => new UsageError(message),
  );
  if (values.help) return 'help';
  const dataDir = values['data-dir']?.trim() ?? '';
  if (dataDir === '') throw new UsageError('--data-dir is required');
  const format = values.format?.trim() ?? '';
  if (format === '') throw new UsageError(`--format is required (${REPORT_FORMATS.join(', ')})`);
  if (!isFormat(format))
    throw new UsageError(`--format must be one of ${REPORT_FORMATS.join(', ')} (got "${format}")`);
  const out = values.out?.trim() ?? null;
  if (out === '') throw new UsageError('--out needs a file name');
  if (out !== null && path.extname(out) !== '' && path.extname(out).toLowerCase() !== `.${format}`)
    throw new UsageError(`--out ends in ${path.extname(out)} but --format is ${format}`);
  if (dataDir.length > MAX_PATH || (out?.length ?? 0) > MAX_PATH)
    throw new UsageError(`paths are limited to ${MAX_PATH} characters`);

  const show = values.show?.trim();
  const period = values.from !== undefined || values.to !== undefined;
  if (show !== undefined && period) throw new UsageError('give either --show or --from/--to, not both');
  if (show !== undefined) {
    if (values.room !== undefined) throw new UsageError('--room goes with --from/--to, not --show');
    if (show === '' || show.length > 200) throw new UsageError('--show needs a show id or "latest"');
    return { dataDir, target: { kind: 'show', show }, format, out };
  }
  if (!period) throw new UsageError('give --show <id|latest>, or --from and --to for a period report');
  if (values.from === undefined) throw new UsageError('--from is required with --to');
  if (values.to === undefined) throw new UsageError('--to is required with --from');
  const parsed = ReportScopeSchema.safeParse({
    kind: 'period',
    from: values.from.trim(),
    to: values.to.trim(),
    roomId: values.room?.trim() || null,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const flag = issue?.path[0] === 'roomId' ? '--room' : `--${String(issue?.path[0] ?? 'from')}`;
    throw new UsageError(`${flag}: ${issue?.message ?? 'invalid'}`);
  }
  if (parsed.data.kind !== 'period') throw new UsageError('expected a period');
  return { dataDir, target: parsed.data, format, out };
}

function resolveScope(store: Store, target: ExportOptions['target']): ReportScope {
  if (target.kind === 'period') return target;
  if (target.show !== 'latest') return { kind: 'show', showId: target.show };
  const latest = store.listShows()[0];
  if (!latest) throw new Error('there is no show in this data directory yet');
  return { kind: 'show', showId: latest.id };
}

/** One stderr line each time the export passes another tenth. */
function progressPrinter(): (phase: string, fraction: number) => void {
  let printed = -1;
  return (phase, fraction) => {
    const tenth = Math.floor(Math.min(1, Math.max(0, fraction)) * 10);
    if (tenth <= printed) return;
    printed = tenth;
    process.stderr.write(`export: ${tenth * 10}% (${phase})\n`);
  };
}

async function main(): Promise<void> {
  let options: ExportOptions | 'help';
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    console.error(`export: ${err.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (options === 'help') {
    console.log(USAGE);
    return;
  }

  // Loaded once the flags are good: the writers (Word, Excel, the chart renderer) take a moment
  // to load, and a typo should be answered at once.
  const [{ buildReport }, { EXPORTS_DIR, exportFileName, uniqueExportPath }, run] = await Promise.all([
    import('../electron/core/report/build-report.js'),
    import('../electron/core/report/export-file-name.js'),
    import('../electron/core/report/export-run.js'),
  ]);
  const { describeError, isAbortError, openReadonlyStore, runExport } = run;
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  let store: Store | null = null;
  try {
    store = openReadonlyStore(options.dataDir);
    const scope = resolveScope(store, options.target);
    const report = buildReport(store, scope, { now: Date.now() });
    const outPath = options.out
      ? path.resolve(options.out)
      : uniqueExportPath(
          path.join(options.dataDir, EXPORTS_DIR),
          exportFileName(scope, report.kind === 'show' ? report.show : null, options.format),
        );
    const result = await runExport({
      store,
      report,
      format: options.format,
      outPath,
      signal: controller.signal,
      onProgress: progressPrinter(),
    });
    console.log(result.path);
  } catch (err) {
    console.error(isAbortError(err) ? 'export: cancelled, nothing written' : `export: ${describeError(err)}`);
    process.exitCode = 1;
  } finally {
    store?.close();
  }
}

void main();
