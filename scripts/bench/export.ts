/**
 * The post-show report (直播工作总结) of the big finished show (8 h, ~14.7 M comments) in every
 * format, through the export CLI exactly as `npm run export -- --data-dir … --show … --format …`
 * runs it (a process of its own, read-only connection), on the cached database. Per format: wall
 * time from spawn to exit (Node and tsx start included) and the process's peak RSS (max-rss.mjs,
 * preloaded). One warm-up round excluded; median with min/max per format, each held to the 10 s
 * bar; the total is the sum of the per-format medians (all formats, one after the other), shown
 * beside them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { REPORT_FORMATS, type ReportFormat } from '../../shared/api/report.js';
import { ROOT, spawnScript } from './child-process.js';
import { tempDir, type BenchContext } from './context.js';
import { atMost, roundTo, summarise, unavailable, type Measurement } from './result.js';

const CLI = 'scripts/export.ts';
const REQUIRED = [CLI, 'electron/core/report/build-report.ts', 'electron/core/report/export-report.ts'];

interface ExportRun {
  ms: number;
  maxRssMB: number;
  /** Stopped at the time limit: `ms` is a lower bound and no file was written. */
  capped: boolean;
  bytes: number;
}

/** Peak RSS so far of a live process (VmHWM), for a run stopped before it could report its own. */
function peakRssMB(pid: number): number {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

async function exportOnce(
  dataDir: string,
  showId: string,
  format: ReportFormat,
  outDir: string,
  limitMs: number,
): Promise<ExportRun> {
  const out = path.join(outDir, `report.${format}`);
  fs.rmSync(out, { force: true });
  const started = performance.now();
  const child = spawnScript(
    CLI,
    ['--data-dir', dataDir, '--show', showId, '--format', format, '--out', out],
    {
      nodeArgs: ['--import', path.join(ROOT, 'scripts/bench/max-rss.mjs')],
    },
  );
  let lastPeak = NaN;
  const sampler = setInterval(() => (lastPeak = peakRssMB(child.pid)), 200);
  try {
    const report = await Promise.race([
      child.message<{ maxRssKB: number }>('maxrss', limitMs + 60_000),
      new Promise<null>((resolve) => setTimeout(() => resolve(null), limitMs)),
    ]);
    if (report === null) {
      const peak = peakRssMB(child.pid);
      await child.stop(1000);
      return { ms: limitMs, maxRssMB: Number.isNaN(peak) ? lastPeak : peak, capped: true, bytes: 0 };
    }
    const code = await child.exited;
    const ms = performance.now() - started;
    if (code !== 0 || !fs.existsSync(out))
      throw new Error(`export --format ${format} failed (exit ${code}):\n${child.output()}`);
    return { ms, maxRssMB: report.maxRssKB / 1024, capped: false, bytes: fs.statSync(out).size };
  } finally {
    clearInterval(sampler);
  }
}

export async function benchExport(ctx: BenchContext): Promise<Measurement[]> {
  const missing = REQUIRED.filter((file) => !fs.existsSync(path.join(ROOT, file)));
  if (missing.length > 0) {
    return [
      unavailable(
        'export-total',
        's',
        `the report export (issue 8) is not in this checkout: ${missing.join(', ')} missing`,
        atMost(10, 's'),
      ),
    ];
  }
  const show = await ctx.bigShow();
  const runs = ctx.quick ? 1 : 3;
  // The first run of each format is the warm-up, excluded. A format whose warm-up takes more than
  // twice the bar is a miss however its warm runs go: stop it at the limit (a lower bound) and do
  // not repeat it, so one slow format cannot take the whole run's time. (Up to 20 s it is
  // repeated: a warm-up of 10.0–10.4 s was followed by warm runs of 8.8–9.2 s for the XLSX.)
  const limitMs = ctx.quick ? 20_000 : 30_000;
  const repeatBelowMs = 20_000;
  const out = tempDir('export');
  try {
    const byFormat = new Map<ReportFormat, ExportRun[]>();
    const notes = new Map<ReportFormat, string>();
    for (const format of REPORT_FORMATS) {
      const first = await exportOnce(show.dataDir, show.showId, format, out.dir, limitMs);
      ctx.log(
        `export ${format}: ${(first.ms / 1000).toFixed(1)} s${first.capped ? ' (stopped at the limit)' : ''}`,
      );
      if (first.capped || first.ms > repeatBelowMs) {
        // Too slow to repeat: the one run is the figure (no warm-up to exclude).
        byFormat.set(format, [first]);
        notes.set(
          format,
          first.capped
            ? `stopped after ${limitMs / 1000} s: more than that, no file written`
            : 'one run (its warm-up took over twice the bar; not repeated)',
        );
        continue;
      }
      const timed: ExportRun[] = [];
      for (let i = 0; i < runs; i++)
        timed.push(await exportOnce(show.dataDir, show.showId, format, out.dir, limitMs));
      byFormat.set(format, timed);
    }
    const size = `${show.hours} h show, ${show.comments.toLocaleString('en-US')} comments`;
    const mb = (x: number) => (Number.isFinite(x) ? `${Math.round(x)} MB` : 'n/a');
    const rows: Measurement[] = REPORT_FORMATS.map((format) => {
      const list = byFormat.get(format)!;
      const peak = Math.max(...list.map((r) => r.maxRssMB));
      const file = list.find((r) => !r.capped);
      return {
        name: `export-${format}`,
        ...summarise(
          list.map((r) => r.ms / 1000),
          2,
        ),
        unit: 's',
        target: atMost(10, 's'),
        note: [
          notes.get(format),
          `peak RSS ${mb(peak)}`,
          file ? `${(file.bytes / 1024 / 1024).toFixed(1)} MB file` : null,
          size,
        ]
          .filter(Boolean)
          .join('; '),
      };
    });
    const medians = rows.map((r) => r.value ?? 0);
    const total = medians.reduce((a, b) => a + b, 0);
    const all = [...byFormat.values()].flat();
    const peaks = all.map((r) => r.maxRssMB).filter(Number.isFinite);
    const capped = all.some((r) => r.capped);
    return [
      {
        name: 'export-total',
        value: roundTo(total, 2),
        min: roundTo(total, 2),
        max: roundTo(total, 2),
        runs: 1,
        unit: 's',
        // Supporting, not the bar: a user exports one format at a time, and the bar is per export
        // (issue 8: "exports its report in under 10 s"); this is all four one after the other.
        note: `sum of the per-format figures (${REPORT_FORMATS.join(', ')}), each through the CLI in its own process${capped ? '; a lower bound: a format was stopped at the limit' : ''}`,
      },
      ...rows,
      {
        name: 'export-peak-rss',
        value: peaks.length ? roundTo(Math.max(...peaks), 0) : null,
        min: peaks.length ? roundTo(Math.min(...peaks), 0) : null,
        max: peaks.length ? roundTo(Math.max(...peaks), 0) : null,
        runs: peaks.length,
        unit: 'MB',
        note: 'peak resident memory of one export process (value: the highest of any format and run)',
      },
    ];
  } finally {
    out.remove();
  }
}
