import { useEffect } from 'react';
import { reportUi } from '../../state/reportUi.js';
import { modalOpen } from '../../hooks/modalOpen.js';

/**
 * F4 opens the summary view and closes it again. F10, the first choice, is taken: it is the
 * menu-bar key of Windows (and of the Electron window's menu) and focuses Chrome's menu in the
 * web host. F6–F9 are the board's (待回复, 事故, 告警, 清单), F5 reloads, F11/F12 are the
 * browser's; F4 has no meaning of its own in Chromium or Electron (Alt+F4 is another key).
 * An FAQ hotkey set to F4 wins (the FAQ editor warns about it).
 */
export const REPORT_KEY = 'F4';

const plain = (event: KeyboardEvent) => !event.ctrlKey && !event.altKey && !event.metaKey && !event.shiftKey;

export function useReportShortcut(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== REPORT_KEY || event.defaultPrevented || !plain(event) || modalOpen()) return;
      event.preventDefault();
      reportUi.toggle();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
