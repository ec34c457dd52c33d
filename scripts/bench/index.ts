/** `npm run bench`: runs the benchmarks, prints a table, writes bench/results.json. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchAlertLatency } from './alert-latency.js';
import { benchChartRender } from './chart-render.js';
import { benchFaq } from './faq.js';
import { benchIngest, type BenchResult } from './ingest.js';
import { benchKeywords } from './keywords.js';
import { benchRender } from './render.js';
import { benchReplies } from './replies.js';

const root = path.resolve(import.meta.dirname, '../..');

async function main(): Promise<void> {
  const results: BenchResult[] = [
    ...(await benchIngest()),
    ...(await benchFaq()),
    ...(await benchReplies()),
    ...(await benchKeywords()),
    ...(await benchRender()),
    ...(await benchChartRender()),
    ...(await benchAlertLatency()),
  ];
  console.table(
    results.map((r) => ({
      benchmark: r.name,
      median: `${r.value.toLocaleString('en-US')} ${r.unit}`,
      'min–max': `${r.min.toLocaleString('en-US')}–${r.max.toLocaleString('en-US')}`,
      runs: r.runs,
      ratio: r.ratio ?? '',
    })),
  );
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`;
  fs.mkdirSync(path.join(root, 'bench'), { recursive: true });
  fs.writeFileSync(
    path.join(root, 'bench/results.json'),
    JSON.stringify({ date: new Date().toISOString(), machine, results }, null, 2) + '\n',
  );
  console.log(`machine: ${machine}\nwritten: bench/results.json`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
