import { useEffect, useRef } from 'react';

/**
 * Esc anywhere closes the open dialog, after whatever inside handled it first (a confirmation,
 * an edited value reverting: they call preventDefault). On the document, not the dialog: focus
 * may fall to <body> for a moment (a row re-rendered, a button that became disabled).
 */
export function useEscapeToClose(onClose: () => void): void {
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  }, [onClose]);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) close.current();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}
