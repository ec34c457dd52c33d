/**
 * The soak row of `npm run bench`: soak.ts in a child process (its own heap, `--expose-gc`), and
 * its database cached as the big show (big-show.ts) unless one is cached already.
 */
import fs from 'node:fs';
import { bigShowSpec, cacheBigShow, readCachedBigShow, runSoakChild, soakCodeHash } from './big-show.js';
import type { BenchContext } from './context.js';
import type { SoakResult } from './soak.js';
import { atMost, roundTo, type Measurement } from './result.js';

/**
 * The soak takes minutes (14.7 M comments through the whole core). Its figure is re-measured
 * whenever the code it runs changed (soakCodeHash) or with --fresh; otherwise the cached show's
 * own soak run is reported, marked as such — same code, same deterministic data.
 */
export async function benchSoak(ctx: BenchContext): Promise<Measurement[]> {
  const spec = bigShowSpec(ctx.seed, ctx.quick);
  const cached = readCachedBigShow(spec);
  const hash = soakCodeHash();
  if (!ctx.fresh && cached?.soak && cached.codeHash === hash) {
    ctx.log(
      `soak: the cached show's soak ran this same code (${hash}) on ${cached.soakDate}: reported as measured then (--fresh to re-run)`,
    );
    return soakRows(cached.soak, `reused: measured ${cached.soakDate} on identical code (${hash}); `);
  }
  const { result, stagingDir } = await runSoakChild(spec, ctx.log);
  try {
    // The database and the soak figure in the cache always come from the same run.
    cacheBigShow(spec, stagingDir, result);
  } finally {
    fs.rmSync(stagingDir, { recursive: true, force: true });
  }
  return soakRows(result, '');
}

function soakRows(result: SoakResult, provenance: string): Measurement[] {
  const first = result.samples.find((s) => s.hour === 2) ?? result.samples[0];
  const last = result.samples.at(-1);
  const range = (pick: (s: { heapMB: number; rssMB: number }) => number) =>
    first && last
      ? `${pick(first).toFixed(1)} → ${pick(last).toFixed(1)} MB from hour ${first.hour} to ${last.hour}`
      : '';
  const single = (x: number) => ({ value: roundTo(x, 2), min: roundTo(x, 2), max: roundTo(x, 2), runs: 1 });
  const show = `${result.hours} h at ${result.rate}/s (seed ${result.seed}): ${result.comments.toLocaleString('en-US')} comments`;
  return [
    {
      name: 'soak-heap-growth',
      ...single(result.heapGrowthMBPerHour),
      unit: 'MB/hour',
      target: atMost(5, 'MB/hour'),
      note: `${provenance}least-squares slope of heapUsed after a GC every 10 simulated minutes, hour 1 excluded (warm-up); ${range((s) => s.heapMB)}; ${show}`,
    },
    {
      name: 'soak-rss-growth',
      ...single(result.rssGrowthMBPerHour),
      unit: 'MB/hour',
      target: atMost(5, 'MB/hour'),
      note: `the same for RSS; ${range((s) => s.rssMB)}`,
    },
    {
      name: 'soak-wall-rate',
      ...single(result.comments / result.wallSeconds),
      unit: 'comments/s',
      note: `accelerated wall time ${Math.round(result.wallSeconds)} s (${result.feed === 'recording' ? 'replaying the recorded show, re-recording it as the app does' : 'simulator in the same process'}); database ${Math.round(result.dbMB)} MB, recording ${Math.round(result.recordingMB)} MB; ${result.updates} updates pushed`,
    },
  ];
}
