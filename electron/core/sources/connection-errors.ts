/**
 * Connection failures in words a live-room assistant can act on. Node, undici (fetch) and
 * socket.io each wrap the real cause differently (fetch: `TypeError('fetch failed')` with
 * `cause`; socket.io: `TransportError('websocket error')` with `description` → ErrorEvent →
 * `error`), so we walk the whole chain and say what the innermost useful part means.
 * A status prefix ("401: …") is kept: callers decide on it (isFatalStatus) and the UI shows it.
 */

/** An HTTP answer that was not 2xx, with the feed's own `{ error }` text when it sent one. */
export class FeedHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'FeedHttpError';
  }
}

/** The feed answered, but not with what the protocol says (not JSON, wrong shape). */
export class BadFeedResponseError extends Error {
  constructor(detail: string) {
    super(`bad response from the feed: ${detail}`);
    this.name = 'BadFeedResponseError';
  }
}

const CONNECTION_REFUSED = 'connection refused: nothing is listening at that address (is the feed running?)';

const BY_CODE: Record<string, string> = {
  ECONNREFUSED: CONNECTION_REFUSED,
  EHOSTUNREACH: 'no route to host',
  ENETUNREACH: 'no route to host',
  EHOSTDOWN: 'no route to host',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host not found',
  EAI_NONAME: 'host not found',
  ETIMEDOUT: 'timed out',
  ESOCKETTIMEDOUT: 'timed out',
  UND_ERR_CONNECT_TIMEOUT: 'timed out',
  UND_ERR_HEADERS_TIMEOUT: 'timed out',
  UND_ERR_BODY_TIMEOUT: 'timed out',
  ECONNRESET: 'connection reset',
  ECONNABORTED: 'connection reset',
  EPIPE: 'connection reset',
  UND_ERR_SOCKET: 'connection reset',
  // https:// to a plain-http port, or an old TLS server.
  EPROTO: 'TLS handshake failed (is the address http:// rather than https://?)',
  ERR_SSL_WRONG_VERSION_NUMBER: 'TLS handshake failed (is the address http:// rather than https://?)',
};

/** OpenSSL's and Node's certificate verification codes. */
const CERTIFICATE_CODE =
  /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|ERR_TLS_CERT_ALTNAME_INVALID|HOSTNAME_MISMATCH/;

const STATUS_PREFIX = /^(\d{3})\b/;

type Fields = Record<string, unknown>;

function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null;
}

/** The error and everything it wraps, outermost first (bounded, cycle-safe). */
function chainOf(err: unknown): Fields[] {
  const chain: Fields[] = [];
  const queue: unknown[] = [err];
  const seen = new Set<unknown>();
  while (queue.length > 0 && chain.length < 12) {
    const next = queue.shift();
    if (!isObject(next) || seen.has(next)) continue;
    seen.add(next);
    chain.push(next);
    queue.push(next.cause, next.description, next.error, next.context);
    // A dual-stack connect (localhost → ::1 and 127.0.0.1) fails with an AggregateError.
    if (Array.isArray(next.errors)) queue.push(...(next.errors as unknown[]).slice(0, 4));
  }
  return chain;
}

function stringField(value: Fields, key: string): string | null {
  const field = value[key];
  return typeof field === 'string' && field !== '' ? field : null;
}

/** An HTTP-like status, from a `status` field or a "401: …" message. */
function statusOf(value: Fields): number | null {
  const status = value.status;
  if (typeof status === 'number' && Number.isInteger(status) && status >= 400 && status <= 599) return status;
  const match = STATUS_PREFIX.exec(stringField(value, 'message') ?? '');
  const code = match ? Number(match[1]) : NaN;
  return code >= 400 && code <= 599 ? code : null;
}

function describeStatus(status: number, message: string | null): string {
  if (status === 401) return '401: token rejected';
  if (status === 403) return '403: forbidden';
  if (status === 404) return '404: unknown room (check the room id)';
  if (status >= 500) return `${status}: feed server error`;
  // Other 4xx (400 bad parameters …): the feed's own words are the most precise.
  return message && STATUS_PREFIX.test(message) ? message : `${status}: ${message ?? 'request refused'}`;
}

function describeCode(code: string): string | null {
  return BY_CODE[code] ?? (CERTIFICATE_CODE.test(code) ? 'TLS certificate rejected' : null);
}

export function describeConnectionError(err: unknown): string {
  if (typeof err === 'string') return err === '' ? 'connection failed' : err;
  const chain = chainOf(err);

  for (const link of chain) {
    const status = statusOf(link);
    if (status !== null) return describeStatus(status, stringField(link, 'message'));
  }
  for (const link of chain) {
    const code = stringField(link, 'code');
    const described = code ? describeCode(code) : null;
    if (described) return described;
  }
  for (const link of chain) {
    const name = stringField(link, 'name');
    if (name === 'AbortError' || name === 'TimeoutError') return 'timed out';
  }
  for (const link of chain) {
    const message = stringField(link, 'message') ?? '';
    // socket.io's own connect timeout is Error('timeout').
    if (/^timeout$|timed out/i.test(message)) return 'timed out';
    // ws, when the address answers HTTP but is not a socket.io server.
    const unexpected = /Unexpected server response: (\d{3})/.exec(message);
    if (unexpected) {
      return `not a feed server at that address (HTTP ${unexpected[1]} on connect — check the URL)`;
    }
    if (/certificate/i.test(message)) return 'TLS certificate rejected';
  }

  // Nothing we recognise: the innermost message is the most specific one.
  const innermost = [...chain].reverse().find((link) => {
    const message = stringField(link, 'message');
    return message !== null && message !== 'fetch failed' && message !== 'websocket error';
  });
  const message = innermost ? stringField(innermost, 'message') : null;
  if (message) return message;
  if (chain.length > 0) return stringField(chain[0]!, 'message') ?? 'connection failed';
  return err === undefined || err === null ? 'connection failed' : String(err);
}

/** 401/403/404: retrying cannot fix these, so they are shown and not retried in a loop. */
export function isFatalStatus(message: string): boolean {
  return /^(401|403|404)\b/.test(message);
}
