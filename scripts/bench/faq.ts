/**
 * FAQ matching throughput: comments/s normalised, classified (isQuestion) and, when a question,
 * matched against a 5,000-entry library — the default library expanded deterministically with
 * product / series / colour variants, the size a shop with many SKUs reaches. 200,000 comments
 * from the simulator's templates (resources/sim). Warm-up excluded; median of 5 runs with
 * min/max. Also the time to build the matcher (normalise triggers + Aho–Corasick automaton).
 *
 * Library search (the 话术库 search box, shared/faq/search.ts) against the same 5,000 entries:
 * median and p95 per query over a fixed mix of queries (Chinese, pinyin initials, full pinyin,
 * two terms, no hit), each timed alone; the one-off preparation the first keystroke pays after a
 * library load; and the time to compute every entry's search keys (pinyin), cold and cached.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseFaqLibrary, type FaqEntry } from '../../shared/faq/entry.js';
import { FaqMatcher } from '../../electron/core/faq/matcher.js';
import { isQuestion } from '../../electron/core/faq/question.js';
import { clearSearchKeysCache, searchKeysOf } from '../../electron/core/faq/search-keys.js';
import type { FaqEntryView } from '../../shared/api/replies.js';
import { searchFaq } from '../../shared/faq/search.js';
import { normaliseText } from '../../shared/text/normalise.js';
import type { BenchContext } from './context.js';
import { atMost, median, percentile, printMeasurements, type Measurement } from './result.js';

type BenchResult = Measurement;

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

/** What assistants type into the search box; the kinds are counted in the result's note. */
export const SEARCH_QUERIES: Readonly<Record<string, readonly string[]>> = {
  chinese: [
    '发货',
    '尺码',
    '运费险',
    '退款',
    '优惠券',
    '赠品',
    '颜色',
    '起球',
    '链接',
    '福袋',
    '包邮',
    '羽绒服',
    '质检',
    '主播',
    '七天',
  ],
  initials: ['fh', 'cm', 'yfx', 'tk', 'yhq', 'zp', 'ys', 'qq', 'lj', 'fd', 'by', 'yrf', 'zj', 'zb', 'xl'],
  pinyin: [
    'fahuo',
    'chima',
    'yunfeixian',
    'tuikuan',
    'youhuiquan',
    'zengpin',
    'yanse',
    'fah',
    'chim',
    'baoyou',
    'yurongfu',
  ],
  twoTerms: [
    'fh 时间',
    '尺码 偏大',
    'yfx 退',
    '加绒 fh',
    'xl 码',
    'zp 送',
    'ys 红',
    'by 新疆',
    'tk 多久',
    '卫衣 cm',
  ],
  noHit: ['qqq', '量子', 'xyzw', '火箭', 'fh 量子', 'jjjj', '飞机票', 'kkkk', 'wxyz', 'zzq'],
};

function timedRow(
  name: string,
  samples: readonly number[],
  unit: string,
  note: string,
  runs: number,
): BenchResult {
  const round3 = (x: number) => Math.round(x * 1000) / 1000;
  return {
    name,
    value: round3(median(samples)),
    unit,
    min: round3(Math.min(...samples)),
    max: round3(Math.max(...samples)),
    runs,
    note,
  };
}

/** Search keys for the whole library with a cold cache (what the first listFaq pays), and cached. */
function benchSearchKeys(
  library: readonly FaqEntry[],
  runs: number,
): { rows: BenchResult[]; views: FaqEntryView[] } {
  const keyAll = () => library.map((entry) => searchKeysOf(entry));
  const cold: number[] = [];
  const warm: number[] = [];
  keyAll(); // warm-up (JIT, pinyin-pro's dictionaries)
  for (let i = 0; i < runs; i++) {
    clearSearchKeysCache();
    let started = performance.now();
    keyAll();
    cold.push(performance.now() - started);
    started = performance.now();
    keyAll();
    warm.push(performance.now() - started);
  }
  const views = library.map((entry) => ({
    ...entry,
    usage: { suggested: 0, used: 0, lastUsedAt: null },
    search: searchKeysOf(entry),
  }));
  const chars = views.reduce((sum, v) => sum + v.search.text.length, 0);
  return {
    views,
    rows: [
      timedRow(
        'faq-search-keys-5k',
        cold,
        'ms',
        `${library.length} entries, ${chars} characters of text → pinyin + initials, cold cache`,
        runs,
      ),
      timedRow(
        'faq-search-keys-5k-cached',
        warm,
        'ms',
        'the same entries again (every later listFaq): cache hits',
        runs,
      ),
    ],
  };
}

/** Median, p95 and range of `search` over the query mix, each query timed alone. */
function timeQueries(search: (query: string) => number, runs: number) {
  const queries = Object.values(SEARCH_QUERIES).flat();
  for (const query of queries) search(query); // warm-up
  const samples: number[] = [];
  let hits = 0;
  for (let i = 0; i < runs; i++) {
    for (const query of queries) {
      const started = performance.now();
      hits += search(query);
      samples.push(performance.now() - started);
    }
  }
  return {
    samples,
    p95: Math.round(percentile(samples, 95) * 1000) / 1000,
    p99: Math.round(percentile(samples, 99) * 1000) / 1000,
    hitsPerRound: Math.round(hits / runs),
  };
}

function benchSearch(views: readonly FaqEntryView[], runs: number): BenchResult[] {
  const prepares: number[] = [];
  for (let i = 0; i < runs; i++) {
    // New keys objects, as after a reload from the core: nothing prepared yet.
    const reloaded = views.map((view) => ({ ...view, search: { ...view.search } }));
    const started = performance.now();
    searchFaq(reloaded, 'fh');
    prepares.push(performance.now() - started);
  }
  const same = timeQueries((query) => searchFaq(views, query).length, runs);
  // A caller that passes a copy of the store's array on every keystroke (prepared per keys object).
  const copied = timeQueries((query) => searchFaq([...views], query).length, runs);
  const kinds = Object.entries(SEARCH_QUERIES)
    .map(([kind, list]) => `${list.length} ${kind}`)
    .join(', ');
  const queries = Object.values(SEARCH_QUERIES).flat().length;
  const note = `${views.length} entries; ${queries} queries (${kinds}) × ${runs} rounds; ${same.hitsPerRound} hits per round`;
  const p99 = timedRow(
    'faq-search',
    same.samples,
    'ms/query',
    `p99 of ${same.samples.length} timed queries; ${note}`,
    runs,
  );
  return [
    { ...p99, value: same.p99, target: atMost(10, 'ms (p99)') },
    {
      ...timedRow('faq-search-p95', same.samples, 'ms/query', 'p95 of the same samples', runs),
      value: same.p95,
    },
    timedRow('faq-search-median', same.samples, 'ms/query', 'median of the same samples', runs),
    timedRow(
      'faq-search-copied-array',
      copied.samples,
      'ms/query',
      `median, a new array per query (prepared per keys object); p95 ${copied.p95} ms, p99 ${copied.p99} ms`,
      runs,
    ),
    timedRow(
      'faq-search-prepare',
      prepares,
      'ms',
      'first query after a library (re)load (pads keys, finds segments)',
      runs,
    ),
  ];
}

function loadLibrary() {
  const base = parseFaqLibrary(readJson('resources/faq/default-library.json')).entries;
  const { products } = readJson('resources/sim/products.json') as { products: SimProduct[] };
  const corpus = readJson('resources/sim/comments.json') as SimComments;
  return { base, products, corpus, library: expandLibrary(base, products, LIBRARY_SIZE) };
}

/** `faq-search` in `npm run bench`: the 话术库 search box over 5,000 entries (p99 per query). */
export async function benchFaqSearch(ctx: Pick<BenchContext, 'quick'>): Promise<BenchResult[]> {
  const runs = ctx.quick ? 2 : 5;
  const keys = benchSearchKeys(loadLibrary().library, runs);
  return [...benchSearch(keys.views, runs), ...keys.rows];
}

/** `faq-match` (on request): FAQ suggestions for every comment, and building the matcher. */
export async function benchFaqMatch(ctx: Pick<BenchContext, 'quick'>): Promise<BenchResult[]> {
  const runs = ctx.quick ? 2 : 5;
  const { base, products, corpus, library } = loadLibrary();
  const comments = generateComments(products, corpus, ctx.quick ? 20_000 : COMMENTS);
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
  const quick = process.argv.includes('--quick');
  Promise.all([benchFaqSearch({ quick }), benchFaqMatch({ quick })])
    .then(([search, match]) => {
      printMeasurements('faq-search', search);
      printMeasurements('faq-match', match);
    })
    .catch((err: unknown) => {
      console.error(err);
      process.exit(1);
    });
}
