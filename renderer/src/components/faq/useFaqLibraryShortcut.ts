import { useEffect } from 'react';
import { faqUi, useFaqUi } from '../../state/faqUi.js';

/**
 * Ctrl+/ (⌘/ on macOS) opens the 话术库 at its search box — "/" searches inside it. Chosen
 * outside the keys an FAQ hotkey may use (F1–F12, Ctrl/Alt + letter or digit), so no entry can
 * ever shadow it, and clear of Ctrl+, (settings).
 */
export const FAQ_LIBRARY_SHORTCUT = 'Control+Slash';

export function isFaqLibraryShortcut(event: KeyboardEvent): boolean {
  return (
    (event.ctrlKey || event.metaKey) &&
    !event.altKey &&
    !event.shiftKey &&
    (event.key === '/' || event.code === 'Slash')
  );
}

export function focusFaqSearch(): void {
  const input = document.querySelector<HTMLInputElement>('[data-testid="faq-search"]');
  input?.focus();
  input?.select();
}

export function useFaqLibraryShortcut(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isFaqLibraryShortcut(event)) return;
      event.preventDefault();
      if (useFaqUi.getState().open && useFaqUi.getState().tab === 'entries') {
        focusFaqSearch();
        return;
      }
      faqUi.open('entries');
      // Already open on another tab: the search box mounts with the tab; focus it then.
      requestAnimationFrame(focusFaqSearch);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
