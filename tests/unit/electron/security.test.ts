import fs from 'node:fs';
import path from 'node:path';
import type { Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import {
  contentSecurityPolicy,
  openExternalSafely,
  hardenSession,
  hardenWebContents,
  isAppUrl,
  isPermissionAllowed,
  isSafeExternalUrl,
  isTrustedSender,
  withCsp,
} from '../../../electron/main/security.js';

const FILE_APP = 'file:///opt/LiveDesk/resources/app.asar/out/renderer/index.html';
const DEV_APP = 'http://localhost:5173/';

/** Stands in for Electron's WebContents: records listeners and the window-open handler. */
function fakeContents() {
  const listeners = new Map<string, (event: { url?: string; preventDefault: () => void }) => void>();
  let openHandler: ((details: { url: string }) => { action: string }) | null = null;
  const contents = {
    on: (name: string, fn: (event: { url?: string; preventDefault: () => void }) => void) => {
      listeners.set(name, fn);
      return contents;
    },
    setWindowOpenHandler: (fn: (details: { url: string }) => { action: string }) => {
      openHandler = fn;
    },
  };
  const emit = (name: string, url?: string) => {
    const event = { url, preventDefault: vi.fn() };
    listeners.get(name)?.(event);
    return event.preventDefault.mock.calls.length > 0;
  };
  const windowOpen = (url: string) => openHandler?.({ url });
  return { contents: contents as unknown as WebContents, emit, windowOpen };
}

describe('isSafeExternalUrl', () => {
  it('accepts web links', () => {
    expect(isSafeExternalUrl('https://compass.jinritemai.com/shop/live')).toBe(true);
    expect(isSafeExternalUrl('http://example.com/a?b=1')).toBe(true);
  });

  it('rejects local files, scripts, custom schemes and garbage', () => {
    for (const url of [
      'file:///etc/passwd',
      'file://C:/Windows/System32/calc.exe',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'ms-msdt:/id PCWDiagnostic',
      'smb://evil/share',
      'vscode://file/etc',
      'not a url',
      '',
    ]) {
      expect(isSafeExternalUrl(url), url).toBe(false);
    }
  });
});

describe('openExternalSafely: the one way a link leaves the app', () => {
  it('hands web links to the system browser', () => {
    const open = vi.fn(() => Promise.resolve());
    expect(openExternalSafely('https://buyin.jinritemai.com/dashboard', open)).toBe(true);
    expect(openExternalSafely('http://192.168.1.20:5178/?token=x#/big', open)).toBe(true);
    expect(open.mock.calls).toEqual([
      ['https://buyin.jinritemai.com/dashboard'],
      ['http://192.168.1.20:5178/?token=x#/big'],
    ]);
  });

  it('drops everything else without calling the shell', () => {
    const open = vi.fn(() => Promise.resolve());
    for (const url of [
      'file:///C:/Windows/System32/cmd.exe',
      'javascript:alert(1)',
      'ms-settings:',
      'search-ms:query=x&crumb=location:\\\\evil\\share',
      'http://',
      ' https://example.com',
      'HTTPS://EXAMPLE.COM\u0000',
    ]) {
      expect(openExternalSafely(url, open), url).toBe(false);
    }
    expect(open).not.toHaveBeenCalled();
  });
});

describe('isAppUrl / isTrustedSender', () => {
  it('trusts only the built index.html, not other local files', () => {
    expect(isAppUrl(`${FILE_APP}#/board`, FILE_APP)).toBe(true);
    expect(isAppUrl('file:///opt/LiveDesk/resources/app.asar/out/renderer/other.html', FILE_APP)).toBe(false);
    expect(isAppUrl('file:///tmp/evil/index.html', FILE_APP)).toBe(false);
    expect(isAppUrl('https://opt/LiveDesk/resources/app.asar/out/renderer/index.html', FILE_APP)).toBe(false);
  });

  it('matches a non-ASCII path however it is percent-encoded', () => {
    const app = 'file:///C:/Users/%E5%BC%A0%E4%B8%89/LiveDesk/out/renderer/index.html';
    expect(isAppUrl('file:///C:/Users/张三/LiveDesk/out/renderer/index.html', app)).toBe(true);
  });

  it('trusts the dev server origin only', () => {
    expect(isAppUrl('http://localhost:5173/src/main.tsx', DEV_APP)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', DEV_APP)).toBe(false);
    expect(isAppUrl('http://evil.example/', DEV_APP)).toBe(false);
  });

  it('refuses a missing frame', () => {
    expect(isTrustedSender(undefined, FILE_APP)).toBe(false);
    expect(isTrustedSender(null, FILE_APP)).toBe(false);
    expect(isTrustedSender('', FILE_APP)).toBe(false);
    expect(isTrustedSender(FILE_APP, FILE_APP)).toBe(true);
  });
});

describe('navigation, new windows and webviews', () => {
  it('blocks navigation away from the app and opens web links in the browser', () => {
    const openExternal = vi.fn(() => Promise.resolve());
    const { contents, emit } = fakeContents();
    hardenWebContents(contents, FILE_APP, openExternal);

    expect(emit('will-navigate', 'https://example.com/help')).toBe(true);
    expect(openExternal).toHaveBeenCalledWith('https://example.com/help');

    openExternal.mockClear();
    expect(emit('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(emit('will-navigate', 'javascript:alert(1)')).toBe(true);
    expect(openExternal).not.toHaveBeenCalled();

    expect(emit('will-navigate', FILE_APP)).toBe(false);
  });

  it('denies every window.open, passing only web links to the browser', () => {
    const openExternal = vi.fn(() => Promise.resolve());
    const { contents, windowOpen } = fakeContents();
    hardenWebContents(contents, FILE_APP, openExternal);

    expect(windowOpen('https://example.com/')).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledTimes(1);
    expect(windowOpen('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(windowOpen(FILE_APP)).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledTimes(1);
  });

  it('opens only the app’s own big screen, in a window as locked down as the main one', () => {
    const { contents, windowOpen } = fakeContents();
    const options = { webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false } };
    hardenWebContents(
      contents,
      FILE_APP,
      () => Promise.resolve(),
      () => options,
    );
    expect(windowOpen(`${FILE_APP}#/big`)).toEqual({
      action: 'allow',
      overrideBrowserWindowOptions: options,
    });
    expect(windowOpen(`${FILE_APP}#/history`)).toEqual({ action: 'deny' });
    expect(windowOpen('https://evil.example/#/big')).toEqual({ action: 'deny' });
    expect(windowOpen('file:///tmp/other.html#/big')).toEqual({ action: 'deny' });
  });

  it('refuses to attach webviews', () => {
    const { contents, emit } = fakeContents();
    hardenWebContents(contents, FILE_APP, () => Promise.resolve());
    expect(emit('will-attach-webview')).toBe(true);
  });

  it('survives openExternal failing', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { contents, windowOpen } = fakeContents();
    hardenWebContents(contents, FILE_APP, () => Promise.reject(new Error('no browser')));
    expect(windowOpen('https://example.com/')).toEqual({ action: 'deny' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });
});

describe('session: permissions and CSP', () => {
  function fakeSession() {
    let request: ((wc: unknown, permission: string, callback: (granted: boolean) => void) => void) | null =
      null;
    let check: ((wc: unknown, permission: string) => boolean) | null = null;
    let headers:
      | ((
          details: { responseHeaders?: Record<string, string[]> },
          callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
        ) => void)
      | null = null;
    let device: (() => boolean) | null = null;
    const session = {
      setPermissionRequestHandler: (fn: typeof request) => (request = fn),
      setPermissionCheckHandler: (fn: typeof check) => (check = fn),
      setDevicePermissionHandler: (fn: typeof device) => (device = fn),
      webRequest: { onHeadersReceived: (fn: typeof headers) => (headers = fn) },
    };
    return {
      session: session as unknown as Session,
      requestPermission: (permission: string) => {
        const callback = vi.fn();
        request?.(null, permission, callback);
        return callback.mock.calls[0]?.[0] as boolean | undefined;
      },
      checkPermission: (permission: string) => check?.(null, permission),
      checkDevice: () => device?.(),
      respond: (responseHeaders: Record<string, string[]>) => {
        const callback = vi.fn();
        headers?.({ responseHeaders }, callback);
        return (callback.mock.calls[0]?.[0] as { responseHeaders: Record<string, string[]> }).responseHeaders;
      },
    };
  }

  it('denies camera, microphone, geolocation, clipboard reading; allows notifications', () => {
    const fake = fakeSession();
    hardenSession(fake.session);
    for (const permission of ['media', 'geolocation', 'clipboard-read', 'midi', 'openExternal', 'unknown']) {
      expect(fake.requestPermission(permission), permission).toBe(false);
      expect(fake.checkPermission(permission), permission).toBe(false);
    }
    expect(fake.requestPermission('notifications')).toBe(true);
    expect(fake.checkPermission('notifications')).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write')).toBe(true);
    // The big screen goes full screen; nothing else is on the allow list.
    expect(isPermissionAllowed('fullscreen')).toBe(true);
    for (const permission of [
      'pointerLock',
      'display-capture',
      'hid',
      'serial',
      'usb',
      'idle-detection',
      'storage-access',
    ]) {
      expect(isPermissionAllowed(permission), permission).toBe(false);
    }
    expect(fake.checkDevice()).toBe(false);
  });

  it('sets the strict CSP on responses, replacing one the response carried', () => {
    const fake = fakeSession();
    hardenSession(fake.session);
    const headers = fake.respond({
      'content-security-policy': ['default-src *'],
      'Content-Type': ['text/html'],
    });
    expect(headers).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': [
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
          "connect-src 'self'; font-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
      ],
    });
  });

  it('opens the CSP to the dev server and its HMR socket only in dev', () => {
    const csp = contentSecurityPolicy('http://localhost:5173');
    expect(csp).toContain("script-src 'self' http://localhost:5173 'unsafe-inline'");
    expect(csp).toContain("connect-src 'self' http://localhost:5173 ws://localhost:5173");
    expect(csp).toContain("object-src 'none'");
    const prod = contentSecurityPolicy();
    expect(prod).toContain("script-src 'self';");
    expect(prod).not.toMatch(/localhost|ws:/);
    expect(withCsp(undefined, 'x')).toEqual({ 'Content-Security-Policy': ['x'] });
  });
});

describe('CSP: no eval, no foreign scripts, dev or production', () => {
  const directive = (csp: string, name: string) =>
    csp
      .split(';')
      .map((d) => d.trim())
      .find((d) => d.startsWith(`${name} `)) ?? '';

  it("never allows 'unsafe-eval', wildcards or remote script origins in the header CSP", () => {
    for (const csp of [contentSecurityPolicy(), contentSecurityPolicy('http://localhost:5173')]) {
      expect(csp).not.toContain('unsafe-eval');
      expect(csp).not.toMatch(/(^|\s)\*(\s|;|$)/);
      expect(csp).not.toContain('wasm-unsafe-eval');
      expect(directive(csp, 'object-src')).toBe("object-src 'none'");
      expect(directive(csp, 'default-src')).toBe("default-src 'self'");
    }
    expect(directive(contentSecurityPolicy(), 'script-src')).toBe("script-src 'self'");
  });

  it("the page's own meta CSP (what file:// loads get) has script-src 'self' and no eval", () => {
    const html = fs.readFileSync(path.resolve(import.meta.dirname, '../../../renderer/index.html'), 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html);
    expect(meta).not.toBeNull();
    const csp = meta![1]!;
    expect(directive(csp, 'script-src')).toBe("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(directive(csp, 'object-src')).toBe("object-src 'none'");
    expect(directive(csp, 'frame-ancestors')).toBe("frame-ancestors 'none'");
  });
});
