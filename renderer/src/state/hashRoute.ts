/**
 * The page's place, in the URL hash so it survives a reload and works with Back:
 * `#/history` (the list of shows), `#/history/<showId>` (one show's board as it ended),
 * `#/history/<showId>/compare/<otherId>` (two shows side by side). Anything else is the board's.
 */
import { useSyncExternalStore } from 'react';

export type HistoryRoute =
  | { page: 'list' }
  | { page: 'show'; showId: string }
  | { page: 'compare'; showId: string; otherId: string | null };

export function parseHistoryHash(hash: string): HistoryRoute | null {
  const parts = hash.replace(/^#\/?/, '').split('/');
  if (parts[0] !== 'history') return null;
  const showId = parts[1] ? safeDecode(parts[1]) : null;
  if (!showId) return { page: 'list' };
  if (parts[2] === 'compare') {
    return { page: 'compare', showId, otherId: parts[3] ? safeDecode(parts[3]) : null };
  }
  return { page: 'show', showId };
}

function safeDecode(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

export function historyHash(route: HistoryRoute): string {
  switch (route.page) {
    case 'list':
      return '#/history';
    case 'show':
      return `#/history/${encodeURIComponent(route.showId)}`;
    case 'compare':
      return `#/history/${encodeURIComponent(route.showId)}/compare${
        route.otherId ? `/${encodeURIComponent(route.otherId)}` : ''
      }`;
  }
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The current hash (re-renders on change). */
export function useLocationHash(): string {
  return useSyncExternalStore(subscribe, () => window.location.hash);
}

/** The history route, or null when the hash is not a history page. */
export function useHistoryRoute(): HistoryRoute | null {
  return parseHistoryHash(useLocationHash());
}

export function goTo(hash: string): void {
  window.location.hash = hash;
}

/** Back to the live board: no hash at all. */
export function goToBoard(): void {
  history.pushState(null, '', window.location.pathname + window.location.search);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}
