/**
 * Group keys for pending questions: questions that one answer settles share a key, so the
 * assistant sees "红色还有吗 ×12" instead of twelve rows.
 *
 * Two questions share a key when they have the same top FAQ entry and the same residue: the
 * normalised text minus the characters that entry's triggers matched, minus punctuation, address
 * words (主播, 宝宝 …) and question-frame characters (吗呢吧啊呀的, 什么, 多少 …). So 红色还有吗 / 红色有货吗?? /
 * 红色还有货吗 all become `stock_available|红色`, while 黑色还有吗 is `stock_available|黑色`.
 * Unmatched questions group by their cleaned text alone: `-|<text>`. Keys stay ≤ 400 characters.
 */

/** Separates the entry id from the residue; never part of an id ([a-z0-9_-]). */
const SEPARATOR = '|';
/** The "entry" of questions no FAQ entry matched. */
export const NO_ENTRY = '-';
/** Residue kept in a key: 400 − the longest id (64) − the separator, with room to spare. */
const MAX_RESIDUE = 300;

/**
 * Characters that frame a question rather than say what it is about: the matcher's frame
 * characters (什么 怎么 哪 几 多少 能 可以 是 有 还 要 …), sentence particles and 这/那.
 */
const FRAME_CHARACTERS = new Set('什么怎哪几吗呢多少能可以是有还要的个吧啊呀了哦嘛哈啦呗嘞这那'.split(''));
/** Who is addressed or how politely: 主播红色还有吗 asks what 红色还有吗 asks. */
const ADDRESS_WORDS = [
  '请问',
  '小姐姐',
  '姐姐',
  '主播',
  '宝宝',
  '家人们',
  '老板',
  '亲亲',
  '想问',
  '问下',
  '一下',
];
/** What normaliseText keeps as punctuation (plus the separator, so a residue can never fake a key). */
const PUNCTUATION = new Set([',', '.', '?', '!', ':', ';', '~', '-', '/', SEPARATOR]);

/** The normalised text without punctuation, address words and question-frame characters. */
export function residueOf(normalised: string, covered: readonly number[] = []): string {
  let kept = '';
  let next = 0;
  for (let i = 0; i < normalised.length; i++) {
    if (covered[next] === i) {
      next++;
      continue;
    }
    const ch = normalised[i] as string;
    if (!PUNCTUATION.has(ch)) kept += ch;
  }
  for (const word of ADDRESS_WORDS) if (kept.includes(word)) kept = kept.split(word).join('');
  let residue = '';
  for (const ch of kept) if (!FRAME_CHARACTERS.has(ch)) residue += ch;
  // Cut by characters, not code units (an emoji-free residue is almost always short already).
  return residue.length <= MAX_RESIDUE ? residue : [...residue].slice(0, MAX_RESIDUE).join('');
}

/**
 * The group key of a normalised question. `topEntryId` and `covered` (ascending positions its
 * triggers matched) come from FaqMatcher.analyse; null when nothing matched.
 */
export function groupKeyOf(
  normalised: string,
  topEntryId: string | null,
  covered: readonly number[],
): string {
  if (topEntryId === null) return `${NO_ENTRY}${SEPARATOR}${residueOf(normalised)}`;
  return `${topEntryId}${SEPARATOR}${residueOf(normalised, covered)}`;
}
