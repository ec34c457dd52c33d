/**
 * The editor's live preview of an answer: the show's {变量} filled in (values marked, unset ones
 * left as {name} and flagged) and 广告法 words highlighted where they land in the text that will
 * actually be posted. Pure, so the rules are unit-tested.
 */
import type { ComplianceWords } from '../../../../shared/api/contract.js';
import { findProhibitedWords } from '../../../../shared/faq/compliance.js';

export interface PreviewSegment {
  text: string;
  /** Written text, a filled {变量} value, or an unset {变量} kept as written. */
  kind: 'text' | 'value' | 'missing';
  /** Part of a prohibited word. */
  hit: boolean;
}

export interface AnswerPreview {
  /** The filled answer: what copying puts on the clipboard. */
  text: string;
  segments: PreviewSegment[];
  /** Unset {变量} names, in order of first use. */
  missing: string[];
  /** Prohibited words found, each once, in order of first appearance. */
  hits: string[];
}

/** Same placeholder rule as shared/faq/answer.ts fillAnswer (the unit test holds them together). */
const PLACEHOLDER = /\{([^{}\s]{1,20})\}/g;

interface Piece {
  text: string;
  kind: PreviewSegment['kind'];
}

function fillPieces(answer: string, vars: Readonly<Record<string, string>>): Piece[] {
  const pieces: Piece[] = [];
  let last = 0;
  for (const match of answer.matchAll(PLACEHOLDER)) {
    const name = match[1] ?? '';
    if (match.index > last) pieces.push({ text: answer.slice(last, match.index), kind: 'text' });
    const value = Object.hasOwn(vars, name) ? vars[name] : undefined;
    pieces.push(
      value !== undefined && value !== ''
        ? { text: value, kind: 'value' }
        : { text: match[0], kind: 'missing' },
    );
    last = match.index + match[0].length;
  }
  if (last < answer.length) pieces.push({ text: answer.slice(last), kind: 'text' });
  return pieces;
}

/** Sorted, merged [start, end) ranges (prohibited words may overlap: 最好 and 最好的). */
function mergedRanges(ranges: readonly { start: number; end: number }[]): [number, number][] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const merged: [number, number][] = [];
  for (const { start, end } of sorted) {
    const previous = merged.at(-1);
    if (previous && start <= previous[1]) previous[1] = Math.max(previous[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

export function previewAnswer(
  answer: string,
  vars: Readonly<Record<string, string>>,
  compliance: Pick<ComplianceWords, 'words' | 'exceptions'> | null,
): AnswerPreview {
  const pieces = fillPieces(answer, vars);
  const text = pieces.map((p) => p.text).join('');
  const found = compliance ? findProhibitedWords(text, compliance) : [];
  const ranges = mergedRanges(found);
  const segments: PreviewSegment[] = [];
  let offset = 0;
  for (const piece of pieces) {
    const start = offset;
    const end = offset + piece.text.length;
    offset = end;
    // Cut the piece where highlighted ranges begin and end inside it.
    const cuts = new Set([start, end]);
    for (const [a, b] of ranges) {
      if (a > start && a < end) cuts.add(a);
      if (b > start && b < end) cuts.add(b);
    }
    const points = [...cuts].sort((x, y) => x - y);
    for (let i = 0; i + 1 < points.length; i += 1) {
      const a = points[i] ?? start;
      const b = points[i + 1] ?? end;
      const hit = ranges.some(([s, e]) => a >= s && b <= e);
      segments.push({ text: text.slice(a, b), kind: piece.kind, hit });
    }
  }
  const missing = [...new Set(pieces.filter((p) => p.kind === 'missing').map((p) => p.text.slice(1, -1)))];
  const hits = [...new Set([...found].sort((a, b) => a.start - b.start).map((h) => h.word))];
  return { text, segments, missing, hits };
}
