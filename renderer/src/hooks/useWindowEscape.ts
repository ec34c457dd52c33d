import { useEffect, useRef } from 'react';
import { modalOpen } from './modalOpen.js';

/**
 * Esc that reaches the window: after whatever used it first (a select's list, a confirmation,
 * an editor reverting: they prevent it), and never from under a modal dialog (settings, the FAQ
 * library). Whether a dialog was open — and `when`, if given — is read as the key goes down
 * (capture): a dialog that Esc closes is gone by the time the key reaches the window.
 */
export function useWindowEscape(onEscape: () => void, when?: () => boolean): void {
  const handler = useRef({ onEscape, when });
  useEffect(() => {
    handler.current = { onEscape, when };
  }, [onEscape, when]);
  useEffect(() => {
    let armed = false;
    const onCapture = (event: KeyboardEvent) => {
      if (event.key === 'Escape') armed = !modalOpen() && (handler.current.when?.() ?? true);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented || !armed) return;
      handler.current.onEscape();
    };
    window.addEventListener('keydown', onCapture, true);
    window.addEventListener('keydown', onKeyDown);
    return () => {
      window.removeEventListener('keydown', onCapture, true);
      window.removeEventListener('keydown', onKeyDown);
    };
  }, []);
}
