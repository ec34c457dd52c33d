/**
 * What the library search (shared/faq/search.ts) looks at for one entry: its normalised text,
 * the toneless pinyin of that text and the pinyin initials (发货 → fh). Computed here because the
 * pinyin table (pinyin-pro, ~300 KB) belongs in the core, not in the renderer bundle.
 *
 * Layout of the three strings: one segment per trigger, then the category label, then the
 * answer, joined with SEGMENT_SEPARATOR ("|", which normaliseText never produces). The search
 * ranks a match by the segment it falls in (trigger > category > answer) and never matches across
 * two segments. `initials` is character-aligned with `text` (same length; non-Chinese characters
 * kept as they are); `pinyin` keeps only letters and digits of each segment.
 *
 * Cached by entry content: listFaq asks for the keys of every entry on every call, and pinyin of a
 * 5,000-entry library takes about a second; an unchanged entry is one Map lookup, an edited one
 * only recomputes its changed segments.
 */
import { pinyin } from 'pinyin-pro';
import type { FaqSearchKeys } from '../../../shared/api/replies.js';
import { FAQ_CATEGORY_LABELS, type FaqEntry } from '../../../shared/faq/entry.js';
import { SEGMENT_SEPARATOR } from '../../../shared/faq/search.js';
import { normaliseText } from '../../../shared/text/normalise.js';

/** Above the library's 20,000-entry cap, so a whole library stays cached. */
const ENTRY_CACHE_LIMIT = 25_000;
const SEGMENT_CACHE_LIMIT = 200_000;

interface SegmentKeys {
  pinyin: string;
  initials: string;
}

/** A Map used as an LRU: a hit moves the key to the end, the oldest key goes first. */
class BoundedCache<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly limit: number) {}

  get(key: string): V | undefined {
    const value = this.map.get(key);
    if (value !== undefined) {
      this.map.delete(key);
      this.map.set(key, value);
    }
    return value;
  }

  set(key: string, value: V): void {
    this.map.set(key, value);
    if (this.map.size > this.limit) {
      const oldest = this.map.keys().next();
      if (!oldest.done) this.map.delete(oldest.value);
    }
  }

  get size(): number {
    return this.map.size;
  }

  clear(): void {
    this.map.clear();
  }
}

const entryCache = new BoundedCache<FaqSearchKeys>(ENTRY_CACHE_LIMIT);
const segmentCache = new BoundedCache<SegmentKeys>(SEGMENT_CACHE_LIMIT);

const isLetterOrDigit = (ch: string): boolean => /^[a-z0-9]$/.test(ch);

/**
 * One pinyin token per character of `segment` (normalised, so all BMP). pinyin-pro reads the
 * whole string with word segmentation, so polyphonic characters get their reading in context
 * (还有 → hai you, 不行 → bu xing, 银行 → yin hang). Non-Chinese characters come back as
 * themselves.
 */
function tokensOf(segment: string): string[] {
  const tokens = pinyin(segment, { toneType: 'none', type: 'array', v: true });
  if (tokens.length === segment.length) return tokens;
  // Defensive: if a run ever came back merged, fall back to character by character so the
  // initials stay aligned with the text (loses context for polyphonic characters only).
  return [...segment].map((ch) => pinyin(ch, { toneType: 'none', type: 'array', v: true })[0] ?? ch);
}

function segmentKeysOf(segment: string): SegmentKeys {
  const cached = segmentCache.get(segment);
  if (cached) return cached;
  let pinyinText = '';
  let initials = '';
  const tokens = tokensOf(segment);
  for (let i = 0; i < segment.length; i++) {
    const ch = segment[i] as string;
    const token = (tokens[i] ?? ch).toLowerCase();
    const isReading = token !== ch && /^[a-z]+$/.test(token);
    if (isReading) {
      pinyinText += token;
      initials += token[0] as string;
    } else {
      if (isLetterOrDigit(ch)) pinyinText += ch;
      initials += ch;
    }
  }
  const keys = { pinyin: pinyinText, initials };
  segmentCache.set(segment, keys);
  return keys;
}

/** Search keys of an entry; the same object again while the entry's content is unchanged. */
export function searchKeysOf(entry: FaqEntry): FaqSearchKeys {
  const contentKey = JSON.stringify([entry.triggers, entry.category, entry.answer]);
  const cached = entryCache.get(contentKey);
  if (cached) return cached;
  const segments = [
    ...entry.triggers.map((t) => normaliseText(t)),
    normaliseText(FAQ_CATEGORY_LABELS[entry.category]),
    normaliseText(entry.answer),
  ];
  const parts = segments.map(segmentKeysOf);
  const keys: FaqSearchKeys = Object.freeze({
    text: segments.join(SEGMENT_SEPARATOR),
    pinyin: parts.map((p) => p.pinyin).join(SEGMENT_SEPARATOR),
    initials: parts.map((p) => p.initials).join(SEGMENT_SEPARATOR),
  });
  entryCache.set(contentKey, keys);
  return keys;
}

/** For tests and benchmarks: start from a cold cache. */
export function clearSearchKeysCache(): void {
  entryCache.clear();
  segmentCache.clear();
}

export function searchKeysCacheSize(): { entries: number; segments: number } {
  return { entries: entryCache.size, segments: segmentCache.size };
}
