/**
 * Keyword alerts: comments/s through the alerts' matcher (KeywordAutomaton, folding included)
 * against mint-filter and @monyone/aho-corasick, on the same 1,000,000 comments and 2,000
 * phrases, in one run. Comments come from the simulator's writer (resources/sim) with seeded
 * noise: @mentions, spaces, zero-width spaces, emoji, full-width letters, traditional characters.
 *
 * Their input: the comment folded by foldText (the same folding ours does on the fly), timed
 * both ways — pre-folded (their best case, the bar ours is held to) and with foldText inside the
 * timed loop — and, for reference, with normaliseText (the FAQ's heavier normalisation) instead.
 * mint-filter is given pre-folded text only (it lower-cases by itself).
 *
 * Every contender is warmed up, then the runs go round-robin (one pass of each per round) so a
 * noisy neighbour on the machine hits all of them alike; median of 5 with min/max. In the same
 * run, the first 20,000 comments are checked against a naive ground truth (indexOf per phrase on
 * the folded comment): ours and @monyone must agree exactly, mint-filter's misses are counted.
 *
 * Run alone: `npx tsx scripts/bench/keywords.ts`; also part of `npm run bench`.
 */
import { pathToFileURL } from 'node:url';
import { AhoCorasick as MonyoneTrie } from '@monyone/aho-corasick';
import { AhoCorasick as MonyoneDoubleArray } from '@monyone/aho-corasick/fast';
import { Mint } from 'mint-filter';
import { KeywordAutomaton } from '../../electron/core/alerts/keyword-automaton.js';
import { CommentWriter } from '../../electron/core/sim/comment-writer.js';
import {
  COMMENT_CATEGORIES,
  loadCorpus,
  type CommentCategory,
  type Corpus,
} from '../../electron/core/sim/corpus.js';
import { Prng } from '../../electron/core/sim/prng.js';
import { foldText, foldTextWithSourceEnds } from '../../shared/text/fold.js';
import { normaliseText, TRADITIONAL_TO_SIMPLIFIED } from '../../shared/text/normalise.js';
import type { BenchContext } from './context.js';
import { atMost, median as medianOf, printMeasurements, ratioAtLeast, type Measurement } from './result.js';

const PHRASES = 2_000;
const SEED = 6;

// ---------------------------------------------------------------------------------------------
// Data: comments and phrases, deterministic for SEED.

/** How often each kind of line shows up in a busy room (relative weights). */
const CATEGORY_WEIGHTS: Readonly<Record<CommentCategory, number>> = {
  greeting: 10,
  chat: 14,
  praise: 6,
  size: 8,
  shipping: 6,
  coupon: 5,
  stock: 7,
  afterSales: 4,
  link: 7,
  price: 7,
  emoji: 6,
  luckyBag: 5,
  luckyBagResult: 2,
  flashSale: 4,
  complaint: 3,
  milestone: 2,
  faultStutter: 2,
  faultAudio: 1,
};

const EMOJI = ['🙃', '😂', '👍', '🔥', '❤️', '🥰', '🙏', '✨', '[赞]'];
const INVISIBLE = ['\u200b', '\u200d', '\u2060', '\ufeff'];

/** simplified → traditional, from the fold's own table, to write some comments the old way. */
const TRADITIONAL = new Map<string, string>();
for (let i = 0; i + 1 < TRADITIONAL_TO_SIMPLIFIED.length; i += 2) {
  const simplified = TRADITIONAL_TO_SIMPLIFIED[i + 1] as string;
  if (!TRADITIONAL.has(simplified)) TRADITIONAL.set(simplified, TRADITIONAL_TO_SIMPLIFIED[i] as string);
}

const toFullWidth = (text: string) =>
  text.replace(/[!-~]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
const toTraditional = (text: string) => text.replace(/./g, (ch) => TRADITIONAL.get(ch) ?? ch);

function insertAt(prng: Prng, text: string, piece: string): string {
  const at = prng.int(0, text.length);
  return text.slice(0, at) + piece + text.slice(at);
}

export function generateComments(corpus: Corpus, n: number, seed = SEED): string[] {
  const prng = new Prng(seed);
  const writer = new CommentWriter(corpus, new Prng(seed + 1));
  const weights = COMMENT_CATEGORIES.map((c) => CATEGORY_WEIGHTS[c]);
  const comments: string[] = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const category = COMMENT_CATEGORIES[prng.weighted(weights)] as CommentCategory;
    let text = writer.write(category, prng.int(0, corpus.products.length - 1), '10万');
    if (prng.chance(0.05)) text = toTraditional(text);
    if (prng.chance(0.05)) text = toFullWidth(text);
    if (prng.chance(0.1)) text = insertAt(prng, text, ' ');
    if (prng.chance(0.03)) text = insertAt(prng, text, prng.pick(INVISIBLE));
    if (prng.chance(0.12))
      text = prng.chance(0.5) ? text + prng.pick(EMOJI) : insertAt(prng, text, prng.pick(EMOJI));
    if (prng.chance(0.06)) text = `@${prng.pick(corpus.nicknames)} ${text}`;
    comments[i] = text;
  }
  return comments;
}

/** What a field controller (场控) watches for, before product / colour / size expansion. */
const BASE_PHRASES = [
  // price and coupon confusion (多少钱 and 少钱 overlap on purpose)
  '多少钱 少钱 几块钱 到手价 到手多少 原价多少 怎么这么贵 比昨天贵 贵了 价格不对',
  '优惠券 领不了券 券用不了 优惠券领不了 领不到券 满减用不了 叠加 能叠加吗 新人券',
  // complaints and fraud
  '假货 骗子 骗人 退款 退款还没到 退款多久 投诉 差评 不发货 发货太慢 还不发货',
  '客服不回 客服一直不回 质量差 质量一般 色差 起球 掉色 坏了 举报 虚假宣传',
  // stream faults
  '卡了 卡住了 好卡 卡顿 没声音 没声音了 黑屏 黑屏了 听不见 画面糊 画面卡住',
  '画面不动 转圈 断断续续 麦掉了 静音',
  // stock and links
  '有货吗 还有货吗 还有吗 没货 无货 补货 加库存 秒光 没抢到 几号链接 链接在哪',
  '上链接 链接呢 小黄车 怎么拍 拍不了 买不了 下单失败',
].flatMap((line) => line.split(' '));
const PRODUCT_STEMS =
  '多少钱 有货吗 还有吗 几号链接 是正品吗 是假货 质量差 退款 起球 掉色 什么时候发货 没货了 能退吗 有优惠吗 拍不了 尺码 链接'.split(
    ' ',
  );
const COLOR_STEMS = ['有吗', '还有吗', '没了', '什么时候有', '有货吗', '补货'];
const SIZE_STEMS = ['码有吗', '码还有吗', '码没了', '码偏大吗', '码偏小吗', '码'];
const LINK_STEMS = ['号链接', '号链接多少钱', '号没了', '号拍不了', '号还有吗'];

/**
 * 2,000 distinct (after folding) phrases: the base list, then product × stem, colour × stem,
 * size × stem (sizes as viewers type them: XL, ｘｌ), link numbers, and product + colour + size.
 */
export function generatePhrases(corpus: Corpus, n: number): string[] {
  const seen = new Set<string>();
  const phrases: string[] = [];
  const add = (phrase: string) => {
    const key = foldText(phrase);
    if (phrases.length >= n || key.length === 0 || seen.has(key)) return;
    seen.add(key);
    phrases.push(phrase);
  };
  BASE_PHRASES.forEach(add);
  const products = corpus.products;
  const colors = [...new Set(products.flatMap((p) => p.colors ?? []))];
  const sizes = [...new Set(products.flatMap((p) => p.sizes ?? []))];
  for (const stem of PRODUCT_STEMS) for (const p of products) add(p.shortName + stem);
  for (const stem of COLOR_STEMS) for (const color of colors) add(color + stem);
  for (const stem of SIZE_STEMS) for (const size of sizes) add(size + stem);
  for (const stem of LINK_STEMS) for (let link = 1; link <= 40; link++) add(`${link}${stem}`);
  for (const p of products) for (const color of p.colors ?? []) add(p.shortName + color);
  for (const p of products) for (const size of p.sizes ?? []) add(`${p.shortName}${size}码`);
  for (const p of products) {
    for (const color of p.colors ?? []) {
      for (const size of p.sizes ?? []) add(`${color}${size}码`);
      for (const stem of COLOR_STEMS) add(p.shortName + color + stem);
      for (const size of p.sizes ?? []) add(`${p.shortName}${color}${size}`);
      for (const stem of SIZE_STEMS)
        for (const size of p.sizes ?? []) add(`${p.shortName}${color}${size}${stem}`);
    }
  }
  for (const stem of [...PRODUCT_STEMS, ...BASE_PHRASES]) {
    for (const p of products) for (const color of p.colors ?? []) add(p.shortName + color + stem);
  }
  if (phrases.length < n)
    throw new Error(`keyword bench: only ${phrases.length} distinct phrases, need ${n}`);
  return phrases;
}

// ---------------------------------------------------------------------------------------------
// Contenders: each takes the raw comments and returns how many matches it reported.

interface Contender {
  name: string;
  method: string;
  run: () => number;
}

type Match = readonly [phrase: number, end: number];

/** Ground truth on the folded comment; `end` is in folded units. */
function naiveFolded(folded: readonly string[], text: string): Match[] {
  const found: Match[] = [];
  for (let id = 0; id < folded.length; id++) {
    const pattern = folded[id] as string;
    for (let at = text.indexOf(pattern); at >= 0; at = text.indexOf(pattern, at + 1)) {
      found.push([id, at + pattern.length]);
    }
  }
  return found;
}

const key = (list: readonly Match[]) =>
  list
    .map(([phrase, end]) => end * 4096 + phrase)
    .sort((a, b) => a - b)
    .join(',');

interface Agreement {
  truthMatches: number;
  oursMismatches: number;
  monyoneFastMismatches: number;
  monyoneTrieMismatches: number;
  mintFound: number;
  mintMissed: number;
  mintWrong: number;
}

function checkAgainstGroundTruth(
  comments: readonly string[],
  phrases: readonly string[],
  ours: KeywordAutomaton,
  monyoneFast: MonyoneDoubleArray,
  monyoneTrie: MonyoneTrie,
  mint: Mint,
): Agreement {
  const folded = phrases.map(foldText);
  const idOf = new Map(folded.map((p, id) => [p, id]));
  const result: Agreement = {
    truthMatches: 0,
    oursMismatches: 0,
    monyoneFastMismatches: 0,
    monyoneTrieMismatches: 0,
    mintFound: 0,
    mintMissed: 0,
    mintWrong: 0,
  };
  for (const comment of comments) {
    const { text, sourceEnds } = foldTextWithSourceEnds(comment);
    const truth = naiveFolded(folded, text);
    result.truthMatches += truth.length;
    // Ours reports ends in the raw comment: map the truth's folded ends there.
    const truthRaw = truth.map(([id, end]): Match => [id, sourceEnds[end - 1] as number]);
    const oursFound: Match[] = [];
    ours.forEachMatch(comment, (id, end) => oursFound.push([id, end]));
    if (key(oursFound) !== key(truthRaw)) result.oursMismatches++;
    const expected = key(truth);
    const theirs = (list: { end: number; keyword: string }[]) =>
      key(list.map(({ keyword, end }): Match => [idOf.get(keyword) ?? -1, end]));
    if (theirs(monyoneFast.matchInText(text)) !== expected) result.monyoneFastMismatches++;
    if (theirs(monyoneTrie.matchInText(text)) !== expected) result.monyoneTrieMismatches++;
    // mint-filter gives words without positions: compare multisets of words.
    const left = new Map<string, number>();
    for (const [id] of truth) left.set(folded[id] as string, (left.get(folded[id] as string) ?? 0) + 1);
    for (const word of mint.filter(text, { replace: false }).words) {
      const count = left.get(word) ?? 0;
      if (count > 0) {
        left.set(word, count - 1);
        result.mintFound++;
      } else {
        result.mintWrong++;
      }
    }
    for (const count of left.values()) result.mintMissed += count;
  }
  return result;
}

const offTheWire = (list: readonly string[]) => JSON.parse(JSON.stringify(list)) as string[];
const median = medianOf;
const round = (x: number) => Math.round(x);
const fmt = (x: number) => x.toLocaleString('en-US');

export interface KeywordBenchOptions {
  comments: number;
  /** Comments checked against the naive ground truth. */
  sample: number;
  runs: number;
  seed: number;
}

/** `match` in `npm run bench`: the headline row against the faster peer, exactness, and each contender. */
export async function benchMatch(ctx: BenchContext): Promise<Measurement[]> {
  return benchKeywords(
    ctx.quick
      ? { comments: 50_000, sample: 5_000, runs: 2, seed: ctx.seed }
      : { comments: 1_000_000, sample: 20_000, runs: 5, seed: ctx.seed },
  );
}

export async function benchKeywords(
  opts: KeywordBenchOptions = { comments: 1_000_000, sample: 20_000, runs: 5, seed: SEED },
): Promise<Measurement[]> {
  const { comments: COMMENTS, sample: SAMPLE, runs } = opts;
  const corpus = loadCorpus();
  // Through JSON, as comments arrive off the wire (socket.io payloads): flat strings, not the
  // concatenation trees the generator builds, which every matcher would pay to walk.
  const comments = offTheWire(generateComments(corpus, COMMENTS, opts.seed));
  const phrases = generatePhrases(corpus, PHRASES);
  const foldedPhrases = phrases.map(foldText);
  const prefolded = offTheWire(comments.map(foldText));
  const units = comments.reduce((sum, c) => sum + c.length, 0);

  const build = <T>(make: () => T): { value: T; ms: number } => {
    const started = performance.now();
    const value = make();
    return { value, ms: performance.now() - started };
  };
  const ours = build(() => new KeywordAutomaton(phrases));
  const monyoneFast = build(() => new MonyoneDoubleArray(foldedPhrases));
  const monyoneNormalised = build(() => new MonyoneDoubleArray(phrases.map(normaliseText)));
  const monyoneTrie = build(() => new MonyoneTrie(foldedPhrases));
  const mint = build(() => new Mint(foldedPhrases));

  const agreement = checkAgainstGroundTruth(
    comments.slice(0, SAMPLE),
    phrases,
    ours.value,
    monyoneFast.value,
    monyoneTrie.value,
    mint.value,
  );

  const automaton = ours.value;
  const contenders: Contender[] = [
    {
      name: 'keywords-ours',
      method: 'KeywordAutomaton.forEachMatch on the raw comment (folding on the fly)',
      run: () => {
        let found = 0;
        const onMatch = () => {
          found++;
        };
        for (const comment of comments) automaton.forEachMatch(comment, onMatch);
        return found;
      },
    },
    {
      name: 'keywords-monyone-fast',
      method: '@monyone/aho-corasick/fast (double array) matchInText on pre-folded text',
      run: () => {
        let found = 0;
        for (const text of prefolded) found += monyoneFast.value.matchInText(text).length;
        return found;
      },
    },
    {
      name: 'keywords-monyone-fast+fold',
      method: '@monyone/aho-corasick/fast matchInText(foldText(comment))',
      run: () => {
        let found = 0;
        for (const comment of comments) found += monyoneFast.value.matchInText(foldText(comment)).length;
        return found;
      },
    },
    {
      name: 'keywords-monyone-fast+normalise',
      method:
        '@monyone/aho-corasick/fast matchInText(normaliseText(comment)), phrases normalised too; ' +
        'normaliseText also rewrites variants (啥 → 什么), so its match count differs: speed only',
      run: () => {
        let found = 0;
        for (const comment of comments)
          found += monyoneNormalised.value.matchInText(normaliseText(comment)).length;
        return found;
      },
    },
    {
      name: 'keywords-monyone-trie',
      method: '@monyone/aho-corasick (default, Map trie) matchInText on pre-folded text',
      run: () => {
        let found = 0;
        for (const text of prefolded) found += monyoneTrie.value.matchInText(text).length;
        return found;
      },
    },
    {
      name: 'keywords-mint-filter',
      method: 'mint-filter filter(text, { replace: false }) on pre-folded text',
      run: () => {
        let found = 0;
        for (const text of prefolded) found += mint.value.filter(text, { replace: false }).words.length;
        return found;
      },
    },
  ];

  const found = new Map<string, number>();
  const rates = new Map<string, number[]>(contenders.map((c) => [c.name, []]));
  for (const c of contenders) found.set(c.name, c.run()); // warm-up
  for (let round = 0; round < runs; round++) {
    for (const c of contenders) {
      const started = performance.now();
      c.run();
      (rates.get(c.name) as number[]).push(COMMENTS / ((performance.now() - started) / 1000));
    }
  }

  const buildMs: Record<string, number> = {
    'keywords-ours': ours.ms,
    'keywords-monyone-fast': monyoneFast.ms,
    'keywords-monyone-fast+fold': monyoneFast.ms,
    'keywords-monyone-fast+normalise': monyoneNormalised.ms,
    'keywords-monyone-trie': monyoneTrie.ms,
    'keywords-mint-filter': mint.ms,
  };
  const exactness: Record<string, string> = {
    'keywords-ours': `${agreement.oursMismatches} of ${SAMPLE} sample comments differ from ground truth`,
    'keywords-monyone-fast': `${agreement.monyoneFastMismatches} of ${SAMPLE} sample comments differ from ground truth`,
    'keywords-monyone-fast+fold': `${agreement.monyoneFastMismatches} of ${SAMPLE} sample comments differ from ground truth`,
    'keywords-monyone-fast+normalise': 'not checked (different normalisation)',
    'keywords-monyone-trie': `${agreement.monyoneTrieMismatches} of ${SAMPLE} sample comments differ from ground truth`,
    'keywords-mint-filter': `misses ${fmt(agreement.mintMissed)} of ${fmt(agreement.truthMatches)} ground-truth matches in the sample (${agreement.mintWrong} wrong)`,
  };
  const peers = ['keywords-monyone-fast', 'keywords-monyone-trie', 'keywords-mint-filter'];
  const bestName = peers.reduce((a, b) =>
    median(rates.get(b) as number[]) > median(rates.get(a) as number[]) ? b : a,
  );
  const peer = { name: bestName, value: round(median(rates.get(bestName) as number[])) };
  const rows: Measurement[] = contenders.map((c) => {
    const xs = rates.get(c.name) as number[];
    return {
      name: c.name,
      value: round(median(xs)),
      unit: 'comments/s',
      min: round(Math.min(...xs)),
      max: round(Math.max(...xs)),
      runs,
      ...(c.name === 'keywords-ours' || c.name === bestName ? {} : { peer }),
      note:
        `${c.method}; ${fmt(found.get(c.name) ?? 0)} matches in ${fmt(COMMENTS)} comments (${fmt(units)} code units), ` +
        `${fmt(PHRASES)} phrases; ${exactness[c.name]}; build ${(buildMs[c.name] ?? 0).toFixed(1)} ms`,
    };
  });
  const oursRow = rows.find((r) => r.name === 'keywords-ours') as Measurement;
  return [
    {
      ...oursRow,
      name: 'match',
      peer,
      target: ratioAtLeast(1, '≥ 1 × the faster of @monyone/aho-corasick and mint-filter'),
    },
    {
      name: 'match-mismatches',
      value: agreement.oursMismatches,
      unit: `of ${fmt(SAMPLE)} comments differ from ground truth`,
      min: agreement.oursMismatches,
      max: agreement.oursMismatches,
      runs: 1,
      target: atMost(0, '', '0 (exact)'),
      note: `naive indexOf per phrase on the folded comment: ${fmt(agreement.truthMatches)} matches in the sample; the same check for @monyone fast ${agreement.monyoneFastMismatches}, trie ${agreement.monyoneTrieMismatches}; mint-filter misses ${fmt(agreement.mintMissed)}`,
    },
    ...rows.filter((r) => r.name !== 'keywords-ours'),
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  benchKeywords()
    .then((rows) => printMeasurements('match', rows))
    .catch((err: unknown) => {
      console.error(err);
      process.exit(1);
    });
}
