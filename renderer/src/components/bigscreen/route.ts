/**
 * `#/big`: the big-screen view. The same page and the same sync as the board, so the web host
 * and a second Electron window both open it by URL alone.
 */
import { useSyncExternalStore } from 'react';

export const BIG_SCREEN_HASH = '#/big';

export function isBigScreenHash(hash: string): boolean {
  return hash === BIG_SCREEN_HASH || hash.startsWith(`${BIG_SCREEN_HASH}/`);
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useIsBigScreen(): boolean {
  return useSyncExternalStore(subscribe, () => isBigScreenHash(window.location.hash));
}

/** This page's URL (token included) at the big-screen hash. */
export function bigScreenUrl(href: string = window.location.href): string {
  const url = new URL(href);
  url.hash = BIG_SCREEN_HASH;
  return url.toString();
}

/**
 * Opens the big screen in its own window. In Electron (window.livedesk present) the main
 * process turns the same window.open into a second app window for this URL.
 */
export function openBigScreen(): void {
  window.open(bigScreenUrl(), 'livedesk-bigscreen');
}
