/** Text clean-up at the boundary: well-formed UTF-16, bounded length. */
import { MAX_COMMENT_TEXT } from '../../../shared/protocol/feed.js';

export interface CleanText {
  text: string;
  truncated: boolean;
}

/**
 * Replaces lone surrogates (they break JSON consumers and SQLite's UTF-8) and cuts text
 * longer than `max` code points without splitting a surrogate pair.
 */
export function cleanText(raw: string, max = MAX_COMMENT_TEXT): CleanText {
  const text = raw.isWellFormed() ? raw : raw.toWellFormed();
  if (text.length <= max) return { text, truncated: false };
  const points = Array.from(text);
  if (points.length <= max) return { text, truncated: false };
  return { text: points.slice(0, max).join(''), truncated: true };
}
