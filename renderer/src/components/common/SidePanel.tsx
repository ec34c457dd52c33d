import { useEffect, type ReactNode } from 'react';
import { useWindowEscape } from '../../hooks/useWindowEscape.js';
import { useTopBarBottom } from '../../hooks/useTopBarBottom.js';

/**
 * A drawer on the right edge, from the top bar down (the bar's tools and the metrics stay in
 * sight). Not modal: the board stays usable. Esc inside it (or with focus nowhere) closes it;
 * focus goes back to where it was when the panel opened, unless that was inside the panel.
 */
export function SidePanel({
  labelledBy,
  testId,
  className,
  onClose,
  children,
}: {
  labelledBy: string;
  testId: string;
  className?: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const top = useTopBarBottom();
  // Esc with the keyboard nowhere (<body>: a click on the board's background, a focused row
  // re-rendered away) closes the drawer too.
  useWindowEscape(onClose, focusNowhere);
  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    return () => {
      if (previous?.isConnected && !previous.closest(`[data-testid="${testId}"]`)) previous.focus();
    };
  }, [testId]);
  return (
    <aside
      className={className ? `side-panel ${className}` : 'side-panel'}
      role="dialog"
      aria-modal="false"
      aria-labelledby={labelledBy}
      data-testid={testId}
      style={{ top }}
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || event.defaultPrevented) return;
        event.preventDefault();
        onClose();
      }}
    >
      {children}
    </aside>
  );
}

const focusNowhere = () => document.activeElement === null || document.activeElement === document.body;
