/**
 * Which FAQ answers were used, per show or per period: the questions answered with each entry
 * (questions.answered_faq). Copies recorded with recordFaqUse (an answer copied without a
 * question) are only counted globally (faq_entries.used, no show or time), so they cannot be
 * attributed to a show and are left out here.
 */
import type Database from 'better-sqlite3';
import type { FaqUseRow } from '../../../shared/api/report.js';
import { PERIOD_SHOW_IDS, type ShowFilter } from './show-filter.js';

export const TOP_FAQ = 10;

interface UseRow {
  faq_id: string;
  uses: number;
  triggers: string | null;
  category: string | null;
}

function firstTrigger(json: string | null): string | null {
  if (json === null) return null;
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) && typeof parsed[0] === 'string' ? parsed[0] : null;
  } catch {
    return null;
  }
}

/** An entry deleted since keeps its id as its question and 'other' as its category. */
function toUseRow(r: UseRow): FaqUseRow {
  return {
    faqId: r.faq_id,
    question: firstTrigger(r.triggers) ?? r.faq_id,
    category: r.category ?? 'other',
    uses: r.uses,
  };
}

const USES = `SELECT q.answered_faq AS faq_id, count(*) AS uses, f.triggers, f.category
  FROM questions q LEFT JOIN faq_entries f ON f.id = q.answered_faq
  WHERE q.state = 'answered' AND q.answered_faq IS NOT NULL AND`;
const ORDER = `GROUP BY q.answered_faq ORDER BY uses DESC, q.answered_faq LIMIT ${TOP_FAQ}`;

export function showFaqUsage(db: Database.Database, showId: string): FaqUseRow[] {
  return db.prepare<[string], UseRow>(`${USES} q.show_id = ? ${ORDER}`).all(showId).map(toUseRow);
}

export function periodFaqUsage(db: Database.Database, filter: ShowFilter): FaqUseRow[] {
  return db
    .prepare<[ShowFilter], UseRow>(`${USES} q.show_id IN (${PERIOD_SHOW_IDS}) ${ORDER}`)
    .all(filter)
    .map(toUseRow);
}
