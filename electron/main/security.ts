/**
 * The window's walls: no navigation away from the app, no new windows, links go to the system
 * browser, permissions denied by default, and a strict CSP. The decisions are small pure functions
 * so the tests can check them; the install functions only wire them to Electron.
 */
import type { BrowserWindowConstructorOptions, Session, WebContents } from 'electron';

/** Only web links leave the app; file:, javascript:, custom schemes never reach the OS. */
export function isSafeExternalUrl(raw: string): boolean {
  // Whitespace or control characters (which the URL parser would quietly strip) mean tampering.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0020\u007f]/.test(raw)) return false;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
}

/**
 * Is `raw` a page of our own renderer? For the dev server (http) the origin must match; for the
 * built app (file) it must be the very same index.html: any other local file is foreign.
 */
export function isAppUrl(raw: string, appUrl: string): boolean {
  let url: URL;
  let app: URL;
  try {
    url = new URL(raw);
    app = new URL(appUrl);
  } catch {
    return false;
  }
  if (url.protocol !== app.protocol) return false;
  if (app.protocol === 'file:') return url.host === app.host && samePath(url.pathname, app.pathname);
  if (app.protocol === 'http:' || app.protocol === 'https:') return url.origin === app.origin;
  return false;
}

/** Node and Chromium may percent-encode a non-ASCII folder (a Chinese user name) differently. */
function samePath(a: string, b: string): boolean {
  try {
    return decodeURIComponent(a) === decodeURIComponent(b);
  } catch {
    return false;
  }
}

/** IPC calls are answered only for frames showing our renderer (GitHub Desktop's trusted sender). */
export function isTrustedSender(frameUrl: string | null | undefined, appUrl: string): boolean {
  return typeof frameUrl === 'string' && isAppUrl(frameUrl, appUrl);
}

/**
 * Notifications for alerts; clipboard-sanitized-write so "copy reply" (navigator.clipboard.writeText)
 * works. Reading the clipboard, camera, microphone, geolocation, … are all refused.
 */
const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set([
  'notifications',
  'clipboard-sanitized-write',
  'fullscreen',
]);

export function isPermissionAllowed(permission: string): boolean {
  return ALLOWED_PERMISSIONS.has(permission);
}

const BASE_CSP = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'font-src': ["'self'", 'data:'],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'frame-ancestors': ["'none'"],
} as const;

/**
 * The app's CSP. With a dev server, its origin and HMR websocket are allowed too, and inline
 * scripts, because @vitejs/plugin-react injects its refresh preamble inline (dev only).
 */
export function contentSecurityPolicy(devServerUrl?: string): string {
  const directives: Record<string, string[]> = Object.fromEntries(
    Object.entries(BASE_CSP).map(([name, sources]) => [name, [...sources]]),
  );
  const dev = devServerUrl ? new URL(devServerUrl) : null;
  if (dev) {
    const ws = `${dev.protocol === 'https:' ? 'wss:' : 'ws:'}//${dev.host}`;
    directives['script-src']?.push(dev.origin, "'unsafe-inline'");
    directives['connect-src']?.push(dev.origin, ws);
  }
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

/** Returns the response headers with our CSP replacing any the response carried. */
export function withCsp(
  headers: Record<string, string[]> | undefined,
  csp: string,
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') out[name] = value;
  }
  out['Content-Security-Policy'] = [csp];
  return out;
}

export type OpenExternal = (url: string) => Promise<void>;

/**
 * The one way a link leaves the app: http(s) with a host goes to the system browser, anything
 * else (file:, javascript:, custom schemes that launch programs) is dropped and reported false.
 */
export function openExternalSafely(url: string, openExternal: OpenExternal): boolean {
  if (!isSafeExternalUrl(url)) return false;
  // The parsed, normalised form goes to the OS, not the string as the page gave it.
  openExternal(new URL(url).href).catch((err: unknown) =>
    console.warn('[livedesk] could not open link:', err),
  );
  return true;
}

/** The big-screen view (大屏) of our own renderer: the one window the app itself may open. */
export function isBigScreenUrl(raw: string, appUrl: string): boolean {
  if (!isAppUrl(raw, appUrl)) return false;
  try {
    return new URL(raw).hash === '#/big';
  } catch {
    return false;
  }
}

/**
 * Every webContents: stay on the app, no webviews; web links go to the browser; no windows except
 * the app's own big screen, which gets the same locked-down options as the main window.
 */
export function hardenWebContents(
  contents: WebContents,
  appUrl: string,
  openExternal: OpenExternal,
  bigScreenOptions?: () => BrowserWindowConstructorOptions,
): void {
  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url, appUrl)) return;
    event.preventDefault();
    openExternalSafely(event.url, openExternal);
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (bigScreenOptions && isBigScreenUrl(url, appUrl)) {
      return { action: 'allow', overrideBrowserWindowOptions: bigScreenOptions() };
    }
    openExternalSafely(url, openExternal);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** The session: deny-by-default permissions and the CSP header on every response. */
export function hardenSession(session: Session, devServerUrl?: string): void {
  session.setPermissionRequestHandler((_contents, permission, callback) =>
    callback(isPermissionAllowed(permission)),
  );
  session.setPermissionCheckHandler((_contents, permission) => isPermissionAllowed(permission));
  // USB, serial and HID devices: never (the app talks to no hardware from its pages).
  session.setDevicePermissionHandler(() => false);
  const csp = contentSecurityPolicy(devServerUrl);
  session.webRequest.onHeadersReceived((details, callback) =>
    callback({ responseHeaders: withCsp(details.responseHeaders, csp) }),
  );
}
