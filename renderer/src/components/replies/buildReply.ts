/**
 * The text a reply puts on the clipboard, and the small formats the pending view shows. Pure:
 * no stores, no DOM, so each rule is unit-tested on its own.
 */
import { fillAnswer, type FilledAnswer } from '../../../../shared/faq/answer.js';
import { REPLY_AMBER_MS, REPLY_TARGET_MS } from '../../../../shared/api/replies.js';

/** At most this many askers are @-mentioned: more would crowd the platform's comment box. */
export const MAX_MENTIONS = 3;

/** "@小明 @小红 " for the first distinct, non-blank nicknames; "" for none. */
export function mentionPrefix(nicknames: readonly string[]): string {
  const distinct: string[] = [];
  for (const raw of nicknames) {
    const name = raw.trim();
    if (name !== '' && !distinct.includes(name)) distinct.push(name);
    if (distinct.length === MAX_MENTIONS) break;
  }
  return distinct.map((name) => `@${name} `).join('');
}

/** The answer filled with the show's values, optionally addressed to the askers. */
export function buildReplyText(
  answer: string,
  vars: Readonly<Record<string, string>>,
  mentions: readonly string[] = [],
): FilledAnswer {
  const filled = fillAnswer(answer, vars);
  return { text: mentionPrefix(mentions) + filled.text, missing: filled.missing };
}

/** The first words of an answer, for a suggestion chip; cut at a character, never mid-pair. */
export function answerSnippet(text: string, maxChars = 16): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length <= maxChars ? chars.join('') : `${chars.slice(0, maxChars).join('')}…`;
}

export type AgeLevel = 'ok' | 'amber' | 'red';

/** How urgent a question of this age is (seed 002: reply within 30 s). */
export function ageLevel(ageMs: number): AgeLevel {
  if (ageMs >= REPLY_TARGET_MS) return 'red';
  if (ageMs >= REPLY_AMBER_MS) return 'amber';
  return 'ok';
}

/** 8 s, 59 s, 1:05, 1:02:03 (a clock that never runs backwards past zero). */
export function formatAge(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  if (total < 60) return `${total} s`;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

export type KpiTone = 'good' | 'warn' | 'bad' | 'none';

/** A rate against its target: on target is good, within 10 points warns, further is bad. */
export function rateTone(rate: number | null, target: number): KpiTone {
  if (rate === null || !Number.isFinite(rate)) return 'none';
  if (rate >= target) return 'good';
  return rate >= target - 0.1 ? 'warn' : 'bad';
}

/** Seed 002's targets: 92 % of questions resolved; answered within 30 s counts good from 90 %. */
export const RESOLUTION_TARGET = 0.92;
export const WITHIN_30S_TARGET = 0.9;
