/**
 * Library search as the user types (话术库 search box): runs in the renderer on every keystroke,
 * over the search keys the core computed for each entry (electron/core/faq/search-keys.ts).
 *
 * - The query is split on spaces; every term must match (AND). Each term is normalised like the
 *   library text (full-width, case, traditional characters, colloquial variants).
 * - A term of latin letters matches the pinyin initials (fh → 发货), the full pinyin (fahuo, fah)
 *   or the plain text (xl, s码 is plain text too); any other term matches the plain text.
 * - Score of a term = where it matched (trigger > category > answer) + how (the whole segment >
 *   the start of a segment > anywhere inside) + a bonus for plain text over pinyin over initials. An entry's score is the sum over terms; equal scores keep library order.
 *
 * Per entries array (a WeakMap: the store replaces the array when the library changes) and per
 * keys object (for callers that pass a copy of the array) the keys are padded and their segment
 * boundaries found once, so a keystroke is a few indexOf calls per entry.
 */
import type { FaqEntryView, FaqSearchKeys } from '../api/replies.js';
import { normaliseText } from '../text/normalise.js';

/** Between the segments of FaqSearchKeys (triggers…, category label, answer); never in normalised text. */
export const SEGMENT_SEPARATOR = '|';

export interface FaqSearchHit {
  id: string;
  score: number;
}

const KIND_SCORE = { trigger: 300, category: 200, answer: 100 } as const;
const POSITION_SCORE = { whole: 30, prefix: 20, inside: 10 } as const;
/**
 * A latin term found literally (xl in 穿xl) says more than the same letters as pinyin, and full
 * pinyin more than initials: the text bonus lifts a literal match anywhere in a trigger above an
 * initials match at a trigger's start, but not above initials spelling a whole trigger.
 */
const CHANNEL_BONUS = { text: 15, pinyin: 5, initials: 0 } as const;

/** One key string, padded with separators so "|term|" finds a whole segment and "|term" a prefix. */
interface Channel {
  padded: string;
  /** Index of the separator before the category label, and before the answer (-1: none). */
  categorySeparator: number;
  answerSeparator: number;
}

interface PreparedKeys {
  text: Channel;
  pinyin: Channel;
  initials: Channel;
}

/** Per entries array (the fast path), and per keys object for callers that copy the array. */
const preparedByEntries = new WeakMap<readonly FaqEntryView[], PreparedKeys[]>();
const preparedByKeys = new WeakMap<FaqSearchKeys, PreparedKeys>();

function channelOf(key: string): Channel {
  const padded = SEGMENT_SEPARATOR + key + SEGMENT_SEPARATOR;
  const answerSeparator = padded.lastIndexOf(SEGMENT_SEPARATOR, padded.length - 2);
  const categorySeparator =
    answerSeparator > 0 ? padded.lastIndexOf(SEGMENT_SEPARATOR, answerSeparator - 1) : -1;
  // Keys without the two trailing segments (never produced by the core) count as triggers only.
  const wellFormed = categorySeparator >= 0;
  return {
    padded,
    categorySeparator: wellFormed ? categorySeparator : padded.length,
    answerSeparator: wellFormed ? answerSeparator : padded.length,
  };
}

function prepareKeys(keys: FaqSearchKeys): PreparedKeys {
  let prepared = preparedByKeys.get(keys);
  if (!prepared) {
    prepared = {
      text: channelOf(keys.text),
      pinyin: channelOf(keys.pinyin),
      initials: channelOf(keys.initials),
    };
    preparedByKeys.set(keys, prepared);
  }
  return prepared;
}

/** Prepared keys, index for index with `entries`. */
function prepare(entries: readonly FaqEntryView[]): PreparedKeys[] {
  let prepared = preparedByEntries.get(entries);
  if (!prepared) {
    prepared = entries.map((entry) => prepareKeys(entry.search));
    preparedByEntries.set(entries, prepared);
  }
  return prepared;
}

function kindScore(channel: Channel, at: number): number {
  if (at > channel.answerSeparator) return KIND_SCORE.answer;
  if (at > channel.categorySeparator) return KIND_SCORE.category;
  return KIND_SCORE.trigger;
}

interface Term {
  text: string;
  asPrefix: string;
  asWhole: string;
  /** Latin letters only: also looked up in the pinyin and the initials. */
  latin: boolean;
}

function termsOf(query: string): Term[] {
  return query
    .split(/\s+/)
    .map((raw) => normaliseText(raw))
    .filter((text) => text.length > 0)
    .map((text) => ({
      text,
      asPrefix: SEGMENT_SEPARATOR + text,
      asWhole: SEGMENT_SEPARATOR + text + SEGMENT_SEPARATOR,
      latin: /^[a-z]+$/.test(text),
    }));
}

/** Best score of a term in one key string; 0 when it does not occur. */
function scoreIn(channel: Channel, term: Term, bonus: number): number {
  const inside = channel.padded.indexOf(term.text);
  if (inside < 0) return 0;
  let best = kindScore(channel, inside) + POSITION_SCORE.inside;
  const prefix = channel.padded.indexOf(term.asPrefix);
  if (prefix >= 0) {
    best = Math.max(best, kindScore(channel, prefix + 1) + POSITION_SCORE.prefix);
    const whole = channel.padded.indexOf(term.asWhole, prefix);
    if (whole >= 0) best = Math.max(best, kindScore(channel, whole + 1) + POSITION_SCORE.whole);
  }
  return best + bonus;
}

function scoreTerm(entry: PreparedKeys, term: Term): number {
  const text = scoreIn(entry.text, term, CHANNEL_BONUS.text);
  if (!term.latin) return text;
  return Math.max(
    text,
    scoreIn(entry.pinyin, term, CHANNEL_BONUS.pinyin),
    scoreIn(entry.initials, term, CHANNEL_BONUS.initials),
  );
}

/**
 * Entries matching every term of `query`, best first (at most `limit`). An empty query lists
 * every entry in library order with score 0.
 */
export function searchFaq(entries: readonly FaqEntryView[], query: string, limit = Infinity): FaqSearchHit[] {
  const max = Number.isNaN(limit) ? 0 : Math.max(0, Math.floor(limit));
  if (max === 0) return [];
  const terms = termsOf(query);
  if (terms.length === 0) return entries.slice(0, max).map((entry) => ({ id: entry.id, score: 0 }));
  const hits: { id: string; score: number; order: number }[] = [];
  const prepared = prepare(entries);
  for (let order = 0; order < prepared.length; order++) {
    const entry = prepared[order] as PreparedKeys;
    let score = 0;
    for (const term of terms) {
      const termScore = scoreTerm(entry, term);
      if (termScore === 0) {
        score = 0;
        break;
      }
      score += termScore;
    }
    if (score > 0) hits.push({ id: (entries[order] as FaqEntryView).id, score, order });
  }
  hits.sort((a, b) => b.score - a.score || a.order - b.order);
  return hits.slice(0, max).map(({ id, score }) => ({ id, score }));
}
