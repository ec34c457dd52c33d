/**
 * What the user edits in a report (names and text) and how it is saved. Text the user has not
 * touched is saved as `null`, so the core keeps prefilling it as the show's data grows; once any
 * field is edited the whole text is the user's. Every change is also kept in localStorage until
 * the core has it, so a reload, a crash or a lost connection loses nothing typed.
 */
import { z } from 'zod';
import {
  ReportPeopleSchema,
  ReportTextSchema,
  reportScopeKey,
  type Report,
  type ReportPeople,
  type ReportScope,
  type ReportText,
} from '../../../../shared/api/report.js';

export interface ReportDraft {
  people: ReportPeople;
  text: ReportText;
  /** true once the user edited the text (or the core holds edited text for this report). */
  textTouched: boolean;
}

export const TEXT_FIELDS = [
  'overview',
  'metricsNote',
  'prepNote',
  'executionNote',
  'incidentsNote',
  'problems',
  'improvements',
] as const satisfies readonly (keyof ReportText)[];
export type TextField = (typeof TEXT_FIELDS)[number];

/** The contract's limits, so the text areas refuse what the core would. */
export const TEXT_LIMITS: Record<TextField, number> = {
  overview: 4000,
  metricsNote: 4000,
  prepNote: 4000,
  executionNote: 4000,
  incidentsNote: 4000,
  problems: 8000,
  improvements: 8000,
};
export const PEOPLE_LIMIT = 60;

export function draftFromReport(report: Pick<Report, 'people' | 'text' | 'textEdited'>): ReportDraft {
  return { people: { ...report.people }, text: { ...report.text }, textTouched: report.textEdited };
}

export function withText(draft: ReportDraft, field: TextField, value: string): ReportDraft {
  return {
    ...draft,
    text: { ...draft.text, [field]: value.slice(0, TEXT_LIMITS[field]) },
    textTouched: true,
  };
}

export function withPerson(draft: ReportDraft, role: keyof ReportPeople, value: string): ReportDraft {
  return { ...draft, people: { ...draft.people, [role]: value.slice(0, PEOPLE_LIMIT) } };
}

/** Back to the prefilled text (the core's, on the next save): names stay. */
export function untouched(draft: ReportDraft): ReportDraft {
  return { ...draft, textTouched: false };
}

/**
 * The core's answer to a save or a reload, folded into the draft: names and touched text are the
 * user's and stay; untouched text follows the prefill.
 */
export function adoptReport(draft: ReportDraft, report: Pick<Report, 'text'>): ReportDraft {
  return draft.textTouched ? draft : { ...draft, text: { ...report.text } };
}

export interface SavePayload {
  scope: ReportScope;
  people: ReportPeople;
  text: ReportText | null;
}

export function savePayload(scope: ReportScope, draft: ReportDraft): SavePayload {
  return { scope, people: draft.people, text: draft.textTouched ? draft.text : null };
}

// ── Backup in localStorage ─────────────────────────────────────────────────────────────────

const BACKUP_PREFIX = 'livedesk.report.draft.v1:';

const BackupSchema = z.object({
  people: ReportPeopleSchema,
  text: ReportTextSchema,
  textTouched: z.boolean(),
});

export function backupKey(scope: ReportScope): string {
  return BACKUP_PREFIX + reportScopeKey(scope);
}

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** The page's localStorage, or null where it is unavailable (privacy settings). */
export function pageStorage(): KeyValueStore | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function writeBackup(storage: KeyValueStore | null, scope: ReportScope, draft: ReportDraft): void {
  try {
    storage?.setItem(backupKey(scope), JSON.stringify(draft));
  } catch {
    // Full or unavailable: the core still gets the text; only the crash safety net is missing.
  }
}

export function clearBackup(storage: KeyValueStore | null, scope: ReportScope): void {
  try {
    storage?.removeItem(backupKey(scope));
  } catch {
    // Nothing to do: a stale backup is checked against the contract when read.
  }
}

/** A backup left by a session that ended before its last save; null when none or not valid. */
export function readBackup(storage: KeyValueStore | null, scope: ReportScope): ReportDraft | null {
  let raw: string | null = null;
  try {
    raw = storage?.getItem(backupKey(scope)) ?? null;
  } catch {
    return null;
  }
  if (raw === null) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return null;
  }
  const result = BackupSchema.safeParse(parsed);
  return result.success ? result.data : null;
}

/** Same names and text (what decides whether a backup still holds anything new). */
export function sameDraft(a: ReportDraft, b: ReportDraft): boolean {
  if (a.textTouched !== b.textTouched) return false;
  const people = (['host', 'assistant', 'fieldControl'] as const).every((k) => a.people[k] === b.people[k]);
  return people && (!a.textTouched || TEXT_FIELDS.every((f) => a.text[f] === b.text[f]));
}
