/**
 * The playbook editor's drafts and the set they make, checked before sending: a refusal names
 * the incident type and the step, in the user's words rather than the schema's.
 */
import {
  INCIDENT_TYPES,
  PlaybookSetSchema,
  type IncidentType,
  type Playbook,
  type PlaybookSet,
} from '../../../../shared/api/operations.js';
import type { MessageKey } from '../../../../shared/i18n/messages.js';

export const MAX_STEPS = 30;
export const MAX_STEP_CHARS = 200;
const MAX_TITLE_CHARS = 60;

export interface PlaybookDraft {
  title: string;
  steps: string[];
}

export type PlaybookDrafts = Partial<Record<IncidentType, PlaybookDraft>>;

export type PlaybookCheck =
  | { ok: true; set: PlaybookSet }
  | {
      ok: false;
      type: IncidentType | null;
      key: MessageKey | null;
      vars: Record<string, number>;
      detail: string;
    };

export function draftsFromPlaybooks(playbooks: readonly Playbook[]): PlaybookDrafts {
  const drafts: PlaybookDrafts = {};
  for (const p of playbooks) drafts[p.type] = { title: p.title, steps: [...p.steps] };
  return drafts;
}

/** Moves step `from` by `delta` (−1 up, +1 down); out of bounds: unchanged. */
export function moveStep(steps: readonly string[], from: number, delta: number): string[] {
  const to = from + delta;
  if (from < 0 || from >= steps.length || to < 0 || to >= steps.length) return [...steps];
  const next = [...steps];
  const [step] = next.splice(from, 1);
  next.splice(to, 0, step!);
  return next;
}

export function playbookSetFromDrafts(drafts: PlaybookDrafts): PlaybookCheck {
  const playbooks: Playbook[] = [];
  for (const type of INCIDENT_TYPES) {
    const draft = drafts[type];
    if (!draft) continue;
    const refuse = (key: MessageKey, vars: Record<string, number> = {}): PlaybookCheck => ({
      ok: false,
      type,
      key,
      vars,
      detail: '',
    });
    const title = draft.title.trim();
    if (title === '' || title.length > MAX_TITLE_CHARS) return refuse('ops.playbooks.nameRequired');
    if (draft.steps.length === 0) return refuse('ops.playbooks.emptyStep', { n: 1 });
    if (draft.steps.length > MAX_STEPS) return refuse('ops.playbooks.tooMany', { max: MAX_STEPS });
    const steps = draft.steps.map((s) => s.trim());
    const empty = steps.findIndex((s) => s === '');
    if (empty >= 0) return refuse('ops.playbooks.emptyStep', { n: empty + 1 });
    const long = steps.findIndex((s) => s.length > MAX_STEP_CHARS);
    if (long >= 0) return refuse('ops.playbooks.stepTooLong', { n: long + 1, max: MAX_STEP_CHARS });
    playbooks.push({ type, title, steps });
  }
  const parsed = PlaybookSetSchema.safeParse({ version: 1, playbooks });
  if (parsed.success) return { ok: true, set: parsed.data };
  return { ok: false, type: null, key: null, vars: {}, detail: parsed.error.issues[0]?.message ?? 'invalid' };
}
