/**
 * What a benchmark returns and what bench/results.json holds: the measured figure (median with
 * min/max over its runs), its target from issue 9 and whether it was met, the ceiling or peer
 * measured in the same run and the ratio to it. Pure functions: the harness (index.ts) and the
 * unit test (tests/unit/bench) share them.
 */

/** A figure measured in the same run that this one is compared with. */
export interface Reference {
  name: string;
  value: number;
}

/** A bar from the issue: the row's value (or its ratio to the reference) against a bound. */
export interface Target {
  on: 'value' | 'ratio';
  op: '>=' | '<=';
  bound: number;
  /** As people read it, e.g. "≥ 100,000 comments/s". */
  text: string;
}

/** What a benchmark measures. `value: null` means it could not be measured (see note). */
export interface Measurement {
  name: string;
  value: number | null;
  unit: string;
  min: number | null;
  max: number | null;
  runs: number;
  target?: Target;
  /** The best the hardware or the library underneath can do (raw SQLite inserts). */
  ceiling?: Reference;
  /** The best competing implementation. */
  peer?: Reference;
  note?: string;
}

/** One row of bench/results.json. */
export interface BenchResult {
  /** Which benchmark of the table the row belongs to (ingest, match, latency …). */
  benchmark: string;
  name: string;
  value: number | null;
  unit: string;
  min: number | null;
  max: number | null;
  runs: number;
  target: string | null;
  /** null: the row has no target of its own (a supporting figure) or could not be measured. */
  pass: boolean | null;
  ceiling?: Reference;
  peer?: Reference;
  ratio: number | null;
  note: string | null;
}

export interface BenchmarkSummary {
  name: string;
  /** All of its targets met; null when it has none or was not measured. */
  pass: boolean | null;
  seconds: number;
  date: string;
  quick: boolean;
}

export interface ResultsFile {
  date: string;
  machine: string;
  command: string;
  quick: boolean;
  /** Wall time of the run that wrote the file. */
  seconds: number;
  benchmarks: BenchmarkSummary[];
  results: BenchResult[];
}

const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** 100000 → "100,000"; 0.5 → "0.5". */
export function formatNumber(x: number): string {
  return numberFormat.format(x);
}

/** A target on the value: `atLeast(100_000, 'comments/s')` → "≥ 100,000 comments/s". */
export function atLeast(bound: number, unit: string, text?: string): Target {
  return { on: 'value', op: '>=', bound, text: text ?? `≥ ${formatNumber(bound)} ${unit}`.trim() };
}

export function atMost(bound: number, unit: string, text?: string): Target {
  return { on: 'value', op: '<=', bound, text: text ?? `≤ ${formatNumber(bound)} ${unit}`.trim() };
}

/** A target on the ratio to the row's ceiling or peer. */
export function ratioAtLeast(bound: number, text: string): Target {
  return { on: 'ratio', op: '>=', bound, text };
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) throw new RangeError('median of no samples');
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Nearest-rank percentile (p in 0–100) of samples in any order. */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) throw new RangeError('percentile of no samples');
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be 0–100, got ${p}`);
  const sorted = [...xs].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

export function roundTo(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Median, min and max of repeated runs, rounded to `digits` decimals. */
export function summarise(
  samples: readonly number[],
  digits = 0,
): Pick<Measurement, 'value' | 'min' | 'max' | 'runs'> {
  if (samples.length === 0) throw new RangeError('no samples to summarise');
  if (samples.some((x) => !Number.isFinite(x)))
    throw new RangeError(`non-finite sample in ${samples.join(', ')}`);
  return {
    value: roundTo(median(samples), digits),
    min: roundTo(Math.min(...samples), digits),
    max: roundTo(Math.max(...samples), digits),
    runs: samples.length,
  };
}

/** A row for a benchmark that could not run, saying why. */
export function unavailable(name: string, unit: string, reason: string, target?: Target): Measurement {
  return { name, value: null, unit, min: null, max: null, runs: 0, target, note: `not available: ${reason}` };
}

function compare(x: number, op: Target['op'], bound: number): boolean {
  return op === '>=' ? x >= bound : x <= bound;
}

/** The row as written: ratio to the ceiling (or peer) and the verdict against its target. */
export function toResult(benchmark: string, m: Measurement): BenchResult {
  const reference = m.ceiling ?? m.peer;
  const ratio =
    m.value !== null && reference && reference.value !== 0 && Number.isFinite(reference.value)
      ? roundTo(m.value / reference.value, 2)
      : null;
  let pass: boolean | null = null;
  if (m.target && m.value !== null) {
    const subject = m.target.on === 'value' ? m.value : ratio;
    pass = subject !== null && Number.isFinite(subject) && compare(subject, m.target.op, m.target.bound);
  }
  return {
    benchmark,
    name: m.name,
    value: m.value,
    unit: m.unit,
    min: m.min,
    max: m.max,
    runs: m.runs,
    target: m.target?.text ?? null,
    pass,
    ...(m.ceiling ? { ceiling: m.ceiling } : {}),
    ...(m.peer ? { peer: m.peer } : {}),
    ratio,
    note: m.note ?? null,
  };
}

/** A benchmark passes when every row with a target passes; a row that could not run fails it. */
export function benchmarkPass(rows: readonly BenchResult[]): boolean | null {
  const judged = rows.filter((r) => r.target !== null);
  if (judged.length === 0) return null;
  if (judged.some((r) => r.value === null)) return false;
  return judged.every((r) => r.pass === true);
}

/**
 * A run of some benchmarks (`--only`) over the previous file: their rows and summaries replace
 * the old ones, every other benchmark's stay as they were (each summary keeps its own date).
 */
export function mergeResults(previous: ResultsFile | null, run: ResultsFile): ResultsFile {
  if (!previous || previous.quick !== run.quick) return run;
  const ran = new Set(run.benchmarks.map((b) => b.name));
  const kept = previous.benchmarks.filter((b) => !ran.has(b.name));
  const order = [...kept, ...run.benchmarks].map((b) => b.name);
  const rank = (name: string) => order.indexOf(name);
  return {
    ...run,
    benchmarks: [...kept, ...run.benchmarks].sort((a, b) => rank(a.name) - rank(b.name)),
    results: [...previous.results.filter((r) => !ran.has(r.benchmark)), ...run.results].sort(
      (a, b) => rank(a.benchmark) - rank(b.benchmark),
    ),
  };
}

/** Checks a parsed results.json before merging into it: a malformed file is replaced, not merged. */
export function isResultsFile(value: unknown): value is ResultsFile {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<ResultsFile>;
  return (
    typeof v.date === 'string' &&
    typeof v.quick === 'boolean' &&
    Array.isArray(v.benchmarks) &&
    Array.isArray(v.results) &&
    v.results.every(
      (r: unknown) =>
        typeof r === 'object' &&
        r !== null &&
        typeof (r as BenchResult).benchmark === 'string' &&
        typeof (r as BenchResult).name === 'string',
    )
  );
}

const verdict = (pass: boolean | null) => (pass === null ? '' : pass ? 'pass' : 'MISS');

function valueText(r: BenchResult): string {
  return r.value === null ? 'n/a' : `${formatNumber(r.value)} ${r.unit}`;
}

function rangeText(r: BenchResult): string {
  return r.min === null || r.max === null ? '' : `${formatNumber(r.min)}–${formatNumber(r.max)}`;
}

function versusText(r: BenchResult): string {
  const reference = r.ceiling ?? r.peer;
  if (!reference || r.ratio === null) return '';
  return `${r.ratio} × ${reference.name}`;
}

const TABLE_HEAD = ['benchmark', 'row', 'median', 'min–max', 'runs', 'target', 'verdict', 'vs'];

function rowsOf(results: readonly BenchResult[]): string[][] {
  return results.map((r) => [
    r.benchmark,
    r.name,
    valueText(r),
    rangeText(r),
    String(r.runs),
    r.target ?? '',
    verdict(r.pass),
    versusText(r),
  ]);
}

/** Terminal table, columns padded to their widest cell. */
export function formatTable(results: readonly BenchResult[]): string {
  const rows = [TABLE_HEAD, ...rowsOf(results)];
  const widths = TABLE_HEAD.map((_, i) => Math.max(...rows.map((row) => [...row[i]!].length)));
  const line = (row: string[]) =>
    row
      .map((cell, i) => cell + ' '.repeat(widths[i]! - [...cell].length))
      .join('  ')
      .trimEnd();
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

/** The same table in Markdown, for docs/performance.md. */
export function formatMarkdown(results: readonly BenchResult[]): string {
  const escape = (cell: string) => cell.replace(/\|/g, '\\|');
  const rows = rowsOf(results).map((row) => `| ${row.map(escape).join(' | ')} |`);
  return [`| ${TABLE_HEAD.join(' | ')} |`, `| ${TABLE_HEAD.map(() => '---').join(' | ')} |`, ...rows].join(
    '\n',
  );
}

/** For a benchmark file run on its own: the table, then each row's note. */
export function printMeasurements(benchmark: string, rows: readonly Measurement[]): void {
  const results = rows.map((m) => toResult(benchmark, m));
  console.log(formatTable(results));
  for (const r of results) if (r.note) console.log(`${r.name}: ${r.note}`);
}
