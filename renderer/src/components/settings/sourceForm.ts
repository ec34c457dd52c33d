/**
 * The source settings form as plain data: text fields as typed (so a half-typed number is not
 * lost), one draft for every kind (switching kind and back keeps what was typed), and the
 * mapping to SourceConfig — validated by the same schema the service applies.
 */
import {
  SourceConfigSchema,
  type SourceConfig,
  type SourceKind,
  type SourceSettings,
} from '../../../../shared/api/sources.js';
import type { MessageKey } from '../../../../shared/i18n/messages.js';

export interface SourceForm {
  kind: SourceKind;
  url: string;
  room: string;
  token: string;
  intervalSec: string;
  file: string;
  replaySpeed: string;
  rate: string;
  seed: string;
  simSpeed: string;
  /** Not edited here; carried over so saving a sim source keeps its show length. */
  simDurationMs: number | null;
}

export type FormField = Exclude<keyof SourceForm, 'kind' | 'simDurationMs'>;
export type FieldErrors = Partial<Record<FormField, MessageKey>>;

export const REPLAY_SPEEDS = [1, 2, 5, 10, 20, 50] as const;

/** The schema's defaults, as the form shows them. */
export const emptyForm: SourceForm = {
  kind: 'sim',
  url: '',
  room: '',
  token: '',
  intervalSec: '1',
  file: '',
  replaySpeed: '1',
  rate: '60',
  seed: '20261123',
  simSpeed: '1',
  simDurationMs: null,
};

/** The fields each kind shows, in order. */
export const FIELDS_BY_KIND: Record<SourceKind, readonly FormField[]> = {
  sim: ['rate', 'seed', 'simSpeed'],
  socketio: ['url', 'room', 'token'],
  poll: ['url', 'room', 'token', 'intervalSec'],
  replay: ['file', 'replaySpeed'],
};

const ERROR_KEYS: Record<FormField, MessageKey> = {
  url: 'settings.error.url',
  room: 'settings.error.room',
  token: 'settings.error.token',
  intervalSec: 'settings.error.interval',
  file: 'settings.error.file',
  replaySpeed: 'settings.error.replaySpeed',
  rate: 'settings.error.rate',
  seed: 'settings.error.seed',
  simSpeed: 'settings.error.simSpeed',
};

function withConfig(form: SourceForm, config: SourceConfig): SourceForm {
  switch (config.kind) {
    case 'sim':
      return {
        ...form,
        rate: String(config.rate),
        seed: String(config.seed),
        simSpeed: String(config.speed),
        simDurationMs: config.durationMs,
      };
    case 'socketio':
      return { ...form, url: config.url, room: config.room, token: config.token ?? '' };
    case 'poll':
      return {
        ...form,
        url: config.url,
        room: config.room,
        token: config.token ?? '',
        intervalSec: String(config.intervalMs / 1000),
      };
    case 'replay':
      return { ...form, file: config.file, replaySpeed: String(config.speed) };
  }
}

/** What is running, with the saved settings filling the other kinds' drafts. */
export function formFromSettings(settings: SourceSettings): SourceForm {
  const saved = settings.saved ? withConfig(emptyForm, settings.saved) : emptyForm;
  return { ...withConfig(saved, settings.current), kind: settings.current.kind };
}

/** "" is not 0: an empty number field must fail validation, not silently become 0. */
function numberOf(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text.trim());
}

/** The form for the chosen kind, shaped for SourceConfigSchema. */
export function configInputOf(form: SourceForm): Record<string, unknown> {
  const token = form.token === '' ? undefined : form.token;
  switch (form.kind) {
    case 'sim':
      return {
        kind: 'sim',
        rate: numberOf(form.rate),
        seed: numberOf(form.seed),
        speed: numberOf(form.simSpeed),
        ...(form.simDurationMs !== null ? { durationMs: form.simDurationMs } : {}),
      };
    case 'socketio':
      return { kind: 'socketio', url: form.url.trim(), room: form.room.trim(), token };
    case 'poll':
      return {
        kind: 'poll',
        url: form.url.trim(),
        room: form.room.trim(),
        token,
        intervalMs: Math.round(numberOf(form.intervalSec) * 1000),
      };
    case 'replay':
      return { kind: 'replay', file: form.file.trim(), speed: numberOf(form.replaySpeed) };
  }
}

/** The schema's field name → the form field that edits it. */
function fieldOf(kind: SourceKind, key: PropertyKey | undefined): FormField | null {
  switch (key) {
    case 'url':
    case 'room':
    case 'token':
    case 'file':
    case 'rate':
    case 'seed':
      return key;
    case 'intervalMs':
      return 'intervalSec';
    case 'speed':
      return kind === 'replay' ? 'replaySpeed' : 'simSpeed';
    default:
      return null;
  }
}

export type FormCheck = { ok: true; config: SourceConfig } | { ok: false; errors: FieldErrors };

export function checkForm(form: SourceForm): FormCheck {
  const parsed = SourceConfigSchema.safeParse(configInputOf(form));
  if (parsed.success) return { ok: true, config: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = fieldOf(form.kind, issue.path[0]);
    if (field && !errors[field]) errors[field] = ERROR_KEYS[field];
  }
  return { ok: false, errors };
}
