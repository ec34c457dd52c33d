/**
 * One line of a recording: a raw feed event as the source handed it over, before validation.
 * `{"t":<receivedAt ms>,"k":"hello"|"event","type":"<event type>","p":<payload>}` + "\n".
 */

export type RecordedKind = 'hello' | 'event';

export interface RecordedLine {
  /** When LiveDesk received it (ms since epoch). */
  t: number;
  k: RecordedKind;
  /** The socket.io event name ("hello" for a hello). */
  type: string;
  /** The payload exactly as received (as JSON), valid or not. */
  p: unknown;
}

const UNSERIALIZABLE_CHARS = 200;

/** JSON for a payload, or a stand-in that says what it was when it has no JSON form. */
function payloadJson(payload: unknown): string {
  try {
    const json = JSON.stringify(payload);
    if (json !== undefined) return json;
  } catch {
    // circular, BigInt, a throwing toJSON …: recorded as text below
  }
  return JSON.stringify({ unserializable: safeString(payload).slice(0, UNSERIALIZABLE_CHARS) });
}

/** String(value), except that a throwing toString cannot make recording throw. */
function safeString(value: unknown): string {
  try {
    return String(value);
  } catch {
    return '[a value whose toString throws]';
  }
}

/** The line for one received event, newline included. Never throws. */
export function formatLine(t: number, k: RecordedKind, type: string, payload: unknown): string {
  return `{"t":${Number.isFinite(t) ? Math.round(t) : 0},"k":"${k}","type":${JSON.stringify(typeof type === 'string' ? type : safeString(type))},"p":${payloadJson(payload)}}\n`;
}

/** A recorded line from its text, or null when it is not JSON or not of the recorded shape. */
export function parseLine(text: string): RecordedLine | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const { t, k, type } = value as Record<string, unknown>;
  if (typeof t !== 'number' || !Number.isFinite(t)) return null;
  if (k !== 'hello' && k !== 'event') return null;
  if (typeof type !== 'string') return null;
  if (!Object.hasOwn(value, 'p')) return null;
  return { t, k, type, p: (value as { p: unknown }).p };
}
