import { describe, expect, it } from 'vitest';
import { shownLatencies } from '../../../scripts/bench/latency.js';
import {
  atLeast,
  atMost,
  benchmarkPass,
  formatMarkdown,
  formatTable,
  isResultsFile,
  median,
  mergeResults,
  percentile,
  ratioAtLeast,
  summarise,
  toResult,
  unavailable,
  type ResultsFile,
} from '../../../scripts/bench/result.js';

const file = (over: Partial<ResultsFile>): ResultsFile => ({
  date: '2026-11-23T00:00:00.000Z',
  machine: 'test',
  command: 'npm run bench',
  quick: false,
  seconds: 1,
  benchmarks: [],
  results: [],
  ...over,
});

describe('bench results: rows as written to results.json', () => {
  it('has the shape results.json promises, with the ratio to the ceiling', () => {
    const row = toResult('ingest', {
      name: 'ingest',
      value: 120_000,
      min: 110_000,
      max: 125_000,
      runs: 5,
      unit: 'comments/s',
      target: atLeast(100_000, 'comments/s'),
      ceiling: { name: 'sqlite-ceiling', value: 480_000 },
      note: 'whole pipeline',
    });
    expect(row).toEqual({
      benchmark: 'ingest',
      name: 'ingest',
      value: 120_000,
      unit: 'comments/s',
      min: 110_000,
      max: 125_000,
      runs: 5,
      target: '≥ 100,000 comments/s',
      pass: true,
      ceiling: { name: 'sqlite-ceiling', value: 480_000 },
      ratio: 0.25,
      note: 'whole pipeline',
    });
    // Through JSON and back, as the file is read for --only merges.
    expect(isResultsFile(JSON.parse(JSON.stringify(file({ results: [row] }))))).toBe(true);
  });

  it('computes pass from the target, both directions, on the boundary too', () => {
    const at = (value: number, target = atMost(150, 'ms')) =>
      toResult('latency', { name: 'p50', value, min: value, max: value, runs: 1, unit: 'ms', target }).pass;
    expect(at(150)).toBe(true);
    expect(at(150.1)).toBe(false);
    expect(at(99_999, atLeast(100_000, 'comments/s'))).toBe(false);
    expect(at(100_000, atLeast(100_000, 'comments/s'))).toBe(true);
  });

  it('judges a ratio target against the peer, and no target means no verdict', () => {
    const base = { name: 'match', min: 1, max: 1, runs: 5, unit: 'comments/s' };
    const peer = { name: 'keywords-monyone-fast', value: 4_000_000 };
    const target = ratioAtLeast(1, '≥ the faster peer');
    expect(toResult('match', { ...base, value: 3_900_000, peer, target })).toMatchObject({
      ratio: 0.98,
      pass: false,
    });
    expect(toResult('match', { ...base, value: 13_000_000, peer, target })).toMatchObject({
      ratio: 3.25,
      pass: true,
    });
    expect(toResult('match', { ...base, value: 5, peer })).toMatchObject({ pass: null, target: null });
    // A zero reference gives no ratio (and so a ratio target cannot pass).
    expect(toResult('match', { ...base, value: 5, peer: { name: 'p', value: 0 }, target })).toMatchObject({
      ratio: null,
      pass: false,
    });
  });

  it('an unavailable benchmark has no value, says why, and fails its benchmark', () => {
    const row = toResult('export', unavailable('export-total', 's', 'issue 8 not merged', atMost(10, 's')));
    expect(row).toMatchObject({
      value: null,
      pass: null,
      runs: 0,
      note: 'not available: issue 8 not merged',
    });
    expect(benchmarkPass([row])).toBe(false);
    const good = toResult('export', {
      name: 'x',
      value: 2,
      min: 2,
      max: 2,
      runs: 1,
      unit: 's',
      target: atMost(10, 's'),
    });
    const info = toResult('export', { name: 'rss', value: 300, min: 300, max: 300, runs: 1, unit: 'MB' });
    expect(benchmarkPass([good, info])).toBe(true);
    expect(benchmarkPass([info])).toBeNull();
  });
});

describe('bench results: statistics', () => {
  it('median of odd and even counts, nearest-rank percentiles, summaries rounded', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    const xs = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(xs, 50)).toBe(50);
    expect(percentile(xs, 99)).toBe(99);
    expect(percentile(xs, 100)).toBe(100);
    expect(percentile([7], 99)).toBe(7);
    expect(summarise([1.234, 5.678, 3.456], 1)).toEqual({ value: 3.5, min: 1.2, max: 5.7, runs: 3 });
    expect(() => summarise([])).toThrow(/no samples/);
    expect(() => summarise([1, Number.NaN])).toThrow(/non-finite/);
    expect(() => percentile([1], 101)).toThrow(/0–100/);
  });

  it('latency of a batch is when it or any newer batch was first in view', () => {
    const sent = new Map([
      [1, 1000],
      [2, 1050],
      [3, 1100],
      [4, 1150],
    ]);
    // Batch 2 scrolled past unseen; 4 was seen before 3 (same update); nothing after 4.
    const seen = new Map([
      [1, 1100],
      [3, 1300],
      [4, 1290],
    ]);
    expect(shownLatencies(sent, seen, 1, 4)).toEqual({ latencies: [100, 240, 190, 140], unseen: 0 });
    expect(shownLatencies(sent, new Map([[1, 1100]]), 1, 4)).toEqual({ latencies: [100], unseen: 3 });
  });
});

describe('bench results: --only merges and the printed tables', () => {
  const row = (benchmark: string, name: string, value: number) =>
    toResult(benchmark, { name, value, min: value, max: value, runs: 1, unit: 'ms' });
  const summary = (name: string, date: string) => ({ name, pass: null, seconds: 1, date, quick: false });

  it('replaces the rows of the benchmarks that ran and keeps the others in order', () => {
    const previous = file({
      benchmarks: [summary('soak', 'old'), summary('ingest', 'old'), summary('match', 'old')],
      results: [
        row('soak', 'soak', 1),
        row('ingest', 'ingest', 2),
        row('ingest', 'ingest-core', 3),
        row('match', 'match', 4),
      ],
    });
    const run = file({
      date: 'new',
      benchmarks: [summary('ingest', 'new')],
      results: [row('ingest', 'ingest', 20)],
    });
    const merged = mergeResults(previous, run);
    expect(merged.date).toBe('new');
    expect(merged.benchmarks.map((b) => `${b.name}:${b.date}`)).toEqual([
      'soak:old',
      'match:old',
      'ingest:new',
    ]);
    expect(merged.results.map((r) => `${r.name}=${r.value}`)).toEqual(['soak=1', 'match=4', 'ingest=20']);
    // Quick results never mix with full ones, and a malformed file is replaced.
    expect(mergeResults(file({ ...previous, quick: true }), run)).toBe(run);
    expect(mergeResults(null, run)).toBe(run);
    expect(isResultsFile({ date: 'x', quick: false, benchmarks: [], results: [{ name: 1 }] })).toBe(false);
  });

  it('prints every row with its verdict and reference', () => {
    const rows = [
      toResult('ingest', {
        name: 'ingest',
        value: 50_000,
        min: 1,
        max: 2,
        runs: 5,
        unit: 'comments/s',
        target: atLeast(100_000, 'comments/s'),
        ceiling: { name: 'sqlite-ceiling', value: 200_000 },
      }),
      toResult('export', unavailable('export-total', 's', 'missing')),
    ];
    const table = formatTable(rows);
    expect(table).toMatch(
      /ingest\s+ingest\s+50,000 comments\/s\s+1–2\s+5\s+≥ 100,000 comments\/s\s+MISS\s+0\.25 × sqlite-ceiling/,
    );
    expect(table).toMatch(/export\s+export-total\s+n\/a/);
    const md = formatMarkdown(rows).split('\n');
    expect(md).toHaveLength(4);
    expect(md[2]).toContain('| MISS | 0.25 × sqlite-ceiling |');
  });
});
