/**
 * FAQ matching throughput: comments/s normalised, classified (isQuestion) and, when a question,
 * matched against a 5,000-entry library — the default library expanded deterministically with
 * product / series / colour variants, the size a shop with many SKUs reaches. 200,000 comments
 * from the simulator's templates (resources/sim). Warm-up excluded; median of 5 runs with
 * min/max. Also the time to build the matcher (normalise triggers + Aho–Corasick automaton).
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseFaqLibrary, type FaqEntry } from '../../shared/faq/entry.js';
import { FaqMatcher } from '../../electron/core/faq/matcher.js';
import { isQuestion } from '../../electron/core/faq/question.js';
import { normaliseText } from '../../shared/text/normalise.js';
import type { BenchResult } from './ingest.js';

const root = path.resolve(import.meta.dirname, '../..');
const LIBRARY_SIZE = 5_000;
const COMMENTS = 200_000;
const SERIES = ['', '加绒', '加厚', '新款', '经典款', '男款', '女款', '儿童款', '升级版'];

interface SimProduct {
  id: string;
  shortName: string;
  colors?: string[];
  sizes?: string[];
}
interface SimComments {
  categories: Record<string, string[]>;
  cities: string[];
}

const readJson = (file: string): unknown => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every default entry once per (series, product): triggers prefixed with the product's name. */
export function expandLibrary(
  base: readonly FaqEntry[],
  products: readonly SimProduct[],
  size: number,
): FaqEntry[] {
  const entries: FaqEntry[] = [...base];
  for (const series of SERIES) {
    for (const product of products) {
      const name = series + product.shortName;
      for (const entry of base) {
        if (entries.length >= size) return entries;
        const extra = [...(product.colors ?? []), ...(product.sizes ?? []).map((s) => `${s}码`)];
        entries.push({
          ...entry,
          id: `${entry.id}-${product.id}-${entries.length}`,
          triggers: [...entry.triggers.map((t) => name + t), ...extra.map((v) => name + v)],
        });
      }
    }
  }
  return entries;
}

function generateComments(products: readonly SimProduct[], corpus: SimComments, n: number): string[] {
  const random = prng(42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const templates = Object.values(corpus.categories).flat();
  const comments: string[] = [];
  for (let i = 0; i < n; i++) {
    const product = pick(products);
    comments.push(
      pick(templates).replace(/\{(\w+)\}/g, (_, slot: string) => {
        switch (slot) {
          case 'product':
            return product.shortName;
          case 'link':
            return String(1 + Math.floor(random() * products.length));
          case 'color':
            return product.colors ? pick(product.colors) : '黑色';
          case 'size':
            return product.sizes ? pick(product.sizes) : 'M';
          case 'height':
            return String(150 + Math.floor(random() * 36));
          case 'weight':
            return String(85 + Math.floor(random() * 96));
          case 'city':
            return pick(corpus.cities);
          default:
            return '1万';
        }
      }),
    );
  }
  return comments;
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

function classifyAndMatch(
  matcher: FaqMatcher,
  comments: readonly string[],
): { ms: number; suggested: number } {
  let suggested = 0;
  const started = performance.now();
  for (const comment of comments) {
    const normalised = normaliseText(comment);
    if (isQuestion(normalised) && matcher.matchNormalised(normalised, 3).length > 0) suggested++;
  }
  return { ms: performance.now() - started, suggested };
}

function throughput(
  name: string,
  matcher: FaqMatcher,
  comments: readonly string[],
  runs: number,
): BenchResult {
  classifyAndMatch(matcher, comments); // warm-up
  const rates: number[] = [];
  let suggested = 0;
  for (let i = 0; i < runs; i++) {
    const r = classifyAndMatch(matcher, comments);
    suggested = r.suggested;
    rates.push(comments.length / (r.ms / 1000));
  }
  return {
    name,
    value: Math.round(median(rates)),
    unit: 'comments/s',
    min: Math.round(Math.min(...rates)),
    max: Math.round(Math.max(...rates)),
    runs,
    note: `${comments.length} comments, ${matcher.entryCount} entries, ${matcher.patternCount} trigger patterns; ${suggested} got a suggestion`,
  };
}

export async function benchFaq(runs = 5): Promise<BenchResult[]> {
  const base = parseFaqLibrary(readJson('resources/faq/default-library.json')).entries;
  const { products } = readJson('resources/sim/products.json') as { products: SimProduct[] };
  const corpus = readJson('resources/sim/comments.json') as SimComments;
  const library = expandLibrary(base, products, LIBRARY_SIZE);
  const comments = generateComments(products, corpus, COMMENTS);

  new FaqMatcher(library); // warm-up
  const builds: number[] = [];
  let matcher = new FaqMatcher(library);
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    matcher = new FaqMatcher(library);
    builds.push(performance.now() - started);
  }
  const round1 = (x: number) => Math.round(x * 10) / 10;
  return [
    throughput('faq-match-5k', matcher, comments, runs),
    throughput('faq-match-default', new FaqMatcher(base), comments, runs),
    {
      name: 'faq-build-5k',
      value: round1(median(builds)),
      unit: 'ms',
      min: round1(Math.min(...builds)),
      max: round1(Math.max(...builds)),
      runs,
      note: `${library.length} entries → ${matcher.patternCount} patterns (normalise + Aho–Corasick)`,
    },
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  benchFaq()
    .then((results) => console.table(results))
    .catch((err: unknown) => {
      console.error(err);
      process.exit(1);
    });
}
